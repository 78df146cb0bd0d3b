"""``kkb.report``: one view's report holds what its renderers show, read from the file once."""

from __future__ import annotations

import pandas as pd
import pytest

from kkb import db, overview, report, store
from kkb.classification import DEFAULT_METHOD
from kkb.regions import Regions
from kkb.view import View


def _built(con: db.Connection, code: str) -> report.Report:
    wilayah = store.wilayah(con, max_level=3)
    periode = store.periods(con)[-1]
    v = View("id", code, periode, DEFAULT_METHOD)
    return report.build(con, v, wilayah, store.targets(con), Regions(wilayah))


@pytest.mark.parametrize("code", ["ID", "36", "36.04"])
def test_a_report_holds_the_regions_own_figures(small_con: db.Connection, code: str) -> None:
    r = _built(small_con, code)
    wilayah = store.wilayah(small_con, max_level=3)
    regions = Regions(wilayah)
    periode = r.view.periode
    assert r.metrics == overview.region(
        small_con, code, periode, DEFAULT_METHOD, wilayah, store.targets(small_con)
    )
    assert r.label == regions.label(code)
    assert r.trend["periode"].max() <= periode and not r.trend.empty
    kids = overview.children(small_con, code, periode, DEFAULT_METHOD, wilayah)
    assert list(r.children["kode"]) == list(kids["kode"])
    assert list(r.children["wilayah"]) == [regions.label(c) for c in kids["kode"]]
    assert sorted(r.schedule["kode"]) == sorted(kids["kode"])
    assert r.sources == tuple(overview.sources(small_con, code))
    assert r.synthetic and not r.empty  # the demo registry


def test_a_kecamatan_has_no_children_in_its_report(small_con: db.Connection) -> None:
    r = _built(small_con, "36.04.05")
    assert r.children.empty and r.schedule.empty and r.view.level == 3
    assert {"kode", "wilayah"} <= set(r.children.columns)


def test_a_report_stops_at_its_periode(small_con: db.Connection) -> None:
    wilayah = store.wilayah(small_con, max_level=3)
    months = store.periods(small_con)
    earlier = months[len(months) // 2]
    v = View("en", "36", earlier, DEFAULT_METHOD)
    r = report.build(small_con, v, wilayah, store.targets(small_con), Regions(wilayah))
    assert r.trend["periode"].max() == earlier and r.metrics.periode == earlier
    whole = store.trend(small_con, "36", DEFAULT_METHOD)
    pd.testing.assert_frame_equal(r.trend, whole[whole["periode"] <= earlier])


def test_of_gives_another_regions_report_in_the_same_view(small_con: db.Connection) -> None:
    seen: list[View] = []

    class Recorder:
        def report(self, v: View) -> str:
            seen.append(v)
            return "r"

    v = View("en", "36", "2025-06", DEFAULT_METHOD)
    assert report.of(Recorder(), v, "14") == "r"  # type: ignore[arg-type]
    assert seen == [View("en", "14", "2025-06", DEFAULT_METHOD)]
