"""Maps: choropleths of regions and Kampung KB as points, drawn offline on plotly's SVG ``geo``.

No base layer and no tiles: a map needs no internet. Region names are placed where they fit (on
the Kemendagri label point) and never over one another; the rest are named on hover.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from kkb import fmt, palette
from kkb.chart_style import FONT, layout, percent_suffix
from kkb.i18n import t


def _bounds(geojson: Mapping[str, Any]) -> tuple[float, float, float, float]:
    lons: list[float] = []
    lats: list[float] = []

    def walk(coords: Any) -> None:
        if coords and isinstance(coords[0], (int, float)):
            lons.append(float(coords[0]))
            lats.append(float(coords[1]))
            return
        for part in coords:
            walk(part)

    for feature in geojson["features"]:
        walk(feature["geometry"]["coordinates"])
    return min(lons), min(lats), max(lons), max(lats)


def colour_range(values: pd.Series, percent: bool) -> tuple[float, float]:
    """The colour scale's ends: the data's own range widened to round numbers.

    Starting the scale at the data's minimum instead of zero lets neighbouring regions differ
    visibly when all of them are high (coverage near 100 %); the colour bar shows where it starts.
    """
    if values.empty:
        return 0.0, 1.0
    low, high = float(values.min()), float(values.max())
    step = 5.0 if percent else 10 ** max(math.floor(math.log10(max(high - low, 1.0))) - 1, 0)
    lower, upper = math.floor(low / step) * step, math.ceil(high / step) * step
    if percent and high <= 100:
        upper = min(upper, 100.0)
    if upper <= lower:
        if percent and upper >= 100:
            lower = upper - step
        else:
            upper = lower + step
    return float(max(lower, 0.0)), float(upper)


#: the size of names on maps, and the width a map is laid out for when deciding which names fit
LABEL_SIZE = 11
MAP_WIDTH_PX, MAP_HEIGHT_PX = 900, 460
_CHAR_PX = 0.6 * LABEL_SIZE


def _ring_area_centroid(ring: Sequence[Sequence[float]]) -> tuple[float, float, float]:
    """The signed area and the centroid of a closed ring (shoelace), in degrees."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return area / 2, cx / (3 * area), cy / (3 * area)


def label_points(geojson: Mapping[str, Any]) -> dict[str, tuple[float, float, float, float]]:
    """Where each feature's name goes: the centroid of its largest part, and that part's width and height.

    Keyed by the feature's ``id``; lon, lat, width and height in degrees.
    """
    out: dict[str, tuple[float, float, float, float]] = {}
    for feature in geojson["features"]:
        geometry = feature["geometry"]
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        best = max(parts, key=lambda part: abs(_ring_area_centroid(part[0])[0]))
        _, lon, lat = _ring_area_centroid(best[0])
        xs, ys = [p[0] for p in best[0]], [p[1] for p in best[0]]
        out[str(feature["id"])] = (lon, lat, max(xs) - min(xs), max(ys) - min(ys))
    return out


def pixels_per_degree(geojson: Mapping[str, Any]) -> float:
    """About how many pixels a degree takes when the features fill a map of ``MAP_WIDTH_PX``."""
    west, south, east, north = _bounds(geojson)
    return min(MAP_WIDTH_PX / max(east - west, 0.01), MAP_HEIGHT_PX / max(north - south, 0.01))


def fitted_name(name: str, width_deg: float, height_deg: float, scale: float) -> str | None:
    """``name`` as it fits inside a shape ``width_deg`` × ``height_deg`` at ``scale`` px per degree.

    One line if it fits, else two lines split at the space nearest the middle; None when neither fits.
    """
    width_px, height_px = 0.9 * width_deg * scale, height_deg * scale
    if len(name) * _CHAR_PX <= width_px and height_px >= 1.4 * LABEL_SIZE:
        return name
    spaces = [i for i, c in enumerate(name) if c == " "]
    if not spaces:
        return None
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    first, second = name[:cut], name[cut + 1 :]
    if max(len(first), len(second)) * _CHAR_PX <= width_px and height_px >= 2.6 * LABEL_SIZE:
        return f"{first}<br>{second}"
    return None


def place_names(frame: pd.DataFrame, geojson: Mapping[str, Any]) -> list[tuple[float, float, str]]:
    """Where to write each region's name (lon, lat, text), for the regions whose name fits.

    A region's name sits on its reference label point (``lat``/``lng`` of the Kemendagri table, which
    lies inside the region even where a city is an enclave at its middle), else on its largest
    part's centroid. Larger regions are placed first; a name that would overlap one already placed
    is left to the hover, so no two names are drawn over each other.
    """
    where = label_points(geojson)
    scale = pixels_per_degree(geojson)
    has_point = {"lat", "lng"} <= set(frame.columns)
    candidates = []
    for row in frame.to_dict("records"):
        code = str(row["kode"])
        if code not in where:
            continue
        lon, lat, width, height = where[code]
        if has_point and pd.notna(row["lat"]) and pd.notna(row["lng"]):
            lon, lat = float(row["lng"]), float(row["lat"])
        text = fitted_name(str(row["wilayah"]), width, height, scale)
        if text:
            candidates.append((width * height, lon, lat, text))
    return _without_overlaps(candidates, scale)


def _without_overlaps(
    candidates: Sequence[tuple[float, float, float, str]], scale: float
) -> list[tuple[float, float, str]]:
    """The names (size, lon, lat, text) that can be drawn, largest first, none over another."""
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for _, lon, lat, text in sorted(candidates, key=lambda c: -c[0]):
        lines = text.split("<br>")
        half_w = max(len(line) for line in lines) * _CHAR_PX / scale / 2
        half_h = len(lines) * 1.3 * LABEL_SIZE / scale / 2
        box = (lon - half_w, lat - half_h, lon + half_w, lat + half_h)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            continue
        placed.append(box)
        out.append((lon, lat, text))
    return out


def _names(
    lon: Sequence[float], lat: Sequence[float], names: Sequence[str], size: int = LABEL_SIZE
) -> go.Scattergeo:
    """Names as map text. A map's first trace: plotly.js then fetches no world outline from the internet.

    (plotly.js looks only at the first trace of a map to decide whether it needs its topojson base
    layer; a choropleth with its own GeoJSON first would make it ask a CDN, which fails offline.)
    """
    return go.Scattergeo(
        lon=list(lon),
        lat=list(lat),
        text=list(names),
        mode="text",
        textfont={"size": size, "color": palette.LABEL, "family": FONT, "shadow": f"0 0 3px {palette.WHITE}"},
        hoverinfo="skip",
        showlegend=False,
        name="",
    )


def _geo_layout(fig: go.Figure, bounds: tuple[float, float, float, float]) -> go.Figure:
    """A map of ``bounds`` (west, south, east, north) with no base layer (nothing fetched), clickable.

    The map keeps its aspect and shrinks to fit the width it gets, so a phone shows all of it.
    (plotly's ``fitbounds`` leaves a Mercator map at a third of the width it could have.)
    """
    west, south, east, north = bounds
    pad_x, pad_y = max((east - west) * 0.02, 0.01), max((north - south) * 0.03, 0.01)
    fig.update_geos(
        visible=False,
        projection_type="mercator",
        lonaxis_range=[west - pad_x, east + pad_x],
        lataxis_range=[south - pad_y, north + pad_y],
        center={"lon": (west + east) / 2, "lat": (south + north) / 2},
        bgcolor="rgba(0,0,0,0)",
    )
    fig.update_layout(clickmode="event+select", dragmode=False)
    return fig


def choropleth(
    frame: pd.DataFrame,
    geojson: Mapping[str, Any],
    column: str,
    title: str,
    unit_title: str,
    lang: str,
    percent: bool,
    colour: str = palette.ACCENT,
) -> go.Figure:
    """Regions of ``frame`` (``kode``, ``wilayah``, ``column``) filled by ``column``, named where they fit.

    The map is plotly's SVG ``geo`` with no base layer, so it needs no internet and fits itself to
    the width of any screen. Regions without a value are drawn grey. Every region says its name and
    value on hover; the region code travels in ``customdata`` so a click can drill down.
    """
    values = frame[column].astype(float)
    texts = [fmt.percent(v, lang, 1) if percent else fmt.number(v, lang, 1) for v in values]
    has = values.notna()
    named = place_names(frame, geojson)
    fig = go.Figure(_names([x for x, _, _ in named], [y for _, y, _ in named], [n for _, _, n in named]))
    if (~has).any():
        fig.add_trace(
            go.Choropleth(
                geojson=geojson,
                locations=frame.loc[~has, "kode"],
                z=[0] * int((~has).sum()),
                colorscale=[[0, palette.LAND], [1, palette.LAND]],
                showscale=False,
                marker_line_color=palette.WHITE,
                marker_line_width=0.8,
                customdata=frame.loc[~has, ["kode", "wilayah"]].to_numpy(),
                hovertemplate="%{customdata[1]}: –<extra></extra>",
            )
        )
    lower, upper = colour_range(values[has], percent)
    fig.add_trace(
        go.Choropleth(
            geojson=geojson,
            locations=frame.loc[has, "kode"],
            z=values[has],
            zmin=lower,
            zmax=upper,
            colorscale=[[0, palette.SCALE_START], [1, colour]],
            marker_line_color=palette.WHITE,
            marker_line_width=0.8,
            # under the map, so the map has the whole width (a phone is narrow)
            colorbar={
                "title": {"text": unit_title, "side": "top"},
                "ticksuffix": percent_suffix(lang) if percent else "",
                "orientation": "h",
                "thickness": 12,
                "len": 0.6,
                "x": 0.5,
                "xanchor": "center",
                "y": -0.02,
                "yanchor": "top",
            },
            customdata=list(
                zip(
                    frame.loc[has, "kode"],
                    frame.loc[has, "wilayah"],
                    pd.Series(texts)[has.to_numpy()],
                    strict=True,
                )
            ),
            hovertemplate="%{customdata[1]}: %{customdata[2]}<extra></extra>",
        )
    )
    _geo_layout(fig, _bounds(geojson))
    return layout(fig, title, lang, height=560)


def _outline(outline: Mapping[str, Any]) -> go.Choropleth:
    """A kab/kota drawn as land under its points, with its border."""
    return go.Choropleth(
        geojson=outline,
        locations=[f["id"] for f in outline["features"]],
        z=[0] * len(outline["features"]),
        colorscale=[[0, palette.LAND_UNDER_POINTS], [1, palette.LAND_UNDER_POINTS]],
        showscale=False,
        marker_line_color=palette.BORDER,
        marker_line_width=1.2,
        hoverinfo="skip",
    )


def points(
    frame: pd.DataFrame,
    outline: Mapping[str, Any] | None,
    title: str,
    lang: str,
) -> go.Figure:
    """Kampung KB as points coloured by class (``lat``, ``lng``, ``id``, ``nama``, ``klasifikasi``).

    The kab/kota ``outline`` is drawn beneath them.

    Kecamatan names (where ``frame`` has ``kecamatan``) are written at the middle of their points,
    where they fit, to give the map its bearings. The Kampung KB ``id`` travels in ``customdata``, so
    a click can open its profile.
    """
    located = frame.dropna(subset=["lat", "lng"])
    span = {
        "features": [{"geometry": {"coordinates": list(zip(located["lng"], located["lat"], strict=True))}}]
    }
    candidates = []
    if "kecamatan" in located and len(located):
        scale = pixels_per_degree(outline if outline is not None and outline["features"] else span)
        for name, part in located.groupby("kecamatan", sort=True):
            width = max(float(part["lng"].max() - part["lng"].min()), 0.02)
            height = max(float(part["lat"].max() - part["lat"].min()), 0.02)
            text = fitted_name(str(name), width, height, scale)
            if text:
                candidates.append(
                    (width * height, float(part["lng"].mean()), float(part["lat"].mean()), text)
                )
        kecamatan = _without_overlaps(candidates, scale)
    else:
        kecamatan = []
    if outline is not None and outline["features"]:
        bounds = _bounds(outline)
    elif len(located):
        bounds = _bounds(span)
    else:
        bounds = (95.0, -11.0, 141.0, 6.0)  # Indonesia
    # the first trace is never a choropleth (see ``_names``): an empty name at the middle
    fig = go.Figure(_names([(bounds[0] + bounds[2]) / 2], [(bounds[1] + bounds[3]) / 2], [""]))
    if outline is not None and outline["features"]:
        fig.add_trace(_outline(outline))
    for klass, colour in [*palette.CLASS.items(), (None, palette.UNCLASSIFIED)]:
        part = (
            located[located["klasifikasi"].isna()]
            if klass is None
            else located[located["klasifikasi"] == klass]
        )
        if part.empty:
            continue
        name = klass or t("belum_terklasifikasi", lang)
        fig.add_trace(
            go.Scattergeo(
                name=name,
                lat=part["lat"],
                lon=part["lng"],
                mode="markers",
                marker={"size": 9, "color": colour, "line": {"width": 0.5, "color": palette.WHITE}},
                customdata=part[["id", "nama"]].to_numpy(),
                hovertemplate=f"%{{customdata[1]}}<br>{name}<extra>%{{customdata[0]}}</extra>",
            )
        )
    if kecamatan:
        names = _names(
            [x for x, _, _ in kecamatan], [y for _, y, _ in kecamatan], [n for _, _, n in kecamatan]
        )
        names.textfont.color = palette.NAME
        fig.add_trace(names)
    _geo_layout(fig, bounds)
    fig.update_layout(legend={"itemsizing": "constant"})
    return layout(fig, title, lang, height=560)


def value_points(
    frame: pd.DataFrame,
    outline: Mapping[str, Any] | None,
    column: str,
    title: str,
    unit_title: str,
    lang: str,
    colour: str = palette.ACCENT,
) -> go.Figure:
    """Desa (``lat``, ``lng``, ``kode``, ``nama``) as points filled by ``column``, a percentage.

    Over the kab/kota's outline; desa without a value are left out (the caller says how many).
    """
    known = frame.dropna(subset=["lat", "lng", column])
    bounds = _bounds(outline) if outline is not None and outline["features"] else (95.0, -11.0, 141.0, 6.0)
    fig = go.Figure(_names([(bounds[0] + bounds[2]) / 2], [(bounds[1] + bounds[3]) / 2], [""]))
    if outline is not None and outline["features"]:
        fig.add_trace(_outline(outline))
    texts = [fmt.percent(v, lang, 1) for v in known[column]]
    fig.add_trace(
        go.Scattergeo(
            lat=known["lat"],
            lon=known["lng"],
            mode="markers",
            marker={
                "size": 8,
                "color": known[column],
                "colorscale": [[0, palette.WHITE], [1, colour]],
                "line": {"width": 0.5, "color": palette.BORDER},
                "colorbar": {"title": {"text": unit_title}, "ticksuffix": percent_suffix(lang)},
            },
            customdata=list(zip(known["kode"], known["nama"], texts, strict=True)),
            hovertemplate="%{customdata[1]}: %{customdata[2]}<extra>%{customdata[0]}</extra>",
            showlegend=False,
        )
    )
    _geo_layout(fig, bounds)
    return layout(fig, title, lang, height=560)
