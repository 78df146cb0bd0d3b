"""Read the registry: named queries turned into DataFrames with documented columns.

Region metrics come from the monthly summaries, so a national view never scans the snapshot
history: ``rekap_wilayah`` (per month for the nation, each provinsi and each kab/kota) answers for
regions down to kab/kota, ``rekap`` (per month and kecamatan) for kecamatan. Kampung KB lists and
profiles read the base tables.

``rekap_wilayah`` is small (63,413 rows at national scale, whatever the number of Kampung KB), so
a read-only connection reads it once and answers each region from memory by binary search: about
0.1 ms, where even the smallest DuckDB query that returns these twelve columns takes 1.2 ms.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kkb import db
from kkb.classification import DEFAULT_METHOD
from kkb.errors import KkbError
from kkb.regions import NATION, level_of

#: how many leading characters of a kecamatan code name a region of each level
CODE_LENGTH = {0: 0, 1: 2, 2: 5, 3: 8}
#: the deepest level ``rekap_wilayah`` holds (kab/kota); kecamatan are summed from ``rekap``
ROLLUP_LEVEL = 2


def prefix_of(code: str) -> str:
    """The code prefix that selects a region's rows (empty for the nation)."""
    return "" if code == NATION else code


def wilayah(con: db.Connection, max_level: int = 3) -> pd.DataFrame:
    """Regions down to ``max_level`` (1 provinsi … 4 desa) with names, centres and Kemendagri counts."""
    return db.query(con, "wilayah_all", {"tingkat": max_level})


def targets(con: db.Connection) -> pd.DataFrame:
    """All targets and published figures (``jenis`` 'target' or 'realisasi') with their sources."""
    return db.query(con, "targets_all")


def printed(con: db.Connection) -> pd.DataFrame:
    """Regions known from printed totals (a statistics table): ``kode``, ``tingkat``, ``pertama`` periode."""
    return db.query(con, "printed_regions")


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

    Columns: ``kode`` and ``metrics.REGION_COUNTS``. Regions without any Kampung KB have no row.
    """
    level = level_of(code) if by is None else by
    if level <= ROLLUP_LEVEL:
        rows = _regions(con).starting_with(level, metode, prefix_of(code))
        frame = rows[rows["periode"] == periode].drop(columns="periode").reset_index(drop=True)
    else:
        params = {"prefix": prefix_of(code), "periode": periode, "metode": metode}
        frame = db.query(con, "rekap_sums", {**params, "n": CODE_LENGTH[level]})
        frame = frame.drop(columns="periode")
    if code == NATION and by is None:
        frame["kode"] = NATION
    return frame


def trend(con: db.Connection, code: str, metode: str = DEFAULT_METHOD) -> pd.DataFrame:
    """Monthly totals of ``code``: ``periode`` and ``metrics.REGION_COUNTS``, oldest first."""
    level = level_of(code)
    if level <= ROLLUP_LEVEL:
        rows = _regions(con).exactly(level, metode, prefix_of(code))
        return rows.drop(columns="kode").reset_index(drop=True)
    prefix = prefix_of(code)
    params = {"prefix": prefix, "metode": metode, "n": len(prefix), "periode": None}
    return db.query(con, "rekap_sums", params).drop(columns="kode")


def trend_children(con: db.Connection, code: str, metode: str = DEFAULT_METHOD) -> pd.DataFrame:
    """Monthly ``pembentukan`` and ``desa_terbentuk`` of every region one level below ``code``."""
    level = level_of(code) + 1
    if level <= ROLLUP_LEVEL:
        rows = _regions(con).starting_with(level, metode, prefix_of(code))
        return rows[["kode", "periode", "pembentukan", "desa_terbentuk"]].reset_index(drop=True)
    params = {"prefix": prefix_of(code), "metode": metode, "n": CODE_LENGTH[level], "periode": None}
    return db.query(con, "rekap_sums", params)[["kode", "periode", "pembentukan", "desa_terbentuk"]]


@dataclass(frozen=True)
class _RegionTable:
    """``rekap_wilayah`` split by level and method, each part sorted by code and month."""

    parts: dict[tuple[int, str], tuple[pd.DataFrame, np.ndarray]]
    #: no rows, with the columns and types of the parts
    empty: pd.DataFrame

    @classmethod
    def read(cls, con: db.Connection) -> _RegionTable:
        whole = db.query(con, "rekap_wilayah_all")
        parts = {}
        for _, part in whole.groupby(["tingkat", "metode"], sort=False):
            key = (int(part["tingkat"].to_numpy()[0]), str(part["metode"].to_numpy()[0]))
            part = part.drop(columns=["tingkat", "metode"]).reset_index(drop=True)
            parts[key] = (part, part["kode"].to_numpy(dtype=object))
        return cls(parts, whole.drop(columns=["tingkat", "metode"]).iloc[0:0])

    def _slice(self, tingkat: int, metode: str, low: str, high: str) -> pd.DataFrame:
        found = self.parts.get((tingkat, metode))
        if found is None:
            return self.empty
        part, codes = found
        start, stop = np.searchsorted(codes, [low, high], side="left")
        return part.iloc[start:stop]

    # The frames below share memory with the table; pandas' copy-on-write keeps a caller's change
    # to them (or to anything derived from them) from reaching it.

    def exactly(self, tingkat: int, metode: str, kode: str) -> pd.DataFrame:
        """The months of one region."""
        return self._slice(tingkat, metode, kode, kode + "\0")

    def starting_with(self, tingkat: int, metode: str, prefix: str) -> pd.DataFrame:
        """Every region at ``tingkat`` whose code starts with ``prefix``, all months."""
        return self._slice(tingkat, metode, prefix, prefix + "\U0010ffff")


#: the region table of each read-only connection: the file under it never changes (an import
#: replaces the file, and the app then opens a new connection)
_READ_ONCE: weakref.WeakKeyDictionary[db.Connection, _RegionTable] = weakref.WeakKeyDictionary()


def _regions(con: db.Connection) -> _RegionTable:
    """The region table of ``con``: read once for a read-only connection, afresh for a writable one."""
    if not db.is_read_only(con):
        return _RegionTable.read(con)
    table = _READ_ONCE.get(con)
    if table is None:  # two threads may both read it; either result is the same
        table = _READ_ONCE[con] = _RegionTable.read(con)
    return table


def rebuild_rekap(con: db.Connection, kabs: Sequence[str] | None = None) -> None:
    """Recompute the ``rekap`` table from the registry (after a build or an import), then ``rekap_wilayah``.

    With ``kabs``, only those kab/kota are recomputed in ``rekap``, which is what an import touches;
    the whole table is still rebuilt when the months or the methods it covers have changed, since
    then every kecamatan needs new rows. ``rekap_wilayah`` is always summed again from all of
    ``rekap`` (a tenth of a second at national scale), since every import changes the nation's totals.
    """
    _rebuild_rekap(con, kabs)
    con.execute(db.sql("rekap_wilayah_rebuild"))


def _rebuild_rekap(con: db.Connection, kabs: Sequence[str] | None) -> None:
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
