"""How every figure looks: plotly's template in the project's font and colours, number separators, axes.

Every figure gets its template explicitly (importing streamlit changes plotly's default), the
language's number separators, and a percentage axis that says its unit. ``kkb.charts`` and
``kkb.maps`` lay their figures out through ``layout``.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from kkb import palette

FONT = "DejaVu Sans, Arial, sans-serif"

#: the trace types the dashboard draws (``kkb.charts``, ``kkb.maps``): plotly_white's styles for them
TRACES = ("bar", "choropleth", "scatter", "scattergeo", "scattermap")
_WHITE = pio.templates["plotly_white"]
# Only the layout and the styles of the traces drawn: every figure validates its template afresh
# when it is set, and plotly_white's styles of 24 trace types made that two thirds of the time of
# laying a figure out (8.4 ms of 8.4 ms → 2.8 ms) on every rerun of every session (bench/README.md).
TEMPLATE = go.layout.Template(
    layout=_WHITE.layout, data={k: v for k, v in _WHITE.data.to_plotly_json().items() if k in TRACES}
)
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


#: a title longer than this is set on two lines (a phone's chart is ~360 px: a long line ran off it)
WRAP_AT = 56
_BREAKS = (", ", ": ", " (", " · ", " - ")


def wrapped(title: str) -> str:
    """``title`` on two lines at the break nearest its middle when it is long (``<br>``), else as it is."""
    if len(title) <= WRAP_AT or "<br>" in title:
        return title
    spots = [i for mark in _BREAKS for i in range(len(title)) if title.startswith(mark, i)]
    if not spots:
        return title
    cut = min(spots, key=lambda i: abs(i - len(title) / 2))
    keep = 1 if title[cut] in ",:" else 0  # the comma or colon stays on the first line
    return title[: cut + keep].rstrip() + "<br>" + title[cut + keep :].lstrip()


def layout(fig: go.Figure, title: str, lang: str, height: int = 420) -> go.Figure:
    """Give ``fig`` the template, its title (on two lines when long), the separators and a height."""
    fig.update_layout(
        template=TEMPLATE,
        title={"text": wrapped(title)},
        separators=SEPARATORS.get(lang, SEPARATORS["id"]),
        height=height,
        hoverlabel={"font": {"family": FONT}},
    )
    return fig


def percent_axis(lang: str, title: str, upper: float | None = None) -> dict[str, Any]:
    """An axis of percentages from zero (to ``upper``), its ticks with the language's suffix."""
    axis: dict[str, Any] = {
        "title": {"text": title},
        "ticksuffix": percent_suffix(lang),
        "rangemode": "tozero",
    }
    if upper is not None:
        axis["range"] = [0, upper]
    return axis
