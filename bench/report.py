"""The speed benchmark's report: the machine it ran on and the results as a Markdown table."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
from pathlib import Path

from bench.common import Result


def machine() -> str:
    import duckdb
    import pandas as pd
    import streamlit

    from tests.browsing import CHROMIUM

    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{os.cpu_count()} cores, {memory:.0f} GiB, {platform.machine()}, "
        f"Python {platform.python_version()}, "
        f"streamlit {streamlit.__version__}, duckdb {duckdb.__version__}, pandas {pd.__version__}, {chromium}"
    )


def report(results: Result) -> str:
    lines = [
        f"Date: {results['date']}; commit `{results['commit']}`; machine: {results['machine']}.",
        f"Command: `{results['command']}`.",
        "",
        "| registry | Kampung KB | snapshots | build | build rows/s | classify all | classify rows/s | "
        "build peak memory | file |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results["registries"].items():
        b, c = r["build"], r["classify"]
        lines.append(
            f"| {name} | {b['kampung']:,} | {b['snapshots']:,} | {b['seconds']:.1f} s | "
            f"{b['snapshots'] / b['seconds']:,.0f} | {c['seconds']:.1f} s | "
            f"{c['rows'] / c['seconds']:,.0f} | "
            f"{b['peak_mb']:,.0f} MB | {b['file_mb']:,.0f} MB |"
        )
    for name, r in results["registries"].items():
        if "pages" not in r:
            continue
        lines += [
            "",
            f"Pages headless, {name} (medians; seconds; chart JSON = plotly figures sent; first load "
            "after server start = after serve.py's start-up step, which loaded the pages' modules in "
            f"{statistics.median(p['preload'] for p in r['pages']):.2f} s):",
            "",
            "| page | first load after server start | first load, caches empty | province change | "
            "same province again | slowest change | chart JSON nation | chart JSON province | peak memory |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for p in r["pages"]:
            lines.append(
                f"| {p['page']} | {p['start']:.2f} | {p['cold']:.2f} | {p['change']:.2f} | "
                f"{p['again']:.2f} | "
                f"{p['change_max']:.2f} | {p['nation_kb']:,.0f} KB | {p['province_kb']:,.0f} KB | "
                f"{p['peak_mb']:,.0f} MB |"
            )
    for name, r in results["registries"].items():
        if "browser" not in r:
            continue
        br = r["browser"]
        lines += [
            "",
            f"Browser, {name} (`streamlit run` + Chromium; drawn = from navigation until the page's "
            "content is on screen, every chart drawn and maps loaded; new tab = the page opened in a "
            "new tab; from the menu = its link clicked in an open tab; KB = websocket messages from "
            "the app):",
            "",
            "| page | drawn, new tab | sent | drawn, from the menu | province change, drawn "
            "| sent per change |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        menu = br.get("menu", {})
        for p in br["pages"]:
            via_menu = f"{menu[p['page']]:.2f} s" if p["page"] in menu else "–"
            change = f"{p['change']:.2f} s" if p["change"] is not None else "–"
            change_kb = f"{p['change_kb']:,.0f} KB" if p["change_kb"] is not None else "–"
            missed = f" ({len(p['missed'])} not drawn within 60 s)" if p.get("missed") else ""
            lines.append(
                f"| {p['page']} | {p['drawn']:.2f} s | {p['kb']:,.0f} KB | {via_menu} "
                f"| {change}{missed} | {change_kb} |"
            )
        imp = br["import"]
        lines += [
            "",
            f"App server peak memory: {br['peak_mb_browsing']:,.0f} MB after every page and the province "
            f"changes; {br['peak_mb']:,.0f} MB after importing {imp['rows']:,} rows through Kelola data "
            f"(import took {imp['seconds']:.1f} s in the browser).",
        ]
    for name, r in results["registries"].items():
        if "pandas" not in r:
            continue
        pdw = r["pandas"]
        lines += [
            "",
            f"Pandas way, {name}: {pdw['rows']:,} rows loaded in {pdw['load_seconds']:.1f} s "
            f"(+{pdw['loaded_mb']:,.0f} MB); per province change (class trend and kab/kota counts, "
            f"results checked equal): pandas {pdw['pandas'] * 1000:.0f} ms, dashboard "
            f"{pdw['ours'] * 1000:.0f} ms: {pdw['pandas'] / pdw['ours']:.0f}x faster.",
        ]
    return "\n".join(lines) + "\n"
