"""Lay a briefing pack out as a 16:9 PowerPoint deck with python-pptx.

Every slide has a real title placeholder (so the deck's outline and screen readers name it),
charts as pictures, tables as native tables that can be edited, and the footer line.
"""

from __future__ import annotations

import io
import math
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from kkb import palette
from kkb.pack import Card, Pack, Slide, column_shares, table_rows

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TITLE_ONLY, TITLE_SLIDE = 5, 0
GREY = RGBColor.from_string(palette.hex6(palette.SECONDARY))
DARK = RGBColor.from_string(palette.hex6(palette.TEXT))
WARN = RGBColor.from_string(palette.hex6(palette.WARNING))
ACCENT = RGBColor.from_string(palette.hex6(palette.ACCENT))


def render(pack: Pack) -> bytes:
    """The deck as bytes."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    for number, slide in enumerate(pack.slides, start=1):
        if slide.key == "cover":
            _cover(deck, slide, pack)
        else:
            page = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
            _title(page, slide.title)
            _body(page, slide)
            _footer(page, f"{pack.footer} · {number}/{len(pack.slides)}")
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _cover(deck: Any, slide: Slide, pack: Pack) -> None:
    page = deck.slides.add_slide(deck.slide_layouts[TITLE_SLIDE])
    title, subtitle = page.shapes.title, page.placeholders[1]
    title.left, title.top, title.width, title.height = MARGIN, Inches(2.0), WIDTH - 2 * MARGIN, Inches(1.6)
    title.text = slide.title
    title.text_frame.paragraphs[0].runs[0].font.size = Pt(40)
    title.text_frame.paragraphs[0].runs[0].font.bold = True
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = (
        MARGIN,
        Inches(3.8),
        WIDTH - 2 * MARGIN,
        Inches(2.6),
    )
    frame = subtitle.text_frame
    for n, line in enumerate(slide.lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(20)
        paragraph.font.color.rgb = WARN if pack.synthetic and n == len(slide.lines) - 1 else GREY


def _title(page: Any, text: str) -> None:
    title = page.shapes.title
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.25), WIDTH - 2 * MARGIN, Inches(0.9)
    title.text = text
    paragraph = title.text_frame.paragraphs[0]
    paragraph.alignment = 1  # left
    paragraph.runs[0].font.size = Pt(28)
    paragraph.runs[0].font.bold = True
    paragraph.runs[0].font.color.rgb = DARK


def _body(page: Any, slide: Slide) -> None:
    shapes = page.shapes
    top: int = Inches(1.3)
    if slide.cards:
        top = _cards(shapes, slide.cards, top)
    if slide.image is not None:
        picture = shapes.add_picture(io.BytesIO(slide.image), 0, top, height=Inches(5.55))
        picture.left = Emu(int((WIDTH - picture.width) / 2))
        top = int(top + picture.height)
    if slide.table is not None and not slide.table.empty:
        # a table's note goes above it: the table's height depends on how its cells wrap
        top = _lines(shapes, slide.lines, top, 14)
        _table(shapes, table_rows(slide.table), top)
    elif slide.lines:
        _lines(shapes, slide.lines, top, 20 if slide.key == "sources" else 16)


def _cards(shapes: Any, cards: tuple[Card, ...], top: int) -> int:
    gap = Inches(0.2)
    width = int((WIDTH - 2 * MARGIN - gap * (len(cards) - 1)) / len(cards))
    for n, card in enumerate(cards):
        box = shapes.add_textbox(MARGIN + n * (width + gap), top, width, Inches(1.9))
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor.from_string(palette.hex6(palette.CARD))
        frame = box.text_frame
        frame.word_wrap = True
        for i, (text, size, colour, bold) in enumerate(
            ((card.label, 14, GREY, False), (card.value, 30, ACCENT, True), (card.detail, 12, GREY, False))
        ):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.text = text
            paragraph.font.size = Pt(size)
            paragraph.font.bold = bold
            paragraph.font.color.rgb = colour
    return int(top + Inches(2.2))


def _table(shapes: Any, rows: list[list[str]], top: int) -> None:
    height = Inches(0.32) * len(rows)
    frame = shapes.add_table(len(rows), len(rows[0]), MARGIN, top, WIDTH - 2 * MARGIN, height)
    table = frame.table
    for column, share in zip(table.columns, column_shares(rows), strict=True):
        column.width = int((WIDTH - 2 * MARGIN) * share)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = Pt(12 if len(rows) <= 12 else 10)
                paragraph.font.bold = r == 0


def _lines(shapes: Any, lines: tuple[str, ...], top: int, size: int) -> int:
    """Write ``lines`` as bullets from ``top``; return where the next block may start."""
    if not lines:
        return top
    height = HEIGHT - top - Inches(0.7)
    if size <= 14:  # a note above a table: as tall as its wrapped lines
        per_line = (WIDTH - 2 * MARGIN) / Pt(size * 0.55)  # characters, at an average glyph width
        rows = sum(math.ceil(len(line) / per_line) for line in lines)
        height = Pt(size * 1.3) * rows + Pt(6) * len(lines) + Inches(0.15)
    box = shapes.add_textbox(MARGIN, top, WIDTH - 2 * MARGIN, height)
    frame = box.text_frame
    frame.word_wrap = True
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.text = "• " + line
        paragraph.font.size = Pt(size)
        paragraph.font.color.rgb = DARK
        paragraph.space_after = Pt(6)
    return int(top + height)


def _footer(page: Any, text: str) -> None:
    box = page.shapes.add_textbox(MARGIN, HEIGHT - Inches(0.45), WIDTH - 2 * MARGIN, Inches(0.3))
    paragraph = box.text_frame.paragraphs[0]
    paragraph.text = text
    paragraph.font.size = Pt(10)
    paragraph.font.color.rgb = GREY
