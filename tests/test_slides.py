"""``kkb.slides``: the charts of a view, read through ``Data``; a pack computes each region once."""

from __future__ import annotations

from collections import Counter

import pytest

from kkb import db, export, overview, paparan, report, slides, store
from kkb.classification import DEFAULT_METHOD
from kkb.view import View


def test_one_briefing_pack_builds_each_regions_report_once(
    small_con: db.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: Counter[str] = Counter()

    def counted(module: object, name: str) -> None:
        real = getattr(module, name)

        def call(con, first, *args):  # type: ignore[no-untyped-def]
            calls[f"{name} {getattr(first, 'code', first)}"] += 1
            return real(con, first, *args)

        monkeypatch.setattr(module, name, call)

    counted(report, "build")
    # what is counted is reading the figures; drawing the charts as pictures is not (tests of export)
    monkeypatch.setattr(export, "image", lambda fig, caption: b"")
    for name in ("region", "children", "schedule", "sources"):
        counted(overview, name)
    periode = store.periods(small_con)[-1]
    pack = paparan.build(slides.Database(small_con), View("id", "36", periode, DEFAULT_METHOD), "14")
    assert len(pack.slides) > 5
    # Banten, and its peer Riau: one report each, and each figure of a report read once
    assert calls["build 36"] == 1 and calls["build 14"] == 1
    assert calls["region 36"] == 1 and calls["schedule 36"] == 1 and calls["sources 36"] == 1
    # the children of Banten, and of the nation (both regions' siblings, for their ranks): once per report
    assert calls["children 36"] == 1 and calls["children ID"] == 2
    assert {k for k, n in calls.items() if n > 1} == {"children ID"}, calls


def test_the_source_line_says_synthetic_for_the_demo_registry(small_con: db.Connection) -> None:
    periode = store.periods(small_con)[-1]
    line = slides.source_of(slides.Database(small_con), View("id", "36", periode, DEFAULT_METHOD))
    assert "sintetis" in line
