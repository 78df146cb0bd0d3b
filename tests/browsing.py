"""The browser tests' harness: a real ``streamlit run serve.py`` on a free port, Debian's Chromium
through Playwright, and the steps a person takes on a page (wait for charts, pick, sign in, upload).

The fixtures that start them (``browser``, ``server``, ``admin_server``, ``page``) are in
``tests/conftest.py``; ``bench/browser.py`` starts its server the same way.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("KKB_CHROMIUM", "/usr/bin/chromium")
# As the machine's notes advise: no background networking, so Chromium itself asks nothing of the internet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL = ("http://localhost", "http://127.0.0.1", "ws://localhost", "ws://127.0.0.1", "data:", "blob:")


@dataclass
class Server:
    url: str
    first_visit: dict[str, object] = field(default_factory=dict)
    #: id and name of the first Kampung KB listed in Kab. Serang (the Jelajah table's first row)
    serang_first: tuple[str, str] = ("", "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit stopped with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"streamlit did not answer on {url} within {seconds} s")


def start_streamlit(env: dict[str, str], log: Any) -> tuple[str, subprocess.Popen[bytes]]:
    """Start `streamlit run serve.py` (as `make run` does) headless on a free port with ``env`` added;
    return its URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "serve.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.fileWatcherType=none",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return f"http://localhost:{port}", process


def new_page(browser: Browser, width: int = 1400, height: int = 2400) -> tuple[Page, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(60_000)
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
    return page, outside


def heading(page: Page) -> str:
    heading = page.locator('[data-testid="stMainBlockContainer"] h1').first
    heading.wait_for()
    settle(page)
    return heading.inner_text().strip()


def settle(page: Page) -> None:
    """Wait until the app has finished running its script."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=60_000)
    page.wait_for_timeout(300)


def wait_charts(page: Page, at_least: int) -> int:
    """Wait for ``at_least`` plotly charts to be drawn (their SVG or map canvas present)."""
    if at_least:
        # each plot has several .main-svg layers: wait for the n-th plot's own
        page.locator(".js-plotly-plot").nth(at_least - 1).locator(".main-svg").first.wait_for()
    return page.locator(".js-plotly-plot").count()


def choose(tab: Page, label: str, option: str) -> None:
    """Pick ``option`` in the sidebar selectbox labelled ``label``."""
    box = tab.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text=label)
    box.locator("input").click()
    tab.keyboard.type(option)  # long lists are virtualised: filter first
    tab.get_by_role("option", name=option, exact=True).click()
    settle(tab)


def same_link(a: str, b: str) -> bool:
    """Whether two addresses name the same page with the same parameters (in any order)."""
    from urllib.parse import parse_qs, urlsplit

    first, second = urlsplit(a), urlsplit(b)
    return (first.path, parse_qs(first.query)) == (second.path, parse_qs(second.query))


def slide(tab: Page) -> str | None:
    return tab.evaluate("() => new URL(location.href).searchParams.get('slide')")


def sign_in_and_upload(tab: Page, url: str, path: Path) -> None:
    """Sign in on Kelola data (password ``rahasia``) and upload the file at ``path``."""
    tab.goto(f"{url}/kelola")
    assert heading(tab) == "Kelola data"
    tab.get_by_label("Kata sandi admin").fill("rahasia")
    tab.get_by_role("button", name="Masuk").click()
    settle(tab)
    tab.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))


def upload_as_admin(tab: Page, url: str, name: str, recognised: str) -> None:
    """Sign in on Kelola data and upload ``tests/data/<name>``; wait until its shape is named."""
    sign_in_and_upload(tab, url, Path(__file__).resolve().parent / "data" / name)
    tab.get_by_text(f"Bentuk berkas dikenali: {recognised}").wait_for()


#: two Kampung KB of Kab. Serang in the project's own import template, as a file's text
TWO_SERANG_ROWS = (
    "Kode Desa;Nama Kampung KB;Tgl Pencanangan;Periode Laporan;Jumlah PUS;Pokja\n"
    "3604052001;Kampung KB Melati;15/01/2023;2025-11;120;Ada\n"
    "3604052002;Kampung KB Mawar;01/03/2023;2025-11;80;Tidak Ada\n"
)


def pick_periode(tab: Page, periode: str, label: str = "Periode tabel ini") -> None:
    """Nothing is checked until the official says which month (or year) a file describes: choose it."""
    assert tab.get_by_role("button", name="Impor sekarang").count() == 0
    box = tab.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').filter(has_text=label)
    box.locator("input").click()
    tab.keyboard.type(periode)
    tab.get_by_role("option", name=periode, exact=True).click()
    settle(tab)


#: every page of the dashboard as a link with a region (``{kampung}``: a Kampung KB's ID), and the charts
#: it draws: the pages the phone and accessibility tests open
EVERY_PAGE = [
    ("?prov=Banten", 3),
    ("peta?prov=Banten", 1),
    ("perbandingan?prov=Banten", 3),
    ("target?prov=Banten", 2),
    ("jelajah?prov=Banten", 0),
    ("profil?prov=Banten&kampung={kampung}", 3),
    ("simulasi?dari={kampung}", 1),
    ("paparan?prov=Banten", 0),
    ("metodologi", 0),
    ("kelola", 0),
]
PAGE_IDS = [path.split("?")[0] or "ringkasan" for path, _ in EVERY_PAGE]
