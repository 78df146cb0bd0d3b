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

from kkb.classification import CLASSES, DIMENSION_INDICATORS, DIMENSIONS
from kkb.columns import (
    DENOMINATORS,
    INPUT_COLUMNS,
    METHODS_KB,
    MKJP_METHODS,
    NOT_USING,
    PARTICIPANTS,
    PARTICIPATION_PAIRS,
    POKTAN,
)

SEED = 20160114  # the launch date of the programme
START = "2016-01"
END = "2025-12"
SOURCE = "sintetis"

Anchors = tuple[tuple[str, float], ...]
MixAnchors = tuple[tuple[str, tuple[float, float, float, float]], ...]

#: share of a province's desa/kelurahan with a desa-level Kampung KB (the national shape)
NATIONAL_FORMATION: Anchors = (
    ("2015-12", 0.0),
    ("2016-12", 0.0075),
    ("2017-12", 0.085),
    ("2018-12", 0.15),
    ("2019-12", 0.175),
    ("2020-12", 0.185),
    ("2021-12", 0.193),
    ("2022-07", 0.2075),
    ("2022-12", 0.225),
    ("2023-05", 0.263),
    ("2023-12", 0.36),
    ("2024-12", 0.72),
    ("2025-12", 0.93),
)
#: class shares (Dasar, Berkembang, Mandiri, Berkelanjutan) among formed Kampung KB
NATIONAL_MIX: MixAnchors = (
    ("2016-01", (0.92, 0.06, 0.02, 0.0)),
    ("2018-12", (0.7, 0.2, 0.08, 0.02)),
    ("2020-12", (0.55, 0.27, 0.13, 0.05)),
    ("2022-12", (0.45, 0.3, 0.17, 0.08)),
    ("2023-12", (0.43, 0.3, 0.17, 0.1)),
    ("2024-12", (0.42, 0.29, 0.18, 0.11)),
    ("2025-12", (0.33, 0.3, 0.22, 0.15)),
)

# Banten (36) as a whole and Kab. Serang (36.04) inside it: counts, so the rest is their difference.
_BANTEN_FORMED: tuple[tuple[str, int], ...] = (
    ("2015-12", 0),
    ("2016-12", 8),
    ("2017-12", 155),
    ("2019-12", 260),
    ("2021-12", 330),
)
_BANTEN_FORMED += (("2022-12", 600), ("2023-10", 906), ("2024-12", 1300), ("2025-12", 1480))
_SERANG_FORMED: tuple[tuple[str, int], ...] = (
    ("2015-12", 0),
    ("2016-12", 1),
    ("2017-12", 29),
    ("2019-12", 50),
    ("2021-12", 62),
)
_SERANG_FORMED += (("2022-12", 110), ("2023-10", 165), ("2024-12", 250), ("2025-12", 300))
_BANTEN_MIX: MixAnchors = (
    ("2016-01", (0.92, 0.06, 0.02, 0.0)),
    ("2019-12", (0.7, 0.2, 0.08, 0.02)),
    ("2022-12", (0.52, 0.27, 0.15, 0.06)),
    (
        "2023-10",
        (0.46, 0.2972, 0.16, 0.0828),
    ),  # 24.28 % mandiri plus (bantennews.co.id, 1 Nov 2023)
    ("2024-12", (0.41, 0.3, 0.18, 0.11)),
    ("2025-12", (0.35, 0.3, 0.21, 0.14)),
)
_SERANG_MIX: MixAnchors = (
    ("2016-01", (0.92, 0.06, 0.02, 0.0)),
    ("2019-12", (0.7, 0.2, 0.08, 0.02)),
    ("2022-12", (0.52, 0.27, 0.15, 0.06)),
    ("2023-10", (0.4667, 0.2909, 0.1576, 0.0848)),  # 40 of 165 mandiri plus (same source)
    ("2024-12", (0.41, 0.3, 0.18, 0.11)),
    ("2025-12", (0.35, 0.3, 0.21, 0.14)),
)


@dataclass(frozen=True)
class Unit:
    """A calibration unit: the desa of ``code`` not claimed by a more specific unit.

    Formation anchors are counts of desa with a desa-level Kampung KB when ``counts`` is set, else
    shares of the unit's desa. ``legacy`` adds that many RW/Dusun-level Kampung KB formed 2016–2019
    in desa that later also get a desa-level one.
    """

    code: str
    formation: Anchors
    mix: MixAnchors
    counts: bool = False
    legacy: int = 0


_SPECIAL_UNITS = (
    Unit(
        "36.04",
        tuple((p, float(n)) for p, n in _SERANG_FORMED),
        _SERANG_MIX,
        counts=True,
    ),
    Unit(
        "36",
        tuple((p, float(b - s)) for (p, b), (_, s) in zip(_BANTEN_FORMED, _SERANG_FORMED, strict=True)),
        _BANTEN_MIX,
        counts=True,
    ),
    Unit(
        "14",  # Riau: 310 in Sep 2022 (sonora.id); 1,990 in 2023, 1,812 mandiri plus (antaranews)
        (
            ("2015-12", 0.0),
            ("2017-12", 0.0),
            ("2022-09", 120.0),
            ("2023-12", 1800.0),
            ("2024-09", 1862.0),
            ("2025-12", 1862.0),
        ),
        (
            ("2016-01", (0.92, 0.06, 0.02, 0.0)),
            ("2019-12", (0.65, 0.22, 0.1, 0.03)),
            ("2022-09", (0.45, 0.3, 0.17, 0.08)),
            ("2023-06", (0.06, 0.05, 0.53, 0.36)),
            ("2023-12", (0.0452, 0.0442, 0.5306, 0.38)),  # 1,812 of 1,990 = 91.06 %
            ("2025-12", (0.04, 0.04, 0.48, 0.44)),
        ),
        counts=True,
        legacy=190,
    ),
    Unit(
        "51.02",  # Kab. Tabanan, all 133 desa; class mix of Jun/Jul/Aug 2025 from balienews.com
        (
            ("2015-12", 0.0),
            ("2016-12", 1.0),
            ("2017-12", 10.0),
            ("2022-12", 40.0),
            ("2024-12", 110.0),
        )
        + (("2025-05", 133.0), ("2025-12", 133.0)),
        (
            ("2016-01", (0.92, 0.06, 0.02, 0.0)),
            ("2022-12", (0.55, 0.27, 0.13, 0.05)),
            ("2024-12", (0.42, 0.33, 0.07, 0.18)),
            ("2025-06", (0.3609, 0.3308, 0.0526, 0.2557)),
            ("2025-07", (0.2331, 0.3308, 0.1353, 0.3008)),
            ("2025-08", (0.0977, 0.2782, 0.1729, 0.4512)),
            ("2025-12", (0.09, 0.27, 0.18, 0.46)),
        ),
        counts=True,
    ),
)


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
    specials = [u for u in _SPECIAL_UNITS if u.code == kode_prov or u.code.startswith(kode_prov + ".")]
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
    values = _raw_columns(snap, kampung, rng)
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


_PASS_PATTERNS = {
    "Berkembang": (True, True, False),
    "Berkelanjutan": (True, True, True),
}


def _raw_columns(
    snap: pd.DataFrame, kampung: pd.DataFrame, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    n = len(snap)
    row = snap["row"].to_numpy()
    nk = len(kampung)
    klass = snap["kelas"].to_numpy()
    maturity = np.minimum(snap["age"].to_numpy() / 48, 1.0)

    # which dimensions pass: fixed by class, with a persistent choice for Dasar and Mandiri
    dasar_pattern = rng.integers(0, 5, nk)[row]  # 0,1 none; 2 input; 3 proses; 4 output
    mandiri_input = (rng.uniform(0, 1, nk) < 0.6)[row]
    passes = np.zeros((n, 3), dtype=bool)
    is_ = {c: klass == c for c in CLASSES}
    passes[is_["Berkembang"]] = (True, True, False)
    passes[is_["Berkelanjutan"]] = (True, True, True)
    m = is_["Mandiri"]
    passes[m, 0] = mandiri_input[m]
    passes[m, 1] = ~mandiri_input[m]
    passes[m, 2] = True
    d = is_["Dasar"]
    for j, code in enumerate((2, 3, 4)):
        passes[d, j] = dasar_pattern[d] == code

    scores = np.zeros((n, 12), dtype=np.int64)
    column = 0
    for j, dimension in enumerate(DIMENSIONS):
        indicators = DIMENSION_INDICATORS[dimension]
        k = len(indicators)
        caps = np.array([ind.max_score for ind in indicators])
        need = int(np.ceil(3 * k - 1e-9))
        quality = np.clip(0.55 * rng.uniform(0, 1, nk)[row] + 0.45 * maturity, 0, 1)
        lo = np.where(passes[:, j], need, k)
        hi = np.where(passes[:, j], caps.sum(), need - 1)
        total = lo + np.floor(quality * (hi - lo + 1)).astype(int)
        total = np.minimum(total, hi)
        weights = rng.uniform(0.2, 1.0, (nk, k))[row]
        scores[:, column : column + k] = _spread(total, weights, caps)
        column += k
    return _values_from_scores(scores, snap, kampung, rng)


def _spread(total: np.ndarray, weights: np.ndarray, caps: np.ndarray) -> np.ndarray:
    """Split each row's score total over its indicators (each 1..cap), favouring heavier weights."""
    n, k = weights.shape
    out = np.ones((n, k), dtype=np.int64)
    remaining = total - k
    for _ in range(int(caps.sum() - k)):
        room = out < caps
        if not (remaining > 0).any():
            break
        priority = np.where(room, weights - out / caps, -np.inf)
        pick = np.argmax(priority, axis=1)
        give = (remaining > 0) & room[np.arange(n), pick]
        out[np.arange(n)[give], pick[give]] += 1
        remaining = remaining - give
    return out


def _numerator(pct: np.ndarray, denominator: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """A count whose portal percentage of ``denominator`` lies in [lo, hi], as close to ``pct`` as may be."""
    base = np.rint(pct * denominator / 100)
    best = base.copy()
    found = np.zeros(len(base), dtype=bool)
    for offset in (0, -1, 1, -2, 2, -3, 3):
        k = np.clip(base + offset, 0, denominator)
        with np.errstate(divide="ignore", invalid="ignore"):
            got = np.rint(k / denominator * 100)
        ok = ~found & (got >= lo) & (got <= hi)
        best[ok] = k[ok]
        found |= ok
    return np.asarray(best, dtype=float)


def _pick_in_band(
    score: np.ndarray, bands: dict[int, tuple[int, int]], r: np.ndarray
) -> tuple[np.ndarray, ...]:
    lo = np.array([bands[int(s)][0] for s in range(1, 5)])[score - 1]
    hi = np.array([bands[int(s)][1] for s in range(1, 5)])[score - 1]
    value = lo + np.floor(r * (hi - lo + 1))
    return np.minimum(value, hi), lo, hi


def _values_from_scores(
    scores: np.ndarray, snap: pd.DataFrame, kampung: pd.DataFrame, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    n = len(scores)
    row = snap["row"].to_numpy()
    nk = len(kampung)
    persistent = rng.uniform(0, 1, (nk, 24))[row]
    v: dict[str, np.ndarray] = {}
    s = {name: scores[:, i] for i, name in enumerate(_SCORE_ORDER)}

    # input: pokja (level = score - 1), funding, poktan, sarana, PKB
    level = s["pokja"] - 1
    v["pokja"] = (level >= 1).astype(float)
    trained_first = persistent[:, 0] < 0.5
    has_members = (level == 3) | ((level == 2) & ~trained_first)
    v["pokja_anggota"] = np.where(has_members, 5 + np.floor(persistent[:, 1] * 21), 0.0)
    v["pokja_terlatih"] = ((level == 3) | ((level == 2) & trained_first)).astype(float)
    v["pokja_sk"] = ((level >= 1) & (persistent[:, 2] < 0.4 + 0.2 * level)).astype(float)
    v["sumber_dana"] = np.select(
        [s["sumber_dana"] == 1, s["sumber_dana"] == 2, s["sumber_dana"] == 3],
        [0, 1, 2 + np.floor(persistent[:, 3] * 3)],
        5 + np.floor(persistent[:, 4] * 2),
    ).astype(float)
    n_poktan = np.select(
        [s["poktan"] == 1, s["poktan"] == 2, s["poktan"] == 3],
        [0, 1 + np.floor(persistent[:, 5] * 2), 3 + np.floor(persistent[:, 6] * 2)],
        5,
    ).astype(int)
    order = np.argsort(rng.uniform(0, 1, (nk, 5))[row], axis=1)
    owned = np.zeros((n, 5), dtype=bool)
    for j in range(5):
        owned[np.arange(n), order[:, j]] |= n_poktan > j
    for j, name in enumerate(POKTAN):
        v[name] = owned[:, j].astype(float)
    sarana = s["sarana"] - 1
    sekretariat_first = persistent[:, 7] < 0.7
    v["sekretariat"] = ((sarana == 2) | ((sarana == 1) & sekretariat_first)).astype(float)
    v["rumah_dataku"] = ((sarana == 2) | ((sarana == 1) & ~sekretariat_first)).astype(float)
    pkb = s["pkb"] - 1
    plkb_first = persistent[:, 8] < 0.75
    v["plkb_pendamping"] = ((pkb == 2) | ((pkb == 1) & plkb_first)).astype(float)
    v["regulasi"] = ((pkb == 2) | ((pkb == 1) & ~plkb_first)).astype(float)
    v["rkm"] = (persistent[:, 9] < 0.25 + 0.15 * (s["mekanisme_operasional"] - 1)).astype(float)

    # proses
    v["penggunaan_data"] = np.select(
        [s["penggunaan_data"] == 1, s["penggunaan_data"] == 2, s["penggunaan_data"] == 3],
        [0, 1, 2 + np.floor(persistent[:, 10] * 2)],
        4 + np.floor(persistent[:, 11] * 2),
    ).astype(float)
    v["mekanisme_operasional"] = np.select(
        [
            s["mekanisme_operasional"] == 1,
            s["mekanisme_operasional"] == 2,
            s["mekanisme_operasional"] == 3,
        ],
        [0, 1 + np.floor(persistent[:, 12] * 2), 3 + np.floor(persistent[:, 13] * 2)],
        5,
    ).astype(float)
    v["instansi_terlibat"] = np.select(
        [s["lintas_sektor"] == 1, s["lintas_sektor"] == 2, s["lintas_sektor"] == 3],
        [0, 1 + np.floor(persistent[:, 14] * 3), 4 + np.floor(persistent[:, 15] * 3)],
        7 + np.floor(persistent[:, 16] * 6),
    ).astype(float)

    # output denominators: persistent per Kampung KB, growing slowly
    growth = 1 + 0.01 * snap["age"].to_numpy() / 12
    pus = np.clip(np.rint(np.exp(rng.normal(6.5, 0.45, nk))[row] * growth), 350, 3200)
    keluarga = np.rint(pus * (1.25 + 0.35 * persistent[:, 17]))
    v["pus"] = pus
    v["jumlah_keluarga"] = keluarga
    v["keluarga_balita"] = np.maximum(100, np.rint(keluarga * (0.25 + 0.15 * persistent[:, 18])))
    v["keluarga_remaja"] = np.maximum(100, np.rint(keluarga * (0.25 + 0.15 * persistent[:, 19])))
    v["keluarga_lansia"] = np.maximum(100, np.rint(keluarga * (0.2 + 0.15 * persistent[:, 20])))
    v["jumlah_remaja"] = np.maximum(100, np.rint(keluarga * (0.5 + 0.3 * persistent[:, 21])))

    # partisipasi poktan: five whole percentages whose rounded mean lies in the score's band
    r = rng.uniform(0, 1, n)
    mean, _, _ = _pick_in_band(s["partisipasi_poktan"], {1: (2, 9), 2: (10, 20), 3: (21, 30), 4: (31, 55)}, r)
    a = np.minimum(np.floor(persistent[:, 22] * 4), mean)
    b = np.minimum(np.floor(persistent[:, 23] * 4), mean)
    shares = np.column_stack([mean + a, mean - a, mean + b, mean - b, mean])
    for j, (numerator, denominator) in enumerate(_PAIRS):
        den = v[denominator]
        v[numerator] = _numerator(shares[:, j], den, shares[:, j], shares[:, j])

    # CPR and the method mix
    cpr, lo, hi = _pick_in_band(
        s["cpr"], {1: (15, 29), 2: (30, 40), 3: (41, 50), 4: (51, 75)}, rng.uniform(0, 1, n)
    )
    users = _numerator(cpr, pus, lo, hi)
    mk, lo, hi = _pick_in_band(
        s["mkjp"], {1: (5, 19), 2: (20, 22), 3: (23, 24), 4: (25, 45)}, rng.uniform(0, 1, n)
    )
    long_acting = _numerator(mk, users, lo, hi)
    split = rng.dirichlet([6, 5, 2.5, 0.5], nk)[row]  # implan, iud, mow, mop
    implan = np.floor(long_acting * split[:, 0])
    iud = np.floor(long_acting * split[:, 1])
    mow = np.floor(long_acting * split[:, 2])
    v["kb_implan"], v["kb_iud"], v["kb_mow"] = implan, iud, mow
    v["kb_mop"] = long_acting - implan - iud - mow
    short = users - long_acting
    split = rng.dirichlet([6.5, 2.5, 1.0], nk)[row]  # suntik, pil, kondom
    suntik = np.floor(short * split[:, 0])
    pil = np.floor(short * split[:, 1])
    v["kb_suntik"], v["kb_pil"] = suntik, pil
    v["kb_kondom"] = short - suntik - pil
    assert set(MKJP_METHODS) <= set(v)

    # unmet need and the other non-users (never more than PUS altogether)
    un, lo, hi = _pick_in_band(
        s["unmet_need"], {1: (13, 22), 2: (10, 12), 3: (7, 9), 4: (1, 6)}, rng.uniform(0, 1, n)
    )
    unmet = _numerator(un, pus, lo, hi)
    iat_share = 0.4 + 0.3 * rng.uniform(0, 1, nk)[row]
    v["tidak_kb_iat"] = np.floor(unmet * iat_share)
    v["tidak_kb_tial"] = unmet - v["tidak_kb_iat"]
    room = np.maximum(pus - users - unmet, 0)
    v["tidak_kb_hamil"] = np.minimum(room, np.rint(pus * 0.03))
    v["tidak_kb_ingin_anak_segera"] = np.minimum(room - v["tidak_kb_hamil"], np.rint(pus * 0.025))

    _inject_quality_issues(v, scores, snap, rng)
    return v


_SCORE_ORDER = tuple(ind.key for d in DIMENSIONS for ind in DIMENSION_INDICATORS[d])
_PAIRS = PARTICIPATION_PAIRS


def _inject_quality_issues(
    v: dict[str, np.ndarray], scores: np.ndarray, snap: pd.DataFrame, rng: np.random.Generator
) -> None:
    """Make a few snapshots messy the way real reports are, without changing their class.

    Only rows whose output dimension fails, and would still fail, are touched.
    """
    n = len(scores)
    output_sum = scores[:, 8:].sum(axis=1)
    failing = output_sum < 12
    draw = rng.uniform(0, 1, n)
    # a new Kampung KB often has no KKBPK report yet
    empty = failing & (snap["age"].to_numpy() < 3) & (draw < 0.5)
    empty |= failing & (draw > 0.985)
    output_columns = DENOMINATORS + PARTICIPANTS + METHODS_KB + NOT_USING
    for name in output_columns:
        v[name] = np.where(empty, np.nan, v[name])
    # PUS left empty while IAT/TIAL are reported: the portal then scores unmet need 4 (SPEC §4.2)
    quirk = failing & ~empty & (draw > 0.96) & (draw <= 0.965) & (scores[:, 8] <= 2)
    v["pus"] = np.where(quirk, np.nan, v["pus"])
    # more BKB participants than families with toddlers
    over = failing & ~empty & ~quirk & (draw > 0.95) & (draw <= 0.955) & (output_sum <= 8)
    v["peserta_bkb"] = np.where(over, v["keluarga_balita"] + 3, v["peserta_bkb"])
