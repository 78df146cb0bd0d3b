"""New SIGA's monthly recaps at national scale (issue 19): the import, and the pages that show them.

1. One month of PUS and unmet need for every desa/kelurahan of the country (83,762 rows, FORMATS
   §D; the 32 desa that share their name with another of their kecamatan written ``NAME (code)``,
   as the importer asks), and one month of the method mix, each imported with ``python -m kkb
   import FILE --tahun`` into a copy of the national demo registry (a process of its own, its own
   peak memory), three times; the median and the largest peak are written down.
2. A whole year in one file (83,762 × 12 = 1,005,144 rows) of each, imported the same way (the
   monthly recaps are read within ``kkb.ingest.read.MONTHLY``, not the 200,000 rows of other files).
3. The registry then holding both years (13 million counts), the report every page builds
   (``kkb.report.build``, which reads the context) for the nation, a province and a kab/kota, with
   and without the counts, three times each: the context's share of a page's first load.

Run: ``PYTHONPATH=. .venv/bin/python bench/context_speed.py`` (it reuses the national registry of
``bench/import_speed.py`` in ``bench/out/import/``, building it once when missing, ~1 minute).
"""

from __future__ import annotations

import csv
import json
import shutil
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.import_speed import OUT, RUNS, timed  # noqa: E402
from kkb import build, db, report, store  # noqa: E402
from kkb.classification import DEFAULT_METHOD  # noqa: E402
from kkb.ingest.siga_bulanan import MONTHS  # noqa: E402
from kkb.regions import Regions  # noqa: E402
from kkb.view import View  # noqa: E402

PUS_HEADER = "NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PUS;UNMET NEED;BULAN"
METHOD_HEADER = (
    "NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PA;SUNTIK;PIL;KONDOM;IMPLAN;IUD;VASEKTOMI;TUBEKTOMI;MAL;"
    "KB MODERN;KB TRADISIONAL;BULAN"
)
NAMES = {number: name for name, number in MONTHS.items() if name not in ("PEBRUARI", "NOPEMBER")}


def _places() -> list[tuple[str, str, str, str]]:
    """Every desa/kelurahan as SIGA names it: provinsi, kab/kota (KOTA … or bare), kecamatan, desa."""
    data = ROOT / "data"

    def table(name: str, code: str, label: str) -> dict[str, str]:
        with (data / name).open(encoding="utf-8") as handle:
            return {r[code]: r[label].upper() for r in csv.DictReader(handle)}

    provinces = table("wilayah_provinsi.csv", "kode_prov", "nama_prov")
    kecs = table("wilayah_kecamatan.csv", "kode_kec", "nama_kec")
    with (data / "wilayah_kabkota.csv").open(encoding="utf-8") as handle:
        kabs = {
            r["kode_kab"]: ("KOTA " if r["jenis"] == "Kota" else "") + r["nama_kab_singkat"].upper()
            for r in csv.DictReader(handle)
        }
    with (data / "wilayah_desa_kelurahan.csv").open(encoding="utf-8") as handle:
        desa = list(csv.DictReader(handle))
    # a name two desa of one kecamatan share is written with its code, as the importer asks
    shared = Counter((r["kode_kec"], r["nama_desa"].upper()) for r in desa)
    return [
        (
            provinces[r["kode_prov"]],
            kabs[r["kode_kab"]],
            kecs[r["kode_kec"]],
            r["nama_desa"].upper()
            + (f" ({r['kode_desa']})" if shared[r["kode_kec"], r["nama_desa"].upper()] > 1 else ""),
        )
        for r in desa
    ]


def write_pus(path: Path, months: list[int]) -> int:
    places = _places()
    lines = [PUS_HEADER]
    for month in months:
        for i, (prov, kab, kec, desa) in enumerate(places):
            pus = 300 + (i * 37) % 1700 + month
            lines.append(
                f"{len(lines)};{prov};{kab};{kec};{desa};{pus};{pus * (5 + i % 11) // 100};{NAMES[month]}"
            )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return len(lines) - 1


def write_methods(path: Path, month: int) -> int:
    lines = [METHOD_HEADER]
    for i, (prov, kab, kec, desa) in enumerate(_places()):
        pus = 300 + (i * 37) % 1700 + month
        modern = pus * (45 + i % 20) // 100
        parts = [modern // 8, modern // 10, modern // 100, modern // 25, modern // 6, modern // 20]
        implan, iud, mop, mow, pil, kondom = parts
        suntik = modern - sum(parts)
        counts = (modern + i % 6, suntik, pil, kondom, implan, iud, mop, mow, i % 4, modern, i % 6)
        lines.append(f"{len(lines)};{prov};{kab};{kec};{desa};{';'.join(map(str, counts))};{NAMES[month]}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return len(lines) - 1


def write_methods_year(path: Path) -> int:
    """Twelve months of the method mix in one file, every desa each month (1,005,144 rows)."""
    month = path.with_name("siga_metode_bulan.csv")
    lines: list[str] = []
    for number in range(1, 13):
        write_methods(month, number)
        text = month.read_bytes().decode("utf-8").split("\r\n")[:-1]
        lines += text[1:] if lines else text
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return len(lines) - 1


def imported(path: Path, work: Path, status: int = 0, fresh_from: Path | None = None) -> tuple[float, float]:
    if fresh_from is not None:
        shutil.copyfile(fresh_from, work)
        shutil.rmtree(work.with_name(work.name + ".backups"), ignore_errors=True)
    command = [sys.executable, "-m", "kkb", "import", str(path), "--db", str(work), "--tahun", "2025"]
    return timed(command, status)


def report_times(path: Path) -> dict[str, float]:
    """Median seconds of ``report.build`` for the nation, Banten and Kab. Serang at 2025-12."""
    con = db.connect(path)
    try:
        wilayah, targets = store.wilayah(con, max_level=3), store.targets(con)
        regions = Regions(wilayah)
        out = {}
        for code in ("ID", "36", "36.04"):
            runs = []
            for _ in range(RUNS):
                start = time.perf_counter()
                report.build(con, View("id", code, "2025-12", DEFAULT_METHOD), wilayah, targets, regions)
                runs.append(time.perf_counter() - start)
            out[code] = statistics.median(runs)
    finally:
        con.close()
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    registry = OUT / "nasional.duckdb"
    if not registry.exists():
        build.build(registry)
    work = OUT / "konteks.duckdb"
    results: dict[str, object] = {}
    for label, path, make in (
        (
            "PUS and unmet need, one month, every desa",
            OUT / "siga_pus_nasional.csv",
            lambda p: write_pus(p, [8]),
        ),
        (
            "method mix, one month, every desa",
            OUT / "siga_metode_nasional.csv",
            lambda p: write_methods(p, 8),
        ),
        (
            "PUS and unmet need, twelve months in one file",
            OUT / "siga_pus_setahun.csv",
            lambda p: write_pus(p, list(range(1, 13))),
        ),
        (
            "method mix, twelve months in one file",
            OUT / "siga_metode_setahun.csv",
            lambda p: write_methods_year(p),
        ),
    ):
        rows = make(path)
        runs = [imported(path, work, fresh_from=registry) for _ in range(RUNS)]
        times, peaks = [s for s, _ in runs], [m for _, m in runs]
        results[label] = {
            "rows": rows,
            "runs_s": times,
            "median_s": statistics.median(times),
            "peak_mb": max(peaks),
        }
        print(f"{label}: {rows} rows, median {statistics.median(times):.1f} s, peak {max(peaks):.0f} MB")
    results["report without context (s)"] = report_times(registry)
    # the last import left a year of the method mix in ``work``: add the year of PUS and unmet need
    imported(OUT / "siga_pus_setahun.csv", work)
    con = db.connect(work)
    try:
        (counts,) = con.execute("SELECT count(*) FROM siga_bulanan").fetchone() or (0,)
    finally:
        con.close()
    results["counts stored"] = counts
    results["report with a year of context (s)"] = report_times(work)
    print(json.dumps(results, indent=1))
    (OUT / "context_results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
