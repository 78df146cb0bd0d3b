"""Plotly figure builders: pure functions from DataFrames to figures, in the project's look.

Every figure gets its template explicitly (importing streamlit changes plotly's default), the
language's number separators, a title that says what and where, and axis units. Class colours follow
the portal's convention (Dasar red, Berkembang yellow, Mandiri green, Berkelanjutan blue) in Paul
Tol's "bright" scheme, which stays distinguishable for colour-blind readers; every class segment
also carries its name or value as text, so colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from kkb import fmt, palette
from kkb.chart_style import layout, percent_axis, percent_suffix
from kkb.classification import CLASSES, PASS_INDEX
from kkb.i18n import t
from kkb.indicators import DIMENSIONS

CLASS_COLOURS = palette.CLASS
UNCLASSIFIED_COLOUR = palette.UNCLASSIFIED
DIMENSION_COLOURS = palette.DIMENSION
ACCENT = palette.ACCENT
MUTED = palette.MUTED
TARGET_COLOUR = palette.TARGET
SECONDARY = palette.SECONDARY


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
    fig.update_layout(barmode="stack", xaxis=percent_axis(lang, t("share_of_classified", lang), 100))
    fig.update_yaxes(autorange="reversed", title=None)
    return layout(fig, title, lang, height=max(220, 90 + 38 * len(frame)))


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
    return layout(fig, title, lang)


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
    yaxis = percent_axis(lang, y_title) if percent else {"title": {"text": y_title}, "rangemode": "tozero"}
    fig.update_layout(yaxis=yaxis, xaxis={"title": None, "type": "category", "nticks": 12}, hovermode="x")
    return layout(fig, title, lang)


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
    xaxis: dict[str, Any] = percent_axis(lang, x_title) if percent else {"title": {"text": x_title}}
    xaxis["range"] = [0, room]  # room for the value labels outside the longest bar
    fig.update_layout(
        xaxis=xaxis,
        yaxis={"autorange": "reversed", "title": None, "tickfont": {"size": 13}},
        showlegend=False,
        bargap=0.25,
    )
    return layout(fig, title, lang, height=max(260, 90 + 28 * len(data)))


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
    yaxis = percent_axis(lang, y_title) if percent else {"title": {"text": y_title}, "rangemode": "tozero"}
    fig.update_layout(barmode="group", yaxis=yaxis, xaxis={"title": None})
    return layout(fig, title, lang)


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
        xaxis={
            **percent_axis(lang, t("capaian_axis", lang), upper),
            "domain": [0, ATTAINMENT_PLOT],
        },
        yaxis={"autorange": "reversed", "title": None},
        showlegend=False,
        annotations=annotations,
    )
    return layout(fig, title, lang, height=max(240, 90 + 34 * len(data)))


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
    return layout(fig, title, lang)


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
    return layout(fig, title, lang, height=360)


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
    return layout(fig, title, lang, height=480)


def class_history(history: pd.DataFrame, title: str, lang: str) -> go.Figure:
    """The class of each monthly snapshot as a step line; a time axis spaces its own month labels."""
    months = history["periode"] + "-01"
    line = {"shape": "hv", "color": MUTED, "width": 2}
    fig = go.Figure(go.Scatter(x=months, y=history["klasifikasi"], mode="lines", line=line, hoverinfo="skip"))
    fig.update_traces(showlegend=False)
    for klass in CLASSES:
        part = history["klasifikasi"] == klass
        if not part.any():
            continue
        fig.add_scatter(
            name=klass,
            x=months[part],
            y=history.loc[part, "klasifikasi"],
            customdata=history.loc[part, "periode"],
            mode="markers",
            marker={"color": CLASS_COLOURS[klass], "size": 8},
            hovertemplate=f"{klass}<extra>%{{customdata}}</extra>",
        )
    ticks = "%Y" if len(history) > 36 else "%Y-%m"  # month names would be English
    fig.update_layout(
        yaxis={"title": None, "categoryorder": "array", "categoryarray": list(CLASSES), "type": "category"},
        xaxis={"title": None, "type": "date", "tickformat": ticks, "tickangle": 0},
    )
    return layout(fig, title, lang, height=300)
