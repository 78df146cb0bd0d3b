"""One view's report: every figure of one region that a page, a slide or the briefing pack shows.

``build`` reads a connection once per view (language, region, periode, method): the region's
metrics, its months up to the periode, the regions one level down with their schedule against the
targets, the imports its figures come from, and its family-planning context from New SIGA. The
renderers (the pages, presentation mode, the pack) read the report and compute nothing of their
own. ``Data`` is where they get reports from: the dashboard's cache (``pages/_cache.py``, by
database version) or ``kkb.slides.Database`` (the command line and each briefing pack, one report
per view).

A region's Kampung KB are not in the report: the nation's list holds every Kampung KB, and only a
kab/kota's map, Jelajah, a profile and the pack's "closest to the next class" slide read it
(``Data.kampung``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

import pandas as pd

from kkb import context, db, explore, geo, overview, slipping, store
from kkb.metrics import RegionMetrics
from kkb.regions import Regions
from kkb.view import View


@dataclass(frozen=True)
class Report:
    """What one view shows of its region (see the module's docstring)."""

    view: View
    #: the region's display label (``Kab. Serang``)
    label: str
    metrics: RegionMetrics
    #: the region's monthly totals up to the periode
    trend: pd.DataFrame
    #: the regions one level down with counts, rates and their label (``wilayah``); empty for a kecamatan
    children: pd.DataFrame
    #: ``children`` against their primary targets, behind schedule first (``overview.schedule``)
    schedule: pd.DataFrame
    #: ``children`` behind on their formation or mandiri plus target (``slipping.slipping``)
    slipping: pd.DataFrame
    #: the imports the figures come from, newest first (none: synthetic only, or nothing)
    sources: tuple[overview.Source, ...]
    #: the region's family-planning context from New SIGA (``kkb.context``), and its desa with a
    #: Kampung KB against those without (``context.by_kampung``)
    fp: context.Context
    fp_groups: pd.DataFrame
    #: the same desa by the highest class of their Kampung KB (``context.by_class``)
    fp_classes: pd.DataFrame
    #: the regions one level down at the same month of New SIGA (``context.children``)
    fp_children: pd.DataFrame
    #: the region's poktan and Rumah DataKu from New SIGA (``context.groups``; empty: none reported)
    fp_poktan: pd.DataFrame

    @property
    def synthetic(self) -> bool:
        """Whether any of the region's Kampung KB at the periode are synthetic (the demo registry)."""
        return self.metrics.sintetis > 0

    @property
    def empty(self) -> bool:
        """Whether the region has no Kampung KB at the periode."""
        return self.metrics.pembentukan == 0


def build(
    con: db.Connection, v: View, wilayah: pd.DataFrame, targets: pd.DataFrame, regions: Regions
) -> Report:
    """The report of ``v`` read from ``con`` (the regions down to kecamatan, the targets, the labels)."""
    trend = store.trend(con, v.code, v.metode)
    m = overview.region(con, v.code, v.periode, v.metode, wilayah, targets, trend)
    if v.level < 3:
        kids = overview.children(con, v.code, v.periode, v.metode, wilayah)
        kids = kids.assign(wilayah=[regions.label(c) for c in kids["kode"]])
        plan = overview.schedule(con, v.code, v.periode, v.metode, kids, targets)
        year_ago = overview.children_year_ago(con, v.code, v.periode, v.metode, wilayah)
        behind = slipping.slipping(kids, year_ago, targets, v.periode)
    else:
        kids = plan = pd.DataFrame({"kode": pd.Series(dtype=str), "wilayah": pd.Series(dtype=str)})
        behind = pd.DataFrame(columns=list(slipping.COLUMNS))
    fp = context.region(con, v.code, v.periode)
    return Report(
        view=v,
        label=regions.label(v.code),
        metrics=m,
        trend=trend[trend["periode"] <= v.periode],
        children=kids,
        schedule=plan,
        slipping=behind,
        sources=tuple(overview.sources(con, v.code)),
        fp=fp,
        fp_groups=context.by_kampung(con, fp),
        fp_classes=context.by_class(con, fp, v.metode),
        fp_children=context.children(con, fp, v.level + 1),
        fp_poktan=context.groups(con, v.code, v.periode),
    )


def of(d: Data, v: View, code: str) -> Report:
    """The report of region ``code`` in the view's language, periode and method."""
    return d.report(replace(v, code=code))


class Data(Protocol):
    """Where the renderers get their reports and the rest (the dashboard's cache, or a connection)."""

    def label(self, code: str) -> str:
        """The display label of a region (``Kab. Serang``)."""
        ...

    def report(self, v: View) -> Report:
        """The report of a view (computed once per view)."""
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
