"""Figure builders: explicit template, language separators, class colours, offline maps, drill-down data."""

from __future__ import annotations

import json

import pandas as pd
import plotly.io as pio
import pytest

from kkb import charts, geo
from kkb.classification import CLASSES
from kkb.db import DATA_DIR

MIX = pd.DataFrame(
    {
        "wilayah": ["Banten", "Riau"],
        "dasar": [35, 4],
        "berkembang": [30, 4],
        "mandiri": [21, 48],
        "berkelanjutan": [14, 44],
    }
)


@pytest.fixture(scope="module")
def boundaries() -> dict[int, geo.GeoJson]:
    return geo.read_boundaries(DATA_DIR)


def test_the_template_is_set_explicitly_whatever_plotlys_default_is() -> None:
    before = pio.templates.default
    pio.templates.default = "ggplot2"  # as if another library (streamlit) had changed it
    try:
        fig = charts.class_mix(MIX, "wilayah", "Komposisi", "id")
    finally:
        pio.templates.default = before
    assert fig.layout.template.layout.font.family == charts.FONT
    assert fig.layout.title.text == "Komposisi"


@pytest.mark.parametrize(("lang", "separators", "suffix"), [("id", ",.", " %"), ("en", ".,", "%")])
def test_numbers_follow_the_language(lang: str, separators: str, suffix: str) -> None:
    fig = charts.class_mix(MIX, "wilayah", "t", lang)
    assert fig.layout.separators == separators
    assert fig.layout.xaxis.ticksuffix == suffix
    banten_dasar = fig.data[0].text[0]
    assert banten_dasar == ("35,0 %" if lang == "id" else "35.0%")


def test_class_colours_follow_the_portal_and_each_class_is_labelled() -> None:
    fig = charts.class_mix(MIX, "wilayah", "t", "id")
    assert [bar.name for bar in fig.data] == list(CLASSES)
    assert [bar.marker.color for bar in fig.data] == [charts.CLASS_COLOURS[c] for c in CLASSES]
    # red, yellow, green, blue as on the portal; all four distinct
    assert len(set(charts.CLASS_COLOURS.values())) == 4
    shares = [bar.x[1] for bar in fig.data]  # Riau
    assert sum(shares) == pytest.approx(100)
    assert shares[2] == pytest.approx(48)


def test_the_choropleth_needs_no_tiles_and_carries_codes_for_drill_down(
    boundaries: dict[int, geo.GeoJson],
) -> None:
    shapes = geo.children_shapes(boundaries, "36")
    assert shapes is not None
    codes = [f["id"] for f in shapes["features"]]
    assert len(codes) == 8 and all(c.startswith("36.") for c in codes)
    frame = pd.DataFrame({"kode": codes, "wilayah": codes, "nilai": [90.0, 92.5, None, 95, 96, 97, 98, 100]})
    fig = charts.choropleth(frame, shapes, "nilai", "Peta", "Cakupan", "id", percent=True)
    spec = json.loads(fig.to_json())
    assert spec["layout"]["geo"]["visible"] is False  # no base layer, so no world outline is fetched
    assert "map" not in spec["layout"] and "mapbox" not in spec["layout"]  # no tiles of any kind
    # plotly.js asks a CDN for its world outline when the map's first trace has a location mode
    first = spec["data"][0]
    assert first["type"] == "scattergeo" and "locationmode" not in first and "locations" not in first
    _names, grey, coloured = fig.data
    assert list(grey.locations) == [codes[2]]  # the region without a value is drawn grey
    assert [row[0] for row in coloured.customdata] == [c for c in codes if c != codes[2]]
    assert (coloured.zmin, coloured.zmax) == (90.0, 100.0)


def test_the_map_names_the_regions_where_the_name_fits(boundaries: dict[int, geo.GeoJson]) -> None:
    shapes = geo.children_shapes(boundaries, "36")
    assert shapes is not None
    labels = {
        "36.01": "Kab. Pandeglang",
        "36.02": "Kab. Lebak",
        "36.71": "Kota Tangerang",
        "36.74": "Kota Tangerang Selatan",
    }
    frame = pd.DataFrame({"kode": [f["id"] for f in shapes["features"]], "nilai": 50.0}).assign(
        wilayah=lambda f: [labels.get(c, c) for c in f["kode"]]
    )
    names = charts.choropleth(frame, shapes, "nilai", "Peta", "x", "id", True).data[0]
    assert "Kab. Pandeglang" in names.text and "Kab. Lebak" in names.text
    # a city a few kilometres across is named on hover only, not drawn over its neighbours
    assert not any("Tangerang Selatan" in str(n) for n in names.text)
    hover = charts.choropleth(frame, shapes, "nilai", "Peta", "x", "id", True).data[-1]
    assert "Kota Tangerang Selatan" in [row[1] for row in hover.customdata]
    # each name sits inside its own region's box
    where = charts.label_points(shapes)
    lon, lat, width, height = where["36.02"]
    west, south, east, north = charts._bounds(
        {"features": [f for f in shapes["features"] if f["id"] == "36.02"]}
    )
    assert west <= lon <= east and south <= lat <= north and width > 0 and height > 0


@pytest.mark.parametrize(
    ("name", "width", "expected"),
    [
        ("Riau", 5.0, "Riau"),
        ("Kalimantan Tengah", 4.5, "Kalimantan<br>Tengah"),
        ("Kalimantan Tengah", 1.0, None),
        ("Banten", 1.2, None),
    ],
)
def test_a_long_name_wraps_before_it_is_left_out(name: str, width: float, expected: str | None) -> None:
    assert charts.fitted_name(name, width, 3.0, scale=20.0) == expected


def test_the_points_open_profiles_and_kecamatan_give_bearings(boundaries: dict[int, geo.GeoJson]) -> None:
    frame = pd.DataFrame(
        {
            "id": ["K1", "K2", "K3"],
            "nama": ["Kampung A", "Kampung B", "Kampung C"],
            "kecamatan": ["Cikande", "Cikande", "Anyar"],
            "klasifikasi": ["Dasar", "Mandiri", None],
            "lat": [-6.10, -6.30, -6.05],
            "lng": [106.30, 106.40, 105.90],
        }
    )
    fig = charts.points(frame, geo.outline_of(boundaries, "36.04"), "Titik", "id")
    spec = json.loads(fig.to_json())
    assert spec["data"][0]["type"] == "scattergeo" and "locations" not in spec["data"][0]
    markers = [tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "markers"]
    assert sorted(row[0] for tr in markers for row in tr.customdata) == ["K1", "K2", "K3"]
    names = fig.data[-1]
    assert names.mode == "text" and "Cikande" in names.text
    assert spec["layout"]["geo"]["visible"] is False


@pytest.mark.parametrize(
    ("values", "percent", "expected"),
    [
        ([92.3, 100.0], True, (90.0, 100.0)),
        ([100.0, 100.0], True, (95.0, 100.0)),
        ([0.0, 0.0], True, (0.0, 5.0)),
        ([12.0, 130.0], True, (10.0, 130.0)),
        ([3.0, 1200.0], False, (0.0, 1200.0)),
    ],
)
def test_colour_range_spans_the_data_in_round_numbers(
    values: list[float], percent: bool, expected: tuple[float, float]
) -> None:
    assert charts.colour_range(pd.Series(values), percent) == expected


def test_the_ranking_leaves_room_for_its_labels() -> None:
    frame = pd.DataFrame({"w": ["a", "b", "c"], "x": [100.0, 50.0, None]})
    fig = charts.ranking(frame, "w", "x", "t", "x", "id", True, ["a"])
    assert list(fig.data[0].y) == ["a", "b", "c"]
    assert fig.layout.xaxis.range[1] > 100
    assert list(fig.data[0].text) == ["100,0 %", "50,0 %", "–"]
    assert fig.data[0].marker.color[0] == charts.ACCENT and fig.data[0].marker.color[1] == charts.MUTED


def test_the_100_percent_line_crosses_no_value_label() -> None:
    frame = pd.DataFrame({"w": ["a", "b", "c"], "capaian_persen": [95.4, 100.0, 103.0]})
    fig = charts.attainment(frame, "w", "t", "id")
    bar = fig.data[0]
    assert bar.text is None  # no label sits on or beside a bar, where the line runs
    plot_right = fig.layout.xaxis.domain[1]
    values = [a for a in fig.layout.annotations if a.xref == "paper"]
    assert [a.text for a in values] == ["95,4 %", "100,0 %", "103,0 %"]
    assert all(a.x == 1 and a.xanchor == "right" for a in values) and plot_right <= 0.86
    (line_label,) = [a for a in fig.layout.annotations if a.xref == "x"]
    assert line_label.x == 100 and line_label.yref == "paper" and line_label.y >= 1  # above the bars


def test_ranking_labels_stay_readable_on_thin_bars() -> None:
    frame = pd.DataFrame({"w": [f"r{i}" for i in range(34)], "x": [float(i) for i in range(34)]})
    fig = charts.ranking(frame, "w", "x", "t", "x", "id", True)
    assert fig.data[0].constraintext == "none" and fig.data[0].textfont.size >= 12
    assert fig.layout.height >= 28 * 34


def test_region_names_sit_on_their_label_points_and_never_overlap(boundaries: dict[int, geo.GeoJson]) -> None:
    from kkb import db as kkb_db
    from kkb.regions import read_reference, wilayah_table

    wilayah = wilayah_table(read_reference(kkb_db.DATA_DIR))
    shapes = geo.children_shapes(boundaries, "36")
    assert shapes is not None
    kids = wilayah[wilayah["kode_induk"] == "36"].assign(
        wilayah=lambda f: [
            ("Kota " if j == "Kota" else "Kab. ") + n
            for n, j in zip(f["nama_singkat"], f["jenis"], strict=True)
        ]
    )
    placed = charts.place_names(kids, shapes)
    texts = [n for _, _, n in placed]
    assert "Kab. Serang" in texts
    serang = next((x, y) for x, y, n in placed if n == "Kab. Serang")
    ref = kids.set_index("kode").loc["36.04"]
    assert serang == (pytest.approx(ref["lng"]), pytest.approx(ref["lat"]))  # not on the enclave Kota Serang
    scale = charts.pixels_per_degree(shapes)
    boxes = []
    for x, y, n in placed:
        lines = n.split("<br>")
        w = max(map(len, lines)) * 0.6 * charts.LABEL_SIZE / scale / 2
        h = len(lines) * 1.3 * charts.LABEL_SIZE / scale / 2
        boxes.append((x - w, y - h, x + w, y + h))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
