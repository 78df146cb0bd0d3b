"""``kkb.maps``: maps drawn offline, with codes for drill-down and names that never overlap."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kkb import geo, maps
from kkb.db import DATA_DIR


@pytest.fixture(scope="module")
def boundaries() -> dict[int, geo.GeoJson]:
    return geo.read_boundaries(DATA_DIR)


def test_the_choropleth_needs_no_tiles_and_carries_codes_for_drill_down(
    boundaries: dict[int, geo.GeoJson],
) -> None:
    shapes = geo.children_shapes(boundaries, "36")
    assert shapes is not None
    codes = [f["id"] for f in shapes["features"]]
    assert len(codes) == 8 and all(c.startswith("36.") for c in codes)
    frame = pd.DataFrame({"kode": codes, "wilayah": codes, "nilai": [90.0, 92.5, None, 95, 96, 97, 98, 100]})
    fig = maps.choropleth(frame, shapes, "nilai", "Peta", "Cakupan", "id", percent=True)
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
    names = maps.choropleth(frame, shapes, "nilai", "Peta", "x", "id", True).data[0]
    assert "Kab. Pandeglang" in names.text and "Kab. Lebak" in names.text
    # a city a few kilometres across is named on hover only, not drawn over its neighbours
    assert not any("Tangerang Selatan" in str(n) for n in names.text)
    hover = maps.choropleth(frame, shapes, "nilai", "Peta", "x", "id", True).data[-1]
    assert "Kota Tangerang Selatan" in [row[1] for row in hover.customdata]
    # each name sits inside its own region's box
    where = maps.label_points(shapes)
    lon, lat, width, height = where["36.02"]
    west, south, east, north = maps._bounds(
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
    assert maps.fitted_name(name, width, 3.0, scale=20.0) == expected


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
    fig = maps.points(frame, geo.outline_of(boundaries, "36.04"), "Titik", "id")
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
    assert maps.colour_range(pd.Series(values), percent) == expected


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
    placed = maps.place_names(kids, shapes)
    texts = [n for _, _, n in placed]
    assert "Kab. Serang" in texts
    serang = next((x, y) for x, y, n in placed if n == "Kab. Serang")
    ref = kids.set_index("kode").loc["36.04"]
    assert serang == (pytest.approx(ref["lng"]), pytest.approx(ref["lat"]))  # not on the enclave Kota Serang
    scale = maps.pixels_per_degree(shapes)
    boxes = []
    for x, y, n in placed:
        lines = n.split("<br>")
        w = max(map(len, lines)) * 0.6 * maps.LABEL_SIZE / scale / 2
        h = len(lines) * 1.3 * maps.LABEL_SIZE / scale / 2
        boxes.append((x - w, y - h, x + w, y + h))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
