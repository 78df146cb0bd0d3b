"""The dashboard's one cache: the database file (built on first start, pinned per run) and its figures.

``kkb`` never imports streamlit, so caching lives here. Cached queries are keyed by the database
file's identity (path, inode, size, modification time): when the file is replaced, every cache entry
of the old file stops being used. Each script run pins one version at its start (``pin_database``,
called by app.py): every query of that run reads the file as it was then, even if an import or an
undo swaps it in the middle of the run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from kkb import build, context, db, explore, export, geo, info, province_context, report, search, store
from kkb.i18n import t
from kkb.ingest import backups
from kkb.regions import Regions
from kkb.report import Data
from kkb.view import View

_BUILD_LOCK = threading.Lock()
# a server keeps one Chromium for chart downloads and briefing packs (a fresh one costs 2–3 s a chart)
export.keep_renderer()


# --- the database --------------------------------------------------------------------------------


#: what the first look at each database file in this process cleaned up (files killed runs left)
_SWEPT: dict[Path, backups.Swept] = {}


def ensure_database(language: str = "id") -> Path:
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
                    _SWEPT[path] = backups.sweep(path)
        return path
    with _BUILD_LOCK:
        held = backups.list_backups(path)
        if not path.exists() and held:
            raise db.DatabaseError(
                f"{path}: berkas basis data tidak ada, padahal {len(held)} cadangan impor ada di "
                f"{backups.backups_dir(path)} — data impor tidak diganti diam-diam dengan data sintetis. "
                f"Kembalikan cadangan terbaru dengan `python -m kkb undo --db {path}`; bila data itu "
                "memang tidak dipakai lagi, pindahkan folder cadangan itu, lalu muat ulang halaman"
            )
        if not path.exists():
            bar = st.progress(0.0, text=t("first_build", language))
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


def pin_database(language: str = "id") -> None:
    """Pin the database version this script run reads (app.py calls it first, on every run).

    ``language`` is the one a first build's progress is shown in.
    """
    _RUN.pinned = _open_current(language)
    _RUN.reports = {}


def _open_current(language: str = "id") -> _Pinned:
    path = ensure_database(language)
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


def swept() -> backups.Swept | None:
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
    """The region hierarchy down to kecamatan (built once per database file).

    Held for the run as well: a list of every province and kab/kota names each option through it,
    and a look in Streamlit's cache for each of 552 names cost more than the names themselves.
    """
    key = database_key()
    held: tuple[str, Regions] | None = getattr(_RUN, "regions", None)
    if held is None or held[0] != key:
        held = _RUN.regions = (key, _regions(key))
    return held[1]


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
def _report(key: str, code: str, periode: str, metode: str) -> report.Report:
    wilayah, targets = _table(key, "wilayah"), _table(key, "targets")
    return report.build(_con(key), View("id", code, periode, metode), wilayah, targets, _regions(key))


def report_of(v: View) -> report.Report:
    """The report of the view: its region's metrics, trend, children, schedule and sources.

    Built once per region, periode and method: its figures are the same in either language, so
    both languages share one cache entry and only the view it carries differs. Read from that
    cache once per script run: every read of ``st.cache_data`` unpickles a copy, and a page asks
    for its report for every source line and download (about twenty reads a run, a sixth of a
    run's time with fifty sessions at once; bench/README.md).
    """
    key = (database_key(), v.code, v.periode, v.metode)
    held: dict[tuple[str, str, str, str], report.Report] | None = getattr(_RUN, "reports", None)
    if held is None:
        held = _RUN.reports = {}
    found = held.get(key)
    if found is None:
        found = held[key] = _report(*key)
    return found if found.view == v else replace(found, view=v)


def report_at(v: View, code: str) -> report.Report:
    """The report of region ``code`` in the view's language, periode and method."""
    return report_of(replace(v, code=code))


@st.cache_data(max_entries=32, show_spinner=False)
def _kampung(key: str, code: str, periode: str, metode: str) -> pd.DataFrame:
    return explore.kampung_list(_con(key), code, periode, metode)


def kampung(code: str, periode: str, metode: str) -> pd.DataFrame:
    """The Kampung KB of ``code`` formed by ``periode`` with their latest classification."""
    return _kampung(database_key(), code, periode, metode)


@st.cache_resource(max_entries=2, show_spinner=False)
def _search_index(key: str) -> search.Index:
    return search.index(_con(key))  # read once per file version, shared by every session; never changed


@st.cache_data(max_entries=256, show_spinner=False)
def _search(key: str, query: str) -> pd.DataFrame:
    return search.find(_search_index(key), query)


def find_kampung(query: str) -> pd.DataFrame:
    """The Kampung KB of the nation that best match ``query`` (``kkb.search.find``)."""
    return _search(database_key(), " ".join(query.split()))


@st.cache_data(max_entries=64, show_spinner=False)
def _profile(key: str, kampung_id: str, metode: str) -> explore.Profile | None:
    return explore.profile(_con(key), kampung_id, metode)


def profile(kampung_id: str, metode: str) -> explore.Profile | None:
    """One Kampung KB's identity and history (None when the id is unknown)."""
    return _profile(database_key(), kampung_id, metode)


@st.cache_data(max_entries=64, show_spinner=False)
def _desa_months(key: str, kode_desa: str) -> pd.DataFrame:
    return context.rates(context.sums(_con(key), kode_desa, len(kode_desa)))


def desa_months(kode_desa: str) -> pd.DataFrame:
    """One desa's New SIGA months (PUS, counts and rates), oldest first (empty: none imported)."""
    return _desa_months(database_key(), kode_desa)


@st.cache_data(max_entries=64, show_spinner=False)
def _desa_context(key: str, code: str, periode: str) -> pd.DataFrame:
    con = _con(key)
    return context.desa_points(con, context.region(con, code, periode))


def desa_context(code: str, periode: str) -> pd.DataFrame:
    """Every desa of a kab/kota or kecamatan with its centre and New SIGA rates at the region's month."""
    return _desa_context(database_key(), code, periode)


@st.cache_data(show_spinner=False)
def province_values() -> pd.DataFrame:
    """The shipped province context (``kkb.province_context``: stunting, fertility), read once."""
    return province_context.read()


@st.cache_data(max_entries=64, show_spinner=False)
def published(codes: tuple[str, ...]) -> pd.DataFrame:
    """The published province context of ``codes``, one column each (``province_context.of``)."""
    return province_context.of(province_values(), list(codes))


# --- figures ------------------------------------------------------------------------------------


@st.cache_resource(max_entries=512, show_spinner=False)
def _figure(key: str, what: tuple[Any, ...], _build: Callable[..., Any], _args: tuple[Any, ...]) -> Any:
    return _build(*_args)


def figure(what: tuple[Any, ...], build: Callable[..., Any], *args: Any) -> Any:
    """``build(*args)``, drawn once per database file and ``what`` for every session.

    With many people on the same views, laying the same plotly figures out again on every rerun of
    every session was most of the server's time (bench/README.md, "Many people at once").
    ``what`` names everything the figure depends on besides the database file (the view, a page's
    choices); ``args`` are not compared, so they must follow from it. The figure is shared by every
    session: nobody may change it (the exports copy it first, ``export.with_caption``).
    """
    name = f"{build.__module__}.{build.__qualname__}"
    return _figure(database_key(), (name, *what), build, args)


class CachedData:
    """The cache above as a ``kkb.report.Data`` (for the shared slide builders)."""

    def label(self, code: str) -> str:
        return regions().label(code)

    def report(self, v: View) -> report.Report:
        return report_of(v)

    def boundaries(self) -> dict[int, geo.GeoJson]:
        return boundaries()

    def kampung(self, code: str, periode: str, metode: str) -> pd.DataFrame:
        return kampung(code, periode, metode)

    def profile(self, kampung_id: str, metode: str) -> explore.Profile | None:
        return profile(kampung_id, metode)


def data() -> Data:
    """The dashboard's cached data for ``kkb.slides`` and ``kkb.paparan``."""
    return CachedData()
