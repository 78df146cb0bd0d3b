"""Server-side time of every page on the national database, first load and after a filter change.

Runs each page headless with Streamlit's AppTest (the app's own code, caches included) in a fresh
process per page, so "first load" starts with empty caches: the first run after the process starts
is the cold time; then the province filter changes (Banten, Riau, Bali, ... in turn) and each rerun
is timed as a warm run. Reports medians, and the size of the plotly figure JSON the page sends
(the bulk of what goes to the browser), for the nation and the median over provinces.

Command: ``PYTHONPATH=. .venv/bin/python bench/page_times.py [--db data/kkb.duckdb] [--runs 5]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = (
    "ringkasan",
    "peta",
    "perbandingan",
    "target",
    "jelajah",
    "profil",
    "paparan",
    "metodologi",
    "kelola",
)
PROVINCES = ("36", "14", "51", "32", "35", "73", "91", "11")


def one_page(page: str, runs: int) -> dict[str, object]:
    """Time one page in this process (called in a child process per page)."""
    from streamlit.testing.v1 import AppTest

    sent: list[int] = []

    def run(prov: str) -> float:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.session_state["prov"] = prov
        if page == "profil":
            at.session_state["kampung"] = "D3600926"
        start = time.perf_counter()
        at.run()
        if page != "ringkasan":
            at.switch_page(f"pages/{page}.py").run()
        elapsed = time.perf_counter() - start
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception[0].value}")
        # what the charts weigh on the wire: plotly's figure JSON (the bulk of every page)
        sent.append(sum(len(chart.proto.spec) for chart in at.get("plotly_chart")))
        return elapsed

    cold = run("")
    warm = [run(PROVINCES[i % len(PROVINCES)]) for i in range(runs)]
    again = [run(PROVINCES[i % len(PROVINCES)]) for i in range(runs)]
    return {
        "page": page,
        "cold": cold,
        "first_filter": statistics.median(warm),
        "repeat": statistics.median(again),
        "nation_chart_kb": sent[0] / 1024,
        "province_chart_kb": statistics.median(sent[1:]) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=str(ROOT / "data" / "kkb.duckdb"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.page:
        print(json.dumps(one_page(args.page, args.runs)))
        return
    env = {**os.environ, "KKB_DB": args.db, "PYTHONPATH": str(ROOT)}
    print(
        f"{'page':<14}{'first load':>12}{'new province':>14}{'same filter again':>19}"
        f"{'chart JSON, nation':>20}{'chart JSON, province':>22}"
    )
    for page in PAGES:
        out = subprocess.run(
            [sys.executable, __file__, "--page", page, "--runs", str(args.runs), "--db", args.db],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{page:<14}{row['cold']:>11.2f}s{row['first_filter']:>13.2f}s{row['repeat']:>18.2f}s"
            f"{row['nation_chart_kb']:>17.0f} KB{row['province_chart_kb']:>19.0f} KB"
        )


if __name__ == "__main__":
    main()
