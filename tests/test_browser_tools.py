"""The tools for one Kampung KB in a real browser: the classification simulator and the search by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from kkb import simulate
from tests.browsing import Server, heading, settle

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parent.parent / "screenshots"


def test_the_simulator_changes_class_as_a_value_is_typed(
    server: Server, page: tuple[Page, list[str]]
) -> None:
    """Output one CPR band short (38 % of 100 PUS): three more implant users make it Berkelanjutan."""
    from tests.test_simulasi_page import GOOD, fields_for

    values = simulate.blank()
    for indicator, value in GOOD.items():
        values |= {k: float(v) for k, v in fields_for(indicator, value, GOOD).items()}
    values |= {"pus": 100.0, "kb_suntik": 29.0, "kb_implan": 9.0, "tidak_kb_iat": 8.0}
    tab, outside = page
    tab.goto(f"{server.url}/simulasi?nilai={simulate.encode(values)}")
    assert heading(tab) == "Simulasi klasifikasi"
    klass = tab.locator('[data-testid="stMetric"]').filter(has_text="Klasifikasi")
    assert klass.locator('[data-testid="stMetricValue"]').inner_text() == "Berkembang"
    tab.get_by_role("tab", name="Output").click()
    field = tab.get_by_label("Peserta implan")
    field.fill("12")
    field.press("Enter")
    settle(tab)
    klass.locator('[data-testid="stMetricValue"]').get_by_text("Berkelanjutan").wait_for()
    assert "kb_implan.12" in tab.url
    assert tab.locator('[data-testid="stException"]').count() == 0
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / "simulasi_changed.png"), full_page=True)
    assert outside == []


def test_the_sidebar_search_opens_a_profile_from_a_page_with_a_region(
    server: Server, page: tuple[Page, list[str]]
) -> None:
    """From Peta · Banten (parameters bound to the sidebar in the link), a misspelt name opens its profile
    and the profile's link names it."""
    kampung, name = server.serang_first
    tab, outside = page
    tab.goto(f"{server.url}/peta?prov=Banten")
    assert heading(tab) == "Peta · Banten"
    *first, last = name.split()
    typo = " ".join([*first, last[: len(last) // 2] + last[len(last) // 2 + 1 :]])  # one letter dropped
    box = tab.locator('[data-testid="stSidebar"]').get_by_label("Cari Kampung KB")
    box.fill(typo)
    box.press("Enter")
    settle(tab)
    tab.locator('[data-testid="stSidebar"]').get_by_role("button").filter(has_text=name).first.click()
    tab.wait_for_url(f"**/profil?*kampung={kampung}*")
    assert heading(tab) == "Profil Kampung KB"
    assert tab.locator('[data-testid="stMainBlockContainer"] h2').first.inner_text().strip() == name
    assert "prov=Banten" in tab.url
    assert tab.locator('[data-testid="stException"]').count() == 0
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / "cari_sidebar.png"), full_page=True)
    assert outside == []


def test_bahan_paparan_makes_a_pack_per_kabkota_in_one_zip(
    server: Server, page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    """Banten's eight kab/kota from one button: progress while they are made, then one zip of 16 files."""
    import zipfile

    tab, outside = page
    tab.goto(f"{server.url}/paparan?prov=Banten")
    assert heading(tab) == "Bahan paparan: Banten"
    tab.get_by_role("button", name="Buat paket per kab/kota (8) dalam satu zip").click()
    tab.get_by_role("progressbar").first.wait_for()
    download = tab.get_by_role("button", name="Unduh zip")
    download.wait_for(timeout=300_000)
    assert tab.get_by_text("8 paket siap (16 berkas").count() == 1
    with tab.expect_download() as got:
        download.click()
    saved = tmp_path / got.value.suggested_filename
    got.value.save_as(saved)
    assert saved.name.startswith("kampung-kb_banten_bahan-paparan-per-kabkota_")
    with zipfile.ZipFile(saved) as archive:
        names = archive.namelist()
    assert len(names) == 16 and names[0].startswith("001_kampung-kb_kab-pandeglang_bahan-paparan_")
    assert outside == []
