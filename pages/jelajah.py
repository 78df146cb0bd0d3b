"""Jelajah: the filterable, sortable table of Kampung KB with their twelve scores; a row opens its profile."""

from __future__ import annotations

import zlib

import streamlit as st

from kkb import explore, fmt
from kkb.classification import CLASSES
from kkb.i18n import t
from kkb.indicators import DQ_FLAGS
from pages import _cache as cache
from pages import _render as render
from pages import _state as state
from pages import _tables as tables

#: Excel downloads stop here (a workbook of more rows is slow to build and to open); CSV has no limit
XLSX_ROWS = 20_000

v = state.view()
name = render.region_name(v.code)
render.page_header(v, t("jelajah_title", v.lang, region=name))

frame = cache.kampung(v.code, v.periode, v.metode)
if frame.empty:
    st.info(t("no_data", v.lang, region=name, periode=v.periode))
    st.stop()

UNCLASSIFIED = "-"
known_years = frame["tahun_pencanangan"].dropna()
first_year, last_year = (int(known_years.min()), int(known_years.max())) if len(known_years) else (0, 0)
c1, c2, c3, c4 = st.columns([2, 2, 2, 2])
with c1:
    classes = st.multiselect(
        t("kelas", v.lang),
        [*CLASSES, UNCLASSIFIED],
        format_func=lambda c: t("belum_terklasifikasi", v.lang) if c == UNCLASSIFIED else c,
        key=state.param("kelas"),
        bind="query-params",
        placeholder=t("all_classes", v.lang),
    )
with c2:
    years: tuple[int, int] | None = (first_year, last_year) if len(known_years) else None
    if first_year < last_year:
        state.keep_range_within(state.param("tahun"), first_year, last_year)
        years = st.slider(
            t("formation_year", v.lang),
            first_year,
            last_year,
            (first_year, last_year),
            key=state.param("tahun"),
            bind="query-params",
        )
with c3:
    dq_options = [explore.DQ_ANY, explore.DQ_FLAGGED, explore.DQ_CLEAN, *DQ_FLAGS]
    dq = st.selectbox(
        t("dq_filter", v.lang),
        dq_options,
        format_func=lambda k: t(f"dqf_{k}", v.lang) if not k.startswith("dq_") else t(k, v.lang),
        key=state.param("dq"),
        bind="query-params",
    )
with c4:
    text = st.text_input(
        t("search", v.lang),
        key=state.param("cari"),
        bind="query-params",
        placeholder=t("search_hint", v.lang),
    )

chosen = [("" if c == UNCLASSIFIED else c) for c in classes] or None
shown = explore.filter_kampung(frame, chosen, (int(years[0]), int(years[1])) if years else None, dq, text)
st.markdown(
    t("jelajah_count", v.lang, n=render.number(len(shown), v), of=render.number(len(frame), v), region=name)
)
if shown.empty:
    st.info(t("no_rows", v.lang))
    st.stop()

columns, config = tables.kampung_columns(v, frame)
table = tables.first_rows(v, shown, columns, config)
event = st.dataframe(
    table,
    hide_index=True,
    column_config=config,
    on_select="rerun",
    selection_mode="single-row",
    # a row is picked by its place in the list: a list filtered otherwise is a new table, with no row
    # picked, so that the pick never points at another Kampung KB
    key=f"jelajah_tabel_{zlib.crc32(repr((v, classes, years, dq, text)).encode()):08x}",
    height=480,
)
render.source_note(render.source_caption(v) + " · " + t("jelajah_hint", v.lang))

rows = event.selection.rows if event is not None else []
if rows:
    picked = shown.iloc[rows[0]]
    # A link, not st.switch_page: switching pages clears the URL, which the widgets bound to it forbid.
    # The link keeps the bound parameters (language, region, periode) and adds the Kampung KB.
    st.page_link(
        "pages/profil.py",
        label=t("open_profile", v.lang, name=fmt.plain(picked["nama"])),
        icon="➡️",
        query_params={state.param("kampung"): str(picked["id"])},
    )

export = shown.drop(columns=["lat", "lng"]).copy()
stem = render.stem(v, "daftar-kampung-kb")
if len(export) <= XLSX_ROWS:
    render.table_downloads(export, v, stem, key="jelajah", title=t("page_jelajah", v.lang))
else:
    csv = lambda: render.csv_bytes(export, v.lang)  # noqa: E731 (built when clicked)
    st.download_button(t("download_csv", v.lang), csv, f"{stem}.csv", "text/csv", on_click="ignore")
    st.caption(t("xlsx_too_many", v.lang))
