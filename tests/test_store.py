"""The region summaries: ``rekap_wilayah`` agrees with the kecamatan grid, and older files are upgraded."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from kkb import db, ingest, store
from kkb.classification import DEFAULT_METHOD
from kkb.regions import NATION, level_of
from tests.helpers import TODAY, good_file


def _same(ours: pd.DataFrame, theirs: pd.DataFrame, what: str) -> None:
    """Equal frames; of an empty result only the columns count (DuckDB types no rows as object).

    ``rekap_wilayah`` also says from which periode printed totals were carried (none in the demo).
    """
    if "dari_periode" in ours and "dari_periode" not in theirs:
        assert ours["dari_periode"].isna().all(), what
        ours = ours.drop(columns="dari_periode")
    if theirs.empty:
        assert ours.empty and list(ours.columns) == list(theirs.columns), what
    else:
        pd.testing.assert_frame_equal(ours, theirs, obj=what)


def _from_kecamatan(
    con: db.Connection, code: str, n: int | None = None, periode: str | None = None
) -> pd.DataFrame:
    """The same figures summed from ``rekap`` (per kecamatan) by the kecamatan-level statement."""
    prefix = store.prefix_of(code)
    params = {"metode": DEFAULT_METHOD, "prefix": prefix, "n": n or len(prefix), "periode": periode}
    return db.query(con, "rekap_sums", params)


@pytest.fixture(scope="module")
def regions(small_db: Path) -> list[str]:
    con = db.connect(small_db)
    try:
        kabs = [r[0] for r in con.execute("SELECT DISTINCT kode_kab FROM kampung_kb ORDER BY 1").fetchall()]
    finally:
        con.close()
    return [NATION, "14", "36", "51", "11", *kabs]  # Aceh (11) has no Kampung KB in the small build


def test_region_trends_equal_the_sum_of_their_kecamatan(small_con: db.Connection, regions: list[str]) -> None:
    for code in regions:
        ours = store.trend(small_con, code)
        theirs = _from_kecamatan(small_con, code).drop(columns="kode")
        _same(ours, theirs, code)
    assert len(store.trend(small_con, "36")) > 100 and store.trend(small_con, "11").empty


def test_counts_of_a_region_and_its_children_equal_the_sum_of_their_kecamatan(
    small_con: db.Connection, regions: list[str]
) -> None:
    periods = store.periods(small_con)
    for periode in (periods[0], periods[len(periods) // 2], periods[-1]):
        for code in regions:
            level = level_of(code)
            for by in (None, level + 1):
                n = store.CODE_LENGTH[level if by is None else by]
                ours = store.counts(small_con, code, periode, by=by)
                theirs = _from_kecamatan(small_con, code, n, periode).drop(columns="periode")
                if code == NATION and by is None:
                    theirs["kode"] = NATION
                _same(ours, theirs, f"{code} {periode} by {by}")
    kabs = store.counts(small_con, "36", periods[-1], by=2)
    assert list(kabs["kode"]) == sorted(kabs["kode"]) and len(kabs) == 8  # Banten's 8 kab/kota


def test_children_trends_equal_the_sum_of_their_kecamatan(
    small_con: db.Connection, regions: list[str]
) -> None:
    for code in regions:
        level = level_of(code)
        ours = store.trend_children(small_con, code)
        theirs = _from_kecamatan(small_con, code, store.CODE_LENGTH[level + 1])
        theirs = theirs[["kode", "periode", "pembentukan", "desa_terbentuk"]]
        _same(ours, theirs, code)


def _make_version_1(path: Path) -> None:
    """Turn a current file into what version 1 wrote: no ``rekap_wilayah``, no ``import_log.bentuk``."""
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE rekap_wilayah")
    con.execute("ALTER TABLE import_log DROP COLUMN bentuk")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()


@pytest.mark.parametrize("read_only", [True, False])
def test_a_version_1_file_is_upgraded_when_opened_and_keeps_its_data(
    small_db: Path, tmp_path: Path, read_only: bool
) -> None:
    path = tmp_path / "lama.duckdb"
    shutil.copy(small_db, path)
    _make_version_1(path)
    con = db.connect(small_db)
    try:
        content, rollup = db.fingerprint(con), con.execute("SELECT * FROM rekap_wilayah").df()
    finally:
        con.close()

    upgraded = db.connect(path, read_only=read_only)
    try:
        assert db.meta(upgraded)["schema_version"] == str(db.SCHEMA_VERSION)
        assert db.fingerprint(upgraded) == content
        pd.testing.assert_frame_equal(upgraded.execute("SELECT * FROM rekap_wilayah").df(), rollup)
        assert len(store.trend(upgraded, "36")) > 100
    finally:
        upgraded.close()


def test_an_upgrade_that_fails_midway_leaves_the_file_as_it_was(
    small_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lama.duckdb"
    shutil.copy(small_db, path)
    _make_version_1(path)
    real_sql = db.sql
    monkeypatch.setitem(db.MIGRATIONS, 2, (*db.MIGRATIONS[2], "rusak"))
    monkeypatch.setattr(
        db, "sql", lambda name: "SELECT * FROM tabel_tidak_ada" if name == "rusak" else real_sql(name)
    )
    with pytest.raises(
        db.DatabaseError,
        match=rf"(?s)versi skema 1 ke {db.SCHEMA_VERSION} gagal.*tabel_tidak_ada.*tidak diubah",
    ):
        db.connect(path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("1",)
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        assert "rekap" in tables and "rekap_wilayah" not in tables
    finally:
        con.close()


def test_a_writable_connection_sees_its_own_changes_to_the_summaries(small_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "tulis.duckdb"
    shutil.copy(small_db, path)
    con = db.connect(path, read_only=False)
    try:
        before = store.trend(con, "36")["pembentukan"]
        con.execute("UPDATE rekap_wilayah SET pembentukan = pembentukan + 1 WHERE kode = '36'")
        pd.testing.assert_series_equal(store.trend(con, "36")["pembentukan"], before + 1)
    finally:
        con.close()


def test_changing_a_returned_frame_does_not_change_what_the_next_caller_gets(
    small_con: db.Connection,
) -> None:
    periode = store.periods(small_con)[-1]
    first = store.trend(small_con, "36")
    kabs = store.counts(small_con, "36", periode, by=2)
    expected_trend, expected_kabs = first.copy(), kabs.copy()
    first.loc[0, "dasar"] = -5
    kabs["kode"] = "x"
    pd.testing.assert_frame_equal(store.trend(small_con, "36"), expected_trend)
    pd.testing.assert_frame_equal(store.counts(small_con, "36", periode, by=2), expected_kabs)


# --- the monthly summary after an import ---------------------------------------------------------


def _rekap(con: db.Connection) -> pd.DataFrame:
    frame = con.execute("SELECT * FROM rekap ORDER BY periode, kode_kec, metode").df()
    return frame.reset_index(drop=True)


def _rekap_wilayah(con: db.Connection) -> pd.DataFrame:
    frame = con.execute("SELECT * FROM rekap_wilayah ORDER BY kode, metode, periode").df()
    return frame.reset_index(drop=True)


@pytest.mark.slow
def test_an_import_recomputes_the_summary_of_its_kab_kota_only_and_matches_a_full_rebuild(
    live: Path, tmp_path: Path
) -> None:
    lebak = (
        "kode_desa,nama_kampung,tanggal_pencanangan,cakupan_wilayah,periode,pokja,pus,kb_suntik\n"
        "36.02.01.2002,Kampung KB Kenanga,2022-05-10,Desa,2024-03,1,200,70\n"
    )
    # the first file brings a new method ('impor'): every kecamatan gets rows for it (full rebuild);
    # the second stays inside the months and methods the summary has (only Kab. Lebak is redone)
    ingest.import_file(good_file(tmp_path), live, "analis", today=TODAY)
    ingest.import_file(good_file(tmp_path, lebak, "lebak.csv"), live, "analis", today=TODAY)
    ingest.clear_synthetic(live, "14.71", "analis")
    con = db.connect(live, read_only=False)
    try:
        after_imports, regions_after = _rekap(con), _rekap_wilayah(con)
        assert set(after_imports["metode"]) == {DEFAULT_METHOD, "impor"}
        assert set(regions_after["metode"]) == {DEFAULT_METHOD, "impor"}
        store.rebuild_rekap(con)
        pd.testing.assert_frame_equal(after_imports, _rekap(con))
        pd.testing.assert_frame_equal(regions_after, _rekap_wilayah(con))
    finally:
        con.close()


def test_a_partial_rebuild_leaves_other_kab_kota_alone_unless_the_months_change(live: Path) -> None:
    con = db.connect(live, read_only=False)
    try:
        whole = _rekap(con)
        # a marker in Riau's rows shows which rows a rebuild touched
        con.execute("UPDATE rekap SET baru = -1 WHERE kode_kec LIKE '14.%'")
        con.execute("UPDATE rekap SET baru = -1 WHERE kode_kec LIKE '36.04.%'")
        store.rebuild_rekap(con, ["36.04"])
        now = _rekap(con)
        serang = now["kode_kec"].str.startswith("36.04.")
        assert (now.loc[serang, "baru"] >= 0).all()
        assert (now.loc[now["kode_kec"].str.startswith("14."), "baru"] == -1).all()
        # a snapshot after the last month: every kecamatan needs the new month, so all is rebuilt
        con.execute(
            "INSERT INTO snapshot (kampung_id, periode, sumber) "
            "SELECT kampung_id, '2026-01', sumber FROM snapshot WHERE periode = '2025-12' LIMIT 1"
        )
        store.rebuild_rekap(con, ["36.04"])
        rebuilt = _rekap(con)
        assert (rebuilt["baru"] >= 0).all()
        assert rebuilt["periode"].max() == "2026-01" and len(rebuilt) > len(whole)
    finally:
        con.close()
