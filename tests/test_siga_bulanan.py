"""New SIGA's monthly recaps per desa (FORMATS.md §D): a year asked for, names resolved, counts kept."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest

from kkb import db, ingest
from kkb.ingest import backups, siga_bulanan
from tests.helpers import digest, kelola_as_admin, run_cli

DATA = Path(__file__).resolve().parent / "data"
PUS = DATA / "siga_pus_serang.csv"
METHODS = DATA / "siga_metode_serang.csv"
BAD = DATA / "siga_pus_salah.csv"
KAMPUNG_RECAP = DATA / "siga_kampung_kb_banten.csv"
TODAY = dt.date(2026, 12, 3)


def _file_rows(path: Path) -> list[dict[str, str]]:
    """The file as it is, read without our reader (blank lines left out)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle, delimiter=";") if r["KELURAHAN"]]


def _stored(live: Path, code: str, ukuran: str) -> dict[str, int]:
    con = db.connect(live)
    try:
        rows = con.execute(
            "SELECT periode, nilai FROM siga_bulanan WHERE kode_desa = ? AND ukuran = ? ORDER BY 1",
            [code, ukuran],
        ).fetchall()
    finally:
        con.close()
    return {str(p): int(n) for p, n in rows}


@pytest.fixture(scope="module")
def recap_imported(small_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small database with New SIGA's Kampung KB recap (with codes) imported, made once."""
    live = tmp_path_factory.mktemp("siga_bulanan") / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    ingest.import_any(KAMPUNG_RECAP, live, "uji", periode="2025-08")
    return live


@pytest.fixture()
def taught(recap_imported: Path, tmp_path: Path) -> Path:
    """A private copy of it (with its backups) for one test to import into."""
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(recap_imported, live)
    shutil.copytree(backups.backups_dir(recap_imported), backups.backups_dir(live))
    return live


def test_the_recap_is_recognised_and_its_year_asked_for_not_guessed(live: Path) -> None:
    assert ingest.shape_of(PUS) == siga_bulanan.SHAPE and ingest.shape_of(METHODS) == siga_bulanan.SHAPE
    assert ingest.wants_year(PUS) and not ingest.wants_year(KAMPUNG_RECAP)
    before = digest(live)
    result = run_cli("import", str(PUS), "--db", str(live))
    assert result.returncode != 0
    assert "rekap bulanan SIGA tidak menyebut tahun" in result.stderr and "--tahun YYYY" in result.stderr
    assert digest(live) == before


def test_a_name_only_the_kampung_kb_recap_resolves_is_refused_with_candidates_before_it(live: Path) -> None:
    con = db.connect(live)
    try:
        checked = ingest.check_any(PUS, con, tahun=2025, today=TODAY)
    finally:
        con.close()
    (problem,) = checked.errors
    assert (problem.column, problem.value) == ("KELURAHAN", "MARGATANI BARU")
    assert "Margatani" in problem.accepted  # the closest candidates, never a guess


def test_after_the_kampung_kb_recap_each_desa_resolves_as_it_did_there(taught: Path) -> None:
    checked, result = ingest.import_any(PUS, taught, "uji", tahun=2025)
    printed = _file_rows(PUS)
    assert result.added == 2 * len(printed) and result.changed == 0  # PUS and unmet need of each row
    # MARGATANI BARU is the desa the recap's code 2015 named; KRAMAT WATU needs no warning any more
    margatani = [r for r in printed if r["KELURAHAN"] == "MARGATANI BARU"]
    months = {f"2025-{siga_bulanan.MONTHS[r['BULAN']]:02d}": int(r["PUS"]) for r in margatani}
    assert _stored(taught, "36.04.05.2015", "pus") == months
    warned = {(w.column, w.value) for w in checked.warnings}
    assert ("KELURAHAN", "PEJATTEN") in warned and ("KECAMATAN", "KRAMAT WATU") not in warned


def test_the_method_mix_is_kept_as_reported_and_says_where_pa_is_not_its_parts(taught: Path) -> None:
    checked, _ = ingest.import_any(METHODS, taught, "uji", tahun=2025)
    printed = _file_rows(METHODS)
    differ = [r for r in printed if int(r["PA"]) != int(r["KB MODERN"]) + int(r["KB TRADISIONAL"])]
    assert differ  # the file has such rows
    (warning,) = [w for w in checked.warnings if w.column == "PA"]
    assert (
        f"pada {len(differ)} baris" in warning.problem
        and "disimpan sebagaimana dilaporkan" in warning.problem
    )
    con = db.connect(taught)
    try:
        kept = con.execute(
            "SELECT sum(nilai) FILTER (WHERE ukuran = 'pa') AS pa, "
            "sum(nilai) FILTER (WHERE ukuran IN ('kb_modern', 'kb_tradisional')) AS parts "
            "FROM siga_bulanan GROUP BY kode_desa, periode HAVING pa <> parts"
        ).fetchall()
    finally:
        con.close()
    assert len(kept) == len(differ)  # every PA as reported, none replaced by the sum of its parts
    assert sorted(int(p) - int(q) for p, q in kept) == sorted(
        int(r["PA"]) - int(r["KB MODERN"]) - int(r["KB TRADISIONAL"]) for r in differ
    )


def test_a_bad_recap_lists_every_problem_and_writes_nothing(taught: Path) -> None:
    before = digest(taught)
    with pytest.raises(ingest.ImportRejected) as refused:
        ingest.import_any(BAD, taught, "uji", tahun=2025)
    found = {(p.row, p.column, p.value): p for p in refused.value.checked.errors}
    assert set(found) == {
        (3, "KELURAHAN", "PEJATEN BARU"),
        (4, "UNMET NEED", "-5"),
        (5, "PUS", "12 KK"),
        (6, "BULAN", "JULY"),
        (7, "KELURAHAN", "KRAMATWATU"),
    }
    assert "Pejaten" in found[3, "KELURAHAN", "PEJATEN BARU"].accepted
    assert "baris 2" in found[7, "KELURAHAN", "KRAMATWATU"].problem  # the desa and month seen before
    assert all(p.accepted for p in found.values())
    assert digest(taught) == before


def test_a_month_that_has_not_happened_is_refused(taught: Path) -> None:
    con = db.connect(taught)
    try:
        checked = ingest.check_any(PUS, con, tahun=2026, today=dt.date(2026, 8, 15))
    finally:
        con.close()
    late = {(p.column, p.value) for p in checked.errors}
    assert late == {("BULAN", "SEPTEMBER")}
    assert "2026-09 belum terjadi" in checked.errors[0].problem


@pytest.mark.slow  # imports through the page or twice: make test and CI run it
def test_the_same_recap_again_replaces_its_counts_and_undo_takes_it_back(taught: Path) -> None:
    ingest.import_any(PUS, taught, "uji", tahun=2025)
    once = digest(taught)
    _, again = ingest.import_any(PUS, taught, "uji", tahun=2025)
    assert again.added == 0 and again.changed == 2 * len(_file_rows(PUS))
    con = db.connect(taught)
    try:
        (rows,) = con.execute("SELECT count(*) FROM siga_bulanan").fetchone() or (0,)
    finally:
        con.close()
    assert rows == 2 * len(_file_rows(PUS))  # replaced, not added twice
    ingest.undo(taught)
    assert digest(taught) == once


@pytest.mark.slow  # imports through the page or twice: make test and CI run it
def test_kelola_asks_for_the_year_before_it_checks_and_then_imports(
    taught: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = kelola_as_admin(monkeypatch, taught)
    before = digest(taught)
    at.file_uploader[0].set_value((PUS.name, PUS.read_bytes(), "text/csv")).run()
    assert not at.exception
    assert any("tanpa tahun" in i.value for i in at.info)  # nothing is checked before the year is chosen
    assert not [b for b in at.button if b.label == "Impor sekarang"]
    at.selectbox(key="impor_tahun_0").set_value(2025).run()
    rows = 2 * len(_file_rows(PUS))
    assert at.success[0].value == f"{rows} baris siap diimpor."
    next(b for b in at.button if b.label == "Impor sekarang").click().run()
    assert not at.exception
    assert any(s.value.startswith(f"Impor #2 selesai: {rows} baris baru") for s in at.success)
    assert digest(taught) != before
    assert _stored(taught, "36.04.05.2015", "pus")  # MARGATANI BARU, as the Kampung KB recap named it


def test_two_desa_of_one_kecamatan_with_one_name_are_refused_by_name_and_taken_with_their_code(
    live: Path, tmp_path: Path
) -> None:
    """Wuyukwi (Mulia, Puncak Jaya) is a kelurahan and a desa: by name alone it is never guessed."""
    place = "PAPUA TENGAH;PUNCAK JAYA;MULIA"
    path = tmp_path / "pus_mulia.csv"
    path.write_text(
        "NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PUS;UNMET NEED;BULAN\r\n"
        f"1;{place};WUYUKWI;400;20;MEI\r\n"
        f"2;{place};WUYUKWI (94.02.01.1010);410;21;JUNI\r\n"
        f"3;{place};WUYUKWI (94.02.01.2002);300;12;JUNI\r\n"
        f"4;{place};PAGALEME (94.02.01.1010);300;12;JUNI\r\n"  # the code of another desa
        f"5;{place};WURAK (94.02.02.1021);300;12;JUNI\r\n",  # a desa of another kecamatan
        encoding="utf-8",
    )
    con = db.connect(live)
    try:
        checked = ingest.check_any(path, con, tahun=2025, today=TODAY)
    finally:
        con.close()
    refused = {p.row: p for p in checked.errors}
    assert set(refused) == {2, 5, 6}
    assert "94.02.01.1010" in refused[2].accepted and "94.02.01.2002" in refused[2].accepted
    assert "WUYUKWI (94.02.01.1010)" in refused[2].accepted  # how to write it instead
    assert "bernama Wuyukwi" in refused[5].problem and "bukan desa di kecamatan itu" in refused[6].problem
    rows = checked.rows[checked.rows["ukuran"] == "pus"].set_index("kode_desa")["nilai"].to_dict()
    assert rows == {"94.02.01.1010": 410, "94.02.01.2002": 300}
