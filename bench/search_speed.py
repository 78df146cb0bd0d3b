"""Finding a Kampung KB by a misspelt name on the national registry (issue 21): time per search.

Two hundred Kampung KB of the national demo registry, drawn with a fixed seed; for each, four
searches an official might type: the desa with one letter dropped, with two letters swapped, the
misspelt desa with its kecamatan, and the Kampung KB's own name. Each search is timed once
(``kkb.search.find`` over the index the dashboard keeps per database version; it caches repeated
searches, so a new search is the one to measure), and each says whether the Kampung KB sought is
among the first five. Reading the index itself (once per version of the file) is timed three times.

Run: ``PYTHONPATH=. .venv/bin/python bench/search_speed.py`` (it reuses the national registry of
``bench/import_speed.py`` in ``bench/out/import/``, building it once when missing, ~1 minute).
Writes ``bench/out/search.json``.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import peak_memory_mb  # noqa: E402
from bench.import_speed import OUT  # noqa: E402
from kkb import build, db, search  # noqa: E402

SAMPLE = 200
SEED = 21


def dropped(word: str) -> str:
    middle = len(word) // 2
    return word[:middle] + word[middle + 1 :]


def swapped(word: str) -> str:
    middle = len(word) // 2
    return word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]


def main() -> None:
    registry = OUT / "nasional.duckdb"
    if not registry.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        build.build(registry)
    con = db.connect(registry)
    rows = con.execute(
        "SELECT k.id, k.nama, d.nama, kc.nama FROM kampung_kb k JOIN wilayah d ON d.kode = k.kode_desa"
        " JOIN wilayah kc ON kc.kode = k.kode_kec WHERE length(d.nama) >= 6 ORDER BY k.id"
    ).fetchall()
    total = con.execute("SELECT count(*) FROM kampung_kb").fetchone()
    picked = random.Random(SEED).sample(rows, SAMPLE)
    kinds = {
        "desa, one letter dropped": lambda r: dropped(r[2]),
        "desa, two letters swapped": lambda r: swapped(r[2]),
        "misspelt desa + kecamatan": lambda r: f"{dropped(r[2])} {r[3]}",
        "Kampung KB's own name": lambda r: r[1],
    }
    index_times = []
    for _ in range(3):
        start = time.perf_counter()
        index = search.index(con)
        index_times.append(time.perf_counter() - start)
    results: dict[str, dict[str, float]] = {}
    for kind, query_of in kinds.items():
        times, hits = [], 0
        for row in picked:
            start = time.perf_counter()
            found = search.find(index, query_of(row))
            times.append(time.perf_counter() - start)
            hits += row[0] in found["id"].head(5).tolist()
        times.sort()
        results[kind] = {
            "median_s": round(statistics.median(times), 3),
            "p95_s": round(times[int(len(times) * 0.95) - 1], 3),
            "max_s": round(times[-1], 3),
            "found_in_first_5": round(hits / len(picked), 3),
        }
        print(f"{kind}: {results[kind]}")
    out = {
        "kampung_kb": total[0] if total else None,
        "searches_per_kind": SAMPLE,
        "index_read_s": round(statistics.median(index_times), 3),
        "index_words": len(index.words),
        "index_vocabulary": len(index.vocabulary),
        "results": results,
        "peak_memory_mb": round(peak_memory_mb(), 1),
    }
    (ROOT / "bench" / "out" / "search.json").write_text(json.dumps(out, indent=2))
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
