"""The command line as a user runs it: python -m kkb classify / summary."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from kkb.cli_classify import OUTPUT_COLUMNS
from kkb.columns import INPUT_COLUMNS
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, db_path: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, db_path=db_path)


def test_python_dash_m_kkb_is_the_command_line(small_db: Path) -> None:
    """The one run through a fresh interpreter, as a shell starts it (the rest run ``main`` in-process)."""
    env = {**os.environ, "KKB_DB": str(small_db)}
    done = subprocess.run(
        [sys.executable, "-m", "kkb", "summary", "--region", "36"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "Banten" in done.stdout and "sintetis" in done.stdout
    refused = subprocess.run(
        [sys.executable, "-m", "kkb", "summary", "--region", "99"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert refused.returncode == 2 and "99" in refused.stderr


def test_a_reader_that_stops_early_gets_no_traceback(small_db: Path) -> None:
    """``kkb summary … | head -1``: the reader has gone before the output is written."""
    env = {**os.environ, "KKB_DB": str(small_db)}
    command = [sys.executable, "-m", "kkb", "summary", "--region", "36"]
    with subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        run.stdout.close()  # as head does after its first line
        said = run.stderr.read().decode()
        run.wait()
    assert "Traceback" not in said and "BrokenPipeError" not in said, said
    assert run.returncode == 1  # as Python's own documentation has it for a closed pipe


def write_csv(path: Path, rows: list[dict[str, str]], sep: str = ",", encoding: str = "utf-8") -> Path:
    columns = ["kode_desa", "nama_kampung", "periode", *INPUT_COLUMNS]
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, columns, delimiter=sep)
        writer.writeheader()
        for r in rows:
            writer.writerow({c: r.get(c, "") for c in columns})
    return path


GOOD = {
    "kode_desa": "36.04.01.2001",
    "nama_kampung": "Kampung KB Melati",
    "periode": "2023-10",
    "pokja": "Ada",
    "pokja_anggota": "10",
    "pokja_terlatih": "Ya",
    "sumber_dana": "5",
    "bkb": "1",
    "bkr": "1",
    "bkl": "1",
    "uppka": "1",
    "pikr": "1",
    "sekretariat": "1",
    "rumah_dataku": "1",
    "plkb_pendamping": "1",
    "regulasi": "1",
    "penggunaan_data": "4",
    "mekanisme_operasional": "5",
    "instansi_terlibat": "7",
    "pus": "200",
    "kb_suntik": "81",
    "tidak_kb_iat": "10",
}


def test_classify_writes_input_then_scores(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "in.csv", [GOOD, {**GOOD, "nama_kampung": "Kosong", "pokja": "Tidak Ada"}], sep=";"
    )
    result = run("classify", str(path))
    assert result.returncode == 0, result.stderr
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    header = result.stdout.splitlines()[0].split(",")
    assert header == ["kode_desa", "nama_kampung", "periode", *INPUT_COLUMNS, *OUTPUT_COLUMNS]
    first = table[0]
    assert first["kode_desa"] == "36.04.01.2001"  # codes stay text
    assert first["skor_cpr"] == "2"  # 81 / 200 = 40.5 % rounds to 40
    assert first["klasifikasi"] == "Berkembang" and first["mandiri_plus"] == "0"
    assert table[1]["skor_pokja"] == "1"


def test_classify_reports_every_bad_cell_and_prints_nothing(tmp_path: Path) -> None:
    bad = [GOOD, {**GOOD, "pus": "dua ratus"}, {**GOOD, "kb_pil": "-3"}, {**GOOD, "bkb": "mungkin"}]
    path = write_csv(tmp_path / "bad.csv", bad)
    result = run("classify", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "bad.csv, baris 3, kolom 'pus': nilai 'dua ratus'" in result.stderr
    assert "baris 4, kolom 'kb_pil': nilai '-3' — tidak boleh negatif" in result.stderr
    assert "baris 5, kolom 'bkb'" in result.stderr and "Ada/Tidak Ada" in result.stderr
    assert "Traceback" not in result.stderr


def test_classify_names_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "few.csv"
    path.write_text("kode_desa,pokja\n36.04.01.2001,1\n")
    result = run("classify", str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert "kolom 'pus'" in result.stderr and "kolom wajib tidak ada" in result.stderr


def test_classify_reads_windows_1252(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "win.csv", [{**GOOD, "nama_kampung": "Kampung KB Café"}], encoding="cp1252")
    result = run("classify", str(path))
    assert result.returncode == 0, result.stderr
    assert "Kampung KB Café" in result.stdout


def test_classify_impor_method(tmp_path: Path) -> None:
    path = tmp_path / "kelas.csv"
    path.write_text("kode_desa,klasifikasi\n36.04.01.2001,Paripurna\n36.04.01.2002,Dasar\n")
    result = run("classify", str(path), "--method", "impor")
    assert result.returncode == 0, result.stderr
    lines = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["klasifikasi"] for r in lines] == ["Berkelanjutan", "Dasar"]


def test_summary_of_banten(small_db: Path) -> None:
    result = run("summary", "--region", "36", "--periode", "2023-10", db_path=small_db)
    assert result.returncode == 0, result.stderr
    assert "Banten (36)" in result.stdout
    assert "24,28 % (220)" in result.stdout
    assert "906 dari target 1.161 (2023) — capaian 78,0 %" in result.stdout  # the published Oct 2023 figures
    assert "24,28 % dari target 40,00 % (2023) — capaian 60,7 %" in result.stdout
    assert "Data sintetis" in result.stdout


def test_summary_refuses_unknown_region_and_periode(small_db: Path) -> None:
    result = run("summary", "--region", "99", db_path=small_db)
    assert result.returncode == 2 and "tidak dikenal" in result.stderr and "Traceback" not in result.stderr
    result = run("summary", "--region", "36", "--periode", "2030-01", db_path=small_db)
    assert result.returncode == 2 and "2016-" in result.stderr


def test_a_flag_holding_another_number_is_refused_with_what_is_accepted(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", [GOOD, {**GOOD, "bkb": "2"}])
    result = run("classify", str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert "in.csv" in result.stderr and "baris 3" in result.stderr and "bkb" in result.stderr
    assert "0/1, Ada/Tidak Ada, Ya/Tidak" in result.stderr
    ok = write_csv(tmp_path / "ok.csv", [{**GOOD, "bkb": "1.0", "bkr": "0"}])  # as a spreadsheet writes 1
    assert run("classify", str(ok)).returncode == 0


def test_classify_takes_a_file_without_the_columns_the_rules_never_read(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", [GOOD])
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    unused = ("pokja_sk", "rkm", "tidak_kb_hamil", "tidak_kb_ingin_anak_segera")
    keep = [i for i, c in enumerate(header) if c not in unused]
    path.write_text(
        "\n".join(",".join(line.split(",")[i] for i in keep) for line in lines) + "\n", encoding="utf-8"
    )
    result = run("classify", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("catatan:") == 1 and all(c in result.stderr for c in unused)
    first = next(csv.DictReader(io.StringIO(result.stdout)))
    assert first["klasifikasi"] == "Berkembang"  # the same class as with the columns present


def test_summary_in_english_says_its_labels_and_errors_in_english(small_db: Path) -> None:
    english = run("summary", "--region", "36", "--periode", "2023-10", "--lang", "en", db_path=small_db)
    assert english.returncode == 0, english.stderr
    lines = english.stdout.splitlines()
    assert lines[0].startswith("Region ") and "Banten (36)" in lines[0]
    assert "24.28% (220)" in english.stdout  # English number format
    refused = run("summary", "--region", "99", "--lang", "en", db_path=small_db)
    assert refused.returncode == 2 and refused.stderr.startswith("Error: ")
    assert run("summary", "--region", "99", db_path=small_db).stderr.startswith("Kesalahan: ")
