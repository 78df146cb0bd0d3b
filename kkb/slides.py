"""The charts of one region at one periode, shared by presentation mode and the briefing pack.

Each builder takes a ``Data`` (where the figures come from) and a ``View`` (language, region,
periode, method) and returns a titled figure, or None when the region has nothing to show. The
dashboard passes its cached accessors as the ``Data``; the command line passes ``Database``, which
reads a connection directly. Both therefore draw the very same charts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go
from typing_extensions import override

from kkb import charts, compare, context, db, events, explore, fmt, geo, maps, overview, report, store
from kkb.classification import CLASSES
from kkb.i18n import t
from kkb.metrics import RegionMetrics
from kkb.regions import Regions, parent_of
from kkb.report import Data
from kkb.sentences import source_text
from kkb.view import View


class Database(Data):
    """``Data`` read straight from a connection (the command line, and each briefing pack).

    Each view's report is built once per ``Database``: a pack reads its region's report on several
    slides, and the file a read-only connection reads never changes under it, so the first one
    stands. (The dashboard caches reports the same way, by the file's version.)
    """

    def __init__(self, con: db.Connection) -> None:
        self.con = con
        self.wilayah = store.wilayah(con, max_level=3)
        self.targets = store.targets(con)
        self.regions = Regions(self.wilayah)
        self._boundaries: dict[int, geo.GeoJson] | None = None
        self._reports: dict[View, report.Report] = {}
        self._kampung: dict[tuple[str, str, str], pd.DataFrame] = {}

    @override
    def label(self, code: str) -> str:
        return self.regions.label(code)

    @override
    def report(self, v: View) -> report.Report:
        if v not in self._reports:
            self._reports[v] = report.build(self.con, v, self.wilayah, self.targets, self.regions)
        return self._reports[v]

    @override
    def boundaries(self) -> dict[int, geo.GeoJson]:
        if self._boundaries is None:
            self._boundaries = geo.read_boundaries(db.DATA_DIR)
        return self._boundaries

    @override
    def kampung(self, code: str, periode: str, metode: str) -> pd.DataFrame:
        key = (code, periode, metode)
        if key not in self._kampung:
            self._kampung[key] = explore.kampung_list(self.con, code, periode, metode)
        return self._kampung[key]

    @override
    def profile(self, kampung_id: str, metode: str) -> explore.Profile | None:
        return explore.profile(self.con, kampung_id, metode)


def source_of(d: Data, v: View, codes: tuple[str, ...] = ()) -> str:
    """Where the figures of the view's region (and of ``codes`` beside it) come from, in a phrase."""
    imports: dict[int, overview.Source] = {}
    synthetic = False
    for code in (v.code, *codes):
        r = report.of(d, v, code)
        imports |= {s.import_id: s for s in r.sources}
        synthetic = synthetic or r.synthetic
    return source_text(sorted(imports.values(), key=lambda s: -s.import_id), synthetic, v.lang)


Builder = Callable[[Data, View], go.Figure | None]


def trend(d: Data, v: View) -> go.Figure | None:
    """Kampung KB by class, month by month, up to the periode."""
    r = d.report(v)
    if r.trend.empty:
        return None
    fig = charts.class_trend(r.trend, t("trend_title", v.lang, region=r.label), v.lang)
    return events.mark(fig, events.found(r.trend, r.sources, v.lang), v.lang)


def mix(d: Data, v: View, top: int = 15) -> go.Figure | None:
    """The class mix of the regions one level down (the ``top`` with the highest Mandiri+ share)."""
    if v.level >= 3:
        return None
    r = d.report(v)
    kids = r.children[r.children["terklasifikasi"] > 0].sort_values("mandiri_plus_persen", ascending=False)
    if kids.empty:
        return None
    kids = kids.head(top)
    level = t(f"level_{v.level + 1}", v.lang)
    title = t("mix_children_title", v.lang, region=r.label, level=level)
    return charts.class_mix(kids, "wilayah", title, v.lang)


def map_(d: Data, v: View, metric: str = "cakupan_desa_persen") -> go.Figure | None:
    """A choropleth of the regions one level down; inside a kab/kota, its Kampung KB as points.

    Provinces and kab/kota have polygons; kecamatan have none (no open boundary set to ship).
    """
    shapes = geo.children_shapes(d.boundaries(), v.code)
    if shapes is None:
        return _points(d, v) if v.level >= 2 else None
    r = d.report(v)
    kids = r.children
    if int(kids["pembentukan"].sum()) == 0:
        return None
    level = t(f"level_{v.level + 1}", v.lang)
    title = t("map_title", v.lang, metric=t(metric, v.lang), level=level, region=r.label, periode=v.periode)
    percent = metric.endswith("persen")
    return maps.choropleth(kids, shapes, metric, title, t(metric, v.lang), v.lang, percent)


def _points(d: Data, v: View) -> go.Figure | None:
    points = d.kampung(v.code, v.periode, v.metode)
    if points.empty:
        return None
    outline = geo.outline_of(d.boundaries(), v.code)
    count = fmt.number(len(points), v.lang)
    title = t("points_title", v.lang, region=d.label(v.code), periode=v.periode, n=count)
    return maps.points(points, outline, title, v.lang)


def attainment(d: Data, v: View) -> go.Figure | None:
    """Every target of the region against its actual value."""
    r = d.report(v)
    goals = compare.attainments({v.code: r.metrics}, {v.code: r.label})
    if goals.empty:
        return None
    goals = goals.assign(
        label=[t(m, v.lang) + f" {y}" for m, y in zip(goals["metrik"], goals["tahun"], strict=True)]
    )
    title = t("present_attainment_title", v.lang, region=r.label, periode=v.periode)
    return charts.attainment(goals, "label", title, v.lang)


def projection(d: Data, v: View) -> go.Figure | None:
    """The series the projection follows, its target and the month the pace reaches it."""
    r = d.report(v)
    m, data = r.metrics, r.trend
    if data.empty or m.proyeksi is None or m.proyeksi_metrik is None:
        return None
    column = projection_column(m)
    title = t(
        "projection_title",
        v.lang,
        metric=t(column, v.lang),
        region=r.label,
        deadline=m.proyeksi.deadline,
    )
    fig = charts.projection(
        data,
        column,
        m.proyeksi.target_value,
        m.proyeksi.deadline,
        m.proyeksi.reached_in,
        title,
        t(column, v.lang),
        v.lang,
    )
    return events.mark(fig, events.found(data, r.sources, v.lang), v.lang)


def projection_column(m: RegionMetrics) -> str:
    """The trend column the region's projection follows."""
    return "pembentukan" if m.proyeksi_metrik == "pembentukan" else "desa_terbentuk"


def schedule(d: Data, v: View, top: int = 15) -> go.Figure | None:
    """The regions one level down against their primary target, furthest behind first."""
    if v.level >= 3:
        return None
    r = d.report(v)
    table = r.schedule.dropna(subset=["capaian_persen"]).head(top)
    if table.empty:
        return None
    level = t(f"level_{v.level + 1}", v.lang)
    title = t("schedule_chart_title", v.lang, level=level, region=r.label, periode=v.periode)
    return charts.attainment(table, "wilayah", title, v.lang)


def class_mix_frame(found: Mapping[str, RegionMetrics], labels: Mapping[str, str]) -> pd.DataFrame:
    """One row per region with its classified count and its count in each class (for ``charts.class_mix``)."""
    return pd.DataFrame(
        [
            {
                "kode": code,
                "wilayah": labels[code],
                "terklasifikasi": m.terklasifikasi,
                **{c.lower(): m.kelas[c] for c in CLASSES},
            }
            for code, m in found.items()
        ]
    )


def peer_mix(d: Data, v: View, peer: str) -> go.Figure | None:
    """The class mix of the region beside its peer region."""
    found = {code: report.of(d, v, code).metrics for code in (v.code, peer)}
    frame = class_mix_frame(found, {code: d.label(code) for code in found})
    if int(frame["terklasifikasi"].sum()) == 0:
        return None
    return charts.class_mix(frame, "wilayah", t("compare_mix_title", v.lang, periode=v.periode), v.lang)


def headline(d: Data, v: View) -> go.Figure | None:
    """The region's headline figures as large numbers: formed, coverage, mandiri plus, classified."""
    r = d.report(v)
    m = r.metrics
    if r.empty:
        return None
    lang = v.lang
    cards = (
        (t("pembentukan", lang), float(m.pembentukan), False, t("pembentukan_help_short", lang)),
        (
            t("cakupan_desa_persen", lang),
            m.cakupan_desa_persen,
            True,
            t(
                "pack_of_desa",
                lang,
                n=fmt.number(m.desa_terbentuk, lang),
                of=fmt.number(m.jml_desa_kel, lang),
            ),
        ),
        (
            t("mandiri_plus_persen", lang),
            m.mandiri_plus_persen,
            True,
            t(
                "pack_of_classified",
                lang,
                n=fmt.number(m.mandiri_plus, lang),
                of=fmt.number(m.terklasifikasi, lang),
            ),
        ),
        (
            t("terklasifikasi", lang),
            float(m.terklasifikasi),
            False,
            t("belum_terklasifikasi_n", lang, n=fmt.number(m.pembentukan - m.terklasifikasi, lang)),
        ),
    )
    title = t("pack_headline", lang, region=r.label) + f", {v.periode}"
    return charts.figures(cards, title, lang)


#: the headline rows a comparison slide draws (percentages, so regions of any size compare)
COMPARED = ("cakupan_desa_persen", "mandiri_plus_persen", "dasar_persen", "berkelanjutan_persen")


def comparison(d: Data, v: View, regions: tuple[str, ...]) -> go.Figure | None:
    """The view's region beside the others of ``regions``: the Perbandingan headline shares as bars.

    The figures are ``compare.headline``'s, so the slide, the Perbandingan table and its downloads
    agree. None when fewer than two regions are given or none has a Kampung KB.
    """
    codes = tuple(dict.fromkeys((v.code, *regions)))[:4]
    if len(codes) < 2:
        return None
    found = {code: report.of(d, v, code).metrics for code in codes}
    if all(m.pembentukan == 0 for m in found.values()):
        return None
    labels = {code: d.label(code) for code in codes}
    table = compare.headline(found, labels).set_index("metrik").loc[list(COMPARED)]
    frame = pd.DataFrame(
        [{"wilayah": labels[code], **{k: table.loc[k, labels[code]] for k in COMPARED}} for code in codes]
    )
    title = t("pack_peer_title", v.lang, region=labels[v.code], peer=", ".join(labels[c] for c in codes[1:]))
    return charts.grouped(
        frame,
        "wilayah",
        {k: t(k, v.lang) for k in COMPARED},
        f"{title}, {v.periode}",
        t("share_axis", v.lang),
        v.lang,
        True,
    )


def default_peer(code: str) -> str:
    """The region a region is compared with by default: the one a level up (Banten for the nation)."""
    return parent_of(code) or "36"


#: presentation mode's slides, in order (the comparison slide is added by the caller, with its regions)
def context_figures(d: Data, v: View) -> go.Figure | None:
    """New SIGA's family-planning context of the region in large numbers (None: none imported)."""
    r = d.report(v)
    c = r.fp
    if not c.known:
        return None
    lang = v.lang
    n, total = fmt.number(c.desa_pus, lang), fmt.number(c.desa_total, lang)
    cards = [("PUS", c.pus, False, t("context_reporting", lang, n=n, total=total))]
    for rate, label in context.LABELS.items():
        top, bottom, _desa = c.counts[rate]
        if not math.isnan(c.rate[rate]):
            division = t("context_division", lang, top=fmt.number(top, lang), bottom=fmt.number(bottom, lang))
            cards.append((label, c.rate[rate], True, division))
    return charts.figures(cards, t("pack_context", lang, region=r.label), lang)


PRESENTATION: tuple[tuple[str, Builder], ...] = (
    ("headline", headline),
    ("trend", trend),
    ("map", map_),
    ("mix", mix),
    ("attainment", attainment),
    ("schedule", schedule),
    ("context", context_figures),
)
