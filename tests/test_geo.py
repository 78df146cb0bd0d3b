"""Boundaries: the national map's simplified provinces, and the detail kept below the nation."""

from __future__ import annotations

import itertools
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kkb import geo
from kkb.db import DATA_DIR
from kkb.regions import NATION


@pytest.fixture(scope="module")
def boundaries() -> dict[int, geo.GeoJson]:
    return geo.read_boundaries(DATA_DIR)


def _parts(feature: geo.GeoJson) -> list[list[geo.Ring]]:
    geometry = feature["geometry"]
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


def _points(shapes: geo.GeoJson) -> list[tuple[float, float]]:
    return [(x, y) for f in shapes["features"] for part in _parts(f) for ring in part for x, y in ring]


def _square(side: float, at: tuple[float, float] = (0.0, 0.0)) -> geo.Ring:
    """A closed square ring with the midpoint of every side as an extra point."""
    x, y = at
    h = side / 2
    return [[x, y], [x + h, y], [x + side, y], [x + side, y + h], [x + side, y + side],
            [x + h, y + side], [x, y + side], [x, y + h], [x, y]]  # fmt: skip


def _collection(*parts: list[geo.Ring]) -> geo.GeoJson:
    geometry = {"type": "MultiPolygon", "coordinates": list(parts)}
    return {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "99", "geometry": geometry}]}


def test_the_national_map_has_every_province_with_a_quarter_of_the_points(boundaries) -> None:
    full, view = boundaries[1], geo.children_shapes(boundaries, NATION)
    assert view is boundaries[geo.NATION_VIEW]
    assert [f["id"] for f in view["features"]] == [f["id"] for f in full["features"]]
    assert len(view["features"]) == 38
    assert all(_parts(f) for f in view["features"])
    assert len(_points(view)) < len(_points(full)) / 3
    assert len(json.dumps(view, separators=(",", ":"))) < 250_000  # what the map sends, was 657 KB
    # nothing is invented: every point drawn is a point of the published boundary
    assert set(_points(view)) <= set(_points(full))


def test_every_ring_of_the_national_map_is_closed_with_three_corners_or_more(boundaries) -> None:
    for feature in boundaries[geo.NATION_VIEW]["features"]:
        for part in _parts(feature):
            for ring in part:
                assert len(ring) >= 4 and ring[0] == ring[-1], feature["id"]


def test_below_the_nation_maps_keep_the_published_detail(boundaries) -> None:
    banten = geo.children_shapes(boundaries, "36")
    assert banten is not None
    assert banten["features"] == [f for f in boundaries[2]["features"] if f["id"].startswith("36.")]
    outline = geo.outline_of(boundaries, "14")
    assert outline is not None
    assert outline["features"] == [f for f in boundaries[1]["features"] if f["id"] == "14"]


def test_points_on_a_straight_side_go_and_corners_stay() -> None:
    out = geo.simplified(_collection([_square(1.0)]), tolerance=0.01, min_size=0.1)
    assert _points(out) == [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]


def test_small_islands_go_but_a_region_keeps_its_largest_one() -> None:
    main, islet = _square(1.0), _square(0.01, at=(5.0, 5.0))
    out = geo.simplified(_collection([main], [islet]), tolerance=0.001, min_size=0.05)
    assert len(_parts(out["features"][0])) == 1
    only_islets = geo.simplified(_collection([islet], [_square(0.005, at=(7.0, 7.0))]), 0.001, 0.05)
    assert _parts(only_islets["features"][0]) == [[geo._simplify_ring(islet, 0.001)]]


def _distance_to_segment(p: tuple[float, float], a: list[float], b: list[float]) -> float:
    return math.sqrt(geo._segment_distance2(list(p), a, b))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0, 10), st.floats(0, 10)), min_size=5, max_size=60),
    st.floats(0.001, 2.0),
)
def test_no_dropped_point_lies_farther_than_the_tolerance(points, tolerance) -> None:
    line = [list(p) for p in points]
    kept = geo._simplify_ring(line, tolerance)
    assert kept[0] == line[0] and kept[-1] == line[-1]
    for p in points:
        nearest = min(_distance_to_segment(p, a, b) for a, b in itertools.pairwise(kept))
        assert nearest <= tolerance + 1e-9
