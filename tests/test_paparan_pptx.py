"""``kkb.paparan_pptx``: the deck has the pack's slides, 16:9, a picture on each chart slide, the figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from kkb import fmt, paparan
from kkb.i18n import t
from tests.test_paparan import CHART_SLIDES, deck_text, metrics


def test_pptx_slides_titles_pictures_and_figures(
    banten: tuple[paparan.Pack, Path, Path], small_db: Path
) -> None:
    pack, pptx_path, _ = banten
    deck = Presentation(str(pptx_path))
    assert deck.slide_width / deck.slide_height == pytest.approx(16 / 9, rel=0.01)
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles == [s.title for s in pack.slides]
    assert titles[0] == "Bahan paparan Kampung KB: Banten"
    assert titles[1] == "Angka utama, Banten"
    for slide, source in zip(deck.slides, pack.slides, strict=True):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == (1 if source.key in CHART_SLIDES else 0), source.key

    m = metrics(small_db, "36", pack.view.periode)
    headline = deck_text(deck.slides[1])
    assert fmt.number(m.pembentukan, "id") in headline
    assert fmt.percent(m.cakupan_desa_persen, "id") in headline
    assert fmt.percent(m.mandiri_plus_persen, "id") in headline
    assert f"{fmt.number(m.desa_terbentuk, 'id')} dari {fmt.number(m.jml_desa_kel, 'id')}" in headline
    assert "Data sintetis" in deck_text(deck.slides[0])

    riau = metrics(small_db, "14", pack.view.periode)
    peer = next(s for s, p in zip(deck.slides, pack.slides, strict=True) if p.key == "peer")
    table = next(s for s in peer.shapes if s.has_table).table
    first_row = [c.text for c in table.rows[1].cells]
    assert first_row[:3] == [
        t("pembentukan", "id"),
        fmt.number(m.pembentukan, "id"),
        fmt.number(riau.pembentukan, "id"),
    ]
    assert first_row[3] == fmt.signed(riau.pembentukan - m.pembentukan, "id")
