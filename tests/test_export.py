"""Chart export (PNG/SVG with the caption baked in) and Excel tables, as a presenter or analyst gets them."""

from __future__ import annotations

import io
from collections.abc import Iterator

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from openpyxl import load_workbook
from PIL import Image

from kkb import charts, export, fmt

CAPTION = "Sumber: registri demo sintetis · data per 2025-12 · metode portal-2021"


@pytest.fixture(scope="module", autouse=True)
def one_chromium() -> Iterator[None]:
    """One Chromium for the module's drawings, as a briefing pack keeps one (each fresh one costs seconds)."""
    with export.renderer():
        yield


@pytest.fixture(scope="module")
def figure() -> go.Figure:
    trend = pd.DataFrame(
        {
            "periode": ["2025-10", "2025-11", "2025-12"],
            "pembentukan": [10, 12, 15],
            "terklasifikasi": [8, 10, 12],
            "dasar": [4, 4, 5],
            "berkembang": [2, 3, 3],
            "mandiri": [1, 2, 2],
            "berkelanjutan": [1, 1, 2],
        }
    )
    return charts.class_trend(trend, "Kampung KB menurut klasifikasi per bulan, Banten", "id")


def test_file_names_say_region_metric_and_periode() -> None:
    assert export.slug("Kab. Serang") == "kab-serang"
    assert export.slug("Kota Tangerang Selatan") == "kota-tangerang-selatan"
    assert export.slug("Pasir Jaya ☺ (RW 05)") == "pasir-jaya-rw-05"
    stem = export.file_stem("Kab. Serang", "peta-cakupan_desa_persen", "2025-12")
    assert stem == "kampung-kb_kab-serang_peta-cakupan-desa-persen_2025-12"


def test_this_machine_can_draw_charts() -> None:
    # CI installs Debian's chromium; without it every export test below would be meaningless
    assert export.available(), "kaleido needs Debian's chromium (apt install chromium)"


def test_svg_carries_title_legend_and_caption(figure: go.Figure) -> None:
    svg = export.image(figure, CAPTION, "svg").decode()
    assert svg.startswith("<svg")
    assert "Kampung KB menurut klasifikasi per bulan, Banten" in svg
    assert "Sumber: registri demo sintetis" in svg and "2025-12" in svg
    for name in ("Dasar", "Berkembang", "Mandiri", "Berkelanjutan"):
        assert name in svg  # the legend
    assert f'width="{export.WIDTH}"' in svg


def _dark_pixels(png: bytes, box: tuple[int, int, int, int]) -> int:
    image = Image.open(io.BytesIO(png)).convert("L").crop(box)
    return int((np.asarray(image) < 160).sum())


def test_png_is_twice_the_size_with_the_caption_drawn_under_the_plot(figure: go.Figure) -> None:
    png = export.image(figure, CAPTION, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = Image.open(io.BytesIO(png)).size
    assert (width, height) == (export.WIDTH * export.SCALE, export.HEIGHT * export.SCALE)
    # the caption's strip: the bottom of the image, left part
    strip = (0, height - 80, width // 2, height)
    assert _dark_pixels(png, strip) > 200
    assert _dark_pixels(export.image(figure, "", "png"), strip) == 0


def test_export_leaves_the_dashboard_figure_alone(figure: go.Figure) -> None:
    before = figure.to_json()
    export.image(figure, CAPTION, "svg")
    assert figure.to_json() == before


def test_excel_has_indonesian_headers_number_formats_and_an_about_sheet() -> None:
    frame = pd.DataFrame(
        {
            "wilayah": ["Banten", '=HYPERLINK("x")'],
            "pembentukan": [1161, 2052],
            "cakupan_desa_persen": [74.52, 100.0],
            "laju": [15.25, 3.5],
            "catatan_lain": ["a", None],
        }
    )
    book = load_workbook(io.BytesIO(export.excel(frame, "id", sheet="peringkat", about={"Judul": "Uji"})))
    sheet = book["peringkat"]
    headers = [c.value for c in sheet[1]]
    assert headers == [
        "Wilayah",
        "Kampung KB terbentuk",
        "Cakupan desa/kelurahan (%)",
        "Laju pembentukan",
        "Catatan lain",
    ]
    assert sheet["B2"].value == 1161 and sheet["B2"].number_format == "#,##0"
    assert sheet["C2"].value == pytest.approx(74.52) and sheet["C2"].number_format == '#,##0.00" %"'
    assert sheet["D3"].value == pytest.approx(3.5) and sheet["D3"].number_format == "#,##0.00"
    assert sheet["A3"].value.startswith("'=")  # a formula in a name is shown as text, never run
    assert sheet["E3"].value is None
    assert sheet.freeze_panes == "A2"
    about = {row[0].value: row[1].value for row in book["keterangan"].iter_rows()}
    assert about["Judul"] == "Uji" and "Dibuat" in about


def test_excel_headers_follow_the_language() -> None:
    frame = pd.DataFrame({"pembentukan": [1], "mandiri_plus_persen": [24.28]})
    book = load_workbook(io.BytesIO(export.excel(frame, "en")))
    assert [c.value for c in book["data"][1]] == ["Kampung KB formed", "Mandiri plus (%)"]
    assert "about" in book.sheetnames


def test_csv_follows_the_language_of_the_spreadsheet() -> None:
    frame = pd.DataFrame(
        {
            "wilayah": ["Banten", "=cmd"],
            "pembentukan": [1161, 5],
            "mandiri_plus_persen": [24.2826086956521, 1 / 3],
        }
    )
    indonesian = export.csv(frame, "id").decode("utf-8-sig").splitlines()
    assert indonesian[0] == "Wilayah;Kampung KB terbentuk;Mandiri plus (%)"
    assert indonesian[1] == "Banten;1161;24,28"  # a semicolon between fields, a decimal comma, two decimals
    assert indonesian[2].startswith("'=cmd;")
    english = export.csv(frame, "en").decode("utf-8-sig").splitlines()
    assert english[0] == "Region,Kampung KB formed,Mandiri plus (%)" and english[1] == "Banten,1161,24.28"


def test_tables_on_screen_show_labels_and_the_languages_numbers() -> None:
    frame = pd.DataFrame(
        {"pembentukan": [1875, 906], "nilai": [1875.0, 2.5], "mandiri_plus_persen": [24.28, None]}
    )
    shown = export.display(frame, "id")
    assert list(shown.columns) == ["Kampung KB terbentuk", "Nilai", "Mandiri plus (%)"]
    assert list(shown["Kampung KB terbentuk"]) == ["1.875", "906"]
    assert list(shown["Nilai"]) == ["1.875,00", "2,50"]
    assert list(shown["Mandiri plus (%)"]) == ["24,28 %", "–"]
    assert list(export.display(frame, "en")["Kampung KB formed"]) == ["1,875", "906"]


@pytest.mark.parametrize(
    "value",
    [
        "[Sesi berakhir - masuk lagi](http://contoh.invalid/masuk)",
        "![x](http://contoh.invalid/x.png)",
        "# Judul besar",
        "- butir\n- butir",
        ":red[merah] :material/home: $x^2$",
        "<b>tebal</b> `kode` **tebal** _miring_",
        "www.contoh.invalid dan http://contoh.invalid",
    ],
    ids=["link", "image", "heading", "list", "directives", "html-code-emphasis", "autolinks"],
)
def test_a_value_is_shown_as_typed_never_as_markdown(value: str) -> None:
    import re

    shown = fmt.plain(value)
    unescaped = re.sub(r"\\.", "", shown)  # what markdown would still read after the escapes
    assert not set(unescaped) & set("[]()!#*_`<>:$-.")
    # every character still there, beside the invisible joiners that break bare addresses
    assert re.sub(r"\\(.)", r"\1", shown).replace(fmt.WORD_JOINER, "") == " ".join(value.split())


def test_a_bare_address_in_a_value_is_not_made_a_link() -> None:
    import re

    # GFM links http://…, www.… and a@b.c found in the text after escapes: a joiner must break each
    read = re.sub(
        r"\\(.)", r"\1", fmt.plain("lihat www.contoh.invalid, HTTPS://contoh.invalid, a@contoh.invalid")
    )
    assert not re.search(r"(?i)https?:|www\.|\w@", read)


def test_only_an_https_source_becomes_a_link() -> None:
    assert fmt.https_link("BKKBN Riau", "https://riau.antaranews.com/berita/1") == (
        "[BKKBN Riau](https://riau.antaranews.com/berita/1)"
    )
    for url in (
        "http://contoh.invalid",
        "javascript:alert(1)",
        "https://a.invalid/x) ![y](https://b.invalid",
    ):
        assert "](" not in fmt.https_link("sumber", url)
