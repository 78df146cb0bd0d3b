"""``kkb.paparan_pdf``: one 16:9 page per slide, an outline, a picture on each chart page, the figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from kkb import fmt, paparan
from tests.test_paparan import CHART_SLIDES, metrics


def test_pdf_pages_outline_images_and_figures(
    banten: tuple[paparan.Pack, Path, Path], small_db: Path
) -> None:
    pack, _, pdf_path = banten
    reader = PdfReader(str(pdf_path))
    assert len(reader.pages) == len(pack.slides)
    width, height = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert width / height == pytest.approx(16 / 9, rel=0.01)
    assert [item.title for item in reader.outline] == [s.title for s in pack.slides]
    for page, slide in zip(reader.pages, pack.slides, strict=True):
        text = page.extract_text()
        assert slide.title.split(",")[0] in text, slide.key
        assert len(page.images) == (1 if slide.key in CHART_SLIDES else 0), slide.key
    m = metrics(small_db, "36", pack.view.periode)
    headline = reader.pages[1].extract_text()
    assert fmt.number(m.pembentukan, "id") in headline
    assert fmt.percent(m.mandiri_plus_persen, "id") in headline
    assert "registri demo sintetis" in reader.pages[-1].extract_text()
