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
    frame = pd.DataFrame({"kode": codes, "nama": codes, "nilai": [90.0, 92.5, None, 95, 96, 97, 98, 100]})
    fig = charts.choropleth(frame, shapes, "nilai", "Peta", "Cakupan", "id", percent=True)
    spec = json.loads(fig.to_json())
    assert spec["layout"]["map"]["style"] == "white-bg"
    assert "layers" not in spec["layout"]["map"]  # no tile source of any kind
    grey, coloured = fig.data
    assert list(grey.locations) == [codes[2]]  # the region without a value is drawn grey
    assert [row[0] for row in coloured.customdata] == [c for c in codes if c != codes[2]]
    assert (coloured.zmin, coloured.zmax) == (90.0, 100.0)


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


def test_the_map_view_fits_the_region(boundaries: dict[int, geo.GeoJson]) -> None:
    nation = charts.view_of(boundaries[1])
    banten = charts.view_of(geo.children_shapes(boundaries, "36") or {})
    assert 95 < nation["center"]["lon"] < 135 and -11 < nation["center"]["lat"] < 6
    assert 105 < banten["center"]["lon"] < 107 and -7.5 < banten["center"]["lat"] < -5.5
    assert banten["zoom"] > nation["zoom"] + 2


def test_the_ranking_leaves_room_for_its_labels() -> None:
    frame = pd.DataFrame({"w": ["a", "b", "c"], "x": [100.0, 50.0, None]})
    fig = charts.ranking(frame, "w", "x", "t", "x", "id", True, ["a"])
    assert list(fig.data[0].y) == ["a", "b", "c"]
    assert fig.layout.xaxis.range[1] > 100
    assert list(fig.data[0].text) == ["100,0 %", "50,0 %", "–"]
    assert fig.data[0].marker.color[0] == charts.ACCENT and fig.data[0].marker.color[1] == charts.MUTED
