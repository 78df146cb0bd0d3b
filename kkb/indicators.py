"""The twelve indicators of ``portal-2021`` and what a snapshot's columns measure (SPEC §4.2, §4.3).

``INDICATORS`` is the portal's table: each indicator's dimension and the bands that turn its
value into a score (1 kurang … 4 baik sekali). ``indicator_values`` measures the twelve values of
each snapshot the way the portal does, quirks included; ``quality_flags`` says what in a snapshot
looks wrong without changing any score. ``kkb.classification`` turns the scores into a class.
"""

from __future__ import annotations

from dataclasses import dataclass

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
SCORE_COLUMNS = tuple(f"skor_{ind.key}" for ind in INDICATORS)
VALUE_COLUMNS = tuple(f"nilai_{ind.key}" for ind in INDICATORS)

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
