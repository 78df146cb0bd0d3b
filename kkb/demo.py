"""The synthetic demo registry (SPEC §7): deterministic, seeded, and labelled as synthetic everywhere.

Real per-village Kampung KB data is not public, so the dashboard ships a made-up registry over the
real 83,762 desa/kelurahan, shaped to match the published aggregates of ``data/targets.csv``:

* formation follows anchor curves (national growth from the 2016 launch to ≈ 22,000 desa in May 2023
  and toward every desa by 2025; Banten ≈ 906 by October 2023; Riau 310 in September 2022 and 1,990
  Kampung KB in 2023, some of them legacy RW-level ones sharing a desa);
* the class mix of each calibration unit follows anchor shares (Banten 24.28 % mandiri plus in
  October 2023, Kab. Serang 40 mandiri plus, Riau 1,812 of 1,990 in 2023, Kab. Tabanan's 2025 jump);
  inside a unit, older and better-supported Kampung KB rank higher, so classes move over time;
* for each snapshot the twelve indicator scores are drawn to give the intended class and then turned
  into raw input columns (counts, flags, populations). The build classifies those raw columns with
  the real engine; the intended class is never stored.

Each province is generated from its own random stream, so generating a subset of provinces gives
exactly the rows the full registry has for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kkb import demo_values
from kkb.classification import CLASSES
from kkb.columns import INPUT_COLUMNS
from kkb.demo_anchors import NATIONAL_FORMATION, NATIONAL_MIX, SPECIAL_UNITS, Anchors, MixAnchors, Unit

SEED = 20160114  # the launch date of the programme
START = "2016-01"
END = "2025-12"
SOURCE = "sintetis"


def periods(start: str = START, end: str = END) -> list[str]:
    """Return the months from ``start`` to ``end`` inclusive as ``YYYY-MM``."""
    return [p.strftime("%Y-%m") for p in pd.period_range(start, end, freq="M")]


def _month_index(periode: str) -> int:
    year, month = periode.split("-")
    return int(year) * 12 + int(month) - 1


def _interpolate(anchors: Anchors, months: np.ndarray) -> np.ndarray:
    xs = np.array([_month_index(p) for p, _ in anchors], dtype=float)
    ys = np.array([v for _, v in anchors], dtype=float)
    return np.asarray(np.interp(months, xs, ys), dtype=float)


def _interpolate_mix(anchors: MixAnchors, months: np.ndarray) -> np.ndarray:
    xs = np.array([_month_index(p) for p, _ in anchors], dtype=float)
    shares = np.array([v for _, v in anchors], dtype=float)
    cols = [np.interp(months, xs, shares[:, j]) for j in range(4)]
    mix = np.column_stack(cols)
    return mix / mix.sum(axis=1, keepdims=True)


def _province_factor(rng: np.random.Generator) -> tuple[float, float]:
    """A province's formation pace and its class-mix shift, drawn once per province."""
    return float(rng.uniform(0.75, 1.2)), float(rng.normal(0.0, 0.45))


def _shift_mix(mix: np.ndarray, shift: float) -> np.ndarray:
    """Move a class mix up (shift > 0) or down on the logit scale of its cumulative shares."""
    cumulative = np.clip(np.cumsum(mix, axis=1)[:, :3], 1e-6, 1 - 1e-6)
    logit = np.log(cumulative / (1 - cumulative)) - shift
    shifted = 1 / (1 + np.exp(-logit))
    shifted = np.maximum.accumulate(shifted, axis=1)
    full = np.column_stack([shifted, np.ones(len(mix))])
    return np.asarray(np.diff(full, axis=1, prepend=0.0), dtype=float)


@dataclass(frozen=True)
class Demo:
    """The generated registry: one row per Kampung KB, one row per Kampung KB per month."""

    kampung: pd.DataFrame
    snapshots: pd.DataFrame


def generate(
    desa: pd.DataFrame,
    seed: int = SEED,
    provinces: Iterable[str] | None = None,
    end: str = END,
    progress: Callable[[float, str], None] | None = None,
) -> Demo:
    """Generate the demo registry over ``desa`` (the Kemendagri desa/kelurahan table).

    ``provinces`` limits generation to some province codes; their rows are identical to the full
    registry's. The snapshots carry a column ``kelas_rencana`` (the class the generator aimed at),
    which the build drops after the engine has classified the raw columns.
    """
    wanted = sorted(set(provinces) if provinces is not None else set(desa["kode_prov"]))
    kampung_parts, snapshot_parts = [], []
    for i, kode_prov in enumerate(wanted):
        if progress:
            progress(i / len(wanted), f"data sintetis provinsi {kode_prov}")
        part = desa[desa["kode_prov"] == kode_prov].sort_values("kode_desa").reset_index(drop=True)
        part["lat"] = pd.to_numeric(part["lat"], errors="coerce")
        part["lng"] = pd.to_numeric(part["lng"], errors="coerce")
        rng = np.random.default_rng([seed, int(kode_prov)])
        k, s = _generate_province(kode_prov, part, rng, end)
        kampung_parts.append(k)
        snapshot_parts.append(s)
    kampung = pd.concat(kampung_parts, ignore_index=True)
    snapshots = pd.concat(snapshot_parts, ignore_index=True)
    return Demo(kampung, snapshots)


def _units_for(
    kode_prov: str, desa: pd.DataFrame, pace: float, shift: float
) -> list[tuple[Unit, np.ndarray]]:
    """Split a province's desa into calibration units, most specific first."""
    taken = np.zeros(len(desa), dtype=bool)
    units: list[tuple[Unit, np.ndarray]] = []
    specials = [u for u in SPECIAL_UNITS if u.code == kode_prov or u.code.startswith(kode_prov + ".")]
    for unit in sorted(specials, key=lambda u: -len(u.code)):
        inside = desa["kode_desa"].str.startswith(unit.code + ".").to_numpy(dtype=bool)
        mask = ~taken & inside
        units.append((unit, mask))
        taken |= mask
    if not any(u.code == kode_prov for u, _ in units):
        formation = tuple((p, min(1.0, v * pace)) for p, v in NATIONAL_FORMATION)
        units.append((Unit(kode_prov, formation, _shifted_anchors(shift)), ~taken))
    return units


def _shifted_anchors(shift: float) -> MixAnchors:
    shares = np.array([v for _, v in NATIONAL_MIX])
    moved = _shift_mix(shares, shift)
    return tuple(
        (p, (float(a), float(b), float(c), float(d)))
        for (p, _), (a, b, c, d) in zip(NATIONAL_MIX, moved, strict=True)
    )


def _formation_month(
    unit: Unit, desa: pd.DataFrame, rng: np.random.Generator, first: int, last: int
) -> np.ndarray:
    """Month index of each desa's desa-level Kampung KB (or -1 for none by ``last``)."""
    n = len(desa)
    months = np.arange(first - 1, last + 1)
    curve = _interpolate(unit.formation, months)
    target = np.floor(curve if unit.counts else curve * n + 1e-9).astype(int)
    target = np.minimum(np.maximum.accumulate(target), n)
    # early waves: one model Kampung KB per kab/kota (2016), then one per kecamatan (2017)
    priority = rng.uniform(0, 1, n)
    first_in_kec = ~desa["kode_kec"].duplicated().to_numpy()
    first_in_kab = ~desa["kode_kab"].duplicated().to_numpy()
    priority = priority - first_in_kec * 1.0 - first_in_kab * 1.0
    order = np.argsort(priority, kind="stable")
    rank = np.empty(n, dtype=int)
    rank[order] = np.arange(1, n + 1)
    month = np.full(n, -1)
    position = np.searchsorted(target, rank, side="left")
    formed = position < len(months)
    month[formed] = months[position[formed]]
    return month


def _generate_province(
    kode_prov: str, desa: pd.DataFrame, rng: np.random.Generator, end: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    first, last = _month_index(START), _month_index(end)
    pace, shift = _province_factor(rng)
    kab_effect = {k: rng.normal(0, 0.35) for k in sorted(desa["kode_kab"].unique())}
    rows = []
    for unit, mask in _units_for(kode_prov, desa, pace, shift):
        unit_desa = desa[mask].reset_index(drop=True)
        month = _formation_month(unit, unit_desa, rng, first, last)
        formed = month >= 0
        k = unit_desa[formed].copy()
        k["bulan"] = month[formed]
        k["legacy"] = False
        if unit.legacy:
            pick = rng.choice(len(unit_desa), size=min(unit.legacy, len(unit_desa)), replace=False)
            extra = unit_desa.iloc[np.sort(pick)].copy()
            extra["bulan"] = rng.integers(_month_index("2016-06"), _month_index("2019-12") + 1, len(extra))
            extra["legacy"] = True
            k = pd.concat([k, extra], ignore_index=True)
        k["unit"] = unit.code
        rows.append((unit, k))
    kampung = pd.concat([k for _, k in rows], ignore_index=True)
    kampung = kampung.sort_values(["kode_desa", "legacy"], kind="stable").reset_index(drop=True)
    n = len(kampung)
    kampung["id"] = [f"D{kode_prov}{i:05d}" for i in range(1, n + 1)]
    kampung["u"] = rng.uniform(0, 1, n)
    kampung["kab_effect"] = kampung["kode_kab"].map(kab_effect).astype(float)
    kampung = _identity(kampung, rng)
    snapshots = _snapshots(kampung, rows, rng, last)
    return _kampung_columns(kampung), snapshots


def _identity(k: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    n = len(k)
    years = k["bulan"] // 12
    months = k["bulan"] % 12 + 1
    days = rng.integers(1, 29, n)
    k["tanggal_pencanangan"] = pd.to_datetime({"year": years, "month": months, "day": days}).dt.date
    before_2020 = k["bulan"] < _month_index("2020-04")
    level = np.where(rng.uniform(0, 1, n) < 0.55, "RW", "Dusun")
    level = np.where(rng.uniform(0, 1, n) < 0.3, "Desa", level)
    k["cakupan_wilayah"] = np.where(k["legacy"] | before_2020, level, "Desa")
    k.loc[k["legacy"], "cakupan_wilayah"] = "RW"
    rw = rng.integers(1, 13, n)
    k["nama"] = np.where(
        k["cakupan_wilayah"] == "Desa",
        "Kampung KB " + k["nama_desa"],
        "Kampung KB "
        + k["cakupan_wilayah"]
        + " "
        + pd.Series(rw).map("{:02d}".format)
        + " "
        + k["nama_desa"],
    )
    k["is_active"] = True
    jitter_lat = rng.normal(0, 0.003, n)
    jitter_lng = rng.normal(0, 0.003, n)
    k["lat"] = (k["lat"] + jitter_lat).round(5)
    k["lng"] = (k["lng"] + jitter_lng).round(5)
    return k


def _kampung_columns(k: pd.DataFrame) -> pd.DataFrame:
    out = k[
        [
            "id",
            "nama",
            "kode_desa",
            "kode_kec",
            "kode_kab",
            "kode_prov",
            "tanggal_pencanangan",
            "cakupan_wilayah",
            "is_active",
            "lat",
            "lng",
        ]
    ].copy()
    out["sumber"] = SOURCE
    return out


def _snapshots(
    kampung: pd.DataFrame,
    units: list[tuple[Unit, pd.DataFrame]],
    rng: np.random.Generator,
    last: int,
) -> pd.DataFrame:
    """One snapshot per Kampung KB per month since formation, with raw columns for its class."""
    lengths = (last - kampung["bulan"].to_numpy() + 1).astype(int)
    idx = np.repeat(np.arange(len(kampung)), lengths)
    offsets = np.arange(len(idx)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    month = kampung["bulan"].to_numpy()[idx] + offsets
    age = offsets.astype(float)
    year_noise = rng.normal(0, 0.08, (len(kampung), 11))
    noise = year_noise[idx, np.clip(month // 12 - 2016, 0, 10)]
    strength = (
        kampung["u"].to_numpy()[idx]
        + kampung["kab_effect"].to_numpy()[idx]
        + 0.8 * np.minimum(age / 36, 1)
        + noise
    )
    snap = pd.DataFrame(
        {"row": idx, "bulan": month, "strength": strength, "unit": kampung["unit"].to_numpy()[idx]}
    )
    snap["kelas"] = _assign_classes(snap, dict((u.code, u) for u, _ in units))
    snap["age"] = age
    values = demo_values.raw_columns(snap, kampung, rng)
    labels = np.array(periods(START, f"{last // 12:04d}-{last % 12 + 1:02d}"), dtype=object)
    out = pd.DataFrame(
        {
            "kampung_id": kampung["id"].to_numpy()[idx],
            "periode": labels[month - _month_index(START)],
        }
    )
    for name in INPUT_COLUMNS:
        out[name] = values[name]
    out["kelas_rencana"] = snap["kelas"].to_numpy()
    out["sumber"] = SOURCE
    return out


def _assign_classes(snap: pd.DataFrame, units: dict[str, Unit]) -> np.ndarray:
    """Give each unit and month its class quotas, filled by strength (weakest are Dasar)."""
    klass = np.empty(len(snap), dtype=object)
    for code, group in snap.groupby("unit", sort=True):
        unit = units[str(code)]
        rank = group.groupby("bulan")["strength"].rank(method="first").to_numpy()
        size = group.groupby("bulan")["strength"].transform("size").to_numpy()
        mix = _interpolate_mix(unit.mix, group["bulan"].to_numpy().astype(float))
        cumulative = np.round(np.cumsum(mix, axis=1) * size[:, None])
        level = (rank[:, None] > cumulative[:, :3]).sum(axis=1)
        klass[group.index.to_numpy()] = np.array(CLASSES, dtype=object)[level]
    return klass
