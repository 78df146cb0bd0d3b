"""The first visit: a chart page opened in a new tab, in Chromium, until its charts are drawn.

Two cases per page: a browser that has never seen the app (a fresh profile: the app's JavaScript
downloaded and compiled), and a new tab in a browser that has (its JavaScript in the cache, as for
anyone who opened the link before). The server is started fresh on ``--db`` and each page is
visited once before timing, so that its figures are cached as after any first visitor. Medians of
``--runs``, in seconds; the time the page's websocket took to its last message is shown beside
it, to tell the server's part from the browser's.

    PYTHONPATH=. .venv/bin/python bench/first_visit.py --db bench/out/nasional.duckdb
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import CHARTS, DRAWN, WATCH_FROM_START  # noqa: E402
from bench.common import OUT  # noqa: E402

PAGES = ("peta", "", "target", "perbandingan")


def visit(context: Any, url: str) -> tuple[float, float]:
    """Seconds until drawn, and until the app's last websocket message before that."""
    tab = context.new_page()
    tab.set_default_timeout(120_000)
    tab.add_init_script(WATCH_FROM_START)
    start = time.perf_counter()
    last = [start]
    tab.on(
        "websocket", lambda ws: ws.on("framereceived", lambda _m: last.__setitem__(0, time.perf_counter()))
    )
    path = url.rsplit("/", 1)[1].split("?")[0]
    tab.goto(url)
    tab.wait_for_function(DRAWN, arg=[CHARTS.get(path, 0), None])
    drawn = time.perf_counter() - start
    tab.close()
    return drawn, last[0] - start


def main(argv: list[str] | None = None) -> int:
    """Start a server, time each page's first visit both ways, print and write the medians."""
    from playwright.sync_api import sync_playwright

    from tests.browsing import CHROMIUM, CHROMIUM_ARGS, start_streamlit, wait_healthy

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=str(OUT / "first_visit.json"))
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    live = OUT / "first-visit-live.duckdb"
    shutil.copyfile(args.db, live)
    log = (OUT / "first-visit-streamlit.log").open("wb")
    url, server = start_streamlit({"KKB_DB": str(live)}, log)
    rows: dict[str, dict[str, float]] = {}
    try:
        wait_healthy(url, server)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            warm = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="id-ID")
            for page in PAGES:  # the figures cached, the browser's cache filled
                visit(warm, f"{url}/{page}?prov=Banten")
            for page in PAGES:
                address = f"{url}/{page}?prov=Banten"
                fresh, cached = [], []
                for _ in range(args.runs):
                    never = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="id-ID")
                    fresh.append(visit(never, address))
                    never.close()
                    cached.append(visit(warm, address))
                rows[page or "ringkasan"] = {
                    "never_seen_s": statistics.median(d for d, _ in fresh),
                    "new_tab_s": statistics.median(d for d, _ in cached),
                    "websocket_done_s": statistics.median(w for _, w in cached),
                }
                print(page or "ringkasan", rows[page or "ringkasan"], file=sys.stderr)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    Path(args.out).write_text(json.dumps(rows, indent=1))
    print("| page | never seen | new tab | websocket done (new tab) |\n|---|--:|--:|--:|")
    for page, r in rows.items():
        print(f"| {page} | {r['never_seen_s']:.2f} | {r['new_tab_s']:.2f} | {r['websocket_done_s']:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
