"""The simulator's one-page plan for a Pokja meeting: an A4 PDF laid out with ReportLab.

The class and indices the values give, the fewest changes to the next class in words, the twelve
scores with their bands, the source of the values, and lines for the meeting's notes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kkb import fmt, palette
from kkb.classification import PASS_INDEX
from kkb.export import column_label
from kkb.i18n import t
from kkb.paparan_pdf import fonts
from kkb.sentences import path_text
from kkb.simulate import Simulation

NOTE_LINES = 6


@dataclass(frozen=True)
class PlanText:
    """What the plan says about itself: its heading, the source of its values, when it was made."""

    heading: str
    source: str
    made: str


def plan_pdf(sim: Simulation, rows: Sequence[Sequence[str]], about: PlanText, lang: str) -> bytes:
    """The plan as PDF bytes; ``rows`` are the twelve scores as shown (indicator, value, score, band)."""
    regular, bold, plain = fonts()

    def text(value: str) -> str:
        return value.replace("→", "->") if plain else value

    def style(size: float, font: str = regular, colour: str = palette.TEXT) -> ParagraphStyle:
        return ParagraphStyle("p", fontName=font, fontSize=size, leading=size * 1.3, textColor=colour)

    def para(value: str, st: ParagraphStyle) -> Paragraph:
        return Paragraph(_escape(text(value)), st)

    body, small = style(10), style(8.5, colour=palette.SECONDARY)
    story: list[Flowable] = [
        para(t("sim_plan_title", lang), style(17, bold)),
        para(about.heading, style(12, bold)),
        para(about.source, small),
        Spacer(1, 4 * mm),
    ]
    r = sim.result
    verdicts = [
        (t(f"indeks_{d}", lang), fmt.number(r[f"indeks_{d}"], lang, 2), _verdict(r[f"indeks_{d}"], lang))
        for d in ("input", "proses", "output")
    ]
    head = [[t("kelas", lang), sim.klasifikasi, ""], *[list(x) for x in verdicts]]
    story.append(_table(head, bold, regular, widths=(60 * mm, 30 * mm, 50 * mm)))
    story.append(Spacer(1, 4 * mm))
    lines = path_text(sim.path, lang)
    story.append(para(lines[0], style(11, bold)))
    for n, line in enumerate(lines[1:], 1):
        story.append(para(f"{n}. {line}", body))
    story.append(Spacer(1, 4 * mm))
    header = [column_label(c, lang) for c in ("indikator_label", "nilai_teks", "skor", "rentang_skor")]
    story.append(_table([header, *[list(x) for x in rows]], bold, regular, header=True))
    story.append(Spacer(1, 5 * mm))
    story.append(para(t("sim_plan_notes", lang), style(11, bold)))
    notes = Table([[""] for _ in range(NOTE_LINES)], colWidths=[170 * mm], rowHeights=[7 * mm] * NOTE_LINES)
    notes.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor(palette.MUTED))]))
    story.append(notes)
    story.append(Spacer(1, 3 * mm))
    story.append(para(about.made, small))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=15 * mm,
        bottomMargin=12 * mm,
        title=text(f"{t('sim_plan_title', lang)} – {about.heading}"),
        lang=lang,
    )
    doc.build(story)
    return out.getvalue()


def _verdict(value: float, lang: str) -> str:
    return t("sim_pass" if value >= PASS_INDEX else "sim_fail", lang)


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(
    rows: list[list[str]],
    bold: str,
    regular: str,
    header: bool = False,
    widths: Sequence[float] | None = None,
) -> Table:
    table = Table(rows, colWidths=list(widths) if widths else None, hAlign="LEFT")
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor(palette.TEXT)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor(palette.MUTED)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    commands.append(("FONTNAME", (0, 0), (-1, 0) if header else (0, -1), bold))
    table.setStyle(TableStyle(commands))
    return table
