"""Ringkasan: headline figures of the chosen region, its trend since 2016, its leading and lagging parts."""

from __future__ import annotations

import streamlit as st

from kkb import charts, overview, slides
from kkb.classification import CLASSES
from kkb.i18n import t
from kkb.regions import NATION
from kkb.sentences import attainment_text, standing_text
from pages import _cache as cache
from pages import _context as fp
from pages import _render as render
from pages import _state as state

v = state.view()
r = cache.report_of(v)
m, name = r.metrics, r.label
render.page_header(v, t("ringkasan_title", v.lang, region=name))
if r.empty:
    st.info(t("no_data", v.lang, region=name, periode=v.periode))
    st.stop()

render.headline_metrics(v, m)
st.markdown(f"**{t('capaian', v.lang)}**")
lines = [
    f"- {t(key, v.lang)}: {attainment_text(m.capaian[key], v.lang, v.periode)}"
    for key in ("pembentukan", "cakupan_desa_persen", "mandiri_plus_persen", "mandiri_plus_jumlah")
    if m.capaian[key].target is not None
]
st.markdown("\n".join(lines) if lines else t("no_target", v.lang).capitalize() + ".")

trend_figure = cache.figure((v,), slides.trend, cache.data(), v)
render.chart(trend_figure, r.trend, key="trend", v=v, name="tren-kelas")

level = t(f"level_{v.level + 1}", v.lang)
kids = r.children
unknown = v.level < 3 and render.children_unknown(kids)
left, right = st.columns(2)
with left:
    if v.level < 3:
        mix = kids[kids["terklasifikasi"].fillna(0) > 0].sort_values("mandiri_plus_persen", ascending=False)
        title = t("mix_children_title", v.lang, region=name, level=level)
    else:  # a kecamatan: its own mix
        mix = slides.class_mix_frame({v.code: m}, {v.code: name})
        mix = mix.assign(mandiri_plus_persen=m.mandiri_plus_persen)
        title = t("mix_title", v.lang, region=name)
    if unknown:
        st.info(t("children_unknown_short", v.lang, region=name, level=level))
    elif mix.empty:
        st.info(t("no_classified", v.lang, region=name, periode=v.periode))
    else:
        columns = ["kode", "wilayah", "terklasifikasi", *[c.lower() for c in CLASSES], "mandiri_plus_persen"]
        figure = cache.figure((v,), charts.class_mix, mix, "wilayah", title, v.lang)
        render.chart(figure, mix[columns], key="mix", v=v, name="sebaran-kelas")

with right:
    if v.level < 3 and not unknown:
        options = render.known_metrics(kids, ["cakupan_desa_persen", "mandiri_plus_persen", "per_100_desa"])
        metric_key = st.radio(
            t("rank_by", v.lang),
            options,
            format_func=lambda k: t(k, v.lang),
            key=state.param("urut"),
            bind="query-params",
            horizontal=True,
        )
        ranked = kids.sort_values(metric_key, ascending=False, na_position="last")
        percent = metric_key.endswith("_persen")
        shown = (lambda x: render.percent(x, v)) if percent else (lambda x: render.number(x, v, 1))
        # a difference under one point (percentages, or Kampung KB per 100 desa) is not worth a name
        ends = overview.standing(ranked, "wilayah", metric_key, gap=1.0)
        if said := standing_text(ends, shown, percent, v.lang):
            st.markdown(said)
        label = t(metric_key, v.lang)
        title = t("rank_title", v.lang, metric=label, region=name, level=level)
        named = ends.leading + ends.lagging
        figure = cache.figure(
            (v, metric_key),
            charts.ranking,
            ranked,
            "wilayah",
            metric_key,
            title,
            label,
            v.lang,
            percent,
            named,
        )
        columns = ["kode", "wilayah", metric_key, "pembentukan", "desa_terbentuk", "jml_desa_kel"]
        render.chart(figure, ranked[columns], key="rank", v=v, name=f"peringkat-{metric_key}")

if v.level < 3:
    render.class_table(v, r, key="tabel_kelas")

fp.section(v, r)
province = v.code[:2] if v.code != NATION else NATION
fp.published(
    v, [province, NATION], {province: render.region_name(province), NATION: render.region_name(NATION)}
)
