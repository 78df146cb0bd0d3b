"""The speed benchmark at national scale, in one command.

    make bench            (= PYTHONPATH=. .venv/bin/python bench/run.py)

Steps, each timed in a process of its own so that its peak memory is its own:

1. ``build``: builds the national demo registry (every desa/kelurahan with a Kampung KB by 2025-12,
   a monthly snapshot since formation) with ``kkb.build`` into ``bench/out/nasional.duckdb``.
2. ``classify``: reads every snapshot back, province by province, and classifies it again.
3. ``stress``: the 3x variant: every Kampung KB and its whole history three times over (copies get
   ids ending in -2 and -3), as if each desa had three RW-level Kampung KB; then the monthly summary
   is rebuilt. Classification is timed on it too.
4. ``pages``: every page headless (Streamlit's AppTest runs the app's own code) on each database:
   the first load in a fresh process (imports and empty caches), first loads with the modules loaded
   and the caches emptied, then province changes in the same session and the same provinces again.
5. ``browser``: a real ``streamlit run`` on each database, driven by Playwright in Debian's Chromium:
   for each page the time until its charts are drawn (MapLibre's map reports itself loaded) and the
   bytes of the app's websocket messages; a province change; then a file import through the Kelola
   page. The server's peak resident memory (``VmHWM``) is read at the end.
6. ``pandas``: the same aggregates computed the way a quick dashboard does it (the snapshot and
   class tables loaded into one pandas frame, filtered and grouped on every interaction), checked
   equal to the dashboard's, and timed side by side.

Results: ``bench/out/results.json`` and ``bench/out/results.md`` (copied into bench/README.md).
``--reuse`` keeps built databases; ``--quick`` runs fewer repetitions; ``--only national``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PAGES = (
    ("ringkasan", ""),
    ("peta", "peta"),
    ("perbandingan", "perbandingan"),
    ("target", "target"),
    ("jelajah", "jelajah"),
    ("profil", "profil"),
    ("paparan", "paparan"),
    ("metodologi", "metodologi"),
    ("kelola", "kelola"),
)
#: provinces for filter changes: Banten and Riau (the issue's pair), then others of every size
PROVINCES = ("36", "14", "51", "32", "35", "73", "91", "11")
PROVINCE_NAMES = {"36": "Banten", "14": "Riau", "51": "Bali", "32": "Jawa Barat"}
PROFILE_ID = "D3600926"
Result = dict[str, Any]


def peak_memory_mb(pid: int | str = "self") -> float:
    """Peak resident memory (VmHWM) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextmanager
def timed() -> Iterator[list[float]]:
    box: list[float] = []
    start = time.perf_counter()
    yield box
    box.append(time.perf_counter() - start)


def child(step: str, **kwargs: object) -> Result:
    """Run one step of this script in a fresh Python process and return its JSON result."""
    args = [sys.executable, __file__, "--step", step, "--args", json.dumps(kwargs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(args, env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"step {step} {kwargs} failed:\n{done.stderr[-3000:]}")
    result: Result = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- 1-3: build, classify, stress --------------------------------------------------------------


def step_build(db_path: str) -> Result:
    from kkb import build

    Path(db_path).unlink(missing_ok=True)
    with timed() as took:
        build.build(db_path, progress=lambda f, m: print(f"  {f:4.0%} {m}", file=sys.stderr))
    return _registry(db_path, took[0])


def _registry(db_path: str, seconds: float) -> Result:
    """What a build step reports: its time, the registry's size, its peak memory, the file size."""
    from kkb import db, info

    con = db.connect(db_path)
    size = info.summary(con)
    con.close()
    return {
        "seconds": seconds,
        "snapshots": size.snapshot,
        "kampung": size.kampung_kb,
        "peak_mb": peak_memory_mb(),
        "file_mb": Path(db_path).stat().st_size / 1e6,
    }


def step_classify(db_path: str) -> Result:
    """Classify every stored snapshot again, one province at a time (the build's way)."""
    from kkb import db
    from kkb.classification import DEFAULT_METHOD, classify

    con = db.connect(db_path)
    provinces = [r[0] for r in con.execute("SELECT DISTINCT kode_prov FROM kampung_kb ORDER BY 1").fetchall()]
    seconds = 0.0
    rows = 0
    for prov in provinces:
        frame = con.execute(
            "SELECT s.* EXCLUDE (sumber, import_id, klasifikasi_impor) FROM snapshot s "
            "JOIN kampung_kb k ON k.id = s.kampung_id WHERE k.kode_prov = $p",
            {"p": prov},
        ).df()
        with timed() as took:
            result = classify(frame, DEFAULT_METHOD)
        seconds += took[0]
        rows += len(result)
    con.close()
    return {"seconds": seconds, "rows": rows, "peak_mb": peak_memory_mb()}


def step_stress(source: str, db_path: str) -> Result:
    """Copy the national database and hold every Kampung KB and its history three times."""
    from kkb import db, store

    Path(db_path).unlink(missing_ok=True)
    shutil.copyfile(source, db_path)
    con = db.connect(db_path, read_only=False)
    with timed() as took:
        for table, key in (("kampung_kb", "id"), ("snapshot", "kampung_id"), ("klasifikasi", "kampung_id")):
            con.execute(
                f"INSERT INTO {table} SELECT x.* REPLACE ({key} || '-' || c::VARCHAR AS {key}) "
                f"FROM {table} x, range(2, 4) r(c) WHERE {key} NOT LIKE '%-%'"
            )
        store.rebuild_rekap(con)
        con.execute("CHECKPOINT")
    con.close()
    return _registry(db_path, took[0])


# --- 4: pages headless -------------------------------------------------------------------------


def step_page(db_path: str, page: str, reps: int, changes: int) -> Result:
    """One page in this fresh process: first load, cold-cache loads, province changes."""
    os.environ["KKB_DB"] = db_path
    from streamlit.testing.v1 import AppTest

    def fresh(prov: str) -> Any:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.session_state["prov"] = prov
        if page == "profil":
            at.session_state["kampung"] = PROFILE_ID
        at.switch_page(f"pages/{page}.py")
        return at

    def run(at: Any) -> float:
        with timed() as took:
            at.run()
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception[0].value}")
        return took[0]

    def sent(at: Any) -> int:
        return sum(len(chart.proto.spec) for chart in at.get("plotly_chart"))

    # what serve.py does when the server starts, before any visitor
    from kkb import preload

    preloaded = preload.load()
    at = fresh("")
    start = run(at)
    nation_bytes = sent(at)
    import streamlit as st

    cold = []
    for _ in range(reps):
        st.cache_data.clear()
        st.cache_resource.clear()
        cold.append(run(fresh("")))
    # one session, the province filter changed between reruns
    at = fresh("")
    run(at)
    change, province_bytes = [], []
    for prov in PROVINCES[:changes]:
        at.session_state["prov"] = prov
        change.append(run(at))
        province_bytes.append(sent(at))
    again = []
    for prov in PROVINCES[:changes]:
        at.session_state["prov"] = prov
        again.append(run(at))
    return {
        "preload": preloaded,
        "start": start,
        "cold": cold,
        "change": change,
        "again": again,
        "nation_kb": nation_bytes / 1024,
        "province_kb": statistics.median(province_bytes) / 1024,
        "peak_mb": peak_memory_mb(),
    }


def pages(db_path: str, processes: int, reps: int, changes: int) -> list[Result]:
    rows = []
    for page, _ in PAGES:
        runs = [
            child("page", db_path=db_path, page=page, reps=reps, changes=changes) for _ in range(processes)
        ]
        rows.append(
            {
                "page": page,
                "preload": statistics.median(r["preload"] for r in runs),
                "start": statistics.median(r["start"] for r in runs),
                "cold": statistics.median(x for r in runs for x in r["cold"]),
                "change": statistics.median(x for r in runs for x in r["change"]),
                "again": statistics.median(x for r in runs for x in r["again"]),
                "change_max": max(x for r in runs for x in r["change"]),
                "nation_kb": runs[0]["nation_kb"],
                "province_kb": runs[0]["province_kb"],
                "peak_mb": max(r["peak_mb"] for r in runs),
            }
        )
        print(f"  {page}: {rows[-1]}", file=sys.stderr)
    return rows


# --- 5: the browser ----------------------------------------------------------------------------

#: true once the app's script run is over (Streamlit marks it on the stApp element), at least one
#: run has finished since ``window.kkbRuns`` was set up, the page's own content is on screen
#: (``ready``: an element only its content run draws), every plotly chart is drawn and every
#: MapLibre map has loaded its sources
DRAWN = """([n, ready]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== 'notRunning') return false;
  if (window.kkbRuns !== undefined && window.kkbRuns < 1) return false;
  if (ready && !document.querySelector(ready)) return false;
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  if (plots.length < n) return false;
  return plots.every(gd => {
    if (!gd._fullLayout || !gd.querySelector('.main-svg')) return false;
    const sub = gd._fullLayout.map && gd._fullLayout.map._subplot;
    return !sub || (sub.map && sub.map.loaded() && sub.map.areTilesLoaded());
  });
}"""
#: a change of the app's run state that ends a run. Leaving "running" does; so does leaving
#: "rerunRequested" for "notRunning": React can batch a quick run's "running" and "notRunning"
#: into one render, so the DOM never shows "running" (a Bahan paparan change was missed that way).
_FINISHED = """(c) => c.oldValue === 'running' ||
  (c.oldValue === 'rerunRequested' && c.target.dataset.testScriptState === 'notRunning')"""
#: counts the finished script runs from the page's start (added before the page loads)
WATCH_FROM_START = (
    """
const FINISHED = """
    + _FINISHED
    + """;
window.kkbRuns = 0;
const kkbWatch = () => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) { requestAnimationFrame(kkbWatch); return; }
  new MutationObserver((changes) => {
    window.kkbRuns += changes.filter(FINISHED).length;
  }).observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
};
kkbWatch();
"""
)
#: counts the script runs that finish from now on
WATCH_RUNS = (
    """() => {
  const FINISHED = """
    + _FINISHED
    + """;
  window.kkbRuns = 0;
  const app = document.querySelector('[data-testid="stApp"]');
  // counts finished runs (a short run can be over before a check)
  new MutationObserver((changes) => {
    window.kkbRuns += changes.filter(FINISHED).length;
  }).observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
}"""
)
CHARTS = {"": 3, "peta": 1, "perbandingan": 3, "target": 2, "profil": 3}
#: what only a chart-less page's content run draws: a finished run alone can be an earlier one
#: (the first finished run in a new tab is not always the page's own)
READY = {
    "jelajah": '[data-testid="stMain"] [data-testid="stDataFrame"] canvas',
    "paparan": '[data-testid="stMain"] [data-testid="stButton"] button',
    "metodologi": '[data-testid="stMain"] [data-testid="stDataFrame"] canvas',
    "kelola": '[data-testid="stMain"] [data-testid="stDownloadButton"]',
}


def _import_file(db_path: str, target: Path) -> int:
    """A month's report for every Kampung KB of Kab. Serang, as an analyst would import it."""
    from kkb import db

    con = db.connect(db_path)
    frame = con.execute(
        "SELECT w.kode AS kode_desa, k.nama AS nama_kampung, k.tanggal_pencanangan, "
        "k.cakupan_wilayah, '2025-12' AS periode, s.pokja, s.pus, s.kb_suntik, s.kb_pil, s.kb_implan "
        "FROM kampung_kb k JOIN snapshot s ON s.kampung_id = k.id AND s.periode = '2025-12' "
        "JOIN wilayah w ON w.kode = k.kode_desa WHERE k.kode_kab = '36.04' AND k.id NOT LIKE '%-%'"
    ).df()
    con.close()
    frame.to_csv(target, index=False)
    return len(frame)


def step_browser(db_path: str, changes: int) -> Result:
    from playwright.sync_api import sync_playwright

    from kkb import auth

    # the browser tests' own Chromium settings and server start
    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, _start_streamlit, _wait_healthy

    live = OUT / "browser-live.duckdb"
    shutil.copyfile(db_path, live)
    shutil.rmtree(live.with_name(live.name + ".backups"), ignore_errors=True)
    env = {"KKB_DB": str(live), auth.ENV: auth.make_hash("bench", iterations=1000)}
    log = (OUT / "browser-streamlit.log").open("wb")
    url, server = _start_streamlit(env, log)
    rows: list[Result] = []
    try:
        _wait_healthy(url, server)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # the first visit after the server starts: the app's JS downloaded, imports, empty caches
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="id-ID")
            rows.append({"page": "first visit", **_visit(context.new_page(), f"{url}/", (3, None))})
            # then each page opened in that browser (its JS cached, as for anyone coming back)
            for page, path in PAGES:
                address = f"{url}/{path}" + (f"?kampung={PROFILE_ID}" if page == "profil" else "")
                visit = _visit(context.new_page(), address, (CHARTS.get(path, 0), READY.get(path)), changes)
                rows.append({"page": page, **visit})
                print(f"  {page}: {visit}", file=sys.stderr)
            # and each page reached from the sidebar menu of an open tab, as people move around
            menu = _menu_tour(context.new_page(), url)
            context.close()
            before_import = peak_memory_mb(server.pid)
            imported = _browser_import(browser, url, db_path)
            browser.close()
        return {
            "pages": rows,
            "menu": menu,
            "peak_mb_browsing": before_import,
            "peak_mb": peak_memory_mb(server.pid),
            "import": imported,
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _visit(page: Any, address: str, drawn_when: tuple[int, str | None], changes: int = 0) -> Result:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.set_default_timeout(300_000)
    page.add_init_script(WATCH_FROM_START)  # a page without charts is "drawn" only after its run
    misses: list[str] = []
    sent = [0]
    page.on("websocket", lambda ws: ws.on("framereceived", lambda m: sent.__setitem__(0, sent[0] + len(m))))
    start = time.perf_counter()
    page.goto(address)
    page.wait_for_function(DRAWN, arg=list(drawn_when))
    drawn = time.perf_counter() - start
    page.wait_for_timeout(300)
    first_kb = sent[0] / 1024
    change_times, change_kb = [], []
    for prov in PROVINCES[:changes]:
        if prov not in PROVINCE_NAMES:
            continue
        box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(
            has_text="Provinsi"
        )
        box.locator("input").first.click()
        page.keyboard.type(PROVINCE_NAMES[prov])  # the list is virtualised: filter first
        option = page.get_by_role("option", name=PROVINCE_NAMES[prov], exact=True)
        option.wait_for()
        page.evaluate(WATCH_RUNS)
        sent[0] = 0
        start = time.perf_counter()
        option.click()
        try:
            page.wait_for_function(DRAWN, arg=list(drawn_when), timeout=60_000)
        except PlaywrightTimeout:  # noted and shown, not hidden: the report counts the misses
            page.screenshot(path=str(OUT / f"timeout-{prov}-{int(start)}.png"))
            misses.append(prov)
            continue
        change_times.append(time.perf_counter() - start)
        page.wait_for_timeout(300)
        change_kb.append(sent[0] / 1024)
    page.close()
    return {
        "drawn": drawn,
        "kb": first_kb,
        "change": statistics.median(change_times) if change_times else None,
        "change_kb": statistics.median(change_kb) if change_kb else None,
        "missed": misses,
    }


def _menu_tour(page: Any, url: str) -> dict[str, float]:
    """Seconds from a click on each page's link in the sidebar menu until that page is drawn.

    One tab, at the nation, the pages in menu order and then back to the first. Profil is left
    out: it is opened from a Jelajah row, not from the menu.
    """
    page.set_default_timeout(300_000)
    page.goto(f"{url}/")
    page.wait_for_function(DRAWN, arg=[CHARTS[""], None])
    order = [(name, path) for name, path in PAGES[1:] if name != "profil"] + [PAGES[0]]
    seconds = {}
    for name, path in order:
        link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').first
        page.evaluate(WATCH_RUNS)
        start = time.perf_counter()
        link.click()
        page.wait_for_function(DRAWN, arg=[CHARTS.get(path, 0), READY.get(path)])
        seconds[name] = time.perf_counter() - start
        page.wait_for_timeout(300)
    page.close()
    return seconds


def _browser_import(browser: Any, url: str, db_path: str) -> Result:
    source = OUT / "impor-serang.csv"
    rows = _import_file(db_path, source)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(600_000)
    page.goto(f"{url}/kelola")
    page.get_by_label("Kata sandi admin").fill("bench")
    page.get_by_role("button", name="Masuk").click()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(source))
    page.get_by_text(f"{rows} baris siap diimpor.").wait_for()
    start = time.perf_counter()
    page.get_by_role("button", name="Impor sekarang").click()
    page.get_by_text("Impor #1 selesai").wait_for()
    seconds = time.perf_counter() - start
    context.close()
    return {"rows": rows, "seconds": seconds}


# --- 6: the pandas way -------------------------------------------------------------------------


def step_pandas(db_path: str, changes: int) -> Result:
    """The aggregates of a province change, the pandas way and the dashboard's way, checked equal."""
    import pandas as pd

    from kkb import db, store
    from kkb.classification import DEFAULT_METHOD

    con = db.connect(db_path)
    periode = store.periods(con)[-1]
    base = peak_memory_mb()
    with timed() as load:
        frame = con.execute(
            "SELECT k.kode_prov, k.kode_kab, s.*, c.klasifikasi FROM snapshot s "
            "JOIN klasifikasi c ON c.kampung_id = s.kampung_id AND c.periode = s.periode "
            "AND c.metode = $m JOIN kampung_kb k ON k.id = s.kampung_id",
            {"m": DEFAULT_METHOD},
        ).df()
    loaded_mb = peak_memory_mb() - base
    classes = ["Dasar", "Berkembang", "Mandiri", "Berkelanjutan"]

    def the_pandas_way(prov: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        mine = frame[frame["kode_prov"] == prov]
        trend = mine.groupby(["periode", "klasifikasi"]).size().unstack(fill_value=0)
        now = mine[mine["periode"] == periode]
        kabs = now.groupby(["kode_kab", "klasifikasi"]).size().unstack(fill_value=0)
        return trend.reindex(columns=classes, fill_value=0), kabs.reindex(columns=classes, fill_value=0)

    def our_way(prov: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        trend = store.trend(con, prov, DEFAULT_METHOD).set_index("periode")
        kabs = store.counts(con, prov, periode, DEFAULT_METHOD, by=2).set_index("kode")
        return trend, kabs

    ours, theirs = [], []
    for prov in PROVINCES[:changes]:
        with timed() as took:
            a_trend, a_kabs = the_pandas_way(prov)
        theirs.append(took[0])
        with timed() as took:
            b_trend, b_kabs = our_way(prov)
        ours.append(took[0])
        for a, b in ((a_trend, b_trend), (a_kabs, b_kabs)):
            same = b[[c.lower() for c in classes]].set_axis(classes, axis=1).astype("int64")
            pd.testing.assert_frame_equal(a.astype("int64"), same, check_names=False, check_index_type=False)
    con.close()
    return {
        "rows": len(frame),
        "load_seconds": load[0],
        "loaded_mb": loaded_mb,
        "pandas": statistics.median(theirs),
        "ours": statistics.median(ours),
    }


# --- the report --------------------------------------------------------------------------------


def machine() -> str:
    import duckdb
    import pandas as pd
    import streamlit

    from tests.test_browser import CHROMIUM

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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--args", help=argparse.SUPPRESS)
    parser.add_argument("--reuse", action="store_true", help="keep databases already built in bench/out")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (for a check, not a result)")
    parser.add_argument("--only", choices=("nasional", "stres-3x"), help="one registry only")
    parser.add_argument("--skip", nargs="*", default=[], choices=("pages", "browser", "pandas"))
    args = parser.parse_args()
    if args.step:
        steps: dict[str, Callable[..., Result]] = {
            "build": step_build,
            "classify": step_classify,
            "stress": step_stress,
            "page": step_page,
            "browser": step_browser,
            "pandas": step_pandas,
        }
        print(json.dumps(steps[args.step](**json.loads(args.args))))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    processes, reps, changes = (1, 1, 4) if args.quick else (3, 3, 8)
    national, stress = OUT / "nasional.duckdb", OUT / "stres-3x.duckdb"
    results: Result = {
        "date": time.strftime("%Y-%m-%d"),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip(),
        "machine": machine(),
        "command": "make bench" + (" (--quick)" if args.quick else ""),
        "registries": {},
    }
    for name, path in (("nasional", national), ("stres-3x", stress)):
        if args.only and args.only != name:
            continue
        print(f"{name}: database", file=sys.stderr)
        entry: Result = {}
        if not (args.reuse and path.exists()):
            entry["build"] = (
                child("build", db_path=str(path))
                if name == "nasional"
                else child("stress", source=str(national), db_path=str(path))
            )
            (OUT / f"{name}.build.json").write_text(json.dumps(entry["build"]))
        else:
            entry["build"] = json.loads((OUT / f"{name}.build.json").read_text())
        print(f"{name}: classify", file=sys.stderr)
        entry["classify"] = child("classify", db_path=str(path))
        if "pages" not in args.skip:
            print(f"{name}: pages", file=sys.stderr)
            entry["pages"] = pages(str(path), processes, reps, changes)
        if "browser" not in args.skip:
            print(f"{name}: browser", file=sys.stderr)
            entry["browser"] = child("browser", db_path=str(path), changes=changes)
        if "pandas" not in args.skip:
            print(f"{name}: pandas", file=sys.stderr)
            entry["pandas"] = child("pandas", db_path=str(path), changes=changes)
        results["registries"][name] = entry
    (OUT / "results.json").write_text(json.dumps(results, indent=1))
    text = report(results)
    (OUT / "results.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
