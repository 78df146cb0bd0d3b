"""Bahan paparan: the PPTX and PDF are opened and checked against the region's metrics."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from kkb import db, explore, fmt, overview, paparan, slides, store
from kkb.classification import DEFAULT_METHOD
from kkb.i18n import t
from kkb.view import View
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
CHART_SLIDES = ("map", "trend", "mix", "attainment", "projection", "peer_mix")


def metrics(small_db: Path, code: str, periode: str):  # type: ignore[no-untyped-def]
    con = db.connect(small_db)
    try:
        return overview.region(con, code, periode, DEFAULT_METHOD)
    finally:
        con.close()


def deck_text(slide) -> str:  # type: ignore[no-untyped-def]
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_pack_has_every_part_the_presenter_needs(banten: tuple[paparan.Pack, Path, Path]) -> None:
    pack, _, _ = banten
    keys = [s.key for s in pack.slides]
    assert keys == [
        "cover",
        "headline",
        *CHART_SLIDES[:5],
        "peer",
        "peer_mix",
        "closest",
        "slipping",
        "sources",
    ]
    assert all(s.image is not None for s in pack.slides if s.key in CHART_SLIDES)
    assert pack.synthetic and pack.region == "Banten" and pack.peer == "Riau"


def test_closest_to_next_class_are_those_needing_fewest_changes(
    banten: tuple[paparan.Pack, Path, Path], small_db: Path
) -> None:
    pack, _, _ = banten
    slide = next(s for s in pack.slides if s.key == "closest")
    assert slide.table is not None and len(slide.table) == paparan.CLOSEST
    con = db.connect(small_db)
    try:
        every = explore.kampung_list(con, "36", pack.view.periode, DEFAULT_METHOD)
    finally:
        con.close()
    movable = every[every["langkah_ke_kelas_berikut"].fillna(0) > 0]
    fewest = int(movable["langkah_ke_kelas_berikut"].min())
    steps = slide.table[t("pack_steps", "id")].tolist()
    assert steps == sorted(steps) and steps[0] == fewest
    assert set(slide.table[t("kampung_name", "id")]) <= set(movable["nama"])
    # no Kampung KB left out that needs fewer changes than the last one listed
    assert (movable["langkah_ke_kelas_berikut"] < steps[-1]).sum() <= paparan.CLOSEST


@pytest.mark.slow
def test_an_english_pack_of_a_kabupaten_compares_with_its_province(small_db: Path) -> None:
    con = db.connect(small_db)
    try:
        periode = store.periods(con)[-1]
        pack = paparan.build(slides.Database(con), View("en", "36.04", periode, DEFAULT_METHOD))
    finally:
        con.close()
    assert pack.region == "Kab. Serang" and pack.peer == "Banten"
    # no kecamatan polygons: the map shows the kab/kota's Kampung KB as points
    assert next(s for s in pack.slides if s.key == "map").image is not None
    assert pack.slides[0].title == "Kampung KB briefing pack: Kab. Serang"
    assert "Sources and method" in [s.title for s in pack.slides]
    deck = Presentation(io.BytesIO(paparan.pptx_bytes(pack)))
    assert deck.slides[1].shapes.title.text == "Headline figures, Kab. Serang"


def run(*args: str, db_path: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, db_path=db_path)


@pytest.mark.slow
def test_cli_writes_both_files_with_progress(small_db: Path, tmp_path: Path) -> None:
    pptx, pdf = tmp_path / "riau.pptx", tmp_path / "riau.pdf"
    done = run(
        "paparan",
        "--region",
        "14",
        "--periode",
        "2025-06",
        "--out",
        str(pptx),
        "--out",
        str(pdf),
        db_path=small_db,
    )
    assert done.returncode == 0, done.stderr
    assert "100%" in done.stderr and "Menyiapkan" in done.stderr
    deck = Presentation(str(pptx))
    assert deck.slides[0].shapes.title.text == "Bahan paparan Kampung KB: Riau"
    assert "Periode data: 2025-06" in deck_text(deck.slides[0])
    assert len(PdfReader(str(pdf)).pages) == len(deck.slides)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["riau.pdf", "riau.pptx"]  # no partial files left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--region", "99", "--out", "x.pptx"), "kode wilayah '99' tidak dikenal"),
        (("--region", "36", "--periode", "2031-01", "--out", "x.pptx"), "periode '2031-01' tidak ada"),
        (("--region", "36", "--out", "x.docx"), "akhiri dengan .pptx atau .pdf"),
        (("--region", "36", "--banding", "36.99", "--out", "x.pdf"), "kode wilayah '36.99' tidak dikenal"),
    ],
)
def test_cli_refuses_bad_arguments_before_any_work(
    small_db: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    done = run("paparan", *(a.replace("x.", str(tmp_path / "x.")) for a in args), db_path=small_db)
    assert done.returncode == 2
    assert message in done.stderr
    assert not list(tmp_path.iterdir())


def test_the_peer_slide_and_the_headline_slide_say_the_same_mandiri_plus(
    banten: tuple[paparan.Pack, Path, Path], small_db: Path
) -> None:
    pack, _, _ = banten
    periode = pack.view.periode
    peer = next(s for s in pack.slides if s.key == "peer")
    assert peer.table is not None
    table = peer.table.set_index(t("metrik_col", "id"))
    headline = next(s for s in pack.slides if s.key == "headline")
    for code, name in (("36", "Banten"), ("14", "Riau")):
        m = metrics(small_db, code, periode)
        share = (m.kelas["Mandiri"] + m.kelas["Berkelanjutan"]) / m.terklasifikasi * 100
        assert table.loc[t("mandiri_plus_persen", "id"), name] == fmt.percent(share, "id")
        assert table.loc[t("cakupan_desa_persen", "id"), name] == fmt.percent(m.cakupan_desa_persen, "id")
        assert table.loc[t("pembentukan", "id"), name] == fmt.number(m.pembentukan, "id")
        if code == "36":
            card = next(c for c in headline.cards if c.label == t("mandiri_plus_persen", "id"))
            assert card.value == fmt.percent(share, "id")  # slide 2 and slide 8 agree
