"""Ringkasan: headline figures of the chosen region, its trend since 2016, its leading and lagging parts."""

from __future__ import annotations

import streamlit as st

from kkb import charts, export, fmt, overview
from kkb.classification import CLASSES
from kkb.i18n import t
from kkb.sentences import attainment_text
from pages import _cache as cache
from pages import _render as render
from pages import _state as state

v = state.view()
name = render.region_name(v.code)
render.page_header(v, t("ringkasan_title", v.lang, region=name))

m = cache.region_metrics(v.code, v.periode, v.metode)
if m.pembentukan == 0:
    st.info(t("no_data", v.lang, region=name, periode=v.periode))
    st.stop()

yoy = m.perubahan_tahunan
cols = st.columns(4)
with cols[0]:
    render.metric(
        t("pembentukan", v.lang),
        render.number(m.pembentukan, v),
        fmt.signed(yoy.get("pembentukan"), v.lang) + " " + t("per_year", v.lang),
    )
with cols[1]:
    render.metric(
        t("cakupan_desa_persen", v.lang),
        render.percent(m.cakupan_desa_persen, v),
        fmt.signed(yoy.get("cakupan_desa_persen"), v.lang, 2, "pp") + " " + t("per_year", v.lang),
        t("cakupan_help", v.lang, n=render.number(m.desa_terbentuk, v), of=render.number(m.jml_desa_kel, v)),
    )
with cols[2]:
    render.metric(
        t("mandiri_plus_persen", v.lang),
        render.percent(m.mandiri_plus_persen, v),
        fmt.signed(yoy.get("mandiri_plus_persen"), v.lang, 2, "pp") + " " + t("per_year", v.lang),
        t(
            "mandiri_plus_help",
            v.lang,
            n=render.number(m.mandiri_plus, v),
            of=render.number(m.terklasifikasi, v),
        ),
    )
with cols[3]:
    render.metric(
        t("terklasifikasi", v.lang),
        render.number(m.terklasifikasi, v),
        help_text=t("belum_terklasifikasi_n", v.lang, n=render.number(m.pembentukan - m.terklasifikasi, v)),
    )

st.markdown(f"**{t('capaian', v.lang)}**")
lines = []
for metric_key in ("pembentukan", "cakupan_desa_persen", "mandiri_plus_persen", "mandiri_plus_jumlah"):
    a = m.capaian[metric_key]
    if a.target is not None:
        lines.append(f"- {t(metric_key, v.lang)}: {attainment_text(a, v.lang, v.periode)}")
if lines:
    st.markdown("\n".join(lines))
else:
    st.markdown(t("no_target", v.lang).capitalize() + ".")

trend = cache.trend(v.code, v.metode)
trend = trend[trend["periode"] <= v.periode]
render.chart(
    charts.class_trend(trend, t("trend_title", v.lang, region=name), v.lang),
    trend,
    key="trend",
    v=v,
    name="tren-kelas",
)
left, right = st.columns(2)
with left:
    if v.level < 3:
        mix = cache.children(v.code, v.periode, v.metode)
        mix = mix.assign(wilayah=[render.region_name(c) for c in mix["kode"]])
        mix = mix[mix["terklasifikasi"].fillna(0) > 0].sort_values("mandiri_plus_persen", ascending=False)
        title = t("mix_children_title", v.lang, region=name, level=t(f"level_{v.level + 1}", v.lang))
    else:
        mix = cache.children(v.code[:5], v.periode, v.metode)
        mix = mix[mix["kode"] == v.code].assign(wilayah=name)
        title = t("mix_title", v.lang, region=name)
    if v.level < 3 and render.children_unknown(cache.children(v.code, v.periode, v.metode)):
        level = t(f"level_{v.level + 1}", v.lang)
        st.info(t("children_unknown_short", v.lang, region=name, level=level))
    elif mix.empty:
        st.info(t("no_classified", v.lang, region=name, periode=v.periode))
    else:
        columns = ["kode", "wilayah", "terklasifikasi", *[c.lower() for c in CLASSES], "mandiri_plus_persen"]
        render.chart(
            charts.class_mix(mix, "wilayah", title, v.lang),
            mix[columns],
            key="mix",
            v=v,
            name="sebaran-kelas",
        )

with right:
    if v.level < 3 and render.children_unknown(cache.children(v.code, v.periode, v.metode)):
        pass  # said once, on the left
    elif v.level < 3:
        kids = cache.children(v.code, v.periode, v.metode)
        kids = kids.assign(wilayah=[render.region_name(c) for c in kids["kode"]])
        options = render.known_metrics(kids, ["cakupan_desa_persen", "mandiri_plus_persen", "per_100_desa"])
        metric_key = st.radio(
            t("rank_by", v.lang),
            options,
            format_func=lambda k: t(k, v.lang),
            key="urut",
            bind="query-params",
            horizontal=True,
        )
        ranked = kids.sort_values(metric_key, ascending=False, na_position="last")
        percent = metric_key.endswith("_persen")
        shown = (lambda x: render.percent(x, v)) if percent else (lambda x: render.number(x, v, 1))
        # a difference under one point (percentages, or Kampung KB per 100 desa) is not worth a name
        ends = overview.standing(ranked, "wilayah", metric_key, gap=1.0)
        if ends.top is not None and ends.top == ends.bottom:
            st.markdown(t("all_equal", v.lang, value=shown(ends.top)))
        elif ends.close:
            st.markdown(t("all_close", v.lang, low=shown(ends.bottom), high=shown(ends.top)))
        elif ends.top is not None:
            st.markdown(
                t(
                    "leading_lagging",
                    v.lang,
                    leading=", ".join(ends.leading)
                    or t("tied_at", v.lang, n=ends.tied_top, value=shown(ends.top)),
                    lagging=", ".join(ends.lagging)
                    or t("tied_at", v.lang, n=ends.tied_bottom, value=shown(ends.bottom)),
                )
                + " "
                + t(
                    "spread",
                    v.lang,
                    low=shown(ends.bottom),
                    high=shown(ends.top),
                    width=fmt.number(ends.spread, v.lang, 1) + (" " + t("points", v.lang) if percent else ""),
                )
            )
        leading, lagging = ends.leading, ends.lagging
        level = t(f"level_{v.level + 1}", v.lang)
        title = t("rank_title", v.lang, metric=t(metric_key, v.lang), region=name, level=level)
        render.chart(
            charts.ranking(
                ranked,
                "wilayah",
                metric_key,
                title,
                t(metric_key, v.lang),
                v.lang,
                percent,
                leading + lagging,
            ),
            ranked[["kode", "wilayah", metric_key, "pembentukan", "desa_terbentuk", "jml_desa_kel"]],
            key="rank",
            v=v,
            name=f"peringkat-{metric_key}",
        )

if v.level < 3:
    level = t(f"level_{v.level + 1}", v.lang)
    st.subheader(t("class_table_title", v.lang, level=level, region=name, periode=v.periode))
    kids = cache.children(v.code, v.periode, v.metode)
    kids = kids.assign(wilayah=[render.region_name(c) for c in kids["kode"]])
    table = overview.class_table(kids, m, t("total", v.lang))
    labels = {"wilayah": t(f"level_{v.level + 1}", v.lang).capitalize()}
    for klass in CLASSES:
        labels[klass.lower()] = t("class_count", v.lang, klass=klass)
        labels[f"{klass.lower()}_persen"] = t("class_share", v.lang, klass=klass)
    labels["pembentukan"] = t("total", v.lang)
    st.dataframe(export.display(table, v.lang, labels), hide_index=True)
    st.caption(t("class_table_note", v.lang) + " " + render.source_caption(v))
    render.table_downloads(
        table,
        v,
        render.stem(v, "tabel-klasifikasi"),
        key="tabel_kelas",
        title=t("class_table_title", v.lang, level=level, region=name, periode=v.periode),
        labels=labels,
    )
