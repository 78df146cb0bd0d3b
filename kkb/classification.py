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

from kkb.indicators import (
    DIMENSION_INDICATORS,
    DIMENSIONS,
    DQ_FLAGS,
    INDICATORS,
    SCORE_COLUMNS,
    VALUE_COLUMNS,
    indicator_values,
    quality_flags,
)

CLASSES = ("Dasar", "Berkembang", "Mandiri", "Berkelanjutan")
MANDIRI_PLUS = ("Mandiri", "Berkelanjutan")
CLASS_RANK = {name: rank for rank, name in enumerate(CLASSES)}

PASS_INDEX = 3.0
INDEX_COLUMNS = ("indeks_input", "indeks_proses", "indeks_output")

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
