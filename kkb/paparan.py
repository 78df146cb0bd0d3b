"""Bahan paparan (briefing pack): a slide deck (PPTX) and a PDF of one region at one periode.

``build`` gathers the content once (a cover, the headline figures, the map, the class mix and its
trend, attainment with the projection, a comparison with a peer region, the Kampung KB closest to
the next class, the sources and method); ``pptx_bytes`` and ``pdf_bytes`` lay the same slides out.
Charts are the dashboard's own (``kkb.slides``), drawn to PNG by ``kkb.export``.

The pack is written for the presenter's language; the demo registry is called synthetic on the
cover, in every chart's source line and on the last slide.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd

from kkb import compare, context, explore, export, fmt, report, slides, slipping
from kkb.classification import CLASSES
from kkb.errors import KkbError
from kkb.i18n import t
from kkb.metrics import RegionMetrics
from kkb.pack import Card, Pack, Slide
from kkb.report import Data
from kkb.sentences import attainment_text, method_text, projection_text
from kkb.view import View

Progress = Callable[[float, str], None]

#: how many Kampung KB the "closest to the next class" slide lists
CLOSEST = 10


def _noop(fraction: float, message: str) -> None:
    return None


def build(d: Data, v: View, peer: str | None = None, progress: Progress = _noop) -> Pack:
    """Gather the pack of ``v``'s region at ``v.periode``, compared with ``peer`` (default: the parent).

    Raises KkbError when the region has no Kampung KB at that periode, RuntimeError when charts
    cannot be drawn on this machine (no Chromium).
    """
    lang = v.lang
    own = d.report(v)
    m, region = own.metrics, own.label
    if own.empty:
        raise KkbError(t("no_data", lang, region=region, periode=v.periode))
    if not export.available():
        raise RuntimeError(t("export_unavailable", lang))
    peer = peer or slides.default_peer(v.code)
    other = report.of(d, v, peer)
    peer_m = other.metrics
    synthetic = own.synthetic or other.synthetic
    source = slides.source_of(d, v, (peer,))
    caption = t("source_caption", lang, source=source, periode=v.periode, method=v.metode)
    pack = Pack(v, region, other.label, synthetic, date.today())
    out = pack.slides
    out.append(_cover(pack, m))
    out.append(_headline(pack, m))
    charts_wanted = (
        ("map", t("pack_map", lang), slides.map_),
        ("trend", t("pack_trend", lang), slides.trend),
        ("mix", t("pack_mix", lang), slides.mix),
        ("attainment", t("pack_attainment", lang), slides.attainment),
        ("projection", t("pack_projection", lang), slides.projection),
    )
    steps = len(charts_wanted) + 4
    with export.renderer():
        for n, (key, title, builder) in enumerate(charts_wanted, start=1):
            progress(n / steps, t("pack_progress", lang, what=title))
            fig = builder(d, v)
            if fig is not None:
                out.append(Slide(key, title, image=export.image(fig, caption)))
        progress((len(charts_wanted) + 1) / steps, t("pack_progress", lang, what=t("pack_peer", lang)))
        out.append(_peer_table(pack, m, peer, peer_m))
        fig = slides.peer_mix(d, v, peer)
        if fig is not None:
            title = t("pack_peer_mix", lang, region=region, peer=pack.peer)
            out.append(Slide("peer_mix", title, image=export.image(fig, caption)))
    if own.fp.known:  # New SIGA's family-planning context, when it has been imported for the region
        out.append(_context(pack, own))
    progress((len(charts_wanted) + 2) / steps, t("pack_progress", lang, what=t("pack_closest", lang)))
    out.append(_closest(d, pack))
    if not own.slipping.empty:
        out.append(_slipping(pack, own))
    progress((len(charts_wanted) + 3) / steps, t("pack_progress", lang, what=t("pack_sources", lang)))
    out.append(_sources(pack, m, source))
    progress(1.0, t("pack_done", lang, n=len(out)))
    return pack


def _context(pack: Pack, r: report.Report) -> Slide:
    """The region's family-planning context (New SIGA): five figures, the Kampung KB comparison, source."""
    lang, c = pack.view.lang, r.fp
    n, total = fmt.number(c.desa_pus, lang), fmt.number(c.desa_total, lang)
    cards = [Card("PUS", fmt.number(c.pus, lang), t("context_reporting", lang, n=n, total=total))]
    for rate, label in context.LABELS.items():
        top, bottom, _desa = c.counts[rate]
        value = c.rate[rate]
        shown = t("context_no_data", lang) if math.isnan(value) else fmt.percent(value, lang)
        division = t("context_division", lang, top=fmt.number(top, lang), bottom=fmt.number(bottom, lang))
        cards.append(Card(label, shown, division))
    lines = [t("source_label", lang) + ": " + context.source_line(c, lang)]
    table = None
    groups = r.fp_groups
    if len(groups) == 2:
        names = {True: "context_with", False: "context_without"}
        table = pd.DataFrame(
            {
                t("pack_context_group", lang): [
                    t(names[bool(a)], lang, n=fmt.number(d, lang))
                    for a, d in zip(groups["ada_kampung_kb"], groups["desa"], strict=True)
                ],
                **{
                    label: [fmt.percent(x, lang) for x in groups[rate]]
                    for rate, label in context.LABELS.items()
                    if rate != "cpr"
                },
            }
        )
        lines.append(t("context_caveat", lang))
    return Slide(
        "context", t("pack_context", lang, region=pack.region), tuple(cards), table=table, lines=tuple(lines)
    )


def _cover(pack: Pack, m: RegionMetrics) -> Slide:
    lang = pack.view.lang
    lines = [
        t("pack_cover_periode", lang, periode=pack.view.periode),
        t("pack_cover_made", lang, date=pack.made.isoformat()),
        t("pack_cover_method", lang, method=method_text(pack.view.metode, lang)[0]),
    ]
    if pack.synthetic:
        lines.append(t("synthetic_notice", lang))
    return Slide("cover", f"{t('pack_title', lang)}: {pack.region}", lines=tuple(lines))


def _headline(pack: Pack, m: RegionMetrics) -> Slide:
    lang = pack.view.lang
    yoy = m.perubahan_tahunan
    per_year = " " + t("per_year", lang)
    cards = (
        Card(
            t("pembentukan", lang),
            fmt.number(m.pembentukan, lang),
            fmt.signed(yoy.get("pembentukan"), lang) + per_year,
        ),
        Card(
            t("cakupan_desa_persen", lang),
            fmt.percent(m.cakupan_desa_persen, lang),
            t(
                "pack_of_desa",
                lang,
                n=fmt.number(m.desa_terbentuk, lang),
                of=fmt.number(m.jml_desa_kel, lang),
            ),
        ),
        Card(
            t("mandiri_plus_persen", lang),
            fmt.percent(m.mandiri_plus_persen, lang),
            t(
                "pack_of_classified",
                lang,
                n=fmt.number(m.mandiri_plus, lang),
                of=fmt.number(m.terklasifikasi, lang),
            ),
        ),
        Card(
            t("pack_pace", lang),
            fmt.number(m.laju, lang, 1),
            t("pack_pace_detail", lang, projection=projection_text(m, lang)),
        ),
    )
    lines = [
        t("pack_classes", lang)
        + ", ".join(
            f"{c} {fmt.number(m.kelas[c], lang)} ({fmt.percent(m.kelas_persen[c], lang, 1)})" for c in CLASSES
        )
    ]
    for metric, a in m.capaian.items():
        if a.target is not None:
            lines.append(f"{t(metric, lang)}: {attainment_text(a, lang, m.periode)}")
    return Slide("headline", t("pack_headline", lang, region=pack.region), cards=cards, lines=tuple(lines))


def _of(key: str, n: int, of: int, lang: str) -> str:
    return t(key, lang, n=fmt.number(n, lang), of=fmt.number(of, lang))


def _peer_table(pack: Pack, m: RegionMetrics, peer: str, peer_m: RegionMetrics) -> Slide:
    lang = pack.view.lang
    labels = {m.kode: pack.region, peer: pack.peer}
    if peer == m.kode:
        labels = {m.kode: pack.region}
    table = compare.formatted(compare.headline({m.kode: m, peer: peer_m}, labels), lang)
    title = t("pack_peer_title", lang, region=pack.region, peer=pack.peer)
    return Slide("peer", title, table=table, lines=(t("compare_diff_note", lang, first=pack.region),))


#: rows of the "behind target" slide; the rest are counted under it
SLIPPING_ROWS = 12


def _slipping(pack: Pack, r: report.Report) -> Slide:
    """The regions below behind their formation or mandiri plus target (``kkb.slipping``)."""
    lang = pack.view.lang
    words = slipping.shown(r.slipping, lang)
    table = words.head(SLIPPING_ROWS).rename(columns=lambda c: export.column_label(c, lang))
    lines = [t("slip_note", lang)]
    if len(words) > SLIPPING_ROWS:
        lines.insert(0, t("slip_more", lang, n=len(words) - SLIPPING_ROWS))
    return Slide("slipping", t("pack_slipping", lang), table=table, lines=tuple(lines))


def _closest(d: Data, pack: Pack) -> Slide:
    """The Kampung KB needing the fewest indicator changes to move up a class."""
    v = pack.view
    lang = v.lang
    title = t("pack_closest_title", lang, region=pack.region)
    kampung = d.kampung(v.code, v.periode, v.metode)
    ranked = kampung[kampung["langkah_ke_kelas_berikut"].fillna(0) > 0]
    if ranked.empty:
        return Slide("closest", title, lines=(t("pack_closest_none", lang),))
    index_sum = ranked[["indeks_input", "indeks_proses", "indeks_output"]].sum(axis=1)
    ranked = ranked.assign(_sum=index_sum).sort_values(
        ["langkah_ke_kelas_berikut", "_sum", "nama"], ascending=[True, False, True]
    )
    rows = []
    for row in ranked.head(CLOSEST).itertuples():
        found = d.profile(str(row.id), v.metode)
        snapshot = found.at(v.periode) if found is not None else None
        if snapshot is None:
            continue
        path = explore.path_for(snapshot)
        rows.append(
            {
                t("kampung_name", lang): str(row.nama),
                t("desa", lang): str(row.desa),
                t("kecamatan", lang): str(row.kecamatan),
                t("kelas", lang): f"{path.current} → {path.target}",
                t("pack_steps", lang): len(path.steps),
                t("pack_raise", lang): ", ".join(t(f"ind_{s.indicator}", lang) for s in path.steps),
            }
        )
    return Slide("closest", title, table=pd.DataFrame(rows), lines=(t("pack_closest_note", lang),))


def _sources(pack: Pack, m: RegionMetrics, source: str) -> Slide:
    lang = pack.view.lang
    lines = [t("pack_source_data", lang, source=source, periode=pack.view.periode)]
    seen = set()
    for a in m.capaian.values():
        if a.target is not None and (a.target.source, a.target.url) not in seen:
            seen.add((a.target.source, a.target.url))
            lines.append(
                t("pack_source_target", lang, source=a.target.source, url=a.target.url, date=a.target.date)
            )
    title, description = method_text(pack.view.metode, lang)
    lines.append(f"{title}: {description}")
    lines.append(t("pack_source_tool", lang))
    if pack.synthetic:
        lines.append(t("synthetic_notice", lang))
    return Slide("sources", t("pack_sources", lang), lines=tuple(lines))


# --- layout ---------------------------------------------------------------------------------------


def check_out(out: Path) -> Path:
    """``out`` if a pack can be written there (a .pptx or .pdf in an existing folder), else KkbError."""
    if out.suffix.lower() not in (".pptx", ".pdf"):
        raise KkbError(f"berkas keluaran {out}: akhiri dengan .pptx atau .pdf")
    if not out.parent.exists():
        raise KkbError(f"folder {out.parent} tidak ada")
    return out


def write(pack: Pack, out: Path) -> Path:
    """Write ``pack`` to ``out`` as PPTX or PDF, chosen by the file's suffix."""
    render = pptx_bytes if check_out(out).suffix.lower() == ".pptx" else pdf_bytes
    out.write_bytes(render(pack))
    return out


def pptx_bytes(pack: Pack) -> bytes:
    """The pack as a 16:9 PowerPoint deck (see ``kkb.paparan_pptx``)."""
    from kkb import paparan_pptx

    return paparan_pptx.render(pack)


def pdf_bytes(pack: Pack) -> bytes:
    """The pack as a 16:9 PDF, one page per slide (see ``kkb.paparan_pdf``)."""
    from kkb import paparan_pdf

    return paparan_pdf.render(pack)
