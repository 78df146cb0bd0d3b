"""Figure builders: explicit template, language separators, class colours, offline maps, drill-down data."""

from __future__ import annotations

import pandas as pd
import pytest

from kkb import charts
from kkb.classification import CLASSES

MIX = pd.DataFrame(
    {
        "wilayah": ["Banten", "Riau"],
        "dasar": [35, 4],
        "berkembang": [30, 4],
        "mandiri": [21, 48],
        "berkelanjutan": [14, 44],
    }
)


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


def test_the_ranking_leaves_room_for_its_labels() -> None:
    frame = pd.DataFrame({"w": ["a", "b", "c"], "x": [100.0, 50.0, None]})
    fig = charts.ranking(frame, "w", "x", "t", "x", "id", True, ["a"])
    assert list(fig.data[0].y) == ["a", "b", "c"]
    assert fig.layout.xaxis.range[1] > 100
    assert list(fig.data[0].text) == ["100,0 %", "50,0 %", "–"]
    assert fig.data[0].marker.color[0] == charts.ACCENT and fig.data[0].marker.color[1] == charts.MUTED


def test_the_100_percent_line_crosses_no_value_label() -> None:
    frame = pd.DataFrame({"w": ["a", "b", "c"], "capaian_persen": [95.4, 100.0, 103.0]})
    fig = charts.attainment(frame, "w", "t", "id")
    bar = fig.data[0]
    assert bar.text is None  # no label sits on or beside a bar, where the line runs
    plot_right = fig.layout.xaxis.domain[1]
    values = [a for a in fig.layout.annotations if a.xref == "paper"]
    assert [a.text for a in values] == ["95,4 %", "100,0 %", "103,0 %"]
    assert all(a.x == 1 and a.xanchor == "right" for a in values) and plot_right <= 0.86
    (line_label,) = [a for a in fig.layout.annotations if a.xref == "x"]
    assert line_label.x == 100 and line_label.yref == "paper" and line_label.y >= 1  # above the bars


def test_ranking_labels_stay_readable_on_thin_bars() -> None:
    frame = pd.DataFrame({"w": [f"r{i}" for i in range(34)], "x": [float(i) for i in range(34)]})
    fig = charts.ranking(frame, "w", "x", "t", "x", "id", True)
    assert fig.data[0].constraintext == "none" and fig.data[0].textfont.size >= 12
    assert fig.layout.height >= 28 * 34


@pytest.mark.parametrize("months", [7, 24, 118], ids=["half-year", "two-years", "ten-years"])
def test_the_class_history_reads_its_months_on_a_time_axis(months: int) -> None:
    """Months as dates, not one category each: the axis then spaces its own labels (years over a long
    history) instead of squeezing a hundred month names into "20…" or turning them on end."""
    periods = pd.period_range("2016-03", periods=months, freq="M").strftime("%Y-%m")
    history = pd.DataFrame({"periode": periods, "klasifikasi": ["Dasar"] * (months - 1) + ["Mandiri"]})
    fig = charts.class_history(history, "Riwayat", "id")
    axis = fig.layout.xaxis
    assert axis.type == "date" and axis.tickangle == 0
    assert axis.tickformat == ("%Y" if months > 36 else "%Y-%m")  # month names would be English
    assert all(str(x).endswith("-01") for trace in fig.data for x in trace.x)  # the first of each month
