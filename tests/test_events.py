"""Marks on time charts: Inpres 3/2022 as a band over its year, the demo registry's first month, each
import's periode from the import log, and a legend line under the plot that says what each mark is."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from kkb import db, events, overview, slides
from kkb.classification import DEFAULT_METHOD
from kkb.view import View
from tests.helpers import good_file, run_cli


def trend(first: str, last: str, synthetic_from: str | None = None) -> pd.DataFrame:
    months = pd.period_range(first, last, freq="M").strftime("%Y-%m")
    synthetic = [int(synthetic_from is not None and m >= synthetic_from) for m in months]
    return pd.DataFrame({"periode": months, "sintetis": synthetic})


def test_inpres_is_a_band_over_2022_clipped_to_the_months_shown() -> None:
    (band,) = [e for e in events.found(trend("2022-05", "2023-04"), (), "id") if e.kind == "inpres"]
    assert (band.start, band.end) == ("2022-05", "2022-12")
    assert not [e for e in events.found(trend("2023-01", "2023-12"), (), "id") if e.kind == "inpres"]


def test_the_demo_start_and_each_imports_periode_are_lines() -> None:
    sources = (
        overview.Source(3, "pus_agustus.csv", "siga_bulanan", "2025-09-02", "2025-08"),
        overview.Source(2, "statistik.xlsx", "statistik", "2025-01-10", "2024-12"),
        overview.Source(1, "lama.csv", None, "2021-01-01", None),  # before schema 4: no periode known
        overview.Source(4, "jauh.csv", "template", "2030-01-01", "2030-01"),  # outside the chart
    )
    found = events.found(trend("2016-01", "2025-12", synthetic_from="2016-02"), sources, "id")
    assert [(e.kind, e.start) for e in found] == [
        ("inpres", "2022-01"),
        ("demo", "2016-02"),
        ("impor", "2024-12"),
        ("impor", "2025-08"),
    ]
    assert "pus_agustus.csv" in found[-1].label


def test_a_marked_chart_says_what_its_marks_are() -> None:
    found = events.found(trend("2021-01", "2023-12", synthetic_from="2021-01"), (), "en")
    fig = events.mark(go.Figure(go.Scatter(x=["2021-01", "2023-12"], y=[1, 2])), found, "en")
    assert [s.type for s in fig.layout.shapes] == ["rect", "line"]
    legend = fig.layout.annotations[-1].text
    assert legend.startswith("Marks on the chart:") and "Inpres No. 3 of 2022" in legend and "demo" in legend


def test_after_an_import_the_trend_chart_marks_its_periode(small_db: Path, tmp_path: Path) -> None:
    live = tmp_path / "kkb.duckdb"
    live.write_bytes(small_db.read_bytes())
    result = run_cli("import", str(good_file(tmp_path)), "--db", str(live))  # periode 2023-11
    assert result.returncode == 0, result.stderr
    con = db.connect(live)
    try:
        data = slides.Database(con)
        v = View("id", "36.04", overview.latest_periode(con), DEFAULT_METHOD)
        imported = [s for s in data.report(v).sources if s.periode]
        fig = slides.trend(data, v)
    finally:
        con.close()
    assert [s.periode for s in imported] == ["2023-11"] and fig is not None
    marked = {a.text for a in fig.layout.annotations}
    # the file replaced the region's synthetic rows: its months start with the file, so no demo mark
    assert "impor" in marked and "data demo" not in marked
    assert any(s.file in fig.layout.annotations[-1].text for s in imported)
