"""``kkb.slides``: the charts of a view, read through ``Data``; a pack computes each region once."""

from __future__ import annotations

from collections import Counter

import pytest

from kkb import db, overview, paparan, slides, store
from kkb.classification import DEFAULT_METHOD
from kkb.view import View


def test_one_briefing_pack_computes_each_regions_figures_once(
    small_con: db.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: Counter[str] = Counter()

    def counted(module: object, name: str) -> None:
        real = getattr(module, name)

        def call(con, code, *args):  # type: ignore[no-untyped-def]
            calls[f"{name} {code}"] += 1
            return real(con, code, *args)

        monkeypatch.setattr(module, name, call)

    for name in ("region", "schedule", "sources"):
        counted(overview, name)
    periode = store.periods(small_con)[-1]
    pack = paparan.build(slides.Database(small_con), View("id", "36", periode, DEFAULT_METHOD), "14")
    assert len(pack.slides) > 5
    assert calls["region 36"] == 1 and calls["region 14"] == 1  # Banten, and its peer Riau
    assert calls["sources 36"] == 1
    assert max(calls.values()) == 1, calls


def test_the_source_line_says_synthetic_for_the_demo_registry(small_con: db.Connection) -> None:
    periode = store.periods(small_con)[-1]
    line = slides.source_of(slides.Database(small_con), View("id", "36", periode, DEFAULT_METHOD))
    assert "sintetis" in line
