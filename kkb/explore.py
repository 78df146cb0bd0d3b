"""Kampung KB one by one: the filterable list (Jelajah), one profile, and the rules as tables.

The list and the profile read the base tables; the methodology tables are built by calling the
classification engine itself, so the page that explains the rules cannot drift from them.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kkb import db
from kkb.classification import CLASSES, PASS_INDEX, class_from_indices
from kkb.indicators import DIMENSIONS, DQ_FLAGS, INDICATORS, SCORE_COLUMNS, Indicator
from kkb.next_class import NextClassPath, path_to_next_class
from kkb.store import prefix_of

#: the Jelajah filter on data quality: every Kampung KB, only flagged ones, only clean ones, or one flag
DQ_ANY, DQ_FLAGGED, DQ_CLEAN = "semua", "ada", "tidak_ada"

#: the Jelajah table holds at most this many rows: the national list (73,883 rows) weighed 10 MB on
#: the wire and 2.7 s in the browser; 5,000 rows are about 0.7 MB. Downloads hold every matching row.
TABLE_ROWS = 5_000


def kampung_list(con: db.Connection, code: str, periode: str, metode: str) -> pd.DataFrame:
    """Kampung KB of ``code`` formed by ``periode``, each with its latest classification by then.

    Columns: identity and region names, ``tahun_pencanangan``, ``klasifikasi`` (empty when not yet
    classified), the twelve ``skor_*``, three ``indeks_*``, the ``dq_*`` flags and ``dq_jumlah``.
    """
    return db.query(con, "kampung_list", {"prefix": prefix_of(code), "periode": periode, "metode": metode})


def filter_kampung(
    frame: pd.DataFrame,
    classes: list[str] | None = None,
    years: tuple[int, int] | None = None,
    dq: str = DQ_ANY,
    text: str = "",
) -> pd.DataFrame:
    """Keep the rows matching every given filter.

    ``classes`` may include ``""`` for Kampung KB not yet classified; ``years`` is an inclusive range of
    formation years (those of unknown year kept while it spans every known year); ``dq`` is
    ``DQ_ANY``, ``DQ_FLAGGED``, ``DQ_CLEAN`` or one ``dq_*`` flag name (a Kampung KB whose source
    cannot be checked is neither flagged nor clean); ``text`` is searched case-insensitively in the
    Kampung KB's name, id and desa/kecamatan/kab/kota names.
    """
    keep = pd.Series(True, index=frame.index)
    if classes is not None:
        wanted = set(classes)
        klass = frame["klasifikasi"].fillna("")
        keep &= klass.isin(wanted)
    if years is not None:
        year = pd.to_numeric(frame["tahun_pencanangan"], errors="coerce").astype(float)
        within = year.between(years[0], years[1])
        # a Kampung KB whose formation year is unknown is left out only once the range is narrowed
        if year.isna().all() or (years[0] <= year.min() and years[1] >= year.max()):
            within |= year.isna()
        keep &= within
    checks = pd.to_numeric(frame["dq_jumlah"], errors="coerce").astype(
        float
    )  # NaN: the source cannot be checked
    if dq == DQ_FLAGGED:
        keep &= (checks > 0).fillna(False)
    elif dq == DQ_CLEAN:
        keep &= (checks == 0).fillna(False)
    elif dq in DQ_FLAGS:
        keep &= frame[dq].fillna(False).astype(bool)
    elif dq != DQ_ANY:
        raise ValueError(f"filter kualitas data tidak dikenal: {dq!r}")
    needle = text.strip().casefold()
    if needle:
        haystack = (
            frame["nama"].fillna("")
            + " "
            + frame["id"]
            + " "
            + frame["desa"].fillna("")
            + " "
            + frame["kecamatan"].fillna("")
            + " "
            + frame["kabkota"].fillna("")
        ).str.casefold()
        keep &= haystack.str.contains(needle, regex=False)
    return frame[keep]


# --- one Kampung KB --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """One Kampung KB: its identity row and every snapshot with its classification, oldest first."""

    identity: pd.Series
    history: pd.DataFrame

    def at(self, periode: str) -> pd.Series | None:
        """The latest snapshot at or before ``periode`` (None when it had none yet)."""
        rows = self.history[self.history["periode"] <= periode]
        return None if rows.empty else rows.iloc[-1]

    def class_changes(self) -> pd.DataFrame:
        """The months its class changed: ``periode``, ``klasifikasi`` (the first snapshot included)."""
        klass = self.history["klasifikasi"]
        changed = klass.ne(klass.shift())
        return self.history.loc[changed, ["periode", "klasifikasi"]].reset_index(drop=True)


def profile(con: db.Connection, kampung_id: str, metode: str) -> Profile | None:
    """The profile of ``kampung_id`` (None when there is no such Kampung KB)."""
    identity = db.query(con, "kampung_one", {"id": kampung_id})
    if identity.empty:
        return None
    history = db.query(con, "kampung_history", {"id": kampung_id, "metode": metode})
    return Profile(identity.iloc[0], history)


def path_for(snapshot: pd.Series) -> NextClassPath:
    """The path to the next class of one stored snapshot (see ``classification.path_to_next_class``)."""
    return path_to_next_class(snapshot)


def score_table(snapshot: pd.Series) -> pd.DataFrame:
    """The twelve indicators of one snapshot: ``indikator``, ``dimensi``, ``nilai``, ``skor``, ``skor_maks``.

    ``nilai`` is the measured value in the indicator's unit (a count, a percentage, or the Pokja level).
    """
    rows = []
    for ind, column in zip(INDICATORS, SCORE_COLUMNS, strict=True):
        value = snapshot.get(f"nilai_{ind.key}")
        rows.append(
            {
                "indikator": ind.key,
                "dimensi": ind.dimension,
                "satuan": ind.unit,
                "nilai": None if value is None or pd.isna(value) else float(value),
                "skor": int(snapshot[column]),
                "skor_maks": ind.max_score,
            }
        )
    return pd.DataFrame(rows)


# --- the rules, as the engine applies them ------------------------------------------------------


def band_text(ind: Indicator, score: int, unit_suffix: str = "") -> str:
    """Describe the band that gives ``score``: ``0``, ``2–4``, ``≥ 5``, ``≤ 6 %`` style."""
    lo, hi, _ = ind.band_of(score)
    suffix = unit_suffix
    if hi is None:
        return f"≥ {lo}{suffix}"
    if lo == 0 and not ind.higher_is_better:
        return f"≤ {hi}{suffix}"
    if lo == hi:
        return f"{lo}{suffix}"
    return f"{lo}–{hi}{suffix}"


def bands_table() -> pd.DataFrame:
    """Every indicator with the value range of each score 1–4, read from ``INDICATORS``."""
    rows = []
    for ind in INDICATORS:
        suffix = " %" if ind.unit == "persen" else ""
        row: dict[str, object] = {"indikator": ind.key, "dimensi": ind.dimension, "satuan": ind.unit}
        for score in range(1, 5):
            row[f"skor_{score}"] = band_text(ind, score, suffix) if score <= ind.max_score else "–"
        rows.append(row)
    return pd.DataFrame(rows)


def decision_table() -> pd.DataFrame:
    """The class for each combination of passing dimensions, computed by ``class_from_indices``.

    A dimension passes when its index (the mean of its scores) is at least ``PASS_INDEX``.
    """
    combos = list(itertools.product((False, True), repeat=len(DIMENSIONS)))
    indices = np.array([[PASS_INDEX if p else PASS_INDEX - 1 for p in combo] for combo in combos])
    classes = class_from_indices(indices)
    frame = pd.DataFrame(combos, columns=[f"lulus_{d}" for d in DIMENSIONS])
    frame["klasifikasi"] = classes
    order = {c: i for i, c in enumerate(CLASSES)}
    frame["_rank"] = frame["klasifikasi"].map(order)
    return frame.sort_values(["_rank", *frame.columns[:3]]).drop(columns="_rank").reset_index(drop=True)
