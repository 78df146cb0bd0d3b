"""``kkb.chart_style``: every figure gets the project's template, separators and percentage axes."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from kkb import chart_style, charts
from tests.test_charts import MIX


def test_the_template_is_set_explicitly_whatever_plotlys_default_is() -> None:
    before = pio.templates.default
    pio.templates.default = "ggplot2"  # as if another library (streamlit) had changed it
    try:
        fig = charts.class_mix(MIX, "wilayah", "Komposisi", "id")
    finally:
        pio.templates.default = before
    assert fig.layout.template.layout.font.family == chart_style.FONT
    assert fig.layout.title.text == "Komposisi"


@pytest.mark.parametrize(("lang", "suffix"), [("id", " %"), ("en", "%")])
def test_a_percentage_axis_starts_at_zero_and_says_its_unit(lang: str, suffix: str) -> None:
    axis = chart_style.percent_axis(lang, "Cakupan", 100)
    assert axis == {
        "title": {"text": "Cakupan"},
        "ticksuffix": suffix,
        "rangemode": "tozero",
        "range": [0, 100],
    }
    assert "range" not in chart_style.percent_axis(lang, "Cakupan")


def test_layout_gives_the_language_separators_whatever_the_figure_had() -> None:
    fig = chart_style.layout(go.Figure(layout={"separators": "x"}), "Judul", "en", height=300)
    assert (fig.layout.separators, fig.layout.height, fig.layout.title.text) == (".,", 300, "Judul")
    assert fig.layout.template.layout.font.family == chart_style.FONT


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Komposisi klasifikasi, Banten", "Komposisi klasifikasi, Banten"),
        (
            "Kampung KB terbentuk: aktual, target, dan proyeksi, Banten (tenggat 2023-12)",
            "Kampung KB terbentuk: aktual, target,<br>dan proyeksi, Banten (tenggat 2023-12)",
        ),
        ("Riwayat klasifikasi " * 4, "Riwayat klasifikasi " * 4),  # nowhere to break: as it is
    ],
    ids=["short", "long", "no-break"],
)
def test_a_long_title_is_set_on_two_lines_at_a_natural_break(title: str, expected: str) -> None:
    assert chart_style.wrapped(title) == expected
