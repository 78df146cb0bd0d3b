"""Peta: a choropleth of provinces (nation) or kab/kota (province); Kampung KB points inside a kab/kota."""

from __future__ import annotations

import streamlit as st

from kkb import context, geo, maps, slides
from kkb.i18n import t
from kkb.regions import NATION, parent_of
from pages import _cache as cache
from pages import _context as fp
from pages import _maps as maps_
from pages import _render as render
from pages import _state as state

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
    fp = r.fp_children[["kode", "desa_pus", "pus", *maps_.CONTEXT]]
    kids = kids.merge(fp, on="kode", how="left") if not fp.empty else kids
    left, right = st.columns([2, 1])
    with left:
        metric_key = st.selectbox(
            t("map_metric", v.lang),
            render.known_metrics(kids, list(maps_.METRICS)),
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
    percent, colour = maps_.METRICS[metric_key]
    level = t(f"level_{v.level + 1}", v.lang)
    month = r.fp.periode if metric_key in maps_.CONTEXT else v.periode  # New SIGA's month, or the view's
    title = t("map_title", v.lang, metric=t(metric_key, v.lang), level=level, region=name, periode=month)
    if metric_key == "capaian_persen":
        st.caption(t("capaian_map_note", v.lang))
    if render.children_unknown(kids):
        st.info(t("children_unknown_short", v.lang, region=name, level=level))
    elif int(kids["pembentukan"].fillna(0).sum()) == 0:
        st.info(t("no_data", v.lang, region=name, periode=v.periode))
    else:
        label = t(metric_key, v.lang)
        fig = cache.figure(
            (v, metric_key), maps.choropleth, kids, shapes, metric_key, title, label, v.lang, percent, colour
        )
        st.caption(t("map_click_hint", v.lang))
        columns = maps_.carried(metric_key)
        if metric_key == "capaian_persen":
            columns += ["target_metrik", "target_tahun", "target_nilai", "aktual", "target_sumber"]
        table = kids[columns].sort_values(metric_key, ascending=False)
        said = context.source_line(r.fp, v.lang) if metric_key in maps_.CONTEXT else None
        render.chart(
            fig,
            table,
            key="peta_map",
            v=v,
            name=f"peta-{metric_key}",
            on_select=_drill_from_map,
            caption=said,
        )
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
            cache.figure((v,), slides.map_, cache.data(), v),
            points[["id", "nama", "desa", "kecamatan", "klasifikasi", "tahun_pencanangan", "lat", "lng"]],
            key="peta_titik",
            v=v,
            name="titik-kampung-kb",
            on_select=_open_from_points,
        )
    fp.desa_map(v, r)
