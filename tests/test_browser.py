"""The dashboard in a real browser: `streamlit run app.py` driven by Playwright in Debian's Chromium.

Every page loads with its charts drawn and no exception box, a copied URL restores the view, a map
click and a table row drill down, and no request leaves localhost. Screenshots go to `screenshots/`
(ignored by git) for a person to look at.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browsing import Server, choose, heading, new_page, same_link, settle, slide, wait_charts

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "screenshots"


def test_a_deep_link_as_the_first_request_after_a_start_works(server: Server) -> None:
    visit = server.first_visit
    assert visit["heading"] == "Peta · Banten"
    assert visit["charts"] == 1
    assert visit["exceptions"] == 0
    assert visit["outside"] == []


PAGES = [
    # url path, Indonesian heading, English heading, charts drawn
    ("", "Ringkasan · Banten", "Overview · Banten", 3),
    ("peta", "Peta · Banten", "Map · Banten", 1),
    ("perbandingan", "Perbandingan", "Comparison", 3),
    ("target", "Target · Banten", "Targets · Banten", 2),
    ("jelajah", "Jelajah Kampung KB · Banten", "Explore Kampung KB · Banten", 0),
    ("profil", "Profil Kampung KB", "Kampung KB profile", 3),
    ("simulasi", "Simulasi klasifikasi", "Classification simulator", 1),
    ("metodologi", "Metodologi & data", "Methodology & data", 0),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("path", "heading_id", "heading_en", "charts"), PAGES)
def test_every_page_loads_and_draws_its_charts_offline(
    server: Server,
    page: tuple[Page, list[str]],
    path: str,
    heading_id: str,
    heading_en: str,
    charts: int,
    lang: str,
) -> None:
    tab, outside = page
    query = "prov=Banten" + ("&lang=English" if lang == "en" else "")
    if path == "profil":
        query += f"&kampung={server.serang_first[0]}"
    tab.goto(f"{server.url}/{path}?{query}")
    assert heading(tab) == (heading_id if lang == "id" else heading_en)
    assert wait_charts(tab, charts) >= charts
    if charts == 0:
        tab.locator('[data-testid="stDataFrame"]').first.wait_for()
    assert tab.locator('[data-testid="stException"]').count() == 0
    tab.wait_for_timeout(1500)  # let the maps finish drawing for the screenshot
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{path or 'ringkasan'}_{lang}.png"), full_page=True)
    assert outside == [], f"requests left localhost: {outside[:5]}"


def test_the_first_page_opens_by_its_own_name_too(server: Server, page: tuple[Page, list[str]]) -> None:
    """``/ringkasan`` (a link written by hand) is Ringkasan, not "Page not found" over it."""
    tab, _ = page
    tab.goto(f"{server.url}/ringkasan?prov=Banten")
    assert heading(tab) == "Ringkasan · Banten"
    assert wait_charts(tab, 1) >= 1
    assert tab.get_by_text("Page not found").count() == 0
    assert tab.locator('[data-testid="stException"]').count() == 0


def test_a_copied_url_restores_the_view_in_another_browser(
    server: Server, browser: Browser, page: tuple[Page, list[str]]
) -> None:
    tab, _ = page
    tab.goto(f"{server.url}/jelajah?prov=Banten")
    assert heading(tab) == "Jelajah Kampung KB · Banten"
    choose(tab, "Kabupaten/kota", "Kab. Serang")
    choose(tab, "Periode", "2024-06")
    tab.get_by_role("radio", name="English").check(force=True)
    settle(tab)
    assert heading(tab) == "Explore Kampung KB · Kab. Serang"
    copied = tab.url
    # the "Copy link" control shows the same address
    tab.get_by_text("Copy link").click()
    shown = tab.locator('[data-testid="stSidebar"] [data-testid="stCode"]').inner_text().strip()
    assert same_link(shown, copied), (shown, copied)
    assert "kab=Kab.+Serang" in copied and "periode=2024-06" in copied and "lang=English" in copied
    count = tab.get_by_text("Showing").first.inner_text()

    other, outside = new_page(browser)
    other.goto(copied)
    assert heading(other) == "Explore Kampung KB · Kab. Serang"
    assert other.get_by_text("Showing").first.inner_text() == count
    assert other.get_by_text("Data as of 2024-06", exact=True).count() == 1
    assert outside == []
    other.context.close()


def test_clicking_the_map_drills_down_to_that_region(server: Server, page: tuple[Page, list[str]]) -> None:
    tab, _ = page
    tab.goto(f"{server.url}/peta?prov=Banten")
    assert heading(tab) == "Peta · Banten"
    wait_charts(tab, 1)
    tab.wait_for_timeout(2000)  # MapLibre draws the polygons after the SVG layer
    box = tab.locator(".js-plotly-plot").first.bounding_box()
    assert box is not None
    tab.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.55)
    tab.wait_for_function("() => !document.querySelector('h1').innerText.endsWith('Banten')")
    title = heading(tab)
    assert title.startswith(("Peta · Kab. ", "Peta · Kota ")), title
    assert "kab=" in tab.url
    assert tab.locator('[data-testid="stException"]').count() == 0


def test_a_table_row_opens_its_profile(server: Server, page: tuple[Page, list[str]]) -> None:
    tab, _ = page
    tab.goto(f"{server.url}/jelajah?prov=Banten&kab=Kab.+Serang")
    assert heading(tab) == "Jelajah Kampung KB · Kab. Serang"
    grid = tab.locator('[data-testid="stDataFrame"]').first
    grid.wait_for()
    tab.wait_for_timeout(1000)
    box = grid.bounding_box()
    assert box is not None
    tab.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the selection box of the first row
    kampung_id, name = server.serang_first
    tab.get_by_role("link", name=f"Buka profil: {name}").click()
    tab.wait_for_function("() => location.pathname.endsWith('/profil')")
    assert heading(tab) == "Profil Kampung KB"
    assert tab.locator("h2").first.inner_text().strip() == name
    assert f"kampung={kampung_id}" in tab.url


def test_presentation_mode_hides_the_controls_on_a_projector(server: Server, browser: Browser) -> None:
    tab, outside = new_page(browser, width=1280, height=720)
    tab.goto(f"{server.url}/?prov=Banten&present=1&slide=2")
    wait_charts(tab, 1)
    tab.wait_for_timeout(2000)
    assert not tab.locator('[data-testid="stSidebar"]').is_visible()
    assert not tab.locator('[data-testid="stHeader"]').is_visible()
    assert tab.locator("input:visible").count() == 0  # no widgets on screen, only the slide controls
    box = tab.locator(".js-plotly-plot").first.bounding_box()
    assert box is not None and box["width"] > 1000 and box["y"] + box["height"] <= 720  # fits the screen
    assert tab.get_by_text("Sumber: registri demo sintetis").is_visible()
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / "presentasi_1280x720.png"))
    tab.get_by_role("button", name="Berikutnya ▶").click()
    tab.wait_for_function("() => location.search.includes('slide=3')")
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert outside == []
    tab.context.close()


def test_a_chart_downloads_as_png_and_svg_with_its_caption(
    server: Server, page: tuple[Page, list[str]]
) -> None:
    import io

    from PIL import Image

    tab, outside = page
    tab.goto(f"{server.url}/?prov=Banten")
    assert heading(tab) == "Ringkasan · Banten"
    wait_charts(tab, 1)
    with tab.expect_download() as png_download:
        tab.get_by_role("button", name="PNG (2×)").first.click()
    png = png_download.value
    assert png.suggested_filename == "kampung-kb_banten_tren-kelas_2025-12.png"
    data = Path(png.path()).read_bytes()
    assert Image.open(io.BytesIO(data)).size == (2400, 1280)
    with tab.expect_download() as svg_download:
        tab.get_by_role("button", name="SVG").first.click()
    svg = Path(svg_download.value.path()).read_text(encoding="utf-8")
    assert svg_download.value.suggested_filename == "kampung-kb_banten_tren-kelas_2025-12.svg"
    assert "Kampung KB menurut klasifikasi per bulan, Banten" in svg
    assert "Sumber: registri demo sintetis · data per 2025-12" in svg
    assert outside == []


def test_the_briefing_pack_is_one_click_away(server: Server, page: tuple[Page, list[str]]) -> None:
    from pptx import Presentation

    tab, outside = page
    tab.goto(f"{server.url}/paparan?prov=Banten")
    assert heading(tab) == "Bahan paparan: Banten"
    tab.get_by_role("button", name="Buat bahan paparan").click()
    tab.get_by_text("Bahan paparan siap").wait_for(timeout=120_000)
    settle(tab)
    tab.locator('[data-testid="stImage"] img').nth(3).wait_for()
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / "paparan_id.png"), full_page=True)
    with tab.expect_download() as download:
        tab.get_by_role("button", name="Unduh PPTX").click()
    assert download.value.suggested_filename == "kampung-kb_banten_bahan-paparan_2025-12.pptx"
    deck = Presentation(download.value.path())
    assert deck.slides[0].shapes.title.text == "Bahan paparan Kampung KB: Banten"
    with tab.expect_download() as pdf:
        tab.get_by_role("button", name="Unduh PDF").click()
    assert Path(pdf.value.path()).read_bytes()[:5] == b"%PDF-"
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert outside == []


def test_a_clicker_and_the_arrow_keys_step_presentation_mode(server: Server, browser: Browser) -> None:
    tab, outside = new_page(browser, width=1280, height=720)
    tab.goto(f"{server.url}/?prov=Banten&present=1&slide=1")
    wait_charts(tab, 1)
    settle(tab)
    for key, expected in (
        ("ArrowRight", "2"),
        ("PageDown", "3"),
        ("Space", "4"),
        ("PageUp", "3"),
        ("ArrowLeft", "2"),
    ):
        tab.keyboard.press(key)
        tab.wait_for_function(f"() => new URL(location.href).searchParams.get('slide') === '{expected}'")
        settle(tab)
        assert slide(tab) == expected, key
    tab.keyboard.press("Escape")
    tab.wait_for_function("() => !new URL(location.href).searchParams.has('present')")
    settle(tab)
    tab.locator('[data-testid="stSidebar"]').wait_for(state="visible")  # back on the page, controls shown
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert outside == []
    tab.context.close()


def test_a_click_on_a_kampung_kb_point_opens_its_profile(
    server: Server, page: tuple[Page, list[str]]
) -> None:
    tab, outside = page
    tab.goto(f"{server.url}/peta?prov=Banten&kab=Kab.+Serang")
    assert heading(tab) == "Peta · Kab. Serang"
    wait_charts(tab, 1)
    names = tab.locator(".js-plotly-plot .scattergeo text").all_text_contents()
    assert "Cikande" in names  # kecamatan names give the map its bearings
    point = tab.locator(".js-plotly-plot .scattergeo .point").nth(7)
    box = point.bounding_box()
    assert box is not None
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tab.wait_for_timeout(500)
    hovered = tab.locator(".hoverlayer").first.text_content() or ""
    tab.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tab.wait_for_function("() => location.pathname.endsWith('/profil')")
    assert heading(tab) == "Profil Kampung KB"
    kampung = tab.evaluate("() => new URL(location.href).searchParams.get('kampung')")
    assert kampung and kampung in hovered  # the point's own Kampung KB, the one its hover named
    name = tab.locator("h2").first.inner_text().strip()
    assert name in hovered
    assert "kab=Kab.+Serang" in tab.url  # the sidebar's region is kept
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert outside == []


def test_three_quick_clicks_on_the_pack_button_end_in_one_finished_pack(
    server: Server, page: tuple[Page, list[str]]
) -> None:
    tab, outside = page
    tab.goto(f"{server.url}/paparan?prov=Riau")
    assert heading(tab) == "Bahan paparan: Riau"
    button = tab.get_by_role("button", name="Buat bahan paparan")
    for _ in range(3):
        button.click()
        tab.wait_for_timeout(200)
    tab.get_by_text("Bahan paparan siap").wait_for(timeout=120_000)
    settle(tab)
    assert tab.get_by_text("Bahan paparan siap").count() == 1
    assert tab.get_by_role("button", name="Unduh PPTX").count() == 1
    assert tab.locator('[data-testid="stProgress"]').count() == 0  # nothing left hanging
    button.click()  # once more, when it is done: the same pack, at once
    settle(tab)
    assert tab.get_by_text("Bahan paparan siap").count() == 1
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert outside == []


def test_maps_name_their_regions_and_fit_a_phone(server: Server, browser: Browser) -> None:
    tab, outside = new_page(browser, width=1400, height=1300)
    tab.goto(f"{server.url}/peta?prov=Banten")
    wait_charts(tab, 1)
    settle(tab)
    names = tab.locator(".js-plotly-plot .scattergeo text").all_text_contents()
    assert {"Kab. Lebak", "Kab. Pandeglang", "Kab. Serang"} <= set(names)
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / "peta_banten_nama.png"))
    tab.goto(f"{server.url}/peta")
    wait_charts(tab, 1)
    settle(tab)
    assert "Riau" in tab.locator(".js-plotly-plot .scattergeo text").all_text_contents()
    tab.screenshot(path=str(SHOTS / "peta_nasional_nama.png"))
    tab.context.close()
    phone, _ = new_page(browser, width=390, height=1100)
    phone.goto(f"{server.url}/peta?prov=Banten")
    wait_charts(phone, 1)
    settle(phone)
    geo = phone.locator(".js-plotly-plot .geolayer").first.bounding_box()
    assert geo is not None and geo["x"] >= 0 and geo["x"] + geo["width"] <= 390  # not cropped
    phone.screenshot(path=str(SHOTS / "peta_ponsel.png"))
    phone.context.close()
    assert outside == []


def test_on_a_phone_the_four_headline_figures_are_a_two_by_two_grid(server: Server, browser: Browser) -> None:
    phone, outside = new_page(browser, width=390, height=844)
    phone.goto(f"{server.url}/?prov=Banten")
    phone.locator('[data-testid="stMetric"]').nth(3).wait_for()
    settle(phone)
    boxes = [b for b in (m.bounding_box() for m in phone.locator('[data-testid="stMetric"]').all()[:4]) if b]
    rows = sorted({round(b["y"]) for b in boxes})
    assert len(boxes) == 4 and len(rows) == 2  # two rows …
    assert all(b["width"] < 390 / 2 and b["x"] + b["width"] <= 390 for b in boxes)  # … of two, not cut
    assert boxes[3]["y"] + boxes[3]["height"] < 844  # all four on the first screen
    phone.screenshot(path=str(SHOTS / "ringkasan_ponsel.png"))
    phone.context.close()
    assert outside == []


def test_switching_the_language_rewords_every_dropdown(server: Server, page: tuple[Page, list[str]]) -> None:
    tab, _ = page
    tab.goto(f"{server.url}/peta?prov=Banten&metrik=Kampung+KB+per+100+desa%2Fkel.")
    assert heading(tab) == "Peta · Banten"
    tab.get_by_text("English", exact=True).click()
    tab.wait_for_function("() => document.querySelector('h1').innerText.startsWith('Map')")
    settle(tab)
    boxes = tab.locator('[data-testid="stSelectbox"]')
    shown = " ".join(
        boxes.all_inner_texts() + boxes.locator("input").evaluate_all("els => els.map(e => e.value)")
    )
    assert "All regencies/cities" in shown and "Semua" not in shown
    assert "Kampung KB per 100 villages" in shown  # the map metric kept, in English
    assert "metrik=Kampung+KB+per+100+villages" in tab.url


def test_an_address_typed_into_a_link_is_shown_never_linked(
    server: Server, page: tuple[Page, list[str]]
) -> None:
    tab, outside = page
    typed = "masuk lagi di www.contoh.invalid atau http://contoh.invalid/masuk, tanya admin@contoh.invalid"
    tab.goto(f"{server.url}/profil?kampung={urllib.parse.quote(typed)}")
    error = tab.locator('[data-testid="stAlertContentError"]')
    error.wait_for()
    assert "contoh.invalid" in error.inner_text()
    assert tab.locator('[data-testid="stMain"] a[href*="contoh.invalid"]').count() == 0
    assert outside == []


def test_a_charts_data_table_opens_with_a_click_or_the_keyboard(
    server: Server, page: tuple[Page, list[str]]
) -> None:
    tab, _ = page
    tab.goto(f"{server.url}/?prov=Banten")
    assert heading(tab) == "Ringkasan · Banten"
    wait_charts(tab, 3)
    grids = tab.locator('[data-testid="stMain"] [data-testid="stDataFrame"]')
    tables = tab.locator('[data-testid="stMain"] [data-testid="stExpander"]').filter(has_text="Tabel data")
    shown = grids.count()  # the class table and the published figures, not the charts' tables
    tables.nth(0).locator("summary").click()
    settle(tab)
    assert grids.count() == shown + 1
    tables.nth(1).locator("summary").focus()
    tab.keyboard.press("Enter")
    settle(tab)
    assert grids.count() == shown + 2
    assert tables.nth(1).get_by_role("button", name="Unduh CSV").count() == 1
