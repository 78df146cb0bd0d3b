"""Lay a briefing pack out as a 16:9 PDF with ReportLab, one page per slide.

Text uses DejaVu Sans where the machine has it (Debian's fonts-dejavu-core), else the Bitstream
Vera font that ReportLab ships, which lacks a few symbols (those are written out in ASCII).
Every page carries the slide's title as a PDF outline entry, so a reader can jump between slides.
"""

from __future__ import annotations

import io
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from kkb import palette
from kkb.pack import Card, Pack, Slide, column_shares, table_rows

#: a 13.333 × 7.5 inch page, the size of a 16:9 slide
WIDTH, HEIGHT = 960.0, 540.0
MARGIN = 36.0
GREY, DARK, WARN, ACCENT = palette.SECONDARY, palette.TEXT, palette.WARNING, palette.ACCENT
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_VERA = Path(reportlab.__file__).parent / "fonts"
#: symbols Vera lacks, spelled in ASCII
_ASCII = {"→": "->"}


def fonts() -> tuple[str, str, bool]:
    """Register the fonts once; return the regular and bold names and whether symbols need ASCII."""
    if "KkbSans" in pdfmetrics.getRegisteredFontNames():
        return "KkbSans", "KkbSans-Bold", not (_DEJAVU / "DejaVuSans.ttf").exists()
    if (_DEJAVU / "DejaVuSans.ttf").exists() and (_DEJAVU / "DejaVuSans-Bold.ttf").exists():
        regular, bold, plain = _DEJAVU / "DejaVuSans.ttf", _DEJAVU / "DejaVuSans-Bold.ttf", False
    else:
        regular, bold, plain = _VERA / "Vera.ttf", _VERA / "VeraBd.ttf", True
    pdfmetrics.registerFont(TTFont("KkbSans", str(regular)))
    pdfmetrics.registerFont(TTFont("KkbSans-Bold", str(bold)))
    return "KkbSans", "KkbSans-Bold", plain


class _Page:
    """One page being drawn: the canvas, the fonts, and where the next block goes."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.regular, self.bold, self.plain = fonts()
        self.y = HEIGHT - 40.0

    def text(self, value: str) -> str:
        if self.plain:
            for symbol, ascii_text in _ASCII.items():
                value = value.replace(symbol, ascii_text)
        return value

    def paragraph(self, value: str, size: float, colour: str = DARK, bold: bool = False) -> Paragraph:
        escaped = self.text(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        style = ParagraphStyle(
            "p",
            fontName=self.bold if bold else self.regular,
            fontSize=size,
            leading=size * 1.25,
            textColor=colors.HexColor(colour),
        )
        return Paragraph(escaped, style)

    def block(self, flowable: Paragraph | Table, x: float, width: float, gap: float = 6.0) -> float:
        """Draw ``flowable`` at ``x`` below the previous block; return its height."""
        _, height = flowable.wrapOn(self.canvas, width, self.y)
        flowable.drawOn(self.canvas, x, self.y - height)
        self.y -= height + gap
        return height


def render(pack: Pack) -> bytes:
    """The PDF as bytes."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(WIDTH, HEIGHT), pageCompression=1)
    canvas.setTitle(pack.slides[0].title if pack.slides else pack.footer)
    canvas.setAuthor("Kampung KB Dashboard")
    canvas.setSubject(pack.footer)
    for number, slide in enumerate(pack.slides, start=1):
        page = _Page(canvas)
        canvas.bookmarkPage(slide.key)
        canvas.addOutlineEntry(page.text(slide.title), slide.key, level=0)
        if slide.key == "cover":
            _cover(page, slide, pack)
        else:
            page.block(page.paragraph(slide.title, 24, DARK, True), MARGIN, WIDTH - 2 * MARGIN)
            page.y = min(page.y, HEIGHT - 80.0)
            _body(page, slide)
            canvas.setFont(page.regular, 8)
            canvas.setFillColor(colors.HexColor(GREY))
            canvas.drawString(MARGIN, 18, page.text(f"{pack.footer} · {number}/{len(pack.slides)}"))
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _cover(page: _Page, slide: Slide, pack: Pack) -> None:
    page.y = HEIGHT - 170.0
    page.block(page.paragraph(slide.title, 34, DARK, True), MARGIN, WIDTH - 2 * MARGIN, 24)
    for n, line in enumerate(slide.lines):
        colour = WARN if pack.synthetic and n == len(slide.lines) - 1 else GREY
        page.block(page.paragraph(line, 16, colour), MARGIN, WIDTH - 2 * MARGIN, 8)


def _body(page: _Page, slide: Slide) -> None:
    if slide.cards:
        _cards(page, slide.cards)
    if slide.image is not None:
        reader = ImageReader(io.BytesIO(slide.image))
        width, height = reader.getSize()
        draw_h = min(page.y - 40.0, 400.0)
        draw_w = draw_h * width / height
        page.canvas.drawImage(reader, (WIDTH - draw_w) / 2, page.y - draw_h, draw_w, draw_h)
        page.y -= draw_h + 8
    size = 13 if slide.key == "sources" else 11
    for line in slide.lines:
        page.block(page.paragraph("• " + line, size), MARGIN, WIDTH - 2 * MARGIN, 4)
    if slide.table is not None and not slide.table.empty:
        _table(page, table_rows(slide.table))


def _cards(page: _Page, cards: tuple[Card, ...]) -> None:
    gap = 12.0
    width = (WIDTH - 2 * MARGIN - gap * (len(cards) - 1)) / len(cards)
    top, height = page.y, 100.0
    for n, card in enumerate(cards):
        x = MARGIN + n * (width + gap)
        page.canvas.setFillColor(colors.HexColor(palette.CARD))
        page.canvas.rect(x, top - height, width, height, stroke=0, fill=1)
        page.y = top - 8
        for value, size, colour, bold in (
            (card.label, 11, GREY, False),
            (card.value, 24, ACCENT, True),
            (card.detail, 9, GREY, False),
        ):
            page.block(page.paragraph(value, size, colour, bold), x + 8, width - 16, 4)
    page.y = top - height - 16


def _table(page: _Page, rows: list[list[str]]) -> None:
    size = 10 if len(rows) <= 12 else 8
    cells = [[page.paragraph(cell, size, DARK, r == 0) for cell in row] for r, row in enumerate(rows)]
    widths = [(WIDTH - 2 * MARGIN) * share for share in column_shares(rows)]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(palette.TABLE_HEADER)),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(palette.RULE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    page.block(table, MARGIN, WIDTH - 2 * MARGIN, 10)
