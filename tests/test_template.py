"""``kkb.ingest.template`` and the import around it: every bad file is refused with its reason and
changes nothing; good ones land in one step; undo, a killed import and readers during an import all
leave a consistent database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kkb import db, explore, info, ingest
from kkb.classification import DEFAULT_METHOD
from kkb.errors import DataFileError, KkbError
from kkb.ingest import backups, rules
from tests.helpers import TEMPLATE_ROWS, TODAY, digest, good_file, new_app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "data" / "impor"
# --- bad files: a clear reason, and the database byte for byte unchanged --------------------------

BAD = [
    ("tanpa_kolom_wajib.csv", "tanggal_pencanangan", "kolom wajib tidak ada"),
    ("kode_tidak_dikenal.csv", "kode_desa", "tidak dikenal"),
    ("hitungan_negatif.csv", "pus", "tidak boleh negatif"),
    ("teks_di_angka.csv", "pus", "bukan bilangan bulat"),
    ("baris_ganda.csv", "periode", "baris ganda"),
    ("rumus_di_nama.csv", "nama_kampung", "rumus spreadsheet"),
    ("html_di_nama.csv", "nama_kampung", "< >"),
    ("tanggal_masa_depan.csv", "tanggal_pencanangan", "masa depan"),
    ("periode_salah.csv", "periode", "bukan periode"),
    ("bendera_salah.csv", "pokja", "bukan isian ada/tidak"),
]


@pytest.mark.parametrize(("name", "column", "reason"), BAD)
def test_a_bad_file_is_refused_with_its_reason_and_nothing_changes(
    live: Path, name: str, column: str, reason: str
) -> None:
    before = digest(live)
    with pytest.raises(ingest.ImportRejected) as caught:
        ingest.import_file(CORPUS / name, live, "uji", today=TODAY)
    problems = caught.value.checked.errors
    assert any(p.column == column and reason in p.problem for p in problems), problems
    for p in problems:
        assert p.file == name and p.row >= 1 and p.accepted  # file, row, column, value, what is accepted
    assert digest(live) == before
    assert ingest.list_backups(live) == []


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("kosong.csv", "berkas kosong"),
        ("hanya_judul.csv", "tidak berisi baris data"),
        ("rusak.xlsx", "tidak dapat dibaca sebagai Excel"),
        ("utf16.csv", "bukan teks biasa"),
    ],
)
def test_an_unreadable_file_says_why(live: Path, name: str, reason: str) -> None:
    before = digest(live)
    with pytest.raises(DataFileError, match=reason):
        ingest.import_file(CORPUS / name, live, "uji", today=TODAY)
    assert digest(live) == before


def test_a_huge_file_is_refused_before_anything_is_written(live: Path, tmp_path: Path) -> None:
    line = "36.04.05.2001,Kampung KB Melati,2023-01-15,Desa,2023-10,1,120,40\n"
    huge = tmp_path / "besar.csv"
    huge.write_text(
        "kode_desa,nama_kampung,tanggal_pencanangan,cakupan_wilayah,periode,pokja,pus,kb_suntik\n"
        + line * (ingest.MAX_ROWS + 1)
    )
    before = digest(live)
    with pytest.raises(DataFileError, match="paling banyak"):
        ingest.import_file(huge, live, "uji", today=TODAY)
    assert digest(live) == before


def test_the_reader_takes_windows_1252_semicolons_portal_labels_and_a_bom(live: Path) -> None:
    con = db.connect(live)
    try:
        cp1252 = ingest.check(CORPUS / "windows1252_titik_koma.csv", con, today=TODAY)
        bom = ingest.check(CORPUS / "utf8_bom.csv", con, today=TODAY)
    finally:
        con.close()
    assert cp1252.ok and bom.ok, cp1252.errors + bom.errors
    assert cp1252.mapped == {
        "Kode Desa": "kode_desa",
        "Nama Kampung KB": "nama_kampung",
        "Tgl Pencanangan": "tanggal_pencanangan",
        "Periode Laporan": "periode",
        "Jumlah PUS": "pus",
        "Pokja": "pokja",
    }
    row = cp1252.rows.iloc[0]
    assert row["kode_desa"] == "36.04.05.2001" and row["nama_kampung"] == "Kampung KB Cempaka Ré"
    assert (row["tanggal_pencanangan"], row["pus"], row["pokja"]) == ("2023-01-15", 120.0, 1.0)


# --- a good file: written in one step, classified, logged, undoable --------------------------------


def test_a_good_file_lands_classified_and_logged_and_undo_restores(live: Path, tmp_path: Path) -> None:
    before = digest(live)
    checked, result = ingest.import_file(good_file(tmp_path), live, "analis", today=TODAY)
    assert (result.added, result.changed, result.kampung_added) == (3, 0, 2)
    assert result.synthetic_removed > 0  # Kab. Serang's demo rows give way to real data
    con = db.connect(live)
    try:
        listed = explore.kampung_list(con, "36.04", "2023-11", DEFAULT_METHOD)
        assert sorted(listed["nama"]) == ["Kampung KB Mawar", "Kampung KB Melati"]
        melati = explore.profile(
            con, str(listed[listed["nama"] == "Kampung KB Melati"]["id"].iloc[0]), DEFAULT_METHOD
        )
        assert melati is not None and list(melati.history["periode"]) == ["2023-10", "2023-11"]
        impor = explore.profile(con, str(melati.identity["id"]), "impor")
        assert impor is not None and list(impor.history["klasifikasi"]) == ["Mandiri"]
        log = ingest.history(con)
        assert log.iloc[0][["pengguna", "nama_file", "sha256", "baris_ditambah"]].tolist() == [
            "analis",
            "baik.csv",
            checked.sha256,
            3,
        ]
        # the rest of the country keeps its (synthetic) data
        riau = explore.kampung_list(con, "14", "2023-11", DEFAULT_METHOD)
        assert len(riau) > 0 and riau["id"].str.startswith("D").all()
        assert info.summary(con).kampung_kb_sintetis > 0
    finally:
        con.close()

    # the same file again replaces its rows instead of adding them
    _, again = ingest.import_file(good_file(tmp_path), live, "analis", today=TODAY)
    assert (again.added, again.changed, again.kampung_added, again.synthetic_removed) == (0, 3, 0, 0)
    assert len(ingest.list_backups(live)) == 2

    ingest.undo(live)
    ingest.undo(live)
    assert digest(live) == before
    with pytest.raises(KkbError, match="tidak ada impor"):
        ingest.undo(live)


@pytest.mark.slow
def test_only_the_newest_backups_are_kept(live: Path, tmp_path: Path) -> None:
    source = good_file(tmp_path)
    con = db.connect(live)
    checked = ingest.check(source, con, today=TODAY)
    con.close()
    for _ in range(4):  # within a second or two: backups are told apart by their import
        ingest.apply(checked, live, "uji", keep=2)
    assert [backups.backup_import(b) for b in ingest.list_backups(live)] == [4, 3]


# --- a killed import, and readers during an import --------------------------------------------------


@pytest.mark.slow
def test_an_import_killed_midway_leaves_the_database_as_it_was(live: Path, tmp_path: Path) -> None:
    before = digest(live)
    source = good_file(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "kkb", "import", str(source), "--db", str(live)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    work = live.with_name(f"{live.name}.import-{process.pid}")
    deadline = time.monotonic() + 60
    while not work.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert work.exists(), "the import never started writing its copy"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert digest(live) == before
    con = db.connect(live)  # and it opens as a database
    con.close()
    # the next import cleans up and succeeds
    ingest.import_file(source, live, "uji", today=TODAY)


@pytest.mark.slow
def test_readers_see_the_old_or_the_new_data_never_a_mix(live: Path, tmp_path: Path) -> None:
    def state(con: db.Connection) -> tuple[int, int]:
        kampung = int(con.execute("SELECT count(*) FROM kampung_kb").fetchone()[0])  # type: ignore[index]
        logged = int(con.execute("SELECT count(*) FROM import_log").fetchone()[0])  # type: ignore[index]
        return kampung, logged

    con = db.connect(live)
    old = state(con)
    con.close()
    seen: list[tuple[int, int]] = []
    failures: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                c = db.connect(live)
                try:
                    seen.append(state(c))
                finally:
                    c.close()
            except BaseException as exc:  # any failure is the test's failure
                failures.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for thread in threads:
        thread.start()
    try:
        ingest.import_file(good_file(tmp_path), live, "uji", today=TODAY)
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    con = db.connect(live)
    new = state(con)
    con.close()
    assert failures == []
    assert new != old and new[1] == old[1] + 1
    assert set(seen) <= {old, new}
    assert new in seen and len(seen) > 20


# --- parsers and validator, property-based -----------------------------------------------------------


@given(
    st.lists(
        st.sampled_from(
            ["Kode Desa", "KODE_DESA", " nama kampung kb ", "Jumlah PUS", "IUD", "zzz", "Periode"]
        ),
        unique=True,
    )
)
def test_column_mapping_is_total_and_one_to_one(columns: list[str]) -> None:
    mapped, unknown, twice = ingest.map_columns(columns)
    assert sorted([*mapped, *unknown, *twice]) == sorted(columns)
    assert all(ingest.map_columns([c])[0] for c in twice)  # each means a template column on its own
    assert len(set(mapped.values())) == len(mapped)
    assert set(mapped.values()) <= set(ingest.TEMPLATE_COLUMNS) | {"nama_desa"}


CELL = st.one_of(
    st.text(max_size=8),
    st.integers(-5, 500).map(str),
    st.sampled_from(["Ada", "Tidak Ada", "", "1", "0", "12,0"]),
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pus=CELL, pokja=CELL, suntik=CELL, name=st.text(min_size=0, max_size=20), periode=CELL)
def test_the_validator_never_crashes_and_passes_only_usable_rows(
    small_db: Path,
    tmp_path_factory: pytest.TempPathFactory,
    pus: str,
    pokja: str,
    suntik: str,
    name: str,
    periode: str,
) -> None:
    frame = pd.DataFrame(
        [
            {
                "kode_desa": "36.04.05.2001",
                "nama_kampung": name,
                "tanggal_pencanangan": "2023-01-15",
                "periode": periode,
                "pus": pus,
                "pokja": pokja,
                "kb_suntik": suntik,
            }
        ]
    )
    path = tmp_path_factory.mktemp("prop") / "acak.csv"
    frame.to_csv(path, index=False)
    con = db.connect(small_db)
    try:
        try:
            checked = ingest.check(path, con, today=TODAY)
        except DataFileError:
            return  # an unreadable file is refused as a whole, with its reason
    finally:
        con.close()
    if checked.ok:
        row = checked.rows.iloc[0]
        assert rules.FIRST_PERIODE <= row["periode"] <= "2026-11"
        for column in ("pus", "kb_suntik"):
            assert pd.isna(row[column]) or (row[column] >= 0 and float(row[column]).is_integer())
        assert row["nama_kampung"] and not row["nama_kampung"].startswith(rules.FORMULA_START)
    else:
        assert all(p.accepted for p in checked.errors)


def test_the_synthetic_notice_leaves_a_region_once_real_data_replaces_it(
    live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    ingest.import_file(good_file(tmp_path), live, "uji", today=TODAY)
    monkeypatch.setenv("KKB_DB", str(live))

    def notices(**state: str) -> list[str]:
        at = new_app()
        for key, value in state.items():
            at.session_state[key] = value
        at.run()
        assert not at.exception
        return [w.value for w in at.warning if "sintetis" in w.value]

    assert notices(prov="36", kab="36.04", periode="2023-11") == []  # Kab. Serang: imported data only
    assert notices(prov="14", periode="2023-11") != []  # Riau: still the demo registry


# --- values the checks must refuse before the write would (issue "Hardening", item 3) -------------


@pytest.mark.parametrize(
    ("cell", "column"),
    [("3000000000", "pus"), ("9" * 31, "kb_suntik"), ("9" * 400, "pus")],
    ids=["over-integer", "31-digits", "400-digits"],
)
def test_a_count_too_large_to_store_is_refused_before_anything_is_written(
    live: Path, tmp_path: Path, cell: str, column: str
) -> None:
    lines = TEMPLATE_ROWS.splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    row[header.index(column)] = cell
    source = good_file(tmp_path, "\n".join([lines[0], ",".join(row)]) + "\n", "besar.csv")
    before = digest(live)
    with pytest.raises(ingest.ImportRejected) as caught:
        ingest.import_any(source, live, "uji")
    (problem,) = caught.value.checked.errors
    assert (problem.row, problem.column, problem.problem) == (2, column, "terlalu besar untuk disimpan")
    assert problem.accepted == "bilangan bulat 0 sampai 2.147.483.647"
    assert digest(live) == before


def test_the_storage_limits_of_the_checks_are_those_of_the_database(small_con: db.Connection) -> None:
    from kkb.columns import INPUT_COLUMNS
    from kkb.ingest import checks

    types = dict(
        small_con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'snapshot'"
        ).fetchall()
    )
    largest = {"TINYINT": 127, "SMALLINT": 32_767, "INTEGER": 2_147_483_647}
    for column in INPUT_COLUMNS:
        assert checks.STORED_MAX.get(column, checks.INTEGER_MAX) == largest[types[column]], column
