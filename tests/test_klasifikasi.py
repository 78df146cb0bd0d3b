"""The portal's admin classification export (FORMATS.md §B): scores checked against the class printed."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from kkb import db, explore, ingest, overview, store
from kkb.classification import CLASSES, DEFAULT_METHOD, normalise_class
from kkb.indicators import SCORE_COLUMNS
from kkb.ingest import klasifikasi
from kkb.next_class import path_to_next_class
from kkb.sentences import formation_text, path_text
from tests.helpers import digest

DATA = Path(__file__).resolve().parent / "data"
GOOD = DATA / "classification-table_20251015093000.xlsx"
BAD = DATA / "classification-table_salah.xlsx"
SIGA = DATA / "siga_kampung_kb_banten.csv"
DIMENSIONS = ((0, 5), (5, 8), (8, 12))  # input, proses, output: positions of their scores (SPEC §5)


def _file_rows(path: Path) -> list[dict[str, object]]:
    """The export as the workbook holds it, read with openpyxl alone."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        header, *rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
    return [dict(zip(header, r, strict=True)) for r in rows]


def _spec_class(scores: list[int]) -> str:
    """SPEC's decision table, written out here: a dimension passes when the mean of its scores is ≥ 3."""
    passed = [round(sum(scores[a:b]) / (b - a), 2) >= 3 for a, b in DIMENSIONS]
    inp, pro, out = passed
    if sum(passed) <= 1:
        return "Dasar"
    if inp and pro and out:
        return "Berkelanjutan"
    return "Berkembang" if inp and pro else "Mandiri"


def _scores(row: dict[str, object]) -> list[int]:
    return [int(str(row[h])) for h in klasifikasi.SCORE_HEADERS]


def test_the_export_is_recognised_and_asks_for_its_periode_with_the_day_it_was_made(
    small_con: db.Connection,
) -> None:
    assert ingest.shape_of(GOOD) == klasifikasi.SHAPE and ingest.wants_periode(GOOD)
    assert ingest.suggested_periode(GOOD.name) == "2025-10"
    checked = ingest.check_any(GOOD, small_con)
    (missing,) = checked.errors
    assert missing.column == "periode" and "--periode 2025-10" in missing.accepted
    assert "15-10-2025" in missing.accepted


def test_every_row_is_placed_and_a_class_its_scores_do_not_give_is_named(small_con: db.Connection) -> None:
    checked = ingest.check_any(GOOD, small_con, periode="2025-10")
    assert checked.ok, [str(p) for p in checked.errors]
    printed = _file_rows(GOOD)
    assert len(checked.rows) == len(printed)
    differ = [r for r in printed if _spec_class(_scores(r)) != normalise_class(r["Klasifikasi"])]
    assert [r["Kampung KB"] for r in differ] == ["KAMPUNG KB MARGASANA"]  # the row written to disagree
    warned = [w for w in checked.warnings if w.column == "Klasifikasi"]
    assert len(warned) == 1 and "KAMPUNG KB MARGASANA" in warned[0].problem
    assert _spec_class(_scores(differ[0])) in warned[0].problem
    spelled = {(w.column, w.value): w.problem for w in checked.warnings}
    assert "Toyomerto" in spelled[("Desa", "TOYOMERTHO")]
    # SERANG is the kabupaten, KOTA SERANG the kota, whose kecamatan and kelurahan are called Serang too
    codes = dict(zip(checked.rows["nama_kampung"], checked.rows["kode_desa"], strict=True))
    assert codes["KAMPUNG KB PEJATEN"].startswith("36.04.") and codes["KAMPUNG KB SERANG"].startswith(
        "36.73."
    )
    said = ingest.describe(checked, small_con)
    assert "periode 2025-10" in said and "1 kelas tercetak tidak sesuai skornya" in said
    assert "Kabupaten Serang" in said and "Kota Serang" in said


def test_a_bad_export_lists_every_problem_with_candidates_and_writes_nothing(
    small_db: Path, tmp_path: Path
) -> None:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    before = digest(live)
    with pytest.raises(ingest.ImportRejected) as refused:
        ingest.import_any(BAD, live, "uji", periode="2025-10")
    problems = {(p.row, p.column): p for p in refused.value.checked.errors}
    assert "Pejaten" in problems[(3, "Desa")].accepted  # the closest desa of Kramatwatu
    assert problems[(4, "Input Sarana")].accepted == "bilangan bulat 1–3"
    assert all(c in problems[(5, "Klasifikasi")].accepted for c in CLASSES)
    assert digest(live) == before and ingest.list_backups(live) == []


@pytest.fixture(scope="module")
def imported(small_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy with the good export imported, made once: the tests that use it only read it."""
    live = tmp_path_factory.mktemp("klasifikasi") / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    ingest.import_any(GOOD, live, "uji", periode="2025-10")
    return live


def test_both_classes_are_kept_and_shown_and_what_the_file_lacks_is_unknown(imported: Path) -> None:
    printed = {str(r["Kampung KB"]): r for r in _file_rows(GOOD)}
    con = db.connect(imported)
    try:
        listed = pd.concat(
            [explore.kampung_list(con, kab, "2025-10", DEFAULT_METHOD) for kab in ("36.04", "36.73")]
        )
        assert len(listed) == len(printed)  # the synthetic rows of both kab/kota are gone
        for _, row in listed.iterrows():
            source = printed[str(row["nama"])]
            assert [int(row[c]) for c in SCORE_COLUMNS] == _scores(source)
            assert row["klasifikasi"] == _spec_class(_scores(source))
            assert row["klasifikasi_tercetak"] == normalise_class(source["Klasifikasi"])
            assert pd.isna(row["dq_jumlah"])  # no raw figures: neither flagged nor clean
        assert (listed["kode_desa"] == "36.04.05.2001").sum() == 2
        assert explore.filter_kampung(listed, None, None, explore.DQ_CLEAN).empty
        kept = explore.filter_kampung(listed, None, (2016, 2025))  # no year known: none narrowed out
        assert len(kept) == len(listed)
        # the region's counts are those of the classes the rules give the scores
        counts = store.counts(con, "36.04", "2025-10").iloc[0]
        ours = [_spec_class(_scores(r)) for r in printed.values() if r["Kabupaten"] == "SERANG"]
        assert [int(counts[c.lower()]) for c in CLASSES] == [ours.count(c) for c in CLASSES]
        printed_counts = store.counts(con, "36.04", "2025-10", "impor").iloc[0]
        theirs = [normalise_class(r["Klasifikasi"]) for r in printed.values() if r["Kabupaten"] == "SERANG"]
        assert [int(printed_counts[c.lower()]) for c in CLASSES] == [theirs.count(c) for c in CLASSES]
        # before the file's periode its Kampung KB are not known to exist; no date is made up
        assert overview.region(con, "36.04", "2025-09").pembentukan == 0
        margasana = listed[listed["nama"] == "KAMPUNG KB MARGASANA"].iloc[0]
        found = explore.profile(con, str(margasana["id"]), DEFAULT_METHOD)
        assert found is not None
        snapshot = found.at("2025-10")
        assert snapshot is not None
        assert (snapshot["klasifikasi"], snapshot["klasifikasi_tercetak"]) == ("Mandiri", "Berkelanjutan")
        assert formation_text(found.identity) == "tidak diketahui (tercatat sejak 2025-10)"
        head, *_ = path_text(explore.path_for(snapshot))
        assert head.startswith("Untuk naik dari Mandiri ke Berkelanjutan")
        (source,) = overview.sources(con, "36.04")
        assert (source.shape, source.periode) == (klasifikasi.LOGGED, "2025-10")
    finally:
        con.close()


@pytest.mark.slow
def test_named_kampung_kb_take_the_places_new_siga_counted_and_keep_them(
    small_db: Path, tmp_path: Path
) -> None:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    ingest.import_any(SIGA, live, "uji", periode="2025-08")
    con = db.connect(live)
    try:
        formed = overview.region(con, "36", "2025-10").pembentukan
        in_desa = con.execute("SELECT count(*) FROM kampung_kb WHERE kode_desa = '36.04.05.2001'").fetchone()
    finally:
        con.close()
    ingest.import_any(GOOD, live, "uji", periode="2025-10")
    con = db.connect(live)
    try:
        # SIGA counted two Kampung KB in Kramatwatu: the export's two are those, not two more
        again = con.execute("SELECT count(*) FROM kampung_kb WHERE kode_desa = '36.04.05.2001'").fetchone()
        assert again == in_desa
        named = con.execute(
            "SELECT id, nama FROM kampung_kb WHERE kode_desa = '36.04.05.2001' ORDER BY id"
        ).fetchall()
        assert {n for _, n in named} == {"KAMPUNG KB KRAMATWATU", "KAMPUNG KB MAWAR"}
        assert all(i.startswith("S") for i, _ in named)
        desa_with_siga = {
            r[0] for r in con.execute("SELECT kode_desa FROM siga_desa WHERE jumlah > 0").fetchall()
        }
        placed = ingest.check_any(GOOD, con, periode="2025-10").rows["kode_desa"]
        new = sum(1 for c in placed if c not in desa_with_siga)
        assert overview.region(con, "36", "2025-10").pembentukan == formed + new
    finally:
        con.close()
    ingest.import_any(SIGA, live, "uji", periode="2025-08")  # a newer recap keeps the names and classes
    con = db.connect(live)
    try:
        kept = con.execute(
            "SELECT k.nama, c.klasifikasi FROM kampung_kb k JOIN klasifikasi c ON c.kampung_id = k.id "
            "WHERE k.kode_desa = '36.04.05.2001' AND c.metode = 'portal-2021' ORDER BY k.nama"
        ).fetchall()
        assert kept == [("KAMPUNG KB KRAMATWATU", "Berkembang"), ("KAMPUNG KB MAWAR", "Dasar")]
        orphans = con.execute(
            "SELECT count(*) FROM snapshot WHERE kampung_id NOT IN (SELECT id FROM kampung_kb)"
        ).fetchone()
        assert orphans == (0,)
    finally:
        con.close()


def test_a_path_up_from_printed_scores_names_no_figure_it_does_not_have() -> None:
    scores = dict(zip(SCORE_COLUMNS, (2, 2, 2, 1, 1, 2, 1, 2, 1, 2, 1, 4), strict=True))
    path = path_to_next_class(pd.Series(scores))
    assert path.current == "Dasar" and path.target is not None
    assert all(not s.value_known and s.value_from is None and s.count_change is None for s in path.steps)
    assert not any("laporkan PUS" in line for line in path_text(path))


def test_the_import_log_names_the_regions_and_an_older_file_gets_them_from_its_rows(
    imported: Path, tmp_path: Path
) -> None:
    con = db.connect(imported)
    try:
        (logged,) = ingest.history(con)["wilayah"]
    finally:
        con.close()
    assert logged == "Kabupaten Serang, Kota Serang"
    older = tmp_path / "versi5.duckdb"
    shutil.copyfile(imported, older)
    raw = duckdb.connect(str(older))
    raw.execute("ALTER TABLE import_log DROP COLUMN wilayah")
    raw.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    raw.close()
    con = db.connect(older)
    try:
        assert db.meta(con)["schema_version"] == str(db.SCHEMA_VERSION)
        assert list(ingest.history(con)["wilayah"]) == [logged]
    finally:
        con.close()
