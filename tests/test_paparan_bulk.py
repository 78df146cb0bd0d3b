"""A briefing pack for every kab/kota of a province, from the library and the command line: one file per
region under names that sort, the regions without Kampung KB skipped and listed, one zip of all."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from kkb import db, explore, export, paparan_bulk, slides, store
from kkb.classification import DEFAULT_METHOD
from kkb.errors import KkbError
from kkb.i18n import t
from kkb.view import View
from tests.helpers import run_cli

BANTEN = "36"


def early_periode(con: db.Connection) -> str:
    """The first month at which some of Banten's kab/kota have Kampung KB and some do not yet."""
    regions = slides.Database(con).regions
    for periode in store.periods(con):
        formed = [
            not explore.kampung_list(con, c, periode, DEFAULT_METHOD).empty for c in regions.children(BANTEN)
        ]
        if any(formed) and not all(formed) and sum(formed) <= 2:
            return periode
    raise AssertionError("no such month in the demo registry")


def test_the_members_are_the_regions_below_in_kemendagri_order(small_con: db.Connection) -> None:
    regions = slides.Database(small_con).regions
    assert paparan_bulk.members(regions, BANTEN, "kabkota") == regions.children(BANTEN)
    assert len(paparan_bulk.members(regions, "ID", "provinsi")) == 38
    assert len(paparan_bulk.members(regions, "ID", "kabkota")) == 514
    with pytest.raises(KkbError, match="tidak punya kabkota"):
        paparan_bulk.members(regions, "36.04", "kabkota")
    with pytest.raises(KkbError, match="tidak punya provinsi"):
        paparan_bulk.members(regions, BANTEN, "provinsi")


def test_a_pack_per_kabkota_with_the_empty_ones_listed(small_con: db.Connection, tmp_path: Path) -> None:
    periode = early_periode(small_con)
    data = slides.Database(small_con)
    v = View("id", BANTEN, periode, DEFAULT_METHOD)
    steps: list[float] = []
    bundle = paparan_bulk.make(
        data, data.regions, v, "kabkota", tmp_path, ("pdf",), lambda f, m: steps.append(f)
    )
    kids = data.regions.children(BANTEN)
    made = [c for c in kids if c not in {s.code for s in bundle.skipped}]
    assert len(made) + len(bundle.skipped) == len(kids) == 8
    assert made and bundle.skipped
    for s in bundle.skipped:
        assert explore.kampung_list(small_con, s.code, periode, DEFAULT_METHOD).empty
        assert s.reason == t("no_data", "id", region=data.label(s.code), periode=periode)
    names = [p.name for p in bundle.files]
    expected = [
        f"{kids.index(c) + 1:03d}_{export.file_stem(data.label(c), 'bahan-paparan', periode)}.pdf"
        for c in made
    ]
    assert names == expected
    for path in bundle.files:
        first = " ".join(PdfReader(path).pages[0].extract_text().split())
        assert data.label(made[bundle.files.index(path)]) in first
    assert steps == sorted(steps) and steps[-1] == 1.0  # progress only moves forward, to the end
    assert bundle.archive is not None and bundle.archive.name == (
        f"kampung-kb_banten_bahan-paparan-per-kabkota_{periode}.zip"
    )
    with zipfile.ZipFile(bundle.archive) as archive:
        assert sorted(archive.namelist()) == sorted([*names, "dilewati.txt"])
        listed = archive.read("dilewati.txt").decode()
        assert all(f"{s.label} ({s.code})" in listed for s in bundle.skipped)
        assert PdfReader(io.BytesIO(archive.read(names[0]))).pages
    assert not list(tmp_path.glob(".*"))  # no half-written file left under a temporary name


def test_the_command_line_makes_the_packs_and_says_what_it_skipped(small_db: Path, tmp_path: Path) -> None:
    con = db.connect(small_db)
    try:
        periode = early_periode(con)
        regions = slides.Database(con).regions
        empty = [
            c for c in regions.children(BANTEN) if explore.kampung_list(con, c, periode, DEFAULT_METHOD).empty
        ]
        labels = {c: regions.label(c) for c in empty}
    finally:
        con.close()
    run = run_cli(
        "paparan", "--region", BANTEN, "--each", "kabkota", "--out-dir", str(tmp_path), "--format", "pptx",
        "--periode", periode, "--lang", "en", db_path=small_db,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    for code, label in labels.items():
        assert f"skipped: {label} ({code})" in run.stderr
    made = 8 - len(empty)
    assert f"{made} packs written to {tmp_path} ({made} files)" in run.stdout
    assert len(list(tmp_path.glob("*.pptx"))) == made and len(list(tmp_path.glob("*.zip"))) == 1
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize(
    "args",
    [
        ["--out", "x.pdf", "--each", "kabkota", "--out-dir", "."],
        ["--each", "kabkota"],
        ["--out-dir", "."],
    ],
    ids=["both", "each-without-folder", "folder-without-each"],
)
def test_one_pack_or_many_never_both(small_db: Path, args: list[str]) -> None:
    run = run_cli("paparan", "--region", BANTEN, *args, db_path=small_db)
    assert run.returncode != 0 and "--out-dir FOLDER" in run.stderr
