"""New SIGA's Kampung KB recap per desa (FORMATS.md §C): recognised, resolved by code, imported, undone."""

from __future__ import annotations

import csv
import math
import shutil
from pathlib import Path

import pytest

from kkb import db, explore, ingest, overview, store
from kkb.classification import DEFAULT_METHOD
from kkb.ingest import names, siga
from kkb.sentences import formation_text
from tests.helpers import digest, new_app

DATA = Path(__file__).resolve().parent / "data"
GOOD = DATA / "siga_kampung_kb_banten.csv"
BAD = DATA / "siga_kampung_kb_salah.csv"


def _file_rows(path: Path) -> list[dict[str, str]]:
    """The recap as the file holds it, read with the csv module alone."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_the_recap_is_recognised_and_asks_for_its_periode(small_con: db.Connection) -> None:
    assert ingest.wants_periode(GOOD) and ingest.shape_of(GOOD) == siga.SHAPE
    checked = ingest.check_any(GOOD, small_con)
    assert checked.shape == siga.SHAPE
    assert [e.column for e in checked.errors] == ["periode"]


def test_four_digit_codes_are_completed_through_the_kecamatan_named_in_the_row(
    small_con: db.Connection,
) -> None:
    checked = ingest.check_any(GOOD, small_con, periode="2025-08")
    assert checked.ok, [str(p) for p in checked.errors[:5]]
    rows = checked.rows.set_index("kode_desa")
    printed = _file_rows(GOOD)
    assert len(rows) == len(printed)  # every desa of the province, with or without a Kampung KB
    assert int(rows["JUMLAH KAMPUNG KB"].sum()) == sum(int(r["JUMLAH KAMPUNG KB"]) for r in printed)
    # "KRAMAT WATU" is Kramatwatu (36.04.05), so KODE 2004 is 36.04.05.2004 whatever the desa is called
    assert "36.04.05.2004" in rows.index
    warned = {(w.column, w.value): w.problem for w in checked.warnings}
    assert "Kramatwatu" in warned[("KECAMATAN", "KRAMAT WATU")]
    assert "Toyomerto" in warned[("KELURAHAN", "TOYOMERTHO")]
    said = ingest.describe(checked, small_con)
    assert "1552 desa/kelurahan di 8 kab/kota (Banten), periode 2025-08" in said
    assert "2020 atau sesudahnya" in said and "belum terklasifikasi" in said


def test_a_bad_recap_lists_every_problem_with_candidates_and_writes_nothing(
    small_db: Path, tmp_path: Path
) -> None:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    before = digest(live)
    with pytest.raises(ingest.ImportRejected) as refused:
        ingest.import_any(BAD, live, "uji", periode="2025-08")
    problems = {(p.row, p.column): p for p in refused.value.checked.errors}
    assert "Kramatwatu" in problems[(3, "KECAMATAN")].accepted  # closest kecamatan in Kab. Serang
    assert "36.04.05.2099" in problems[(4, "KODE")].problem and "Pejaten" in problems[(4, "KODE")].accepted
    assert "tidak sama dengan jumlah" in problems[(5, "JUMLAH KAMPUNG KB")].problem
    assert digest(live) == before and ingest.list_backups(live) == []


@pytest.fixture()
def imported(small_db: Path, tmp_path: Path) -> Path:
    """A private copy with the good recap imported (for a test that imports or undoes again)."""
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    ingest.import_any(GOOD, live, "uji", periode="2025-08")
    return live


@pytest.fixture(scope="module")
def imported_once(small_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same, made once for the tests that only read it."""
    live = tmp_path_factory.mktemp("siga") / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    ingest.import_any(GOOD, live, "uji", periode="2025-08")
    return live


def test_each_count_becomes_a_kampung_kb_with_its_year_and_no_class(imported_once: Path) -> None:
    imported = imported_once
    printed = _file_rows(GOOD)
    formed = sum(int(r["JUMLAH KAMPUNG KB"]) for r in printed)
    later = sum(int(r["> 2019"]) for r in printed)
    villages = sum(1 for r in printed if int(r["JUMLAH KAMPUNG KB"]) > 0)
    con = db.connect(imported)
    try:
        banten = overview.region(con, "36", "2025-08")
        assert banten.pembentukan == formed and banten.desa_terbentuk == villages
        assert banten.terklasifikasi == 0 and banten.sintetis == 0  # no class is guessed
        assert math.isnan(banten.laju)  # "2020 or later" gives no month: no pace is made up
        # before the recap's periode only those with a year up to 2019 are known to exist
        assert overview.region(con, "36", "2020-06").pembentukan == formed - later
        listed = explore.kampung_list(con, "36.04.05", "2025-08", DEFAULT_METHOD)
        two = listed[listed["kode_desa"] == "36.04.05.2001"]
        assert len(two) == 2 and two["klasifikasi"].isna().all()
        one = explore.profile(con, str(two["id"].iloc[0]), DEFAULT_METHOD)
        assert one is not None and one.identity["tahun_pencanangan"] in (*siga.YEARS, siga.LATER_YEAR)
        later_one = con.execute(
            "SELECT id FROM kampung_kb WHERE tahun_pencanangan = '2020+' LIMIT 1"
        ).fetchone()
        assert later_one is not None
        shown = explore.profile(con, str(later_one[0]), DEFAULT_METHOD)
        assert (
            shown is not None
            and formation_text(shown.identity) == "2020 atau sesudahnya (tanggal tidak diketahui)"
        )
        kept = con.execute("SELECT sum(mandiri), sum(percontohan) FROM siga_desa").fetchone()
        assert kept == (
            sum(int(r["KAMPUNG KB MANDIRI"]) for r in printed),
            sum(int(r["KAMPUNG KB PERCONTOHAN"]) for r in printed),
        )
        (source,) = overview.sources(con, "36")
        assert (source.shape, source.periode) == (siga.LOGGED, "2025-08")
        # what the file taught about names is remembered for files with names only
        lookup = names.Names(
            db.query(con, "names_wilayah", {"tingkat": 4}), db.query(con, "names_remembered")
        )
        assert lookup.find(3, "36.04", "KRAMAT WATU").how == "remembered"
        assert lookup.find(4, "36.04.05", "TOYOMERTHO") == names.Found(
            "36.04.05.2004", "remembered", "Toyomerto"
        )
        assert overview.region(con, "14", "2025-08").sintetis > 0  # Riau untouched
    finally:
        con.close()


def test_the_same_recap_again_replaces_its_kampung_kb_and_undo_takes_it_back(imported: Path) -> None:
    con = db.connect(imported)
    try:
        first = int(store.counts(con, "36", "2025-12")["pembentukan"].iloc[0])
    finally:
        con.close()
    _, again = ingest.import_any(GOOD, imported, "uji", periode="2025-08")
    assert again.changed == first and again.added == 0
    ingest.undo(imported)
    ingest.undo(imported)
    con = db.connect(imported)
    try:
        assert overview.region(con, "36", "2025-08").sintetis > 0  # the demo rows are back
        assert db.query(con, "names_remembered").empty
    finally:
        con.close()


def test_kelola_lists_the_names_the_recap_taught(
    imported_once: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported = imported_once

    monkeypatch.setenv("KKB_DB", str(imported))
    at = new_app()
    at.run()
    at.switch_page("pages/kelola.py").run()
    assert not at.exception, [e.value for e in at.exception]
    con = db.connect(imported)
    try:
        taught = len(db.query(con, "names_remembered"))
    finally:
        con.close()
    (box,) = [e for e in at.expander if e.label.startswith("Nama wilayah yang dipelajari")]
    assert box.label.endswith(f"({taught})")
    table = box.dataframe[0].value
    kramatwatu = table[table["nama_di_berkas"] == names.normal("KRAMAT WATU", 3)]
    assert kramatwatu[["tingkat", "kode", "nama_kemendagri"]].values.tolist() == [
        ["kecamatan", "36.04.05", "Kramatwatu"]
    ]
    assert set(table["nama_file"]) == {GOOD.name}
