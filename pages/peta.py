"""Peta: a choropleth of provinces (nation) or kab/kota (province); Kampung KB points inside a kab/kota."""

from __future__ import annotations

import streamlit as st

from kkb import charts, geo, maps, palette, slides
from kkb.i18n import t
from kkb.regions import NATION, parent_of
from pages import _cache as cache
from pages import _render as render
from pages import _state as state

METRICS = {
    "cakupan_desa_persen": (True, charts.ACCENT),
    "mandiri_plus_persen": (True, charts.CLASS_COLOURS["Mandiri"]),
    "capaian_persen": (True, charts.TARGET_COLOUR),
    "per_100_desa": (False, charts.ACCENT),
    "dasar_persen": (True, charts.CLASS_COLOURS["Dasar"]),
    "berkembang_persen": (True, palette.CLASS_ON_MAP["Berkembang"]),
    "mandiri_persen": (True, charts.CLASS_COLOURS["Mandiri"]),
    "berkelanjutan_persen": (True, charts.CLASS_COLOURS["Berkelanjutan"]),
}

#: the counts a map's download carries beside its metric
COUNTS = ("pembentukan", "desa_terbentuk", "jml_desa_kel", "terklasifikasi")
#: a Kampung KB whose point was clicked: its profile opens on the next run
OPEN_PROFILE = "peta_buka_profil"

v = state.view()
r = cache.report_of(v)
name = r.label
render.page_header(v, t("peta_title", v.lang, region=name))


def _drill_from_map() -> None:
    if (code := render.clicked("peta_map")) is not None:
        state.go_to(code)


def _open_from_points() -> None:
    if (kampung := render.clicked("peta_titik")) is not None:
        st.session_state[OPEN_PROFILE] = kampung


def _drill_from_list() -> None:
    code = st.session_state.get("peta_buka")
    if code:
        state.go_to(str(code))


def _up() -> None:
    state.go_to(parent_of(v.code) or NATION)


if v.code != NATION:
    st.button(t("up_level", v.lang, region=render.region_name(parent_of(v.code) or NATION)), on_click=_up)

shapes = geo.children_shapes(cache.boundaries(), v.code)
if shapes is not None:
    kids = r.schedule.sort_index()  # the children with their attainment, in the children's order
    left, right = st.columns([2, 1])
    with left:
        metric_key = st.selectbox(
            t("map_metric", v.lang),
            render.known_metrics(kids, list(METRICS)),
            format_func=lambda k: t(k, v.lang),
            key=state.param("metrik"),
            bind="query-params",
        )
    with right:
        st.selectbox(
            t("open_region", v.lang, level=t(f"level_{v.level + 1}", v.lang)),
            ["", *kids["kode"]],
            format_func=lambda c: render.region_name(c) if c else "—",
            key="peta_buka",
            on_change=_drill_from_list,
        )
    percent, colour = METRICS[metric_key]
    level = t(f"level_{v.level + 1}", v.lang)
    title = t("map_title", v.lang, metric=t(metric_key, v.lang), level=level, region=name, periode=v.periode)
    if metric_key == "capaian_persen":
        st.caption(t("capaian_map_note", v.lang))
    if render.children_unknown(kids):
        st.info(t("children_unknown_short", v.lang, region=name, level=level))
    elif int(kids["pembentukan"].fillna(0).sum()) == 0:
        st.info(t("no_data", v.lang, region=name, periode=v.periode))
    else:
        fig = maps.choropleth(kids, shapes, metric_key, title, t(metric_key, v.lang), v.lang, percent, colour)
        st.caption(t("map_click_hint", v.lang))
        columns = ["kode", "wilayah", metric_key, *COUNTS]
        if metric_key == "capaian_persen":
            columns += ["target_metrik", "target_tahun", "target_nilai", "aktual", "target_sumber"]
        table = kids[columns].sort_values(metric_key, ascending=False)
        render.chart(fig, table, key="peta_map", v=v, name=f"peta-{metric_key}", on_select=_drill_from_map)
else:
    opened = st.session_state.pop(OPEN_PROFILE, None)
    if opened:
        # only the new parameter: the sidebar's own (bound to its widgets) carry over by themselves
        st.switch_page("pages/profil.py", query_params={state.param("kampung"): opened})
    points = cache.kampung(v.code, v.periode, v.metode)
    if points.empty:
        st.info(t("no_data", v.lang, region=name, periode=v.periode))
    else:
        st.caption(t("points_note", v.lang))
        render.chart(
            slides.map_(cache.data(), v),
            points[["id", "nama", "desa", "kecamatan", "klasifikasi", "tahun_pencanangan", "lat", "lng"]],
            key="peta_titik",
            v=v,
            name="titik-kampung-kb",
            on_select=_open_from_points,
        )
