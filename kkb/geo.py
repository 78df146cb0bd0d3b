"""Boundaries (``data/batas_*.geojson``): read once, then cut to the regions a map shows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kkb.errors import DataFileError
from kkb.regions import NATION, level_of

FILES = {1: "batas_provinsi.geojson", 2: "batas_kabkota.geojson"}
#: key of ``read_boundaries`` for the provinces as the national map draws them (see ``simplified``)
NATION_VIEW = 0
#: The national map shows Indonesia (46° wide) at about 0.04° per pixel. Its province polygons are
#: simplified to half a pixel and islands under about a pixel across are left out, which takes the
#: map from 34,000 points and 660 KB to about a quarter of that. Provinces keep their largest island.
NATION_TOLERANCE = 0.02
NATION_MIN_SIZE = 0.05

GeoJson = dict[str, Any]
Ring = list[list[float]]


def read_boundaries(data_dir: Path) -> dict[int, GeoJson]:
    """Both boundary files keyed by level (1 provinsi, 2 kab/kota); every feature's ``id`` is its code.

    Key ``NATION_VIEW`` holds the provinces simplified for the national map.
    """
    out: dict[int, GeoJson] = {}
    for level, name in FILES.items():
        path = data_dir / name
        try:
            out[level] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DataFileError(
                path, "berkas batas wilayah tidak ada", "pulihkan dengan `git checkout -- data/`"
            ) from None
        except json.JSONDecodeError as exc:
            raise DataFileError(path, f"bukan GeoJSON yang sah ({exc})") from exc
    out[NATION_VIEW] = simplified(out[1], NATION_TOLERANCE, NATION_MIN_SIZE)
    return out


def simplified(shapes: GeoJson, tolerance: float, min_size: float) -> GeoJson:
    """A copy of ``shapes`` for a small scale, with fewer points and without the smallest islands.

    Every ring is simplified (Douglas–Peucker, ``tolerance`` in degrees) and every polygon part
    whose extent is under ``min_size`` degrees is left out. Each feature keeps its largest part,
    however small, so no region disappears from the map.
    """
    features = []
    for feature in shapes["features"]:
        geometry = feature["geometry"]
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        largest = max(parts, key=lambda part: _extent(part[0]))
        kept = []
        for part in parts:
            if part is not largest and _extent(part[0]) < min_size:
                continue
            outer, *holes = (_simplify_ring(ring, tolerance) for ring in part)
            if len(outer) >= 4:  # a closed ring needs three corners and its closing point
                kept.append([outer, *(hole for hole in holes if len(hole) >= 4)])
        if not kept:  # the largest part collapsed below a triangle: draw it as it was
            kept = [largest]
        features.append({**feature, "geometry": {"type": "MultiPolygon", "coordinates": kept}})
    return {**shapes, "features": features}


def _extent(ring: Ring) -> float:
    """The larger side of the ring's bounding box, in degrees."""
    xs = [point[0] for point in ring]
    ys = [point[1] for point in ring]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def _simplify_ring(ring: Ring, tolerance: float) -> Ring:
    """The points of ``ring`` that Douglas–Peucker keeps.

    No dropped point lies farther than ``tolerance`` from the result. The first and last points
    (the same for a closed ring) are always kept.
    """
    n = len(ring)
    if n <= 4:
        return ring
    keep = [False] * n
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        worst, at = -1.0, -1
        for i in range(first + 1, last):
            distance = _segment_distance2(ring[i], ring[first], ring[last])
            if distance > worst:
                worst, at = distance, i
        if worst > limit:
            keep[at] = True
            stack.extend(((first, at), (at, last)))
    return [point for point, kept in zip(ring, keep, strict=True) if kept]


def _segment_distance2(point: list[float], a: list[float], b: list[float]) -> float:
    """The squared distance from ``point`` to the segment ``a``–``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length2
    t = min(1.0, max(0.0, t))
    ex, ey = point[0] - a[0] - t * dx, point[1] - a[1] - t * dy
    return ex * ex + ey * ey


def children_shapes(boundaries: dict[int, GeoJson], code: str) -> GeoJson | None:
    """The polygons one level below ``code`` (provinces of the nation, kab/kota of a province).

    None below a province: kecamatan boundaries are not shipped.
    """
    level = level_of(code)
    if level >= 2:
        return None
    if code == NATION:
        return boundaries.get(NATION_VIEW, boundaries[1])
    features = boundaries[level + 1]["features"]
    if code != NATION:
        features = [f for f in features if str(f["id"]).startswith(code + ".")]
    return {"type": "FeatureCollection", "features": features}


def outline_of(boundaries: dict[int, GeoJson], code: str) -> GeoJson | None:
    """The polygon of ``code`` itself (a province or kab/kota; for a kecamatan, its kab/kota)."""
    level = level_of(code)
    if level == 0:
        return None
    key = code if level <= 2 else code[:5]
    features = [f for f in boundaries[min(level, 2)]["features"] if f["id"] == key]
    return {"type": "FeatureCollection", "features": features}
