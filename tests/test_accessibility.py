"""Every page scanned by axe-core (from the npm registry, ``package.json``) in Debian's Chromium, in both
languages: no serious or critical violation of WCAG 2.1 A/AA (contrast of text ≥ 4.5:1 among them),
the page's language set by the language switch, and every chart's data table reachable by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browsing import EVERY_PAGE, PAGE_IDS, Server, heading, settle, wait_charts

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def scan(tab: Page) -> list[dict[str, object]]:
    """axe-core's WCAG 2.1 A/AA violations of the page as it stands."""
    assert AXE.exists(), f"{AXE} is missing: run `npm ci` (make test does)"
    tab.add_script_tag(path=str(AXE))
    return tab.evaluate(
        """async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}))
            .violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                   nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""
    )


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("path", "charts"), EVERY_PAGE, ids=PAGE_IDS)
def test_no_serious_accessibility_violation(
    server: Server, page: tuple[Page, list[str]], path: str, charts: int, lang: str
) -> None:
    tab, _ = page
    address = path.format(kampung=server.serang_first[0])
    joiner = "&" if "?" in address else "?"
    tab.goto(f"{server.url}/{address}" + (f"{joiner}lang=English" if lang == "en" else ""))
    heading(tab)
    wait_charts(tab, charts)
    settle(tab)
    assert tab.evaluate("() => document.documentElement.lang") == lang
    found = [v for v in scan(tab) if v["impact"] in SERIOUS]
    assert found == [], found


def test_a_charts_data_table_opens_from_the_keyboard(server: Server, page: tuple[Page, list[str]]) -> None:
    """Tab to the "Tabel data" of the first chart, Enter, and its table is there."""
    tab, _ = page
    tab.goto(f"{server.url}/?prov=Banten")
    heading(tab)
    wait_charts(tab, 1)
    toggle = tab.locator("summary").filter(has_text="Tabel data").first
    for _ in range(200):
        tab.keyboard.press("Tab")
        if toggle.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the first chart's data table")
    tab.keyboard.press("Enter")
    settle(tab)
    table = tab.locator('[data-testid="stExpander"]').filter(has_text="Tabel data").first
    table.locator('[data-testid="stDataFrame"], [data-testid="stTable"]').first.wait_for()


def test_the_language_switch_sets_the_pages_language(server: Server, page: tuple[Page, list[str]]) -> None:
    tab, _ = page
    tab.goto(f"{server.url}/peta?prov=Banten")
    heading(tab)
    # the page sets it as it renders, a moment after the heading: wait for it (Streamlit's own is "en")
    tab.wait_for_function("() => document.documentElement.lang === 'id'")
    tab.get_by_text("English", exact=True).click()
    tab.wait_for_function("() => document.documentElement.lang === 'en'")
    tab.get_by_text("Indonesia", exact=True).click()
    tab.wait_for_function("() => document.documentElement.lang === 'id'")
