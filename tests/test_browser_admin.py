"""An admin in a real browser: sign in on Kelola data, import each kind of file, and every page uses it.

Each test starts a server of its own on a copy of the database (``admin_server``), so that what
one import writes is seen by no other test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from kkb import db
from tests.browsing import (
    TWO_SERANG_ROWS,
    heading,
    pick_periode,
    settle,
    sign_in_and_upload,
    upload_as_admin,
    wait_charts,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "screenshots"


def test_an_admin_imports_a_file_in_the_browser_and_every_page_uses_it(
    admin_server: tuple[str, Path], page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    url, live = admin_server
    tab, outside = page
    source = tmp_path / "kampung_serang.csv"
    source.write_text(TWO_SERANG_ROWS, encoding="utf-8")
    sign_in_and_upload(tab, url, source)
    tab.get_by_text("2 baris siap diimpor.").wait_for()
    tab.get_by_role("button", name="Impor sekarang").click()
    tab.get_by_text("Impor #1 selesai: 2 baris baru").wait_for()
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / "kelola_id.png"), full_page=True)
    con = db.connect(live)
    assert db.query(con, "import_log_all")["nama_file"].tolist() == ["kampung_serang.csv"]
    con.close()

    tab.goto(f"{url}/jelajah?prov=Banten&kab=Kab.+Serang")
    assert heading(tab) == "Jelajah Kampung KB · Kab. Serang"
    assert tab.get_by_text("2 dari 2 Kampung KB di Kab. Serang ditampilkan.").count() == 1
    assert tab.get_by_text("Data sintetis").count() == 0  # real data only here now
    tab.goto(f"{url}/?prov=Riau")
    assert heading(tab) == "Ringkasan · Riau"
    assert tab.get_by_text("Data sintetis").count() >= 1
    assert outside == []


def test_an_admin_imports_the_portals_kampung_list_and_ringkasan_shows_it(
    admin_server: tuple[str, Path], page: tuple[Page, list[str]]
) -> None:
    url, _ = admin_server
    tab, outside = page
    tab.goto(f"{url}/kelola")
    assert heading(tab) == "Kelola data"
    tab.get_by_label("Kata sandi admin").fill("rahasia")
    tab.get_by_role("button", name="Masuk").click()
    settle(tab)
    listing = Path(__file__).resolve().parent / "data" / "portal_kampung_serang.csv"
    tab.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(listing))
    tab.get_by_text("Dikenali: daftar kampung Portal Kampung KB").wait_for()
    # read as Windows-1252, which it says, and TOYOMERTHO spelled otherwise
    tab.get_by_text("0 kesalahan, 2 peringatan").wait_for()
    tab.get_by_text("6 baris siap diimpor.").wait_for()
    tab.get_by_role("button", name="Impor sekarang").click()
    tab.get_by_text("Impor #1 selesai: 6 baris baru").wait_for()
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / "kelola_daftar_portal.png"), full_page=True)
    tab.goto(f"{url}/?prov=Banten&kab=Kab.+Serang")
    assert heading(tab) == "Ringkasan · Kab. Serang"
    figure = tab.locator('[data-testid="stMetricValue"]').first
    figure.wait_for()
    assert figure.inner_text() == "3"  # the three active Kampung KB of the list in Kab. Serang
    assert tab.get_by_text("Data sintetis").count() == 0
    # the charts say where their figures came from
    assert (
        tab.get_by_text(
            "Sumber: Portal Kampung KB, daftar kampung (impor #1, portal_kampung_serang.csv"
        ).count()
        >= 1
    )
    tab.screenshot(path=str(SHOTS / "ringkasan_daftar_portal.png"), full_page=True)
    assert outside == []


def test_an_admin_imports_the_portals_statistics_table_and_ringkasan_and_peta_show_it(
    admin_server: tuple[str, Path], page: tuple[Page, list[str]]
) -> None:
    url, _ = admin_server
    tab, outside = page
    recognised = "tabel statistik klasifikasi Portal Kampung KB"
    upload_as_admin(tab, url, "statistik_klasifikasi_banten.xlsx", recognised)
    # the table prints no date: nothing is checked until the official says which month it describes
    tab.get_by_text("Pilih periode (bulan) yang digambarkannya").wait_for()
    pick_periode(tab, "2025-10")
    tab.get_by_text("8 kab/kota Provinsi Banten, periode 2025-10, 2.431 Kampung KB").wait_for()
    tab.get_by_text("8 baris siap diimpor.").wait_for()
    tab.get_by_role("button", name="Impor sekarang").click()
    tab.get_by_text("Impor #1 selesai: 8 baris baru").wait_for()
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / "kelola_statistik.png"), full_page=True)
    source = (
        "Sumber: Portal Kampung KB, statistik klasifikasi, periode 2025-10 "
        "(impor #1, statistik_klasifikasi_banten.xlsx"
    )

    tab.goto(f"{url}/?prov=Banten")
    assert heading(tab) == "Ringkasan · Banten"
    figure = tab.locator('[data-testid="stMetricValue"]').first
    figure.wait_for()
    assert figure.inner_text() == "2.431"  # the table's Total
    assert tab.get_by_text("Data sintetis").count() == 0
    assert tab.get_by_text(source).count() >= 1
    tab.screenshot(path=str(SHOTS / "ringkasan_statistik.png"), full_page=True)

    tab.goto(f"{url}/peta?prov=Banten")
    assert heading(tab) == "Peta · Banten"
    assert wait_charts(tab, 1) >= 1
    assert tab.get_by_text("Data sintetis").count() == 0
    assert tab.get_by_text(source).count() >= 1
    # village coverage is unknown from totals: the map shows a figure the table gives
    metric = tab.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').filter(has_text="Metrik peta")
    assert "Cakupan desa/kelurahan" not in metric.inner_text()
    tab.screenshot(path=str(SHOTS / "peta_statistik.png"), full_page=True)
    assert outside == []


def test_an_admin_imports_the_portals_classification_export_and_the_profile_shows_both_classes(
    admin_server: tuple[str, Path], page: tuple[Page, list[str]]
) -> None:
    url, live = admin_server
    tab, outside = page
    recognised = "rekap klasifikasi admin Portal Kampung KB"
    upload_as_admin(tab, url, "classification-table_20251015093000.xlsx", recognised)
    # the export's name says when it was made: offered as a hint, the official still chooses
    tab.get_by_text("Nama berkas ini menunjukkan diekspor pada 2025-10").wait_for()
    pick_periode(tab, "2025-10")
    tab.get_by_text("1 kelas tercetak tidak sesuai skornya").wait_for()
    tab.get_by_role("button", name="Impor sekarang").click()
    tab.get_by_text("Impor #1 selesai: 7 baris baru").wait_for()
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / "kelola_klasifikasi.png"), full_page=True)

    con = db.connect(live)
    try:
        (kampung,) = con.execute("SELECT id FROM kampung_kb WHERE nama = 'KAMPUNG KB MARGASANA'").fetchone()
    finally:
        con.close()
    tab.goto(f"{url}/profil?prov=Banten&kab=Kab.%20Serang&periode=2025-10&kampung={kampung}")
    tab.get_by_text("Berkas sumber mencetak kelas Berkelanjutan").wait_for()
    tab.get_by_text("aturan portal dari 12 skor yang sama memberi Mandiri").wait_for()
    tab.get_by_text("tidak diketahui (tercatat sejak 2025-10)").wait_for()
    # the file has scores, not the figures behind them: data quality is unknown, not clean
    tab.get_by_text("Tidak dapat diperiksa: sumber laporan ini memberi skor").wait_for()
    assert tab.get_by_text("Tidak ada catatan kualitas data").count() == 0
    assert wait_charts(tab, 1) >= 1
    tab.screenshot(path=str(SHOTS / "profil_klasifikasi.png"), full_page=True)

    tab.goto(f"{url}/jelajah?prov=Banten&kab=Kab.%20Serang&periode=2025-10")
    grid = tab.locator('[data-testid="stDataFrame"]')
    grid.wait_for()
    # the grid draws on a canvas; its accessible table holds the headers and cells
    grid.locator("th", has_text="Kelas tercetak").wait_for(state="attached")
    cells = grid.locator("td").all_text_contents()
    assert "tidak diketahui" in cells and "Berkelanjutan" in cells  # no year given; MARGASANA's printed class
    assert tab.get_by_text("Data sintetis").count() == 0
    tab.screenshot(path=str(SHOTS / "jelajah_klasifikasi.png"), full_page=True)
    assert outside == []


def test_an_admin_imports_new_sigas_monthly_recaps_and_the_map_and_ringkasan_show_the_context(
    admin_server: tuple[str, Path], page: tuple[Page, list[str]]
) -> None:
    url, _ = admin_server
    tab, outside = page
    upload_as_admin(tab, url, "siga_kampung_kb_banten.csv", "rekap Kampung KB per desa New SIGA (FORMATS §C)")
    pick_periode(tab, "2025-08")
    tab.get_by_role("button", name="Impor sekarang").click()
    tab.get_by_text("Impor #1 selesai").wait_for()
    for number, name in enumerate(("siga_pus_serang.csv", "siga_metode_serang.csv"), start=2):
        upload_as_admin(tab, url, name, "rekap bulanan per desa New SIGA (FORMATS §D)")
        tab.get_by_text("tanpa tahun").first.wait_for()  # the year is asked for, never guessed
        pick_periode(tab, "2025", label="Tahun bulan-bulan rekap ini")
        tab.get_by_text("baris siap diimpor.").wait_for()
        tab.get_by_role("button", name="Impor sekarang").click()
        tab.get_by_text(f"Impor #{number} selesai").wait_for()
    source = "New SIGA, rekap bulanan per desa (siga_metode_serang.csv, siga_pus_serang.csv), 2025-09"
    shape = "rekap bulanan poktan atau Rumah DataKu per desa New SIGA (FORMATS §D)"
    upload_as_admin(tab, url, "siga_bkb_serang.csv", shape)
    pick_periode(tab, "2025", label="Tahun bulan-bulan rekap ini")
    tab.get_by_text("Nama berkas ini menyebut BKB").wait_for()  # a hint: the kind is still asked for
    pick_periode(tab, "BKB — Bina Keluarga Balita", label="Jenis poktan rekap ini")
    tab.get_by_text("baris siap diimpor.").wait_for()
    tab.get_by_role("button", name="Impor sekarang").click()
    tab.get_by_text("Impor #4 selesai").wait_for()

    tab.goto(f"{url}/peta?prov=Banten&metrik=Unmet+need+(New+SIGA)")
    assert heading(tab) == "Peta · Banten"
    assert wait_charts(tab, 1) >= 1
    title = tab.locator(".js-plotly-plot .gtitle").first.text_content() or ""  # on two lines: no space
    assert title.replace("kota,", "kota, ") == "Unmet need (New SIGA) per kabupaten/kota, Banten, 2025-09"
    assert tab.get_by_text(source).count() >= 1
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / "peta_unmet_need.png"), full_page=True)

    tab.goto(f"{url}/?prov=Banten&kab=Kab.+Serang")
    assert heading(tab) == "Ringkasan · Kab. Serang"
    tab.get_by_text("Konteks KB (New SIGA)").wait_for()
    tab.get_by_text("Desa dengan dan tanpa Kampung KB · Kab. Serang · 2025-09").wait_for()
    assert tab.get_by_text("Ini perbandingan, bukan bukti pengaruh").count() == 1
    assert tab.get_by_text(source).count() >= 2  # under the figures and under the comparison
    tab.get_by_text("Konteks KB (New SIGA)").scroll_into_view_if_needed()
    tab.screenshot(path=str(SHOTS / "ringkasan_konteks.png"))
    # a chart title, set on two lines (chart_style.wrapped)
    tab.locator(".gtitle").filter(has_text="Poktan di Kab. Serang:").filter(
        has_text="yang melapor"
    ).wait_for()
    poktan = "New SIGA, rekap bulanan poktan dan Rumah DataKu per desa: BKB 2025-08 (siga_bkb_serang.csv)"
    assert tab.get_by_text(poktan).count() >= 1
    tab.get_by_text("Poktan dan Rumah DataKu", exact=True).scroll_into_view_if_needed()
    tab.screenshot(path=str(SHOTS / "ringkasan_poktan.png"))
    assert outside == []
