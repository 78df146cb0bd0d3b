"""Perbandingan: two to four regions side by side (default Banten and Riau)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkb import charts, compare, slides
from kkb.i18n import t
from kkb.sentences import denominator_text, goal_labels
from pages import _cache as cache
from pages import _context as fp
from pages import _render as render
from pages import _state as state

DEFAULT = ["36", "14"]

v = state.view()
render.page_header(v, t("page_perbandingan", v.lang), notices=False)

options = state.comparable_regions()


chosen = st.multiselect(
    t("compare_pick", v.lang),
    options,
    default=DEFAULT,
    format_func=state.compare_label,
    max_selections=4,
    key=state.param("banding"),
    bind="query-params",
)
if len(chosen) < 2:
    st.info(t("compare_need_two", v.lang))
    st.stop()

reports = {code: cache.report_at(v, code) for code in chosen}
found = {code: r.metrics for code, r in reports.items()}
labels = {code: state.compare_label(code) for code in chosen}
made_up = [labels[code] for code, r in reports.items() if r.synthetic]
if made_up:  # the regions compared, not the sidebar's
    which = t("compare_synthetic", v.lang, regions=", ".join(made_up))
    st.warning(t("synthetic_notice", v.lang) + " " + which, icon="⚠️")
table = compare.headline(found, labels)

st.subheader(t("compare_headline", v.lang))
st.dataframe(compare.formatted(table, v.lang), hide_index=True)
compared = " ".join(labels[code] for code in chosen)
render.table_downloads(
    compare.in_words(table, v.lang)
    .drop(columns=["metrik", "satuan"])
    .rename(columns={"label": t("metrik_col", v.lang)}),
    v,
    render.stem(v, "perbandingan-angka-utama", compared),
    key="banding_tabel",
    title=t("compare_headline", v.lang),
)
st.caption(t("compare_diff_note", v.lang, first=labels[chosen[0]]))

left, right = st.columns(2)
with left:
    mix = slides.class_mix_frame(found, labels)
    mix_title = t("compare_mix_title", v.lang, periode=v.periode)
    if int(mix["terklasifikasi"].sum()) == 0:
        st.info(t("no_classified", v.lang, region=", ".join(labels.values()), periode=v.periode))
    else:
        render.chart(
            cache.figure((v, *chosen), charts.class_mix, mix, "wilayah", mix_title, v.lang),
            mix,
            key="banding_kelas",
            v=v,
            name="perbandingan-kelas",
            region=compared,
        )
with right:
    per100 = st.toggle(t("per_100_toggle", v.lang), key=state.param("per100"), bind="query-params")
    series = {}
    for code in chosen:
        trend = reports[code].trend
        series[labels[code]] = compare.normalised(trend, found[code].jml_desa_kel) if per100 else trend
    column = "per_100_desa" if per100 else "pembentukan"
    title = t("compare_formation_title", v.lang, unit=t(column, v.lang))
    long = pd.concat([s.assign(wilayah=name) for name, s in series.items()], ignore_index=True)
    render.chart(
        cache.figure((v, per100, *chosen), charts.lines, series, column, title, t(column, v.lang), v.lang),
        long[["wilayah", "periode", column]],
        key="banding_tren",
        v=v,
        name=f"perbandingan-{column}",
        region=compared,
    )

st.subheader(t("compare_targets", v.lang))
goals = compare.attainments(found, labels)
if goals.empty:
    st.info(t("no_target", v.lang).capitalize() + ".")
else:
    goals.insert(int(goals.columns.get_loc("metrik")) + 1, "label", goal_labels(goals, v.lang))
    goals_title = t("compare_attainment_title", v.lang, periode=v.periode)
    note = denominator_text(goals, v.lang)
    if note:
        st.warning(t("compare_denominators", v.lang, details=note), icon="ℹ️")
    render.chart(
        cache.figure((v, *chosen), charts.attainment, goals, "label", goals_title, v.lang),
        goals,
        key="banding_target",
        v=v,
        name="perbandingan-target",
        region=compared,
    )

fp.compared(v, reports, labels)
fp.published(v, chosen, labels)
