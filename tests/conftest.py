"""Shared fixtures: real DuckDB files built once per test session, the app on one of them."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kkb import build, db, explore, overview, paparan, slides, store
from kkb.classification import DEFAULT_METHOD
from kkb.regions import Reference, Regions, read_reference, wilayah_table
from kkb.view import View
from tests import browsing

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

#: Banten and Riau (the published comparisons) and Bali (Kab. Tabanan's 2025 class mix)
SMALL_PROVINCES = ("14", "36", "51")


@pytest.fixture(scope="session")
def reference() -> Reference:
    return read_reference(db.DATA_DIR)


@pytest.fixture(scope="session")
def nation(reference: Reference) -> Regions:
    """The whole Kemendagri hierarchy down to desa, indexed once (it takes seconds)."""
    return Regions(wilayah_table(reference))


@pytest.fixture(scope="session")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo registry of three provinces (all regions are present)."""
    return build.build(tmp_path_factory.mktemp("small") / "kkb.duckdb", provinces=SMALL_PROVINCES)


@pytest.fixture(scope="session")
def full_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole national demo registry, as `python -m kkb build` makes it."""
    return build.build(tmp_path_factory.mktemp("full") / "kkb.duckdb")


@pytest.fixture(scope="session")
def banten_pack(small_db: Path) -> paparan.Pack:
    """Banten's briefing pack (Bahasa Indonesia) at the last periode, compared with Riau, built once."""
    con = db.connect(small_db)
    try:
        periode = store.periods(con)[-1]
        return paparan.build(slides.Database(con), View("id", "36", periode, DEFAULT_METHOD), "14")
    finally:
        con.close()


@pytest.fixture(scope="session")
def banten(banten_pack: paparan.Pack, small_db: Path) -> tuple[paparan.Pack, Path, Path]:
    """Banten's pack at the last periode, compared with Riau, written as PPTX and PDF."""
    pack = banten_pack
    folder = small_db.parent
    return pack, paparan.write(pack, folder / "banten.pptx"), paparan.write(pack, folder / "banten.pdf")


@pytest.fixture()
def small_con(small_db: Path):  # type: ignore[no-untyped-def]
    con = db.connect(small_db)
    yield con
    con.close()


@pytest.fixture()
def live(small_db: Path, tmp_path: Path) -> Path:
    """A private copy of the small database for one test to import into."""
    target = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, target)
    return target


@pytest.fixture()
def app_db(small_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small database as the app's (``KKB_DB``), for AppTest runs of the pages."""
    monkeypatch.setenv("KKB_DB", str(small_db))
    return small_db


@pytest.fixture()
def con(app_db: Path) -> Iterator[db.Connection]:
    """A connection to the app's database (the figures a page must show are computed from it)."""
    connection = db.connect(app_db)
    yield connection
    connection.close()


# --- the browser tests: a real server, Debian's Chromium (see tests/browsing.py) --------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(browsing.CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.fail(
            f"Chromium not found at {browsing.CHROMIUM}: install Debian's `chromium` package (.ci/run does)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=browsing.CHROMIUM, args=browsing.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(
    small_db: Path, browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[browsing.Server]:
    """A fresh `streamlit run app.py` on the small database; its very first request is a deep link."""
    log = (tmp_path_factory.mktemp("streamlit") / "streamlit.log").open("wb")
    url, process = browsing.start_streamlit({"KKB_DB": str(small_db)}, log)
    try:
        browsing.wait_healthy(url, process)
        con = db.connect(small_db)
        listed = explore.kampung_list(con, "36.04", overview.latest_periode(con), DEFAULT_METHOD)
        con.close()
        found = browsing.Server(url, serang_first=(str(listed["id"].iloc[0]), str(listed["nama"].iloc[0])))
        # A link shared before the server restarted: the first request after a start is a page deep link.
        page, outside = browsing.new_page(browser)
        page.goto(f"{url}/peta?prov=Banten")
        found.first_visit = {
            "heading": browsing.heading(page),
            "charts": browsing.wait_charts(page, 1),
            "exceptions": page.locator('[data-testid="stException"]').count(),
            "outside": outside,
        }
        page.context.close()
        yield found
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    found = browsing.new_page(browser)
    yield found
    found[0].context.close()


@pytest.fixture()
def admin_server(small_db: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A server of its own, on a copy of the database, with an admin password set."""
    from kkb import auth

    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    env = {"KKB_DB": str(live), auth.ENV: auth.make_hash("rahasia", iterations=1000)}
    url, process = browsing.start_streamlit(env, subprocess.DEVNULL)
    try:
        browsing.wait_healthy(url, process)
        yield url, live
    finally:
        process.terminate()
        process.wait(timeout=15)


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """Readable test ids: a list, tuple, set or dict by its values, not ``expected2``."""
    if isinstance(val, list | tuple | set | frozenset | dict):
        text = repr(sorted(val) if isinstance(val, set | frozenset) else val)
        return text if len(text) <= 48 else text[:45] + "..."
    return None
