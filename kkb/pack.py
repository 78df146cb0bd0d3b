"""The briefing pack's content as both renderers read it: slides of cards, a chart, a table, lines.

``kkb.paparan`` builds a ``Pack``; ``kkb.paparan_pptx`` and ``kkb.paparan_pdf`` lay it out. Both
read this room and nothing of the builder, so the three are no longer tied in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from kkb.i18n import t
from kkb.view import View


@dataclass(frozen=True)
class Card:
    """One headline figure: what, how much, and a line of context."""

    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class Slide:
    """One slide: a title and any of cards, a chart (PNG), a table, lines of text."""

    key: str
    title: str
    cards: tuple[Card, ...] = ()
    image: bytes | None = None
    table: pd.DataFrame | None = None
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    """The content of a briefing pack, ready to be laid out as PPTX or PDF."""

    view: View
    region: str
    peer: str
    synthetic: bool
    made: date
    slides: list[Slide] = field(default_factory=list)

    @property
    def footer(self) -> str:
        """The line at the foot of every slide."""
        return f"{t('pack_title', self.view.lang)} · {self.region} · {self.view.periode}"


def column_shares(rows: list[list[str]]) -> list[float]:
    """How much of a table's width each column gets: by its longest cell, within limits."""
    longest = [min(max(len(cell) for cell in column), 40) for column in zip(*rows, strict=True)]
    weights = [max(n, 8) for n in longest]
    return [w / sum(weights) for w in weights]


def table_rows(table: pd.DataFrame) -> list[list[str]]:
    """A slide table as text: the header row, then the cells."""
    return [
        [str(c) for c in table.columns],
        *([str(x) for x in row] for row in table.itertuples(index=False)),
    ]
