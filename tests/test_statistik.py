"""The portal's statistics table (FORMATS.md §A): recognised, checked against itself, imported, undone."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import openpyxl
import pytest

from kkb import db, ingest, overview, store, summary
from kkb.classification import CLASSES, DEFAULT_METHOD
from kkb.ingest import names, statistik
from tests.helpers import digest, run_cli

DATA = Path(__file__).resolve().parent / "data"
BANTEN = DATA / "statistik_klasifikasi_banten.xlsx"
NATION = DATA / "statistik_provinsi_2024-06.xlsx"


def _printed(path: Path) -> dict[str, dict[str, int]]:
    """The table as the file holds it, read cell by cell without our reader: name → class → count."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    out: dict[str, dict[str, int]] = {}
    for row in rows[3:]:
        name = "Total" if row[0] == "Total" else row[1]
        cells = [row[2], row[4], row[6], row[8], row[10]]
        out[str(name)] = {
            k: int(str(c).replace(".", "") or 0) for k, c in zip((*CLASSES, "Total"), cells, strict=True)
        }
    return out


@pytest.fixture(scope="module")
def lookup(small_db: Path) -> names.Names:
    con = db.connect(small_db)
    try:
        return names.Names(db.query(con, "names_wilayah", {"tingkat": 3}))
    finally:
        con.close()


@pytest.mark.parametrize(
    ("level", "parent", "name", "kode"),
    [
        (2, "36", "SERANG", "36.04"),
        (2, "36", "KOTA SERANG", "36.73"),
        (2, "36", "KAB. SERANG", "36.04"),
        (2, "36", "Kabupaten Serang", "36.04"),
        (1, "ID", "KEP. RIAU", "21"),
        (1, "ID", "DKI JAKARTA", "31"),
        (1, "ID", "DI YOGYAKARTA", "34"),
        (2, "31", "KOTA ADM. JAKARTA SELATAN", "31.74"),
        (2, "31", "KEP. SERIBU", "31.01"),
    ],
)
def test_names_resolve_after_normalising_prefixes_and_abbreviations(
    lookup: names.Names, level: int, parent: str, name: str, kode: str
) -> None:
    found = lookup.find(level, parent, name)
    assert (found.kode, found.warned) == (kode, False)


def test_a_close_spelling_is_taken_only_when_unique_and_said(lookup: names.Names) -> None:
    found = lookup.find(2, "36", "PANDEGELANG")
    assert found.kode == "36.01" and found.warned and found.nama == "Kabupaten Pandeglang"
    # "TANGERANG" alone is the kabupaten; a misspelling close to both kota and kabupaten is not guessed
    nowhere = lookup.find(2, "36", "KOTA TANGERAN SELATAN BARAT")
    assert nowhere.kode is None and "Kota Tangerang Selatan" in nowhere.candidates


def test_the_table_is_recognised_and_asks_for_its_periode(small_con: db.Connection) -> None:
    assert ingest.wants_periode(BANTEN)
    checked = ingest.check_any(BANTEN, small_con)
    assert checked.shape == statistik.SHAPE
    (error,) = checked.errors
    assert error.column == "periode" and "--periode" in error.accepted


def test_the_table_is_read_with_its_merged_headers_and_indonesian_numbers(small_con: db.Connection) -> None:
    checked = ingest.check_any(BANTEN, small_con, periode="2025-10")
    assert checked.ok, [str(p) for p in checked.errors]
    rows = checked.rows.set_index("nama_berkas")
    printed = _printed(BANTEN)
    assert rows.loc["SERANG", "kode"] == "36.04" and rows.loc["KOTA SERANG", "kode"] == "36.73"
    for name, counts in printed.items():
        if name == "Total":
            assert int(rows["terbentuk"].sum()) == counts["Total"]
            continue
        assert int(rows.loc[name, "terbentuk"]) == counts["Total"]
        for klass in CLASSES:
            assert int(rows.loc[name, klass.lower()]) == counts[klass]
    assert printed["TANGERANG"]["Total"] >= 1000  # written "1.095" in the file
    assert int(rows.loc["KOTA TANGERANG SELATAN", "terbentuk"]) == 0  # empty cells
    said = ingest.describe(checked, small_con)
    assert "8 kab/kota Provinsi Banten, periode 2025-10" in said and "sintetis" in said


def test_a_total_that_does_not_add_up_is_refused_and_nothing_is_written(
    small_db: Path, tmp_path: Path
) -> None:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    before = digest(live)
    with pytest.raises(ingest.ImportRejected) as refused:
        ingest.import_any(DATA / "statistik_total_salah.xlsx", live, "uji", periode="2025-10")
    (error,) = refused.value.checked.errors
    assert error.column == "Dasar" and "baris Total" in error.problem and error.row == 12
    assert digest(live) == before and ingest.list_backups(live) == []


def test_an_unknown_name_is_refused_with_its_closest_candidates_and_nothing_is_written(
    small_db: Path, tmp_path: Path
) -> None:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    before = digest(live)
    with pytest.raises(ingest.ImportRejected) as refused:
        ingest.import_any(DATA / "statistik_nama_salah.xlsx", live, "uji", periode="2025-10")
    checked = refused.value.checked
    (error,) = checked.errors
    assert error.value == "KOTA CILEGONG BARAT" and "Kota Cilegon" in error.accepted
    (warning,) = checked.warnings
    assert warning.value == "PANDEGELANG" and "Kabupaten Pandeglang" in warning.problem
    assert digest(live) == before


def test_a_periode_in_the_title_is_read_and_a_different_one_refused(small_con: db.Connection) -> None:
    assert not ingest.wants_periode(NATION)
    assert ingest.check_any(NATION, small_con).periode == "2024-06"
    refused = ingest.check_any(NATION, small_con, periode="2025-10")
    assert [e.column for e in refused.errors] == ["periode"]


def test_another_statistics_table_is_refused_with_what_is_accepted(small_con: db.Connection) -> None:
    checked = ingest.check_any(DATA / "statistik_poktan.xlsx", small_con, periode="2025-10")
    (error,) = checked.errors
    assert "bukan tabel klasifikasi" in error.problem and "Klasifikasi" in error.accepted


@pytest.fixture()
def imported(small_db: Path, tmp_path: Path) -> Path:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    ingest.import_any(BANTEN, live, "uji", periode="2025-10")
    return live


def test_the_tables_figures_are_the_regions_figures_from_its_periode_on(imported: Path) -> None:
    printed = _printed(BANTEN)
    con = db.connect(imported)
    try:
        last = store.periods(con)[-1]
        assert last > "2025-10"
        banten = overview.region(con, "36", last)
        assert banten.pembentukan == printed["Total"]["Total"]
        assert banten.kelas == {k: printed["Total"][k] for k in CLASSES}
        assert banten.sintetis == 0 and banten.dari_periode == "2025-10"
        # what totals do not give is unknown, never zero or made up
        assert banten.desa_terbentuk is None and math.isnan(banten.cakupan_desa_persen)
        assert math.isnan(banten.laju) and banten.perubahan_tahunan == {}
        serang = overview.region(con, "36.04", "2025-10")
        assert serang.pembentukan == printed["SERANG"]["Total"]
        kecamatan = overview.children(con, "36.04", "2025-10", DEFAULT_METHOD, store.wilayah(con))
        assert kecamatan["tidak_diketahui"].all() and kecamatan["pembentukan"].isna().all()
        # before the table's periode Banten is not known: said, not shown as nothing formed
        assert overview.region(con, "36", "2025-06").before_data
        # Riau keeps its synthetic demo rows
        assert overview.region(con, "14", last).sintetis > 0
        (source,) = overview.sources(con, "36.04")
        assert (source.shape, source.periode, source.file) == (statistik.LOGGED, "2025-10", BANTEN.name)
        text = summary.summary_text(con, "36", None, DEFAULT_METHOD)
    finally:
        con.close()
    assert "Portal Kampung KB, statistik klasifikasi, periode 2025-10 (impor #1" in text
    assert "Laju pembentukan" in text and "tidak diketahui" in text


def test_a_national_table_leaves_the_kab_kota_below_unknown(small_db: Path, tmp_path: Path) -> None:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    ingest.import_any(NATION, live, "uji")
    con = db.connect(live)
    try:
        riau = overview.region(con, "14", "2024-06")
        assert riau.pembentukan == _printed(NATION)["RIAU"]["Total"]
        kab = overview.region(con, "14.71", "2024-06")
        assert kab.hanya_induk == "14" and kab.before_data
        kids = overview.children(con, "14", "2024-06", DEFAULT_METHOD, store.wilayah(con))
        assert kids["tidak_diketahui"].all()
    finally:
        con.close()


def test_a_later_table_replaces_the_earlier_one_from_its_periode_and_undo_puts_it_back(
    imported: Path, tmp_path: Path
) -> None:
    later = tmp_path / "statistik_klasifikasi_banten_2025-12.xlsx"
    book = openpyxl.load_workbook(BANTEN)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=4):
        if row[1].value == "KOTA CILEGON":
            row[2].value, row[10].value = "8", "24"  # one more Dasar in Cilegon
        if row[0].value == "Total":
            row[2].value, row[10].value = "1.428", "2.432"
    book.save(later)
    ingest.import_any(later, imported, "uji", periode="2025-12")
    con = db.connect(imported)
    try:
        assert overview.region(con, "36", "2025-11").pembentukan == 2431
        assert overview.region(con, "36", "2025-12").pembentukan == 2432
        counts = store.counts(con, "36.72", "2025-12")
        assert int(counts["dasar"].iloc[0]) == 8
    finally:
        con.close()
    ingest.undo(imported)
    con = db.connect(imported)
    try:
        assert overview.region(con, "36", "2025-12").pembentukan == 2431
    finally:
        con.close()


def test_the_cli_needs_the_periode_and_says_what_it_recognised(imported: Path, tmp_path: Path) -> None:
    command = ["import", str(BANTEN), "--db", str(imported)]
    refused = run_cli(*command)
    assert refused.returncode != 0
    assert "tabel statistik klasifikasi Portal Kampung KB" in refused.stdout
    assert "berkas tidak menyebut periode" in refused.stderr and "--periode" in refused.stderr
    done = run_cli(*command, "--periode", "2025-11")
    assert done.returncode == 0, done.stderr
    assert "periode 2025-11" in done.stdout
    con = db.connect(imported)
    try:
        log = ingest.history(con)
    finally:
        con.close()
    assert log.iloc[0]["periode"] == "2025-11" and log.iloc[0]["bentuk"] == statistik.LOGGED
