"""Read the registry: named queries turned into DataFrames with documented columns.

Region metrics come from the ``rekap`` table (per month and kecamatan), so a national view never
scans the snapshot history; Kampung KB lists and profiles read the base tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from kkb import db
from kkb.classification import DEFAULT_METHOD
from kkb.errors import KkbError
from kkb.regions import NATION, level_of

#: how many leading characters of a kecamatan code name a region of each level
CODE_LENGTH = {0: 0, 1: 2, 2: 5, 3: 8}


def prefix_of(code: str) -> str:
    """The code prefix that selects a region's rows (empty for the nation)."""
    return "" if code == NATION else code


def wilayah(con: db.Connection, max_level: int = 3) -> pd.DataFrame:
    """Regions down to ``max_level`` (1 provinsi … 4 desa) with names, centres and Kemendagri counts."""
    return db.query(con, "wilayah_all", {"tingkat": max_level})


def targets(con: db.Connection) -> pd.DataFrame:
    """All targets and published figures (``jenis`` 'target' or 'realisasi') with their sources."""
    return db.query(con, "targets_all")


def periods(con: db.Connection) -> list[str]:
    """The months the registry covers, oldest first."""
    return [str(p) for p in db.query(con, "periods")["periode"]]


def require_periode(con: db.Connection, periode: str | None) -> str:
    """``periode`` if the registry covers it (the latest when None), else KkbError with the range."""
    known = periods(con)
    if periode is None:
        return known[-1]
    if periode not in known:
        raise KkbError(
            f"periode {periode!r} tidak ada (tersedia {known[0]} s.d. {known[-1]}, format YYYY-MM)"
        )
    return periode


def counts(
    con: db.Connection, code: str, periode: str, metode: str = DEFAULT_METHOD, by: int | None = None
) -> pd.DataFrame:
    """Counts of ``code`` at ``periode``: one row for the region, or one per region at level ``by``.

    Columns: ``kode`` and ``COUNT_COLUMNS``. Regions without any Kampung KB have no row.
    """
    length = CODE_LENGTH[level_of(code) if by is None else by]
    frame = db.query(
        con,
        "rekap_children",
        {"prefix": prefix_of(code), "n": length, "periode": periode, "metode": metode},
    )
    if code == NATION and by is None:
        frame["kode"] = NATION
    return frame


def trend(con: db.Connection, code: str, metode: str = DEFAULT_METHOD) -> pd.DataFrame:
    """Monthly totals of ``code``: ``periode`` and ``COUNT_COLUMNS``, oldest first."""
    return db.query(con, "rekap_trend", {"prefix": prefix_of(code), "metode": metode})


def trend_children(con: db.Connection, code: str, metode: str = DEFAULT_METHOD) -> pd.DataFrame:
    """Monthly ``pembentukan`` and ``desa_terbentuk`` of every region one level below ``code``."""
    length = CODE_LENGTH[level_of(code) + 1]
    return db.query(con, "rekap_trend_children", {"prefix": prefix_of(code), "n": length, "metode": metode})


def rebuild_rekap(con: db.Connection, kabs: Sequence[str] | None = None) -> None:
    """Recompute the ``rekap`` table from the registry (after a build or an import).

    With ``kabs``, only those kab/kota are recomputed, which is what an import touches; the whole
    table is still rebuilt when the months or the methods it covers have changed, since then every
    kecamatan needs new rows.
    """
    row = con.execute(db.sql("rekap_range")).fetchone()
    if not row or row[0] is None:
        con.execute(db.sql("rekap_clear"), {"kabs": None})
        return
    first, last = str(row[0]), str(row[1] or row[0])
    span = (min(first, last), last)
    if kabs is not None and not _same_grid(con, span):
        kabs = None
    params = {"kabs": None if kabs is None else sorted(kabs)}
    con.execute(db.sql("rekap_clear"), params)
    con.execute(db.sql("rekap_rebuild"), {"awal": span[0], "akhir": span[1], **params})


def _same_grid(con: db.Connection, span: tuple[str, str]) -> bool:
    """Whether ``rekap`` already spans these months and holds every method that ``klasifikasi`` has."""
    now = con.execute(db.sql("rekap_span")).fetchone()
    methods = con.execute(db.sql("rekap_methods")).fetchone()
    return bool(now and tuple(map(str, now)) == span and methods and methods[0])
