"""The portal's bulk kampung list (FORMATS.md §E): recognised, checked, imported, undone."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from kkb import db, ingest, overview, store
from kkb.classification import DEFAULT_METHOD
from kkb.ingest import portal_list
from kkb.sentences import source_text
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
GOOD = DATA / "portal_kampung_serang.csv"
BAD = DATA / "portal_kampung_salah.csv"


@pytest.mark.parametrize(
    ("parts", "code"),
    [
        (["16", "7", "19", "2005"], "16.07.19.2005"),
        (["36", "4", "5", "2001"], "36.04.05.2001"),
        (["36", "4.0", "5.0", "2001.0"], "36.04.05.2001"),  # whole numbers a spreadsheet wrote as floats
        (["36", "123", "5", "2001"], None),
        (["36", "4", "", "2001"], None),
        (["36", "0", "5", "2001"], None),
    ],
    ids=["formats-example", "banten", "floats", "too-many-digits", "empty-part", "zero"],
)
def test_split_codes_are_joined_with_their_leading_zeros(parts: list[str], code: str | None) -> None:
    assert portal_list.code_of(parts) == code


def test_the_list_is_recognised_by_its_header_and_checked_against_the_reference(
    small_con: db.Connection,
) -> None:
    checked = ingest.check_any(GOOD, small_con)
    assert checked.shape == portal_list.SHAPE and checked.ok, [str(p) for p in checked.errors]
    rows = checked.rows.set_index("portal_id")
    assert rows.loc["10231", "kode_desa"] == "36.04.05.2001"
    assert rows.loc["10240", "kode_desa"] == "36.73.01.1002"  # KOTA SERANG's kecamatan 1, desa 1002
    assert rows.loc["10231", "tanggal_pencanangan"] == "2017-03-14"
    assert (
        rows.loc["10232", "nama_kampung"] == "Kampung KB Harapan Jaya – Margasana"
    )  # Windows-1252 read right
    assert not rows.loc["10234", "aktif"] and rows.loc["10231", "aktif"]
    encoding, warning = checked.warnings  # the reader is told the file was not UTF-8
    assert "dibaca sebagai Windows-1252" in encoding.problem
    assert warning.column == "desa" and warning.value == "TOYOMERTHO" and "'Toyomerto'" in warning.problem
    said = ingest.describe(checked, small_con)
    assert "6 Kampung KB (5 aktif) di 2 kab/kota" in said and "Banten" in said
    assert "menggantikan data sintetis" in said and "belum terklasifikasi" in said


def test_a_bad_list_is_refused_row_by_row_and_nothing_is_written(small_db: Path, tmp_path: Path) -> None:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    before = hashlib.sha256(live.read_bytes()).hexdigest()
    with pytest.raises(ingest.ImportRejected) as refused:
        ingest.import_any(BAD, live, "uji")
    problems = {(p.row, p.column): p for p in refused.value.checked.errors}
    unknown = problems[(3, "desa_id")]
    assert "36.04.05.2099" in unknown.value and "Kramatwatu" in unknown.problem
    assert "Pejaten (36.04.05.2003)" in unknown.accepted  # the closest desa of that kecamatan
    assert problems[(4, "tanggal_pencanangan")].value == "31/02/2021"
    assert problems[(5, "KEAKTIFAN")].value == "mungkin"
    assert hashlib.sha256(live.read_bytes()).hexdigest() == before  # byte for byte unchanged
    assert not list(ingest.list_backups(live))


def test_imported_kampung_kb_replace_the_synthetic_ones_unclassified_and_undo_brings_them_back(
    small_db: Path, tmp_path: Path
) -> None:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    con = db.connect(live)
    periode = store.periods(con)[-1]
    before = overview.region(con, "36.04", periode, DEFAULT_METHOD)
    con.close()
    assert before.sintetis > 0
    _, result = ingest.import_any(GOOD, live, "uji")
    assert result.kampung_added == 6 and result.synthetic_removed > 0
    con = db.connect(live)
    try:
        serang = overview.region(con, "36.04", periode, DEFAULT_METHOD)
        kota = overview.region(con, "36.73", periode, DEFAULT_METHOD)
        assert serang.sintetis == 0 and kota.sintetis == 0  # the synthetic notice is gone there
        assert serang.pembentukan == 3  # the four of Kab. Serang, less the inactive one
        assert kota.pembentukan == 2
        assert serang.terklasifikasi == 0 and serang.kelas["Dasar"] == 0  # no class is guessed
        trend = store.trend(con, "36.04", DEFAULT_METHOD).set_index("periode")["pembentukan"]
        assert trend[trend.index < "2017-03"].sum() == 0  # formed from its own date, not before
        assert trend["2017-03"] == 1 and trend["2019-08"] == 2
        assert overview.region(con, "36.01", periode, DEFAULT_METHOD).sintetis > 0  # elsewhere: untouched
        # every figure of Kab. Serang now says where it came from; Banten's say they are a mix
        (source,) = overview.sources(con, "36.04")
        assert (source.import_id, source.file, source.shape) == (1, GOOD.name, portal_list.LOGGED)
        said = source_text(overview.sources(con, "36.04"), serang.sintetis > 0, "id")
        assert said == f"Portal Kampung KB, daftar kampung (impor #1, {GOOD.name}, {source.when})"
        banten = overview.region(con, "36", periode, DEFAULT_METHOD)
        mixed = source_text(overview.sources(con, "36"), banten.sintetis > 0, "en")
        assert mixed.startswith("mixed: synthetic demo registry; Kampung KB portal, kampung list (import #1")
        assert overview.sources(con, "14") == []  # Riau: synthetic only
    finally:
        con.close()
    _, again = ingest.import_any(GOOD, live, "uji")  # the same list again: the same Kampung KB
    assert again.kampung_added == 0 and again.changed == 6
    ingest.undo(live)
    ingest.undo(live)
    con = db.connect(live)
    try:
        assert overview.region(con, "36.04", periode, DEFAULT_METHOD).sintetis == before.sintetis
    finally:
        con.close()


def test_the_command_line_says_what_it_recognised(small_db: Path, tmp_path: Path) -> None:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    result = run_cli("import", str(GOOD), "--db", str(live))
    assert result.returncode == 0, result.stderr
    first, said = result.stdout.splitlines()[:2]
    assert first == "Bentuk berkas: daftar Kampung KB Portal Kampung KB (FORMATS §E)"
    assert said.startswith("Dikenali: daftar kampung Portal Kampung KB (FORMATS §E). 6 Kampung KB")
    assert "peringatan:" in result.stdout and "TOYOMERTHO" in result.stdout
    assert "6 Kampung KB baru" in result.stdout
