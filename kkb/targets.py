"""Targets and published figures (``data/targets.csv``): read, check, look up, and attainment of one."""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from kkb.errors import DataFileError
from kkb.regions import ancestors_of, is_valid_code

COLUMNS = (
    "kode_wilayah",
    "tahun",
    "metrik",
    "jenis",
    "nilai",
    "penyebut",
    "periode",
    "sumber",
    "sumber_url",
    "sumber_tanggal",
    "catatan",
)
KINDS = ("target", "realisasi")


def read_targets(path: Path) -> pd.DataFrame:
    """Read and check a targets file; raise ``DataFileError`` naming the row and column at fault."""
    if not path.exists():
        raise DataFileError(path, "berkas target tidak ada", "pulihkan dengan `git checkout -- data/`")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise DataFileError(path, f"tidak dapat dibaca sebagai CSV ({exc})") from exc
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise DataFileError(path, f"kolom {', '.join(missing)} tidak ada", f"kolom: {', '.join(COLUMNS)}")
    for i, row in frame.iterrows():
        line = int(str(i)) + 2
        if not is_valid_code(row["kode_wilayah"]):
            raise DataFileError(
                path,
                f"baris {line}, kolom kode_wilayah: {row['kode_wilayah']!r}",
                "kode Kemendagri atau ID",
            )
        if row["jenis"] not in KINDS:
            raise DataFileError(path, f"baris {line}, kolom jenis: {row['jenis']!r}", "target atau realisasi")
        for column in ("tahun", "nilai"):
            try:
                float(row[column])
            except ValueError:
                raise DataFileError(path, f"baris {line}, kolom {column}: {row[column]!r}", "angka") from None
        if not row["sumber_url"].startswith("https://"):
            raise DataFileError(
                path, f"baris {line}, kolom sumber_url: {row['sumber_url']!r}", "alamat https://"
            )
    out = frame[list(COLUMNS)].copy()
    out["tahun"] = out["tahun"].astype(int)
    out["nilai"] = out["nilai"].astype(float)
    out["periode"] = out["periode"].replace("", None)
    out["catatan"] = out["catatan"].replace("", None)
    return out


# --- looking up ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A target (or published figure) from the targets table, with its source."""

    region: str
    metric: str
    year: int
    value: float
    denominator: str
    source: str
    url: str
    date: str
    note: str | None = None
    inherited_from: str | None = None  # the code of the region that set it, when not ``region``


def find_target(
    targets: pd.DataFrame, region: str, metric: str, year: int, kind: str = "target"
) -> Target | None:
    """The target of ``region`` for ``metric`` that applies in ``year``, or None when there is none.

    Prefers the target of that year, then the nearest later year, then the latest earlier year.
    Coverage targets set for a wider region (the national Inpres 3/2022 goal) also apply to the
    regions inside it and say so in ``inherited_from``; other targets are never inherited.
    """
    return find_in(index_targets(targets), region, metric, year, kind)


TargetIndex = dict[tuple[str, str, str], list[dict[Hashable, Any]]]


def index_targets(targets: pd.DataFrame) -> TargetIndex:
    """The targets by (region, metric, kind), rows in frame order.

    Filtering the frame with pandas cost 5 ms per lookup, which a table of 34 kab/kota paid 68 times.
    """
    index: TargetIndex = {}
    for row in targets.to_dict("records"):
        index.setdefault((str(row["kode_wilayah"]), str(row["metrik"]), str(row["jenis"])), []).append(row)
    return index


def find_in(index: TargetIndex, region: str, metric: str, year: int, kind: str = "target") -> Target | None:
    """``find_target`` in targets already indexed (``index_targets``), for many lookups."""
    chain = [region]
    if metric == "cakupan_desa_persen":
        chain = list(reversed(ancestors_of(region)))
    for code in chain:
        rows = index.get((code, metric, kind))
        if not rows:
            continue
        same = [r for r in rows if r["tahun"] == year]
        later = sorted((r for r in rows if r["tahun"] > year), key=lambda r: r["tahun"])
        earlier = sorted((r for r in rows if r["tahun"] < year), key=lambda r: -r["tahun"])
        pick = (same or later or earlier)[0]
        return Target(
            region=region,
            metric=metric,
            year=int(pick["tahun"]),
            value=float(pick["nilai"]),
            denominator=str(pick["penyebut"]),
            source=str(pick["sumber"]),
            url=str(pick["sumber_url"]),
            date=str(pick["sumber_tanggal"]),
            note=None if pd.isna(pick["catatan"]) else str(pick["catatan"]),
            inherited_from=None if code == region else code,
        )
    return None


@dataclass(frozen=True)
class Attainment:
    """An actual value against its target; ``percent`` is actual ÷ target × 100 (None: no target)."""

    metric: str
    actual: float | None
    target: Target | None

    @property
    def percent(self) -> float | None:
        """Attainment in percent of the target, or None when there is no target or no value."""
        if self.target is None or self.actual is None or self.target.value == 0:
            return None
        if isinstance(self.actual, float) and math.isnan(self.actual):
            return None
        return self.actual / self.target.value * 100

    @property
    def gap(self) -> float | None:
        """How much is still missing to the target (0 once reached), or None without a target."""
        if self.target is None or self.actual is None:
            return None
        return max(self.target.value - self.actual, 0.0)
