"""How long the files officials hold take to import at national scale, and how much memory.

Two files, each imported with ``python -m kkb import`` (a process of its own, so its peak memory is
its own) into a copy of the national demo registry, three times; the median time and the largest
peak are written down:

- a New SIGA Kampung KB recap of every desa/kelurahan of the country (83,762 rows, FORMATS §C),
  written from the bundled Kemendagri codes by ``tests/data/make_siga.py``;
- the portal's statistics table of all 38 provinces (FORMATS §A), its counts those of the registry.

Then two hostile workbooks (issue 17), each of which must be refused: a zip bomb whose sheet unpacks
to 400 MB, and a sheet of a million rows; the time and the peak memory until the refusal.

Goal (issue "Real data in"): under 30 s and under 1 GB each. Run: ``PYTHONPATH=. .venv/bin/python
bench/import_speed.py`` (it builds the national registry in ``bench/out/import/`` once, ~1 minute).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "import"
sys.path.insert(0, str(ROOT / "tests" / "data"))
sys.path.insert(0, str(ROOT / "tests"))

import make_siga  # noqa: E402
import make_statistik  # noqa: E402

from kkb import build, db, overview, store  # noqa: E402
from kkb.classification import CLASSES  # noqa: E402

RUNS = 3


def national_recap(path: Path) -> int:
    lines = [make_siga.HEADER]
    with (ROOT / "data" / "wilayah_provinsi.csv").open(encoding="utf-8") as handle:
        provinces = [line.split(",")[0] for line in handle.read().splitlines()[1:]]
    for province in provinces:
        lines += make_siga.rows(province)[1:]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return len(lines) - 1


def national_table(path: Path, registry: Path) -> int:
    con = db.connect(registry)
    try:
        periode = overview.latest_periode(con)
        counts = store.counts(con, "", periode, by=1).set_index("kode")
        wilayah = store.wilayah(con, 1)
    finally:
        con.close()
    rows = []
    for kode, nama in sorted(
        zip(wilayah["kode"], wilayah["nama"], strict=True), key=lambda r: str(r[1]).upper()
    ):
        found = counts.loc[kode] if kode in counts.index else None
        values = [0 if found is None else int(found[c.lower()]) for c in CLASSES]
        rows.append((str(nama).upper(), *values))
    make_statistik.write(path, "Provinsi", rows, "Jumlah Kampung KB Menurut Klasifikasi Periode : ")
    return len(rows)


# The measured process is started by a small launcher interpreter: on Linux a child's
# ``ru_maxrss`` starts at its parent's resident size at fork, and this script holds pandas and,
# on a first run, the whole national build.
LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
output = child.stdout.read()
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
sys.stdout.write(f"{seconds} {usage.ru_maxrss} {code}\\n")
sys.stdout.flush()
if code:
    sys.stderr.write(output.decode(errors="replace")[-3000:])
"""


def timed(command: list[str], status: int = 0) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one child process (its own ``ru_maxrss``).

    ``status`` is the exit status it must end with (2: the file is refused).
    """
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command], cwd=ROOT, capture_output=True, text=True
    )
    seconds, peak_kb, code = done.stdout.split()
    if int(code) != status:
        raise SystemExit(f"{' '.join(command)} ended with {code}, not {status}:\n{done.stderr}")
    return float(seconds), int(peak_kb) / 1024


def hostile(path: Path, kind: str) -> int:
    """A hostile workbook built as ``tests/test_read.py`` builds it; its rows (claimed)."""
    import test_read

    make = test_read._bomb if kind == "bomb" else test_read._million_rows
    path.write_bytes(test_read._sheet_zip(make))
    return 1_000_000 if kind == "rows" else 0


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    registry = OUT / "nasional.duckdb"
    if not registry.exists():
        build.build(registry)
    files = {
        "New SIGA recap, every desa (§C)": (OUT / "rekap_siga_nasional.csv", national_recap, "2025-08"),
        "portal statistics table, 38 provinsi (§A)": (OUT / "statistik_nasional.xlsx", None, "2025-10"),
        "zip bomb, 400 MB unpacked (refused)": (OUT / "bom.xlsx", lambda p: hostile(p, "bomb"), "2025-10"),
        "a million rows (refused)": (OUT / "sejuta.xlsx", lambda p: hostile(p, "rows"), "2025-10"),
    }
    results = {}
    for label, (path, make, periode) in files.items():
        rows = make(path) if make else national_table(path, registry)
        status = 2 if "refused" in label else 0
        times, peaks = [], []
        for _ in range(RUNS):
            work = OUT / "kerja.duckdb"
            shutil.copyfile(registry, work)
            shutil.rmtree(OUT / "kerja.duckdb.backups", ignore_errors=True)
            command = [
                sys.executable,
                "-m",
                "kkb",
                "import",
                str(path),
                "--db",
                str(work),
                "--periode",
                periode,
            ]
            seconds, peak = timed(command, status)
            times.append(seconds)
            peaks.append(peak)
        results[label] = {
            "rows": rows,
            "median_s": statistics.median(times),
            "runs_s": times,
            "peak_mb": max(peaks),
        }
        print(f"{label}: {rows} rows, median {statistics.median(times):.1f} s, peak {max(peaks):.0f} MB")
    (OUT / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
