"""Events that explain a jump in a time chart: Inpres 3/2022, the start of the demo registry, each import.

``found`` reads them from what a report already holds (its months, its synthetic rows, the imports
its figures come from, with the periode each describes, from the import log); ``mark`` draws them on
a chart whose x axis holds ``YYYY-MM`` months, and ``legend`` says in one line what each mark is.
Only what the data gives: Inpres 3/2022 is known by its year (SPEC §1), so it is a band over 2022,
not a line on a month nobody recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from kkb import palette
from kkb.i18n import t

INPRES_YEAR = 2022
#: how each kind is drawn: a grey band, or a line of its own dash
DASH = {"demo": "dot", "impor": "dash"}


@dataclass(frozen=True)
class Event:
    """One mark: its first month, its last (a band) or None (a line), what kind, what it says."""

    start: str
    end: str | None
    kind: str
    label: str


def found(trend: pd.DataFrame, sources: Sequence[object], lang: str) -> tuple[Event, ...]:
    """The events inside the months of ``trend`` (``sources``: ``overview.Source``, newest first)."""
    if trend.empty:
        return ()
    first, last = str(trend["periode"].min()), str(trend["periode"].max())
    out: list[Event] = []
    band = (f"{INPRES_YEAR}-01", f"{INPRES_YEAR}-12")
    if first <= band[1] and last >= band[0]:
        out.append(Event(max(band[0], first), min(band[1], last), "inpres", t("event_inpres", lang)))
    if "sintetis" in trend and (trend["sintetis"].fillna(0) > 0).any():
        start = str(trend.loc[trend["sintetis"].fillna(0) > 0, "periode"].min())
        out.append(Event(start, None, "demo", t("event_demo", lang, periode=start)))
    months = {getattr(s, "periode", None) for s in sources} - {None}
    for periode in sorted(str(m) for m in months if first <= str(m) <= last):
        files = [str(getattr(s, "file", "")) for s in sources if getattr(s, "periode", None) == periode]
        out.append(
            Event(periode, None, "impor", t("event_import", lang, periode=periode, files=", ".join(files)))
        )
    return tuple(out)


def mark(fig: go.Figure, events: Sequence[Event], lang: str, date_axis: bool = False) -> go.Figure:
    """Draw ``events`` on ``fig`` (its x axis months as ``YYYY-MM``, or dates with ``date_axis``)."""
    at = (lambda m: f"{m}-01") if date_axis else (lambda m: m)
    for e in events:
        # shapes and their words drawn by hand: plotly's add_vline does arithmetic on a category axis
        style = {"xref": "x", "yref": "paper", "y0": 0, "y1": 1, "layer": "below"}
        if e.end is not None:
            fig.add_shape(type="rect", x0=at(e.start), x1=at(e.end), fillcolor=palette.MUTED, opacity=0.18,
                          line_width=0, **style)  # fmt: skip
        else:
            fig.add_shape(type="line", x0=at(e.start), x1=at(e.start), line={"dash": DASH[e.kind], "width": 1,
                          "color": palette.SECONDARY}, **style)  # fmt: skip
        fig.add_annotation(
            text=t(f"event_{e.kind}_short", lang),
            x=at(e.start),
            xref="x",
            y=1,
            yref="paper",
            xanchor="left",
            yanchor="top",
            showarrow=False,
            font={"size": 11, "color": palette.SECONDARY},
        )
    if events:
        # the legend line under the plot, so every copy of the chart (PNG, slide, pack) carries it
        lines = [t("event_legend", lang), *(f"– {e.label}" for e in events)]
        fig.add_annotation(
            text="<br>".join(lines),
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            xanchor="left",
            yanchor="top",
            yshift=-36,
            align="left",
            showarrow=False,
            font={"size": 11, "color": palette.SECONDARY},
        )
        room = 50 + 22 * len(lines)  # each line at the size presentation mode gives annotations (18 px)
        fig.update_layout(margin={"b": room}, height=(fig.layout.height or 420) + room)
    return fig


def legend(events: Sequence[Event], lang: str) -> str:
    """One line saying what every mark of the chart is ("" when there are none)."""
    if not events:
        return ""
    return t("event_legend", lang) + " " + "; ".join(e.label for e in events) + "."
