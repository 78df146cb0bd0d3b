"""Ringkasan: headline figures of the chosen region, its trend since 2016, its leading and lagging parts."""

from __future__ import annotations

import streamlit as st

from kkb import charts, export, fmt, overview
from kkb.classification import CLASSES
from kkb.i18n import t
from kkb.sentences import attainment_text
from pages import _common as ui

v = ui.view()
name = ui.region_name(v.code)
ui.page_header(v, t("ringkasan_title", v.lang, region=name))

m = ui.region_metrics(v.code, v.periode, v.metode)
if m.pembentukan == 0:
    st.info(t("no_data", v.lang, region=name, periode=v.periode))
    st.stop()

yoy = m.perubahan_tahunan
cols = st.columns(4)
with cols[0]:
    ui.metric(
        t("pembentukan", v.lang),
        ui.number(m.pembentukan, v),
        fmt.signed(yoy.get("pembentukan"), v.lang) + " " + t("per_year", v.lang),
    )
with cols[1]:
    ui.metric(
        t("cakupan_desa_persen", v.lang),
        ui.percent(m.cakupan_desa_persen, v),
        fmt.signed(yoy.get("cakupan_desa_persen"), v.lang, 2, "pp") + " " + t("per_year", v.lang),
        t("cakupan_help", v.lang, n=ui.number(m.desa_terbentuk, v), of=ui.number(m.jml_desa_kel, v)),
    )
with cols[2]:
    ui.metric(
        t("mandiri_plus_persen", v.lang),
        ui.percent(m.mandiri_plus_persen, v),
        fmt.signed(yoy.get("mandiri_plus_persen"), v.lang, 2, "pp") + " " + t("per_year", v.lang),
        t("mandiri_plus_help", v.lang, n=ui.number(m.mandiri_plus, v), of=ui.number(m.terklasifikasi, v)),
    )
with cols[3]:
    ui.metric(
        t("terklasifikasi", v.lang),
        ui.number(m.terklasifikasi, v),
        help_text=t("belum_terklasifikasi_n", v.lang, n=ui.number(m.pembentukan - m.terklasifikasi, v)),
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

trend = ui.trend(v.code, v.metode)
trend = trend[trend["periode"] <= v.periode]
ui.chart(
    charts.class_trend(trend, t("trend_title", v.lang, region=name), v.lang),
    trend,
    key="trend",
    v=v,
    name="tren-kelas",
)
left, right = st.columns(2)
with left:
    if v.level < 3:
        mix = ui.children(v.code, v.periode, v.metode)
        mix = mix.assign(wilayah=[ui.region_name(c) for c in mix["kode"]])
        mix = mix[mix["terklasifikasi"].fillna(0) > 0].sort_values("mandiri_plus_persen", ascending=False)
        title = t("mix_children_title", v.lang, region=name, level=t(f"level_{v.level + 1}", v.lang))
    else:
        mix = ui.children(v.code[:5], v.periode, v.metode)
        mix = mix[mix["kode"] == v.code].assign(wilayah=name)
        title = t("mix_title", v.lang, region=name)
    if v.level < 3 and ui.children_unknown(ui.children(v.code, v.periode, v.metode)):
        level = t(f"level_{v.level + 1}", v.lang)
        st.info(t("children_unknown_short", v.lang, region=name, level=level))
    elif mix.empty:
        st.info(t("no_classified", v.lang, region=name, periode=v.periode))
    else:
        columns = ["kode", "wilayah", "terklasifikasi", *[c.lower() for c in CLASSES], "mandiri_plus_persen"]
        ui.chart(
            charts.class_mix(mix, "wilayah", title, v.lang),
            mix[columns],
            key="mix",
            v=v,
            name="sebaran-kelas",
        )

with right:
    if v.level < 3 and ui.children_unknown(ui.children(v.code, v.periode, v.metode)):
        pass  # said once, on the left
    elif v.level < 3:
        kids = ui.children(v.code, v.periode, v.metode)
        kids = kids.assign(wilayah=[ui.region_name(c) for c in kids["kode"]])
        options = ui.known_metrics(kids, ["cakupan_desa_persen", "mandiri_plus_persen", "per_100_desa"])
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
        shown = (lambda x: ui.percent(x, v)) if percent else (lambda x: ui.number(x, v, 1))
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
        ui.chart(
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
    kids = ui.children(v.code, v.periode, v.metode)
    kids = kids.assign(wilayah=[ui.region_name(c) for c in kids["kode"]])
    table = overview.class_table(kids, m, t("total", v.lang))
    labels = {"wilayah": t(f"level_{v.level + 1}", v.lang).capitalize()}
    for klass in CLASSES:
        labels[klass.lower()] = t("class_count", v.lang, klass=klass)
        labels[f"{klass.lower()}_persen"] = t("class_share", v.lang, klass=klass)
    labels["pembentukan"] = t("total", v.lang)
    st.dataframe(export.display(table, v.lang, labels), hide_index=True)
    st.caption(t("class_table_note", v.lang) + " " + ui.source_caption(v))
    ui.table_downloads(
        table,
        v,
        ui.stem(v, "tabel-klasifikasi"),
        key="tabel_kelas",
        title=t("class_table_title", v.lang, level=level, region=name, periode=v.periode),
        labels=labels,
    )
