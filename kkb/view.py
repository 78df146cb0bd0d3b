"""What is being looked at, and where its figures come from: the words every renderer shares.

A ``View`` is one language, region, periode and method. ``Data`` is the interface the renderers
(presentation mode, the briefing pack, the pages) read figures through: the dashboard passes its
cached accessors, the command line ``kkb.slides.Database``, which reads a connection directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import pandas as pd

from kkb import explore, geo, overview
from kkb.metrics import RegionMetrics
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


class Data(Protocol):
    """Where the figures come from (the dashboard's caches, or a connection)."""

    def label(self, code: str) -> str:
        """The display label of a region (``Kab. Serang``)."""
        ...

    def trend(self, code: str, metode: str) -> pd.DataFrame:
        """Monthly totals of a region."""
        ...

    def children(self, code: str, periode: str, metode: str) -> pd.DataFrame:
        """The regions one level down with counts and rates."""
        ...

    def region_metrics(self, code: str, periode: str, metode: str) -> RegionMetrics:
        """Every metric of a region at a periode."""
        ...

    def schedule(self, code: str, periode: str, metode: str) -> pd.DataFrame:
        """The regions one level down against their primary targets."""
        ...

    def boundaries(self) -> dict[int, geo.GeoJson]:
        """Province and kab/kota polygons."""
        ...

    def kampung(self, code: str, periode: str, metode: str) -> pd.DataFrame:
        """The Kampung KB of a region with their latest classification."""
        ...

    def profile(self, kampung_id: str, metode: str) -> explore.Profile | None:
        """One Kampung KB's identity and history (None when unknown)."""
        ...

    def sources(self, code: str) -> list[overview.Source]:
        """The imports a region's figures come from."""
        ...
