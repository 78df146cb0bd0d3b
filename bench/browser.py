"""Step 5 of the speed benchmark: a real ``streamlit run`` driven by Playwright in Debian's Chromium.

For each page the time until its charts are drawn (MapLibre's map reports itself loaded) and the
bytes of the app's websocket messages; a province change; then a file import through the Kelola
page. The server's peak resident memory (``VmHWM``) is read at the end.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import OUT, PAGES, PROFILE_ID, PROVINCE_NAMES, PROVINCES, Result, peak_memory_mb

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
    from tests.browsing import CHROMIUM, CHROMIUM_ARGS, start_streamlit, wait_healthy

    live = OUT / "browser-live.duckdb"
    shutil.copyfile(db_path, live)
    shutil.rmtree(live.with_name(live.name + ".backups"), ignore_errors=True)
    env = {"KKB_DB": str(live), auth.ENV: auth.make_hash("bench", iterations=1000)}
    log = (OUT / "browser-streamlit.log").open("wb")
    url, server = start_streamlit(env, log)
    rows: list[Result] = []
    try:
        wait_healthy(url, server)
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


# --- a few real tabs beside bench/load.py's sessions ---------------------------------------------


def browsers_beside(url: str, count: int, delay: float, out: list[dict[str, Any]]) -> None:
    """``count`` Chromium tabs opening the shared link while the load runs: time until drawn."""
    from playwright.sync_api import sync_playwright

    from tests.browsing import CHROMIUM, CHROMIUM_ARGS

    time.sleep(delay)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="id-ID")
        warm = context.new_page()  # the JS in the browser's cache, as for anyone who came before
        warm.goto(f"{url}/metodologi")
        warm.wait_for_load_state("networkidle")
        for i in range(count):
            page_path = ("peta", "", "target")[i % 3]
            tab = context.new_page()
            tab.set_default_timeout(120_000)
            tab.add_init_script(WATCH_FROM_START)
            frames = _count_frames(tab)
            start = time.perf_counter()
            tab.goto(f"{url}/{page_path}?prov=Banten")
            tab.wait_for_function(DRAWN, arg=[CHARTS.get(page_path, 0), None])
            out.append({"page": page_path, "drawn_s": time.perf_counter() - start, "kb": frames[0] / 1024})
            tab.close()
            time.sleep(2)
        browser.close()


def _count_frames(tab: Any) -> list[int]:
    """The bytes of the app's websocket messages to this tab, counted as they arrive."""
    frames = [0]

    def add(message: Any) -> None:
        frames[0] += len(message)

    tab.on("websocket", lambda ws: ws.on("framereceived", add))
    return frames
