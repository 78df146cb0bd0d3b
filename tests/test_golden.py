"""Golden files: a region's figures and a briefing pack's outline, as they were when last approved.

What the dashboard, presentation mode and the pack show rests on these: a restructuring that
changes one figure or one slide line fails here. After a change that is meant, regenerate with
``KKB_REGEN=1 pytest tests/test_golden.py`` and read the diff of ``tests/golden/`` before committing.
The figures are those of the synthetic demo registry, which the build makes the same every time.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
from pathlib import Path

import pandas as pd
import pytest

from kkb import db, overview, paparan, slides, store
from kkb.classification import DEFAULT_METHOD
from kkb.pack import table_rows
from kkb.view import View

GOLDEN = Path(__file__).resolve().parent / "golden"


def _plain(value: object) -> object:
    """A value as JSON holds it: dataclasses as dicts, floats rounded, NaN as None."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 6)
    return value


def _same_as_golden(name: str, found: object) -> None:
    path = GOLDEN / f"{name}.json"
    text = json.dumps(_plain(found), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if os.environ.get("KKB_REGEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path.name} is missing: run KKB_REGEN=1 pytest tests/test_golden.py"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs (KKB_REGEN=1 if meant)"


@pytest.mark.parametrize("code", ["ID", "36", "36.04", "14"])
def test_a_regions_figures_are_as_approved(small_con: db.Connection, code: str) -> None:
    periode = store.periods(small_con)[-1]
    wilayah, targets = store.wilayah(small_con, max_level=3), store.targets(small_con)
    found = overview.region(small_con, code, periode, DEFAULT_METHOD, wilayah, targets)
    _same_as_golden(f"region_{code}", found)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_packs_outline_is_as_approved(
    small_con: db.Connection, banten_pack: paparan.Pack, lang: str
) -> None:
    periode = store.periods(small_con)[-1]
    view = View(lang, "36", periode, DEFAULT_METHOD)
    pack = banten_pack if lang == "id" else paparan.build(slides.Database(small_con), view, "14")
    made = pack.made.isoformat()
    outline = [
        {
            "key": s.key,
            "title": s.title,
            "cards": [[c.label, c.value, c.detail] for c in s.cards],
            "lines": [line.replace(made, "<hari ini>") for line in s.lines],
            "table": None if s.table is None else table_rows(s.table),
            "chart": s.image is not None,
        }
        for s in pack.slides
    ]
    _same_as_golden(f"pack_36_14_{lang}", {"region": pack.region, "peer": pack.peer, "slides": outline})


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """A frame as JSON rows: column order kept by name, missing values as None."""
    return [{str(k): (None if pd.isna(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]


@pytest.mark.parametrize("code", ["ID", "36", "36.04", "14"])
def test_a_reports_children_and_schedule_are_as_approved(small_con: db.Connection, code: str) -> None:
    """The regions one level down (the maps, the tables, the pack's ranking) and their schedule."""
    periode = store.periods(small_con)[-1]
    data = slides.Database(small_con)
    r = data.report(View("id", code, periode, DEFAULT_METHOD))
    found = {"children": _records(r.children), "schedule": _records(r.schedule.reset_index(drop=True))}
    _same_as_golden(f"report_{code}", found)
