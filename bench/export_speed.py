"""Chart downloads: a fresh Chromium per chart (as before) against the one Chromium a server keeps.

Run: ``PYTHONPATH=. .venv/bin/python bench/export_speed.py [--db PATH] [-n RUNS]``. It draws the
class trend and the map of Banten as PNG (2×) and SVG, ``n`` times each way, and prints the median
and the slowest time per file. Results and their reading are in bench/README.md.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from kkb import build, db, export, slides, store
from kkb.classification import DEFAULT_METHOD
from kkb.view import View


def _time(fn, n: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("bench/out/small.duckdb"))
    parser.add_argument("-n", type=int, default=5)
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build.build(args.db, provinces=("14", "36", "51"))
    con = db.connect(args.db)
    d = slides.Database(con)
    v = View("id", "36", store.periods(con)[-1], DEFAULT_METHOD)
    figures = {"tren": slides.trend(d, v), "peta": slides.map_(d, v)}
    cases = [(name, kind, fig) for name, fig in figures.items() if fig is not None for kind in ("png", "svg")]
    fresh = {(n, k): _time(lambda f=f, k=k: export.image(f, "bench", k), args.n) for n, k, f in cases}
    export.keep_renderer()
    export.image(cases[0][2], "bench")  # the first drawing starts the kept Chromium
    kept = {(n, k): _time(lambda f=f, k=k: export.image(f, "bench", k), args.n) for n, k, f in cases}
    print(
        f"{'chart':6} {'file':4} {'fresh Chromium: median / max s':>32} {'kept Chromium: median / max s':>31}"
    )
    for name, kind, _ in cases:
        a, b = fresh[(name, kind)], kept[(name, kind)]
        print(
            f"{name:6} {kind:4} {statistics.median(a):>24.2f} / {max(a):.2f}"
            f" {statistics.median(b):>23.2f} / {max(b):.2f}"
        )
    con.close()


if __name__ == "__main__":
    main()
