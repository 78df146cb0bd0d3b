"""Building the DuckDB file: content, determinism, atomic replacement, clear errors."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from kkb import build, db
from kkb.errors import DatabaseError
from kkb.info import summary

ROOT = Path(__file__).resolve().parent.parent


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kkb", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=600
    )


def test_small_build_holds_regions_targets_and_synthetic_rows(small_con: db.Connection) -> None:
    s = summary(small_con)
    assert (s.provinsi, s.kabkota, s.kecamatan, s.desa_kel) == (38, 514, 7285, 83762)
    assert s.kampung_kb == s.kampung_kb_sintetis > 0 and s.kampung_kb_impor == 0 and s.synthetic
    assert s.snapshot == s.snapshot_sintetis == s.klasifikasi
    assert str(s.periode_awal).startswith("2016-") and s.periode_akhir == "2025-12"
    assert s.schema_version == str(db.SCHEMA_VERSION)
    assert s.target >= 9
    codes = small_con.execute("SELECT DISTINCT kode_prov FROM kampung_kb ORDER BY 1").fetchall()
    assert [c[0] for c in codes] == ["14", "36", "51"]
    types = dict(
        small_con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'wilayah'"
        ).fetchall()
    )
    assert types["kode"] == "VARCHAR"


@pytest.mark.slow
def test_build_twice_gives_the_same_content(tmp_path: Path, small_db: Path) -> None:
    again = build.build(tmp_path / "again.duckdb", provinces=("14", "36", "51"))
    first, second = db.connect(small_db), db.connect(again)
    try:
        assert db.fingerprint(first) == db.fingerprint(second)
        assert db.fingerprint(first)["snapshot"][0] > 100_000
    finally:
        first.close()
        second.close()


def test_a_different_seed_gives_different_content(tmp_path: Path, small_db: Path) -> None:
    other = build.build(tmp_path / "seed.duckdb", provinces=("36",), seed=1)
    a, b = db.connect(small_db), db.connect(other)
    try:
        # the calibrated counts are the same by design; which desa and when are not
        dates = "SELECT list(tanggal_pencanangan ORDER BY id) FROM kampung_kb WHERE kode_prov='36'"
        assert a.execute(dates).fetchone() != b.execute(dates).fetchone()
    finally:
        a.close()
        b.close()


def test_interrupted_build_leaves_the_old_file_intact(tmp_path: Path, small_db: Path) -> None:
    target = tmp_path / "kkb.duckdb"
    target.write_bytes(small_db.read_bytes())
    before = _sha(target)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kkb", "build", "--db", str(target)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob("kkb.duckdb.building-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob("kkb.duckdb.building-*")), "the build never started writing"
    time.sleep(1.5)  # well inside the data generation
    assert proc.poll() is None, "the build finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _sha(target) == before
    con = db.connect(target)
    try:
        assert summary(con).kampung_kb > 0
    finally:
        con.close()


def test_missing_database_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="python -m kkb build"):
        db.connect(tmp_path / "none.duckdb")


def test_unknown_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE meta (key VARCHAR, value VARCHAR); INSERT INTO meta VALUES ('schema_version', '0')"
    )
    con.close()
    with pytest.raises(DatabaseError, match=r"versi skema 0.*python -m kkb build"):
        db.connect(path)


def test_corrupt_database_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.duckdb"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError, match=r"buat ulang|build"):
        db.connect(path)


def test_cli_errors_are_sentences_not_tracebacks(tmp_path: Path) -> None:
    result = _run("info", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "python -m kkb build" in result.stderr


def test_cli_build_with_a_broken_data_dir_names_the_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    code = (
        "import sys; from pathlib import Path; from kkb import build;"
        "from kkb.errors import KkbError\n"
        "try:\n build.build(Path(sys.argv[1]) / 'x.duckdb', data_dir=Path(sys.argv[1]))\n"
        "except KkbError as e:\n print(e); sys.exit(2)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(data)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "wilayah_provinsi.csv" in result.stdout and "tidak ada" in result.stdout
    assert not (data / "x.duckdb").exists()


def test_cli_info_prints_counts_and_the_synthetic_notice(small_db: Path) -> None:
    env = {**os.environ, "KKB_DB": str(small_db)}
    result = _run("info", env=env)
    assert result.returncode == 0, result.stderr
    assert "38 provinsi, 514 kab/kota, 7.285 kecamatan, 83.762 desa/kelurahan" in result.stdout
    assert "DATA SINTETIS" in result.stdout
    assert f"Versi skema       : {db.SCHEMA_VERSION}" in result.stdout


def test_the_duckdb_memory_cap_is_set_and_a_bad_value_is_refused(
    small_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KKB_DUCKDB_MEMORY", "300MB")
    con = db.connect(small_db)
    try:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()
        assert limit is not None and str(limit[0]).startswith("286")  # DuckDB shows 300 MB in MiB
    finally:
        con.close()
    monkeypatch.setenv("KKB_DUCKDB_MEMORY", "'; DROP TABLE x; --")
    with pytest.raises(DatabaseError, match="KKB_DUCKDB_MEMORY"):
        db.connect(small_db)
