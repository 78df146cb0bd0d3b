"""Classification of Kampung KB snapshots: a registry of named methods.

``portal-2021`` reproduces the computation of the official Kampung KB portal (kampungkb.bkkbn.go.id):
twelve indicator scores (1 kurang … 4 baik sekali), three indices (input, proses, output), and the
class from which dimensions pass (index ≥ 3). Percentages are whole numbers rounded ties-to-even, as
PostgreSQL rounds float8; missing values follow the portal, quirks included (SPEC §4.2).

``impor`` takes a class column from imported data as it is, with the aliases of SPEC §4.4.

Everything is vectorised over a DataFrame of snapshots: one row per Kampung KB per periode, the
columns of ``INPUT_COLUMNS`` (empty = not reported).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kkb.columns import (
    COUNT_LIMITS,
    DENOMINATORS,
    FLAG_COLUMNS,
    INPUT_COLUMNS,
    METHODS_KB,
    MKJP_METHODS,
    NOT_USING,
    PARTICIPANTS,
    PARTICIPATION_PAIRS,
    POKTAN,
)

CLASSES = ("Dasar", "Berkembang", "Mandiri", "Berkelanjutan")
MANDIRI_PLUS = ("Mandiri", "Berkelanjutan")
CLASS_RANK = {name: rank for rank, name in enumerate(CLASSES)}

Band = tuple[int, int | None, int]  # lowest value, highest value (None = no limit), score


@dataclass(frozen=True)
class Indicator:
    """One of the twelve indicators: what it measures and the bands that turn the value into a score."""

    key: str
    dimension: str
    bands: tuple[Band, ...]
    unit: str  # "jumlah", "persen" or "tingkat"
    higher_is_better: bool = True

    @property
    def max_score(self) -> int:
        """Return the best score this indicator can reach (3 for sarana and PKB, else 4)."""
        return max(score for _, _, score in self.bands)

    def score(self, values: np.ndarray) -> np.ndarray:
        """Score measured values (NaN = no value, which scores 1)."""
        out = np.ones(len(values), dtype=np.int8)
        for lo, hi, score in self.bands:
            mask = values >= lo
            if hi is not None:
                mask &= values <= hi
            out[mask] = score
        return out

    def band_of(self, score: int) -> Band:
        """Return the band that gives ``score``."""
        for band in self.bands:
            if band[2] == score:
                return band
        raise ValueError(f"{self.key}: tidak ada skor {score}")


INDICATORS: tuple[Indicator, ...] = (
    Indicator("pokja", "input", ((0, 0, 1), (1, 1, 2), (2, 2, 3), (3, None, 4)), "tingkat"),
    Indicator("sumber_dana", "input", ((0, 0, 1), (1, 1, 2), (2, 4, 3), (5, None, 4)), "jumlah"),
    Indicator("poktan", "input", ((0, 0, 1), (1, 2, 2), (3, 4, 3), (5, None, 4)), "jumlah"),
    Indicator("sarana", "input", ((0, 0, 1), (1, 1, 2), (2, None, 3)), "jumlah"),
    Indicator("pkb", "input", ((0, 0, 1), (1, 1, 2), (2, None, 3)), "jumlah"),
    Indicator("penggunaan_data", "proses", ((0, 0, 1), (1, 1, 2), (2, 3, 3), (4, None, 4)), "jumlah"),
    Indicator("mekanisme_operasional", "proses", ((0, 0, 1), (1, 2, 2), (3, 4, 3), (5, None, 4)), "jumlah"),
    Indicator("lintas_sektor", "proses", ((0, 0, 1), (1, 3, 2), (4, 6, 3), (7, None, 4)), "jumlah"),
    Indicator(
        "partisipasi_poktan",
        "output",
        ((0, 9, 1), (10, 20, 2), (21, 30, 3), (31, None, 4)),
        "persen",
    ),
    Indicator("cpr", "output", ((0, 29, 1), (30, 40, 2), (41, 50, 3), (51, None, 4)), "persen"),
    Indicator("mkjp", "output", ((0, 19, 1), (20, 22, 2), (23, 24, 3), (25, None, 4)), "persen"),
    Indicator(
        "unmet_need",
        "output",
        ((13, None, 1), (10, 12, 2), (7, 9, 3), (0, 6, 4)),
        "persen",
        higher_is_better=False,
    ),
)
INDICATOR_BY_KEY = {ind.key: ind for ind in INDICATORS}
DIMENSIONS = ("input", "proses", "output")
DIMENSION_INDICATORS = {d: tuple(i for i in INDICATORS if i.dimension == d) for d in DIMENSIONS}
PASS_INDEX = 3.0
SCORE_COLUMNS = tuple(
    f"skor_{k}"
    for k in (
        "pokja",
        "sumber_dana",
        "poktan",
        "sarana",
        "pkb",
        "penggunaan_data",
        "mekanisme_operasional",
        "lintas_sektor",
        "partisipasi_poktan",
        "cpr",
        "mkjp",
        "unmet_need",
    )
)
VALUE_COLUMNS = tuple(f"nilai_{ind.key}" for ind in INDICATORS)
INDEX_COLUMNS = ("indeks_input", "indeks_proses", "indeks_output")

DQ_FLAGS = (
    "dq_unmet_tanpa_pus",
    "dq_pus_kosong",
    "dq_peserta_melebihi_sasaran",
    "dq_pengguna_melebihi_pus",
    "dq_tidak_kb_melebihi_pus",
    "dq_flag_di_luar_0_1",
    "dq_hitungan_di_luar_rentang",
    "dq_laporan_kosong",
)
#: every column ``classify`` returns, in this order
RESULT_COLUMNS = (
    *SCORE_COLUMNS,
    *INDEX_COLUMNS,
    "klasifikasi",
    "mandiri_plus",
    *VALUE_COLUMNS,
    *DQ_FLAGS,
    "dq_jumlah",
    "langkah_ke_kelas_berikut",
)

CLASS_ALIASES = {
    "dasar": "Dasar",
    "berkembang": "Berkembang",
    "mandiri": "Mandiri",
    "berkelanjutan": "Berkelanjutan",
    "paripurna": "Berkelanjutan",
    "mandiri berkelanjutan": "Berkelanjutan",
}


def _num(df: pd.DataFrame, column: str) -> np.ndarray:
    """Return a column as float64 with NaN for empty (a missing column counts as all empty)."""
    if column not in df.columns:
        return np.full(len(df), np.nan)
    return pd.to_numeric(df[column], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)


def _zero(values: np.ndarray) -> np.ndarray:
    """Empty counts as 0, the portal's ``coalesce(x, 0)``."""
    return np.nan_to_num(values, nan=0.0)


def _on(values: np.ndarray) -> np.ndarray:
    """A flag is on when it is reported and above 0 (the portal stores booleans)."""
    return np.nan_to_num(values, nan=0.0) > 0


def _pct(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """Whole-number percentage as the portal computes it: ROUND((x / y::float) * 100), ties to even."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.rint(numerator / denominator * 100)


def indicator_values(df: pd.DataFrame) -> pd.DataFrame:
    """Measure the twelve indicators of each snapshot (``nilai_*``); NaN where the portal has no value."""
    c = {name: _num(df, name) for name in INPUT_COLUMNS}
    zero = _zero
    pokja_on = _on(c["pokja"])
    pokja_level = np.where(pokja_on, 1 + (zero(c["pokja_anggota"]) > 0) + _on(c["pokja_terlatih"]), 0)
    poktan = np.sum([_on(c[p]).astype(int) for p in POKTAN], axis=0)
    sarana = _on(c["sekretariat"]).astype(int) + _on(c["rumah_dataku"]).astype(int)
    pkb = _on(c["plkb_pendamping"]).astype(int) + _on(c["regulasi"]).astype(int)

    shares = []
    for numerator, denominator in PARTICIPATION_PAIRS:
        den = zero(c[denominator])
        shares.append(np.where(den > 0, _pct(zero(c[numerator]), den), 0.0))
    partisipasi = np.rint(np.sum(shares, axis=0) / 5)

    pus = c["pus"]
    users = np.sum([zero(c[m]) for m in METHODS_KB], axis=0)
    long_acting = np.sum([zero(c[m]) for m in MKJP_METHODS], axis=0)
    cpr = np.where(np.isnan(pus), np.nan, np.where(zero(pus) > 0, _pct(users, pus), 0.0))
    mkjp = np.where(np.isnan(pus), np.nan, np.where(users > 0, _pct(long_acting, users), 0.0))
    unmet_reported = ~(np.isnan(c["tidak_kb_iat"]) & np.isnan(c["tidak_kb_tial"]))
    unmet_count = zero(c["tidak_kb_iat"]) + zero(c["tidak_kb_tial"])
    unmet = np.where(unmet_reported, np.where(zero(pus) > 0, _pct(unmet_count, pus), 0.0), np.nan)
    values = {
        "pokja": pokja_level.astype(float),
        "sumber_dana": zero(c["sumber_dana"]),
        "poktan": poktan.astype(float),
        "sarana": sarana.astype(float),
        "pkb": pkb.astype(float),
        "penggunaan_data": zero(c["penggunaan_data"]),
        "mekanisme_operasional": zero(c["mekanisme_operasional"]),
        "lintas_sektor": zero(c["instansi_terlibat"]),
        "partisipasi_poktan": partisipasi,
        "cpr": cpr,
        "mkjp": mkjp,
        "unmet_need": unmet,
    }
    return pd.DataFrame({f"nilai_{k}": v for k, v in values.items()}, index=df.index)


def quality_flags(df: pd.DataFrame) -> pd.DataFrame:
    """Data-quality flags of each snapshot (see ``DQ_FLAGS``); they never change the score."""
    c = {name: _num(df, name) for name in INPUT_COLUMNS}
    zero = _zero
    pus = c["pus"]
    unmet_reported = ~(np.isnan(c["tidak_kb_iat"]) & np.isnan(c["tidak_kb_tial"]))
    users = np.sum([zero(c[m]) for m in METHODS_KB], axis=0)
    not_using = np.sum([zero(c[m]) for m in NOT_USING], axis=0)
    over = np.zeros(len(df), dtype=bool)
    for numerator, denominator in PARTICIPATION_PAIRS:
        over |= zero(c[numerator]) > zero(c[denominator])
    flag_bad = np.zeros(len(df), dtype=bool)
    for name in FLAG_COLUMNS:
        v = c[name]
        flag_bad |= ~np.isnan(v) & (v != 0) & (v != 1)
    count_bad = np.zeros(len(df), dtype=bool)
    for name, limit in COUNT_LIMITS.items():
        count_bad |= zero(c[name]) > limit
    output_columns = DENOMINATORS + PARTICIPANTS + METHODS_KB + NOT_USING
    empty = np.all([np.isnan(c[name]) for name in output_columns], axis=0)
    flags = {
        "dq_unmet_tanpa_pus": unmet_reported & (zero(pus) <= 0),
        "dq_pus_kosong": (zero(pus) <= 0) & ~empty,
        "dq_peserta_melebihi_sasaran": over,
        "dq_pengguna_melebihi_pus": ~np.isnan(pus) & (users > zero(pus)),
        "dq_tidak_kb_melebihi_pus": ~np.isnan(pus) & (users + not_using > zero(pus)),
        "dq_flag_di_luar_0_1": flag_bad,
        "dq_hitungan_di_luar_rentang": count_bad,
        "dq_laporan_kosong": empty,
    }
    out = pd.DataFrame(flags, index=df.index)
    out["dq_jumlah"] = out.sum(axis=1).astype("int8")
    return out


def class_from_indices(indices: np.ndarray) -> np.ndarray:
    """Apply the decision table to an (n, 3) array of input, proses and output indices."""
    passes = indices >= PASS_INDEX
    inp, pro, out = passes[:, 0], passes[:, 1], passes[:, 2]
    n_pass = passes.sum(axis=1)
    # the portal's CASE, in its order: Dasar, Berkembang, Berkelanjutan, Mandiri
    conditions = [n_pass <= 1, inp & pro & ~out, inp & pro & out, (inp | pro) & out]
    choices = ["Dasar", "Berkembang", "Berkelanjutan", "Mandiri"]
    return np.asarray(np.select(conditions, choices, default="Dasar"))


def _index(scores: np.ndarray) -> np.ndarray:
    """Mean of a dimension's scores, rounded to 2 decimals as the portal's numeric ROUND does."""
    return np.round(scores.sum(axis=1) / scores.shape[1], 2)


def steps_to_next_class(scores: np.ndarray) -> np.ndarray:
    """Fewest indicators to raise for each row of an (n, 12) score array to reach a higher class.

    0 for Berkelanjutan (there is no higher class).
    """
    current = np.array([CLASS_RANK[k] for k in class_from_indices(indices_of(scores))])
    sums = {d: scores[:, dimension_slice(d)].sum(axis=1) for d in DIMENSIONS}
    needs = {d: points_needed(d) for d in DIMENSIONS}
    cost = {}
    for d in DIMENSIONS:
        sl = dimension_slice(d)
        maxima = np.array([i.max_score for i in DIMENSION_INDICATORS[d]])
        headroom = -np.sort(-(maxima - scores[:, sl]), axis=1)
        cumulative = np.cumsum(headroom, axis=1)
        deficit = np.maximum(needs[d] - sums[d], 0)[:, None]
        cost[d] = np.where(deficit[:, 0] > 0, (cumulative < deficit).sum(axis=1) + 1, 0)
    best = np.full(len(scores), 99, dtype=np.int64)
    for target_rank, required in RANK_REQUIREMENTS:
        total = sum(cost[d] for d in required)
        better = target_rank > current
        best = np.where(better, np.minimum(best, total), best)
    return np.where(current == len(CLASSES) - 1, 0, best).astype(np.int8)


def dimension_slice(dimension: str) -> slice:
    """The columns of ``dimension``'s indicators in a score matrix (input, then proses, then output)."""
    start = {"input": 0, "proses": 5, "output": 8}[dimension]
    return slice(start, start + len(DIMENSION_INDICATORS[dimension]))


def points_needed(dimension: str) -> int:
    """The score points a dimension needs to pass (its index ≥ ``PASS_INDEX``)."""
    return int(np.ceil(PASS_INDEX * len(DIMENSION_INDICATORS[dimension]) - 1e-9))


def indices_of(scores: np.ndarray) -> np.ndarray:
    """The three dimension indices of each row of a score matrix."""
    return np.column_stack([_index(scores[:, dimension_slice(d)]) for d in DIMENSIONS])


#: for each class above Dasar, the sets of dimensions whose passing gives at least that class
#: the dimensions that must pass for each class above Dasar (by rank): the decision table as data
RANK_REQUIREMENTS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, ("input", "proses")),
    (2, ("input", "output")),
    (2, ("proses", "output")),
    (3, ("input", "proses", "output")),
)


def classify_portal_2021(df: pd.DataFrame) -> pd.DataFrame:
    """Classify snapshots with the portal's 12-indicator method; see the module docstring."""
    values = indicator_values(df)
    scores = np.column_stack([ind.score(values[f"nilai_{ind.key}"].to_numpy()) for ind in INDICATORS]).astype(
        np.int8
    )
    indices = indices_of(scores.astype(np.int64))
    klas = class_from_indices(indices)
    out = pd.DataFrame(scores, columns=list(SCORE_COLUMNS), index=df.index)
    for i, name in enumerate(INDEX_COLUMNS):
        out[name] = indices[:, i]
    out["klasifikasi"] = klas
    out["mandiri_plus"] = np.isin(klas, MANDIRI_PLUS)
    out = pd.concat([out, values, quality_flags(df)], axis=1)
    out["langkah_ke_kelas_berikut"] = steps_to_next_class(scores.astype(np.int64))
    return out[list(RESULT_COLUMNS)]


def from_scores(scores: np.ndarray) -> pd.DataFrame:
    """The portal's rules applied to an (n, 12) array of scores given as printed, not computed.

    Returns the ``SCORE_COLUMNS``, the three indices (rounded as the portal rounds them), the class,
    ``mandiri_plus`` and ``langkah_ke_kelas_berikut``: what a file of scores alone allows.
    """
    scores = np.asarray(scores, dtype=np.int64).reshape(-1, len(INDICATORS))
    indices = indices_of(scores)
    klas = class_from_indices(indices)
    out = pd.DataFrame(scores.astype(np.int8), columns=list(SCORE_COLUMNS))
    for i, name in enumerate(INDEX_COLUMNS):
        out[name] = indices[:, i]
    out["klasifikasi"] = klas
    out["mandiri_plus"] = np.isin(klas, MANDIRI_PLUS)
    out["langkah_ke_kelas_berikut"] = steps_to_next_class(scores)
    return out


def normalise_class(value: object) -> str | None:
    """Map an imported class label to one of ``CLASSES`` (aliases allowed); None if not recognised."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    key = " ".join(str(value).strip().lower().replace("_", " ").split())
    return CLASS_ALIASES.get(key)


def classify_impor(df: pd.DataFrame) -> pd.DataFrame:
    """Take the imported ``klasifikasi`` column as it is; scores stay empty, flags still apply."""
    if "klasifikasi" not in df.columns:
        raise ValueError("metode 'impor' membutuhkan kolom 'klasifikasi'")
    klas = df["klasifikasi"].map(normalise_class)
    unknown = klas.isna() & df["klasifikasi"].notna()
    if unknown.any():
        bad = df.loc[unknown, "klasifikasi"].iloc[0]
        raise ValueError(
            f"klasifikasi {bad!r} tidak dikenal (diterima: {', '.join(CLASSES)}, Paripurna, "
            "Mandiri Berkelanjutan)"
        )
    out = pd.DataFrame(index=df.index)
    for name in SCORE_COLUMNS:
        out[name] = pd.array([pd.NA] * len(df), dtype="Int8")
    for name in INDEX_COLUMNS:
        out[name] = np.nan
    out["klasifikasi"] = klas.astype(object)
    out["mandiri_plus"] = klas.isin(MANDIRI_PLUS)
    for name in VALUE_COLUMNS:
        out[name] = np.nan
    out = pd.concat([out, quality_flags(df)], axis=1)
    out["langkah_ke_kelas_berikut"] = pd.array([pd.NA] * len(df), dtype="Int8")
    return out[list(RESULT_COLUMNS)]


@dataclass(frozen=True)
class Method:
    """A named classification method."""

    name: str
    title: str
    description: str
    run: Callable[[pd.DataFrame], pd.DataFrame] = field(repr=False)


METHODS: dict[str, Method] = {
    "portal-2021": Method(
        "portal-2021",
        "Portal Kampung KB (12 indikator)",
        "Perhitungan portal kampungkb.bkkbn.go.id: 12 indikator, 3 indeks, kelas dari dimensi yang lulus.",
        classify_portal_2021,
    ),
    "impor": Method(
        "impor",
        "Klasifikasi impor",
        "Kelas diambil apa adanya dari data yang diimpor (Paripurna → Berkelanjutan).",
        classify_impor,
    ),
}
DEFAULT_METHOD = "portal-2021"


def classify(df: pd.DataFrame, method: str = DEFAULT_METHOD) -> pd.DataFrame:
    """Classify every row of ``df`` with ``method``; return the ``RESULT_COLUMNS``, same index."""
    if method not in METHODS:
        raise ValueError(f"metode {method!r} tidak dikenal (diterima: {', '.join(METHODS)})")
    return METHODS[method].run(df)
