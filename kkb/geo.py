"""Boundaries (``data/batas_*.geojson``): read once, then cut to the regions a map shows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kkb.errors import DataFileError
from kkb.regions import NATION, level_of

FILES = {1: "batas_provinsi.geojson", 2: "batas_kabkota.geojson"}

GeoJson = dict[str, Any]


def read_boundaries(data_dir: Path) -> dict[int, GeoJson]:
    """Both boundary files keyed by level (1 provinsi, 2 kab/kota); every feature's ``id`` is its code."""
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
    return out


def children_shapes(boundaries: dict[int, GeoJson], code: str) -> GeoJson | None:
    """The polygons one level below ``code`` (provinces of the nation, kab/kota of a province).

    None below a province: kecamatan boundaries are not shipped.
    """
    level = level_of(code)
    if level >= 2:
        return None
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
