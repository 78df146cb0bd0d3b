"""Put store and metrics together: the metrics of a region, its children, its peers."""

from __future__ import annotations

import pandas as pd

from kkb import db, metrics, store
from kkb.classification import DEFAULT_METHOD
from kkb.regions import NATION, level_of, parent_of


def latest_periode(con: db.Connection) -> str:
    """The last month the registry has data for."""
    found = store.periods(con)
    if not found:
        raise ValueError("basis data belum berisi snapshot")
    return found[-1]


def rated(con: db.Connection, code: str, periode: str, metode: str, wilayah: pd.DataFrame) -> pd.Series:
    """One region's counts with rates (a row of zeros when it has no Kampung KB at ``periode``)."""
    frame = store.counts(con, code, periode, metode)
    if frame.empty:
        frame = pd.DataFrame({"kode": [code], **{c: [0] for c in metrics.COUNT_COLUMNS}})
    return metrics.add_rates(frame, wilayah).iloc[0]


def children(con: db.Connection, code: str, periode: str, metode: str, wilayah: pd.DataFrame) -> pd.DataFrame:
    """Every region one level below ``code`` with counts and rates (zeros where none was formed)."""
    level = level_of(code)
    if level >= 3:
        raise ValueError("kecamatan adalah tingkat terendah untuk metrik wilayah")
    frame = store.counts(con, code, periode, metode, by=level + 1)
    kids = wilayah[wilayah["kode_induk"] == code]
    return metrics.rates_for_children(frame, kids)


def region(
    con: db.Connection,
    code: str,
    periode: str | None = None,
    metode: str = DEFAULT_METHOD,
    wilayah: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
) -> metrics.RegionMetrics:
    """All metrics of ``code`` at ``periode`` (default: the latest), ranked among its siblings."""
    periode = periode or latest_periode(con)
    wilayah = store.wilayah(con) if wilayah is None else wilayah
    targets = store.targets(con) if targets is None else targets
    now = rated(con, code, periode, metode, wilayah)
    year_ago = rated(con, code, metrics.shift_periode(periode, -12), metode, wilayah)
    trend = store.trend(con, code, metode)
    parent = parent_of(code)
    siblings = None if parent is None or code == NATION else children(con, parent, periode, metode, wilayah)
    return metrics.region_metrics(code, periode, metode, now, year_ago, trend, targets, siblings)
