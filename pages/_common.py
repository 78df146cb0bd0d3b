"""Streamlit glue shared by app.py and the pages: state, cached data access, and render helpers.

``kkb`` never imports streamlit, so caching and widgets live here. The state of a view (language,
region, periode, page options) lives in widgets bound to the URL, so a copied link restores it.
Cached queries are keyed by the database file's identity (path, inode, size, modification time):
when the file is replaced, every cache entry of the old file stops being used. Each script run
pins one version at its start (``pin_database``, called by app.py): every query of that run reads
the file as it was then, even if an import or an undo swaps it in the middle of the run.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from kkb import build, db, explore, export, fmt, geo, info, overview, slides, store
from kkb.classification import DEFAULT_METHOD
from kkb.i18n import t
from kkb.ingest import writing
from kkb.metrics import RegionMetrics
from kkb.regions import NATION, Regions, level_of
from kkb.view import Data, View

LANG, PROV, KAB, KEC, PERIODE, METODE = "lang", "prov", "kab", "kec", "periode", "metode"
LANG_NAMES = {"id": "Indonesia", "en": "English"}

_BUILD_LOCK = threading.Lock()
# a server keeps one Chromium for chart downloads and briefing packs (a fresh one costs 2–3 s a chart)
export.keep_renderer()


# --- the database --------------------------------------------------------------------------------


#: what the first look at each database file in this process cleaned up (files killed runs left)
_SWEPT: dict[Path, writing.Swept] = {}


def ensure_database() -> Path:
    """Build the DuckDB file on first start (one build per process), showing its progress.

    A file that is missing while backups of imports lie beside it is not built anew as synthetic
    data: the imports would be gone without a word. The error says how to put the newest back.
    Files that killed imports or undos left are cleaned once per process (``swept``).
    """
    path = db.default_db_path()
    if path.exists():
        if path not in _SWEPT:
            with _BUILD_LOCK:
                if path not in _SWEPT:
                    _SWEPT[path] = writing.sweep(path)
        return path
    with _BUILD_LOCK:
        held = writing.list_backups(path)
        if not path.exists() and held:
            raise db.DatabaseError(
                f"{path}: berkas basis data tidak ada, padahal {len(held)} cadangan impor ada di "
                f"{writing.backups_dir(path)} — data impor tidak diganti diam-diam dengan data sintetis. "
                f"Kembalikan cadangan terbaru dengan `python -m kkb undo --db {path}`; bila data itu "
                "memang tidak dipakai lagi, pindahkan folder cadangan itu, lalu muat ulang halaman"
            )
        if not path.exists():
            bar = st.progress(0.0, text=t("first_build", lang()))
            build.build(path, progress=lambda f, m: bar.progress(min(max(f, 0.0), 1.0), text=m))
            bar.empty()
    return path


@dataclass(frozen=True)
class _Pinned:
    """The database version a script run reads: its identity and an open connection to it."""

    key: str
    con: db.Connection


#: the version pinned by the run (or the worker thread) on this thread
_RUN = threading.local()
#: how often a run tries to open the file afresh when it is swapped under it
_PIN_TRIES = 5


def pin_database() -> None:
    """Pin the database version this script run reads (app.py calls it first, on every run)."""
    _RUN.pinned = _open_current()


def _open_current() -> _Pinned:
    path = ensure_database()
    for _ in range(_PIN_TRIES):
        key = db.file_identity(path)
        try:
            return _Pinned(key, _connection(key))
        except db.FileReplaced:
            continue  # swapped between the look and the open: look again
    raise db.DatabaseError(f"{path}: basis data terus diganti; muat ulang halaman sebentar lagi")


def _pinned() -> _Pinned:
    pinned = getattr(_RUN, "pinned", None)
    if pinned is None:  # a thread that is no script run (a test calling a helper): pin for it
        pinned = _RUN.pinned = _open_current()
    return pinned


def swept() -> writing.Swept | None:
    """What was cleaned when this process first opened the database (None: nothing)."""
    found = _SWEPT.get(db.default_db_path())
    return found if found is not None and found.paths else None


def database_key() -> str:
    """The identity of the database version this run reads (see ``db.file_identity``)."""
    return _pinned().key


@st.cache_resource(max_entries=4)
def _connection(key: str) -> db.Connection:
    return db.connect_version(key)


def _con(key: str) -> db.Connection:
    """The connection for ``key``: the run's own when it is the pinned version (always, in a run)."""
    pinned = _pinned()
    return pinned.con if pinned.key == key else _connection(key)


def connection() -> db.Connection:
    """A read-only connection to the database version this run reads."""
    return _pinned().con


@st.cache_resource(max_entries=2)
def _regions(key: str) -> Regions:
    # Down to kecamatan only: no page lists or names desa/kelurahan through it, and leaving out the
    # 83,762 desa makes it 0.2 s instead of 2.3 s, paid by the first visitor after every start.
    return Regions(_table(key, "wilayah"))


def regions() -> Regions:
    """The region hierarchy down to kecamatan (built once per database file)."""
    return _regions(database_key())


@st.cache_resource
def boundaries() -> dict[int, geo.GeoJson]:
    """Province and kab/kota polygons."""
    return geo.read_boundaries(db.DATA_DIR)


@st.cache_data(max_entries=4, show_spinner=False)
def _table(key: str, name: str) -> pd.DataFrame:
    con = _con(key)
    if name == "wilayah":
        return store.wilayah(con, max_level=3)
    if name == "targets":
        return store.targets(con)
    raise KeyError(name)


def wilayah() -> pd.DataFrame:
    """Regions down to kecamatan with their Kemendagri counts."""
    return _table(database_key(), "wilayah")


def targets() -> pd.DataFrame:
    """Targets and published figures."""
    return _table(database_key(), "targets")


@st.cache_data(max_entries=4, show_spinner=False)
def _periods(key: str) -> list[str]:
    return store.periods(_con(key))


def periods() -> list[str]:
    """The months the registry covers, oldest first."""
    return _periods(database_key())


@st.cache_data(max_entries=4, show_spinner=False)
def _summary(key: str) -> info.Summary:
    return info.summary(_con(key))


def summary() -> info.Summary:
    """The overview counts of the database (how many Kampung KB, how many synthetic, …)."""
    return _summary(database_key())


@st.cache_data(max_entries=256, show_spinner=False)
def _region_metrics(key: str, code: str, periode: str, metode: str) -> RegionMetrics:
    return overview.region(_con(key), code, periode, metode, _table(key, "wilayah"), _table(key, "targets"))


def region_metrics(code: str, periode: str, metode: str) -> RegionMetrics:
    """Every metric of ``code`` at ``periode``."""
    return _region_metrics(database_key(), code, periode, metode)


@st.cache_data(max_entries=256, show_spinner=False)
def _children(key: str, code: str, periode: str, metode: str) -> pd.DataFrame:
    return overview.children(_con(key), code, periode, metode, _table(key, "wilayah"))


def children(code: str, periode: str, metode: str) -> pd.DataFrame:
    """Every region one level below ``code`` with counts and rates."""
    return _children(database_key(), code, periode, metode)


@st.cache_data(max_entries=256, show_spinner=False)
def _trend(key: str, code: str, metode: str) -> pd.DataFrame:
    return store.trend(_con(key), code, metode)


def trend(code: str, metode: str) -> pd.DataFrame:
    """Monthly totals of ``code``."""
    return _trend(database_key(), code, metode)


@st.cache_data(max_entries=32, show_spinner=False)
def _kampung(key: str, code: str, periode: str, metode: str) -> pd.DataFrame:
    return explore.kampung_list(_con(key), code, periode, metode)


def kampung(code: str, periode: str, metode: str) -> pd.DataFrame:
    """The Kampung KB of ``code`` formed by ``periode`` with their latest classification."""
    return _kampung(database_key(), code, periode, metode)


@st.cache_data(max_entries=64, show_spinner=False)
def _profile(key: str, kampung_id: str, metode: str) -> explore.Profile | None:
    return explore.profile(_con(key), kampung_id, metode)


def profile(kampung_id: str, metode: str) -> explore.Profile | None:
    """One Kampung KB's identity and history (None when the id is unknown)."""
    return _profile(database_key(), kampung_id, metode)


class CachedData:
    """The cached accessors above as a ``kkb.view.Data`` (for the shared slide builders)."""

    def label(self, code: str) -> str:
        return region_name(code)

    def trend(self, code: str, metode: str) -> pd.DataFrame:
        return trend(code, metode)

    def children(self, code: str, periode: str, metode: str) -> pd.DataFrame:
        return children(code, periode, metode)

    def region_metrics(self, code: str, periode: str, metode: str) -> RegionMetrics:
        return region_metrics(code, periode, metode)

    def schedule(self, code: str, periode: str, metode: str) -> pd.DataFrame:
        return schedule(code, periode, metode)

    def boundaries(self) -> dict[int, geo.GeoJson]:
        return boundaries()

    def kampung(self, code: str, periode: str, metode: str) -> pd.DataFrame:
        return kampung(code, periode, metode)

    def profile(self, kampung_id: str, metode: str) -> explore.Profile | None:
        return profile(kampung_id, metode)

    def sources(self, code: str) -> list[overview.Source]:
        return sources(code)


@st.cache_data(max_entries=256, show_spinner=False)
def _sources(key: str, code: str) -> list[overview.Source]:
    return overview.sources(_con(key), code)


def sources(code: str) -> list[overview.Source]:
    """The imports behind the figures of ``code`` (none: synthetic only, or nothing)."""
    return _sources(database_key(), code)


def data() -> Data:
    """The dashboard's cached data for ``kkb.slides``."""
    return CachedData()


# --- the view's state --------------------------------------------------------------------------


def lang() -> str:
    """The UI language chosen in the sidebar (``id`` until the widget exists)."""
    value = st.session_state.get(LANG)
    return value if value in LANG_NAMES else "id"


#: widgets whose shown values are words in the UI language (the sidebar's and the pages')
WORDED = (PROV, KAB, KEC, "metrik", "urut", "kelas", "dq", "banding_paparan")


def _relabel() -> None:
    """After a language switch, set every worded widget to its own value again.

    The browser keeps showing (and the link keeps) a choice in the words it was made in, and a link
    in one language with a choice in the other opens on the default; setting the value anew sends
    it in the new language's words.
    """
    for key in WORDED:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def language_switch() -> str:
    """The language radio at the top of the sidebar; returns ``id`` or ``en``."""
    st.sidebar.radio(
        "Bahasa / Language",
        list(LANG_NAMES),
        format_func=LANG_NAMES.__getitem__,
        key=LANG,
        bind="query-params",
        horizontal=True,
        on_change=_relabel,
    )
    return lang()


def _reset(*keys: str) -> None:
    for key in keys:
        st.session_state[key] = ""


def region_filters(language: str) -> View:
    """The region (provinsi → kab/kota → kecamatan) and periode selectors; returns the view."""
    names = regions()
    side = st.sidebar
    side.subheader(t("region_label", language))
    provinces = names.children(NATION)
    prov = side.selectbox(
        t("province", language),
        ["", *provinces],
        format_func=lambda c: names.name(c) if c else t("all_provinces", language),
        key=PROV,
        bind="query-params",
        on_change=_reset,
        args=(KAB, KEC),
    )
    code = prov or NATION
    if prov:
        kab = side.selectbox(
            t("kabkota", language),
            ["", *names.children(prov)],
            format_func=lambda c: names.label(c) if c else t("all_kabkota", language),
            key=KAB,
            bind="query-params",
            on_change=_reset,
            args=(KEC,),
        )
        if kab:
            code = kab
            kec = side.selectbox(
                t("kecamatan", language),
                ["", *names.children(kab)],
                format_func=lambda c: names.name(c) if c else t("all_kecamatan", language),
                key=KEC,
                bind="query-params",
            )
            code = kec or kab
    months = periods()
    periode = side.selectbox(t("periode_label", language), months[::-1], key=PERIODE, bind="query-params")
    methods = [m for m in (summary().metode or DEFAULT_METHOD).split(", ") if m]
    metode = DEFAULT_METHOD
    if len(methods) > 1:
        metode = side.selectbox(t("method_label", language), methods, key=METODE, bind="query-params")
    return View(language, code, str(periode), str(metode))


def view() -> View:
    """The current view as the sidebar set it (pages call this)."""
    if PagesManager.uses_pages_directory is not False:
        # The page runs without app.py. Streamlit decides per process (and AppTest per run), before
        # any script has run, whether an app with a ``pages/`` folder is a v1 multipage app; then a
        # deep link (``/peta?prov=Banten``) as the first request runs the page file alone. app.py
        # calls st.navigation, which settles the question; tell Streamlit now and run again.
        PagesManager.uses_pages_directory = False
        st.rerun()
    current = st.session_state.get("_view")
    if not isinstance(current, View):
        raise RuntimeError("view belum disiapkan oleh app.py")
    return current


def share_link(language: str) -> None:
    """The "Salin tautan / Copy link" control: this view's address in a code block (with its copy button)."""
    base = st.context.url
    if not base:
        return
    params = st.query_params.to_dict()
    link = base + ("?" + urlencode(params) if params else "")
    with st.sidebar.expander(t("copy_link", language)):
        st.code(link, language=None, wrap_lines=True)
        st.caption(t("copy_link_hint", language))


def compare_label(code: str) -> str:
    """A region's label in a list of provinces and kab/kota: ``Kab. Serang (Banten)``."""
    names = regions()
    if level_of(code) <= 1:
        return names.label(code)
    return f"{names.label(code)} ({names.label(code[:2])})"


def compared_regions() -> list[str]:
    """The regions Perbandingan compares in this link (``banding``), as codes, in their order."""
    chosen = st.session_state.get("banding")
    if isinstance(chosen, list) and chosen:
        return [str(c) for c in chosen]
    by_label = {compare_label(code): code for code in comparable_regions()}
    return [by_label[x] for x in st.query_params.get_all("banding") if x in by_label]


def comparable_regions() -> list[str]:
    """Every province and kab/kota, each province followed by its kab/kota (for peer pickers)."""
    names = regions()
    return [code for p in names.children(NATION) for code in (p, *names.children(p))]


def go_to(code: str) -> None:
    """Select ``code`` in the sidebar (a drill-down); call from a widget callback."""
    level = level_of(code)
    st.session_state[PROV] = code[:2] if level >= 1 else ""
    st.session_state[KAB] = code[:5] if level >= 2 else ""
    st.session_state[KEC] = code[:8] if level >= 3 else ""


# --- rendering -----------------------------------------------------------------------------------


def region_name(code: str) -> str:
    """The display label of a region (``Indonesia``, ``Banten``, ``Kab. Serang``)."""
    return regions().label(code)


def page_header(v: View, title: str) -> None:
    """The page's title, the as-of month and, where the data is synthetic, the notice."""
    st.title(title)
    st.caption(t("as_of", v.lang, periode=v.periode))
    synthetic_notice(v)


def shows_synthetic(v: View) -> bool:
    """Whether the view's region holds synthetic demo rows (once real data replaced them: no)."""
    if not summary().synthetic:
        return False
    return region_metrics(v.code, v.periode, v.metode).sintetis > 0


def known_metrics(kids: pd.DataFrame, options: list[str]) -> list[str]:
    """The metrics of ``options`` that some region with Kampung KB has a value for (all, when none has).

    A region known only from its printed totals has no village coverage: a map or ranking by it
    would show nothing but blanks, so it is not offered.
    """
    formed = kids["pembentukan"].fillna(0) > 0
    known = [k for k in options if k not in kids or bool((kids[k].notna() & formed).any())]
    return known or options


def children_unknown(kids: pd.DataFrame) -> bool:
    """Whether every region below is unknown (its parent is known from printed totals only)."""
    return "tidak_diketahui" in kids and bool(kids["tidak_diketahui"].all())


def synthetic_notice(v: View) -> None:
    """Say that the data is synthetic wherever synthetic rows are shown, and what the data cannot say."""
    if shows_synthetic(v):
        st.warning(t("synthetic_notice", v.lang), icon="⚠️")
    m = region_metrics(v.code, v.periode, v.metode)
    if m.hanya_induk is not None:
        st.warning(t("only_parent_notice", v.lang, parent=region_name(m.hanya_induk)), icon="❔")
    elif m.before_data:
        st.warning(t("before_data_notice", v.lang, since=m.data_sejak), icon="❔")
    elif m.dari_periode is not None and m.dari_periode != v.periode and m.sintetis == 0:
        st.info(t("carried_notice", v.lang, periode=m.dari_periode), icon="ℹ️")
    if level_of(v.code) < 3:
        kids = children(v.code, v.periode, v.metode)
        if "tidak_diketahui" in kids and kids["tidak_diketahui"].any():
            st.info(t("children_unknown_notice", v.lang), icon="ℹ️")


def source(v: View, codes: tuple[str, ...] = ()) -> str:
    """Where the view's figures (and those of ``codes``) come from: demo data, imports, or a mix."""
    return slides.source_of(data(), v, codes)


def source_caption(v: View, codes: tuple[str, ...] = ()) -> str:
    """The caption under a chart: source, as-of periode and method."""
    return t("source_caption", v.lang, source=source(v, codes), periode=v.periode, method=v.metode)


def csv_bytes(frame: pd.DataFrame, lang: str) -> bytes:
    """CSV in the language's spreadsheet dialect, headers in ``lang`` (``kkb.export.csv``)."""
    return export.csv(frame, lang)


def about(v: View, title: str) -> dict[str, str]:
    """What a downloaded table is: title, region, periode, method and source."""
    return {
        t("excel_title", v.lang): title,
        t("region_label", v.lang): region_name(v.code),
        t("periode_label", v.lang): v.periode,
        t("method_label", v.lang): v.metode,
        t("excel_source", v.lang): source(v),
    }


def stem(v: View, what: str, region: str | None = None) -> str:
    """A download's file name without extension: region, what it shows, periode."""
    return export.file_stem(region or region_name(v.code), what, v.periode)


def table_downloads(
    frame: pd.DataFrame,
    v: View,
    name: str,
    *,
    key: str,
    title: str = "",
    labels: dict[str, str] | None = None,
) -> None:
    """CSV and Excel downloads of ``frame`` (headers in the language, or ``labels``), built when clicked."""
    row = st.container(horizontal=True)
    row.download_button(
        t("download_csv", v.lang),
        lambda: export.csv(frame, v.lang, labels),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
    )
    described = about(v, title)  # read now: the download runs outside the script
    row.download_button(
        t("download_xlsx", v.lang),
        lambda: export.excel(frame, v.lang, about=described, labels=labels),
        file_name=f"{name}.xlsx",
        mime=XLSX,
        key=f"{key}_xlsx",
        on_click="ignore",
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME = {"png": "image/png", "svg": "image/svg+xml"}


def image_downloads(fig: go.Figure, v: View, name: str, *, key: str) -> None:
    """PNG (2×) and SVG downloads of ``fig`` with its source line baked in, drawn only when clicked.

    Without a Chromium on the server, say that the chart's own camera button downloads a PNG.
    """
    if not export.available():
        st.caption(t("export_fallback", v.lang))
        return
    caption = source_caption(v)
    row = st.container(horizontal=True)
    for kind in ("png", "svg"):
        row.download_button(
            t(f"download_{kind}", v.lang),
            lambda kind=kind: export.image(fig, caption, kind),
            file_name=f"{name}.{kind}",
            mime=MIME[kind],
            key=f"{key}_{kind}",
            on_click="ignore",
            icon=":material/image:",
        )


def chart(
    fig: go.Figure,
    data: pd.DataFrame,
    *,
    key: str,
    v: View,
    name: str,
    region: str | None = None,
    on_select: Any = "ignore",
    selection_mode: Any = ("points",),
) -> Any:
    """A chart with its caption, PNG/SVG downloads, and the data behind it as a table, CSV and Excel.

    ``name`` says what the chart shows (``tren-kelas``); file names add the region and the periode.
    """
    file_name = stem(v, name, region)
    event = st.plotly_chart(
        fig,
        key=key,
        on_select=on_select,
        selection_mode=selection_mode,
        config={
            "displaylogo": False,
            "responsive": True,
            "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": export.SCALE},
        },
    )
    st.caption(source_caption(v))
    image_downloads(fig, v, file_name, key=key)
    with st.expander(t("data_table", v.lang)):
        st.dataframe(export.display(data, v.lang), hide_index=True)
        table_downloads(data, v, file_name, key=key, title=str(fig.layout.title.text or ""))
    return event


def metric(label: str, value: str, delta: str | None = None, help_text: str | None = None) -> None:
    """A headline figure (``delta`` already formatted)."""
    # fmt.signed writes no change as ±0, and an unknown change as –: neither gets an arrow
    unchanged = delta is None or delta.startswith(("±", "–"))
    st.metric(
        label,
        value,
        delta=delta,
        help=help_text,
        delta_color="off" if unchanged else "normal",
        delta_arrow="off" if unchanged else "auto",
    )


def number(value: float | None, v: View, decimals: int = 0) -> str:
    """Format a number in the view's language."""
    return fmt.number(value, v.lang, decimals)


def percent(value: float | None, v: View, decimals: int = 2) -> str:
    """Format a percentage in the view's language."""
    return fmt.percent(value, v.lang, decimals)


@st.cache_data(max_entries=64, show_spinner=False)
def _schedule(key: str, code: str, periode: str, metode: str) -> pd.DataFrame:
    con = _con(key)
    return overview.schedule(con, code, periode, metode, _table(key, "wilayah"), _table(key, "targets"))


def schedule(code: str, periode: str, metode: str) -> pd.DataFrame:
    """The regions below ``code`` against their primary targets, behind schedule first."""
    return _schedule(database_key(), code, periode, metode)
