"""Every page on a phone (390 × 844, a shared link opened in the meeting room): nothing wider than the
screen, every chart title whole and clear of a toolbar, Peta's map on the first screen above its
choices. Screenshots of each page go to ``screenshots/ponsel_*.png`` to be looked at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browsing import EVERY_PAGE, PAGE_IDS, Server, heading, new_page, wait_charts

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parent.parent / "screenshots"
WIDTH, HEIGHT = 390, 844


@pytest.mark.parametrize(("path", "charts"), EVERY_PAGE, ids=PAGE_IDS)
def test_every_page_fits_a_phone(server: Server, browser: Browser, path: str, charts: int) -> None:
    phone, outside = new_page(browser, width=WIDTH, height=HEIGHT)
    phone.goto(f"{server.url}/{path.format(kampung=server.serang_first[0])}")
    heading(phone)
    wait_charts(phone, charts)
    phone.wait_for_timeout(1000)
    wide = phone.evaluate("() => document.querySelector('[data-testid=stMain]').scrollWidth")
    assert wide <= WIDTH, f"the page is {wide} px wide"
    titles = phone.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
            const svg = plot.querySelector('.main-svg').getBoundingClientRect();
            const title = plot.querySelector('.gtitle');
            const box = title ? title.getBoundingClientRect() : null;
            const bar = plot.querySelector('.modebar-container');
            return {text: title ? title.textContent : '', left: box && box.left, right: box && box.right,
                    svgLeft: svg.left, svgRight: svg.right,
                    toolbar: bar ? getComputedStyle(bar).display : 'none'};
        })"""
    )
    for t in titles:
        if t["text"]:
            assert t["svgLeft"] - 1 <= t["left"] and t["right"] <= t["svgRight"] + 1, t
        assert t["toolbar"] == "none", t
    name = (path.split("?")[0] or "ringkasan").replace("/", "_")
    SHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(SHOTS / f"ponsel_{name}.png"), full_page=True)
    phone.context.close()
    assert outside == []


def test_on_a_phone_peta_shows_the_map_first_and_its_choices_under_it(
    server: Server, browser: Browser
) -> None:
    phone, outside = new_page(browser, width=WIDTH, height=HEIGHT)
    phone.goto(f"{server.url}/peta?prov=Banten")
    heading(phone)
    wait_charts(phone, 1)
    top = phone.locator(".st-key-peta_map").bounding_box()
    choice = phone.get_by_text("Metrik peta").bounding_box()
    assert top is not None and choice is not None
    assert top["y"] < HEIGHT / 3  # the map starts on the first screen, under the title
    assert choice["y"] > top["y"] + top["height"]  # the metric to colour by comes after it
    phone.context.close()
    assert outside == []
