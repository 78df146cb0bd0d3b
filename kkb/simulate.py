"""Simulasi klasifikasi: a Kampung KB's reported values, changed by hand, run through the same rules.

A simulation is a mapping of the SPEC §4.1 columns the rules read (``FIELDS``) to values, ``None``
where a count is not reported (the rules treat that differently from 0: an unreported unmet need
scores 1, a reported 0 scores 4). ``evaluate`` classifies it with ``classification.classify_portal_2021``
and plans the path with ``next_class.path_to_next_class``: no second copy of the rules lives here.

A simulation travels in a link as ``encode``'s text (``pus.120~kb_pil.30~pokja.1``): every value, so
the link gives the same class whatever the registry holds later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from kkb.classification import classify_portal_2021
from kkb.columns import FLAG_COLUMNS, INPUT_COLUMNS
from kkb.explore import score_table
from kkb.next_class import NextClassPath, path_to_next_class


@dataclass(frozen=True)
class Field:
    """One value the simulator asks for: the column, the indicator it feeds, a flag or a count."""

    column: str
    indicator: str
    flag: bool
    #: the largest count accepted (a list's length, SPEC §4.1), None for no limit
    limit: int | None = None


def _fields() -> tuple[Field, ...]:
    feeds = {
        "pokja": ("pokja", "pokja_anggota", "pokja_terlatih"),
        "sumber_dana": ("sumber_dana",),
        "poktan": ("bkb", "bkr", "bkl", "uppka", "pikr"),
        "sarana": ("sekretariat", "rumah_dataku"),
        "pkb": ("plkb_pendamping", "regulasi"),
        "penggunaan_data": ("penggunaan_data",),
        "mekanisme_operasional": ("mekanisme_operasional",),
        "lintas_sektor": ("instansi_terlibat",),
        "partisipasi_poktan": (
            "keluarga_balita",
            "peserta_bkb",
            "keluarga_remaja",
            "peserta_bkr",
            "keluarga_lansia",
            "peserta_bkl",
            "jumlah_keluarga",
            "peserta_uppka",
            "jumlah_remaja",
            "peserta_pikr",
        ),
        "cpr": ("pus", "kb_iud", "kb_mow", "kb_mop", "kb_implan", "kb_suntik", "kb_pil", "kb_kondom"),
        "unmet_need": ("tidak_kb_iat", "tidak_kb_tial"),
    }
    limits = {"sumber_dana": 6, "penggunaan_data": 5, "mekanisme_operasional": 5}
    return tuple(
        Field(column, indicator, column in FLAG_COLUMNS, limits.get(column))
        for indicator, columns in feeds.items()
        for column in columns
    )


#: what the simulator asks for, grouped by the indicator each value feeds (MKJP reads the CPR methods)
FIELDS: tuple[Field, ...] = _fields()
FIELD_BY_COLUMN = {f.column: f for f in FIELDS}

Values = dict[str, float | None]


@dataclass(frozen=True)
class Simulation:
    """What the rules make of a simulation: the classified row, its twelve scores and the path up."""

    values: Values
    result: pd.Series
    scores: pd.DataFrame
    path: NextClassPath

    @property
    def klasifikasi(self) -> str:
        """The class the values give."""
        return str(self.result["klasifikasi"])


def blank() -> Values:
    """A simulation with nothing reported: every flag off, every count empty."""
    return {f.column: (0.0 if f.flag else None) for f in FIELDS}


def from_snapshot(snapshot: Mapping[str, object]) -> Values:
    """The simulator's values of a stored snapshot (flags on when above 0, empty counts kept empty)."""
    values = blank()
    for f in FIELDS:
        raw = pd.to_numeric(pd.Series([snapshot.get(f.column)]), errors="coerce").iloc[0]
        if f.flag:
            values[f.column] = 1.0 if pd.notna(raw) and raw > 0 else 0.0
        else:
            values[f.column] = None if pd.isna(raw) else float(raw)
    return values


def evaluate(values: Mapping[str, float | None]) -> Simulation:
    """Classify ``values`` with the portal's rules and plan the fewest changes to the next class."""
    row = {c: values.get(c) for c in INPUT_COLUMNS}
    frame = pd.DataFrame([row], dtype="float64")
    result = classify_portal_2021(frame).iloc[0]
    merged = pd.concat([frame.iloc[0], result])
    return Simulation(dict(values), merged, score_table(merged), path_to_next_class(frame.iloc[0]))


def changes(start: Mapping[str, float | None], values: Mapping[str, float | None]) -> list[str]:
    """The columns whose value differs from ``start`` (in ``FIELDS`` order)."""
    return [f.column for f in FIELDS if _same(start.get(f.column), values.get(f.column)) is False]


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return float(a) == float(b)


def encode(values: Mapping[str, float | None]) -> str:
    """The link form of a simulation: ``column.value`` joined by ``~``; empty counts left out."""
    parts = []
    for f in FIELDS:
        value = values.get(f.column)
        if value is None or (f.flag and not value):
            continue
        parts.append(f"{f.column}.{int(value)}")
    return "~".join(parts)


def decode(text: str) -> tuple[Values, list[str]]:
    """A simulation from its link form, and the parts that could not be read (skipped, never guessed).

    Flags not named are off and counts not named are empty, as ``encode`` leaves them out.
    """
    values, problems = blank(), []
    for part in (p for p in text.split("~") if p):
        column, _, raw = part.partition(".")
        field = FIELD_BY_COLUMN.get(column)
        if field is None or not raw.isdigit():
            problems.append(part)
            continue
        number = int(raw)
        if (field.flag and number > 1) or (field.limit is not None and number > field.limit):
            problems.append(part)
            continue
        values[column] = float(number)
    return values, problems
