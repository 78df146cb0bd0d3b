"""What is being looked at: one language, region, periode and method (``kkb.report`` says what it shows)."""

from __future__ import annotations

from dataclasses import dataclass

from kkb.regions import level_of


@dataclass(frozen=True)
class View:
    """What is being looked at: language, region, periode, method."""

    lang: str
    code: str
    periode: str
    metode: str

    @property
    def level(self) -> int:
        """Level of the region (0 nation … 3 kecamatan)."""
        return level_of(self.code)
