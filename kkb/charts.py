"""Plotly figure builders: pure functions from DataFrames to figures, in the project's look.

Every figure gets its template explicitly (importing streamlit changes plotly's default), the
language's number separators, a title that says what and where, and axis units. Class colours follow
the portal's convention (Dasar red, Berkembang yellow, Mandiri green, Berkelanjutan blue) in Paul
Tol's "bright" scheme, which stays distinguishable for colour-blind readers; every class segment
also carries its name or value as text, so colour is never the only cue.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from kkb import fmt, palette
from kkb.classification import CLASSES, DIMENSIONS, PASS_INDEX
from kkb.i18n import t

CLASS_COLOURS = palette.CLASS
UNCLASSIFIED_COLOUR = palette.UNCLASSIFIED
DIMENSION_COLOURS = palette.DIMENSION
ACCENT = palette.ACCENT
MUTED = palette.MUTED
TARGET_COLOUR = palette.TARGET
SECONDARY = palette.SECONDARY

FONT = "DejaVu Sans, Arial, sans-serif"

TEMPLATE = go.layout.Template(pio.templates["plotly_white"])
TEMPLATE.layout.font = {"family": FONT, "size": 14, "color": palette.TEXT}
TEMPLATE.layout.title = {
    "font": {"size": 18},
    "x": 0.01,
    "xanchor": "left",
    "y": 0.98,
    "yanchor": "top",
    "yref": "container",
}
TEMPLATE.layout.colorway = list(palette.COLORWAY)
TEMPLATE.layout.margin = {"l": 10, "r": 10, "t": 100, "b": 10}
# whole numbers on axes as 70.000 (id) or 70,000 (en), never "70k"
for _axis in (TEMPLATE.layout.xaxis, TEMPLATE.layout.yaxis):
    _axis.separatethousands = True
    _axis.exponentformat = "none"
TEMPLATE.layout.legend = {"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0, "title": {"text": ""}}

#: plotly's ``separators``: the decimal mark, then the thousands mark
SEPARATORS = {"id": ",.", "en": ".,"}


def percent_suffix(lang: str) -> str:
    """The suffix of a percentage in ``lang`` (``" %"`` in Indonesian, ``"%"`` in English)."""
    return " %" if lang == "id" else "%"


def _layout(fig: go.Figure, title: str, lang: str, height: int = 420) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE,
        title={"text": title},
        separators=SEPARATORS.get(lang, SEPARATORS["id"]),
        height=height,
        hoverlabel={"font": {"family": FONT}},
    )
    return fig


def _pct_axis(lang: str, title: str, upper: float | None = None) -> dict[str, Any]:
    axis: dict[str, Any] = {
        "title": {"text": title},
        "ticksuffix": percent_suffix(lang),
        "rangemode": "tozero",
    }
    if upper is not None:
        axis["range"] = [0, upper]
    return axis


# --- class mix -------------------------------------------------------------------------------------


def class_mix(frame: pd.DataFrame, label: str, title: str, lang: str) -> go.Figure:
    """A 100 % stacked bar per row of ``frame``: the share of each class among classified Kampung KB.

    ``frame`` has a ``label`` column and the count columns ``dasar`` … ``berkelanjutan``.
    """
    counts = frame[[c.lower() for c in CLASSES]].astype(float)
    total = counts.sum(axis=1).where(lambda s: s > 0)
    fig = go.Figure()
    for klass in CLASSES:
        share = counts[klass.lower()] / total * 100
        texts = [f"{fmt.percent(s, lang, 1)}" if pd.notna(s) and s >= 4 else "" for s in share.tolist()]
        fig.add_bar(
            name=klass,
            y=frame[label],
            x=share,
            orientation="h",
            marker_color=CLASS_COLOURS[klass],
            text=texts,
            textposition="inside",
            insidetextanchor="middle",
            customdata=counts[klass.lower()],
            hovertemplate=(
                f"{klass}: %{{x:.2f}}{percent_suffix(lang)} (%{{customdata:,.0f}})<extra>%{{y}}</extra>"
            ),
        )
    fig.update_layout(barmode="stack", xaxis=_pct_axis(lang, t("share_of_classified", lang), 100))
    fig.update_yaxes(autorange="reversed", title=None)
    return _layout(fig, title, lang, height=max(220, 90 + 38 * len(frame)))


# --- trends ------------------------------------------------------------------------------------------


def class_trend(trend: pd.DataFrame, title: str, lang: str) -> go.Figure:
    """Stacked areas of Kampung KB by class per month (unclassified on top): the formation trend."""
    fig = go.Figure()
    x = trend["periode"]
    for klass in CLASSES:
        fig.add_scatter(
            name=klass,
            x=x,
            y=trend[klass.lower()],
            stackgroup="kelas",
            mode="lines",
            line={"width": 0.5, "color": CLASS_COLOURS[klass]},
            hovertemplate=f"{klass}: %{{y:,.0f}}<extra>%{{x}}</extra>",
        )
    unclassified = trend["pembentukan"] - trend["terklasifikasi"]
    fig.add_scatter(
        name=t("belum_terklasifikasi", lang),
        x=x,
        y=unclassified,
        stackgroup="kelas",
        mode="lines",
        line={"width": 0.5, "color": UNCLASSIFIED_COLOUR},
        hovertemplate=f"{t('belum_terklasifikasi', lang)}: %{{y:,.0f}}<extra>%{{x}}</extra>",
    )
    fig.update_layout(
        yaxis={"title": {"text": t("unit_kampung", lang)}, "rangemode": "tozero"},
        xaxis={"title": None, "type": "category", "nticks": 12},
        hovermode="x unified",
    )
    return _layout(fig, title, lang)


def lines(
    series: Mapping[str, pd.DataFrame],
    column: str,
    title: str,
    y_title: str,
    lang: str,
    percent: bool = False,
) -> go.Figure:
    """One line per named monthly frame (``periode`` and ``column``), e.g. regions side by side."""
    fig = go.Figure()
    suffix = percent_suffix(lang) if percent else ""
    for name, frame in series.items():
        fig.add_scatter(
            name=name,
            x=frame["periode"],
            y=frame[column],
            mode="lines",
            line={"width": 3},
            hovertemplate=f"{name}: %{{y:,.2f}}{suffix}<extra>%{{x}}</extra>",
        )
    yaxis = _pct_axis(lang, y_title) if percent else {"title": {"text": y_title}, "rangemode": "tozero"}
    fig.update_layout(yaxis=yaxis, xaxis={"title": None, "type": "category", "nticks": 12}, hovermode="x")
    return _layout(fig, title, lang)


# --- rankings and comparisons ------------------------------------------------------------------------


def ranking(
    frame: pd.DataFrame,
    label: str,
    column: str,
    title: str,
    x_title: str,
    lang: str,
    percent: bool,
    highlight: Sequence[str] = (),
) -> go.Figure:
    """Horizontal bars of ``column`` per row, largest first; ``highlight`` labels in the accent colour."""
    data = frame.sort_values(column, ascending=False, na_position="last")
    colours = [ACCENT if (not highlight or v in highlight) else MUTED for v in data[label]]
    values = data[column]
    texts = [
        (fmt.percent(v, lang, 1) if percent else fmt.number(v, lang, 0 if float(v).is_integer() else 1))
        if pd.notna(v)
        else "–"
        for v in values
    ]
    fig = go.Figure(
        go.Bar(
            y=data[label],
            x=values,
            orientation="h",
            marker_color=colours,
            text=texts,
            textposition="outside",
            # plotly shrinks outside labels to a thin bar's thickness: keep them readable instead
            constraintext="none",
            textfont={"size": 13},
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    room = float(values.max()) * 1.18 if values.notna().any() and float(values.max()) > 0 else 1.0
    xaxis: dict[str, Any] = _pct_axis(lang, x_title) if percent else {"title": {"text": x_title}}
    xaxis["range"] = [0, room]  # room for the value labels outside the longest bar
    fig.update_layout(
        xaxis=xaxis,
        yaxis={"autorange": "reversed", "title": None, "tickfont": {"size": 13}},
        showlegend=False,
        bargap=0.25,
    )
    return _layout(fig, title, lang, height=max(260, 90 + 28 * len(data)))


def grouped(
    frame: pd.DataFrame,
    label: str,
    columns: Mapping[str, str],
    title: str,
    y_title: str,
    lang: str,
    percent: bool,
) -> go.Figure:
    """Grouped vertical bars: one group per entry of ``columns`` (column → label), one bar per region."""
    fig = go.Figure()
    for _, row in frame.iterrows():
        values = [row[c] for c in columns]
        fig.add_bar(
            name=str(row[label]),
            x=list(columns.values()),
            y=values,
            text=[fmt.percent(v, lang, 1) if percent else fmt.number(v, lang, 1) for v in values],
            textposition="outside",
            cliponaxis=False,
        )
    yaxis = _pct_axis(lang, y_title) if percent else {"title": {"text": y_title}, "rangemode": "tozero"}
    fig.update_layout(barmode="group", yaxis=yaxis, xaxis={"title": None})
    return _layout(fig, title, lang)


#: the share of an attainment chart's width its bars get; the values stand in a column to their right
ATTAINMENT_PLOT = 0.84


def attainment(frame: pd.DataFrame, label: str, title: str, lang: str) -> go.Figure:
    """Horizontal bars of attainment (``capaian_persen``) with the 100 % line; short of it in red.

    The values stand in their own column right of the plot, so the 100 % line never crosses one,
    and the line's label sits above the plot.
    """
    data = frame.dropna(subset=["capaian_persen"])
    colours = [
        CLASS_COLOURS["Mandiri"] if v >= 100 else CLASS_COLOURS["Dasar"] for v in data["capaian_persen"]
    ]
    texts = [fmt.percent(v, lang, 1) for v in data["capaian_persen"]]
    fig = go.Figure(
        go.Bar(
            y=data[label],
            x=data["capaian_persen"],
            orientation="h",
            marker_color=colours,
            customdata=texts,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    )
    fig.add_vline(x=100, line_dash="dash", line_color=TARGET_COLOUR)
    annotations = [
        go.layout.Annotation(
            x=100,
            xref="x",
            y=1,
            yref="paper",
            yanchor="bottom",
            text=f"100{percent_suffix(lang)}",
            showarrow=False,
            font={"color": TARGET_COLOUR},
        ),
        *(
            go.layout.Annotation(
                x=1,
                xref="paper",
                xanchor="right",
                y=name,
                yref="y",
                text=text,
                showarrow=False,
                font={"size": 13},
            )
            for name, text in zip(data[label], texts, strict=True)
        ),
    ]
    upper = max(110.0, float(data["capaian_persen"].max()) * 1.05) if len(data) else 110.0
    fig.update_layout(
        xaxis={**_pct_axis(lang, t("capaian_axis", lang), upper), "domain": [0, ATTAINMENT_PLOT]},
        yaxis={"autorange": "reversed", "title": None},
        showlegend=False,
        annotations=annotations,
    )
    return _layout(fig, title, lang, height=max(240, 90 + 34 * len(data)))


def projection(
    trend: pd.DataFrame,
    column: str,
    target_value: float,
    deadline: str,
    reached_in: str | None,
    title: str,
    y_title: str,
    lang: str,
) -> go.Figure:
    """The actual monthly series, the target as a horizontal line to its deadline, and the projection."""
    fig = go.Figure()
    fig.add_scatter(
        name=t("aktual", lang),
        x=trend["periode"],
        y=trend[column],
        mode="lines",
        line={"width": 3, "color": ACCENT},
    )
    last = trend.iloc[-1]
    if reached_in is not None and reached_in > str(last["periode"]):
        fig.add_scatter(
            name=t("proyeksi", lang),
            x=[last["periode"], reached_in],
            y=[last[column], target_value],
            mode="lines+markers",
            line={"width": 2, "dash": "dot", "color": ACCENT},
        )
    months = sorted({*trend["periode"], deadline, *([reached_in] if reached_in else [])})
    fig.add_scatter(
        name=t("target_line", lang),
        x=[months[0], deadline],
        y=[target_value, target_value],
        mode="lines",
        line={"width": 2, "dash": "dash", "color": TARGET_COLOUR},
    )
    fig.update_layout(
        yaxis={"title": {"text": y_title}, "rangemode": "tozero"},
        xaxis={
            "title": None,
            "type": "category",
            "categoryorder": "array",
            "categoryarray": months,
            "nticks": 12,
        },
        hovermode="x unified",
    )
    return _layout(fig, title, lang)


# --- headline figures ------------------------------------------------------------------------------


def figures(cards: Sequence[tuple[str, float, bool, str]], title: str, lang: str) -> go.Figure:
    """Large headline numbers side by side: (label, value, is a percentage, a line of detail) each.

    Counts are shown whole, percentages with two decimals, in the language's number format.
    """
    fig = go.Figure()
    for i, (label, figure, percent, detail) in enumerate(cards):
        fig.add_trace(
            go.Indicator(
                mode="number",
                value=figure,
                number={
                    "valueformat": ",.2f" if percent else ",.0f",
                    "suffix": percent_suffix(lang) if percent else "",
                    "font": {"size": 54, "color": ACCENT},
                },
                title={
                    "text": f"{label}<br><span style='font-size:0.75em;color:{SECONDARY}'>{detail}</span>"
                },
                domain={"row": 0, "column": i},
            )
        )
    fig.update_layout(grid={"rows": 1, "columns": max(len(cards), 1), "pattern": "independent"})
    return _layout(fig, title, lang, height=360)


# --- one Kampung KB ------------------------------------------------------------------------------


def scores(table: pd.DataFrame, labels: Mapping[str, str], title: str, lang: str) -> go.Figure:
    """The twelve scores as horizontal bars (1–4), coloured by dimension, with the pass line at 3."""
    fig = go.Figure()
    for dimension in DIMENSIONS:
        part = table[table["dimensi"] == dimension]
        fig.add_bar(
            name=t(f"dim_{dimension}", lang),
            y=[labels[k] for k in part["indikator"]],
            x=part["skor"],
            orientation="h",
            marker_color=DIMENSION_COLOURS[dimension],
            text=[f"{s}/{m}" for s, m in zip(part["skor"], part["skor_maks"], strict=True)],
            textposition="inside",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    fig.add_vline(
        x=PASS_INDEX, line_dash="dash", line_color=palette.TEXT, annotation_text=t("pass_line", lang)
    )
    fig.update_layout(
        xaxis={"title": {"text": t("skor_axis", lang)}, "range": [0, 4.2], "dtick": 1},
        yaxis={"autorange": "reversed", "title": None},
    )
    return _layout(fig, title, lang, height=480)


def class_history(history: pd.DataFrame, title: str, lang: str) -> go.Figure:
    """The class of each monthly snapshot as a step line over the four classes."""
    fig = go.Figure()
    fig.add_scatter(
        x=history["periode"],
        y=history["klasifikasi"],
        mode="lines",
        line={"shape": "hv", "color": MUTED, "width": 2},
        showlegend=False,
        hoverinfo="skip",
    )
    for klass in CLASSES:
        part = history[history["klasifikasi"] == klass]
        if part.empty:
            continue
        fig.add_scatter(
            name=klass,
            x=part["periode"],
            y=part["klasifikasi"],
            mode="markers",
            marker={"color": CLASS_COLOURS[klass], "size": 8},
            hovertemplate=f"{klass}<extra>%{{x}}</extra>",
        )
    fig.update_layout(
        yaxis={"title": None, "categoryorder": "array", "categoryarray": list(CLASSES), "type": "category"},
        xaxis={"title": None, "type": "category", "nticks": 12},
    )
    return _layout(fig, title, lang, height=300)


# --- maps ------------------------------------------------------------------------------------------


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
    colour: str = ACCENT,
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
    return _layout(fig, title, lang, height=560)


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
        fig.add_trace(
            go.Choropleth(
                geojson=outline,
                locations=[f["id"] for f in outline["features"]],
                z=[0] * len(outline["features"]),
                colorscale=[[0, palette.LAND_UNDER_POINTS], [1, palette.LAND_UNDER_POINTS]],
                showscale=False,
                marker_line_color=palette.BORDER,
                marker_line_width=1.2,
                hoverinfo="skip",
            )
        )
    for klass, colour in [*CLASS_COLOURS.items(), (None, UNCLASSIFIED_COLOUR)]:
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
    return _layout(fig, title, lang, height=560)
