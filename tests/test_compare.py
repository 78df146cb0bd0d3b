"""Perbandingan: headline figures side by side, differences, and the note on unlike targets."""

from __future__ import annotations

import pandas as pd
import pytest

from kkb import compare, db, overview, store
from kkb.classification import DEFAULT_METHOD


@pytest.fixture()
def banten_riau(small_con: db.Connection) -> dict[str, object]:
    periode = overview.latest_periode(small_con)
    wilayah, targets = store.wilayah(small_con, max_level=3), store.targets(small_con)
    return {
        code: overview.region(small_con, code, periode, DEFAULT_METHOD, wilayah, targets)
        for code in ("36", "14")
    }


def test_headline_has_one_column_per_region_and_the_difference(banten_riau: dict) -> None:  # type: ignore[type-arg]
    table = compare.headline(banten_riau, {"36": "Banten", "14": "Riau"}, "en")
    assert list(table.columns) == ["metrik", "label", "satuan", "Banten", "Riau", "Difference: Riau"]
    row = table.set_index("metrik").loc["pembentukan"]
    assert row["Banten"] == banten_riau["36"].pembentukan  # type: ignore[attr-defined]
    assert row["Difference: Riau"] == row["Riau"] - row["Banten"]
    in_id = compare.headline(banten_riau, {"36": "Banten", "14": "Riau"}, "id")
    shown = compare.formatted(in_id, "id").set_index("Metrik")
    assert shown.loc["Cakupan desa/kelurahan", "Banten"].endswith(" %")
    assert shown.loc["Cakupan desa/kelurahan"].iloc[-1].endswith("poin")


def test_unlike_targets_are_named(banten_riau: dict) -> None:  # type: ignore[type-arg]
    goals = compare.attainments(banten_riau, {"36": "Banten", "14": "Riau"}, "id")
    assert set(goals["wilayah"]) == {"Banten", "Riau"}
    note = compare.denominator_note(goals, "id")
    assert "Banten:" in note and "Riau:" in note  # Banten has mandiri plus targets, Riau has none
    alike = goals[goals["metrik"] == "pembentukan"]
    assert compare.denominator_note(alike, "id") == ""
    assert compare.denominator_note(pd.DataFrame(columns=goals.columns)) == ""


def test_normalised_per_100_desa() -> None:
    trend = pd.DataFrame({"periode": ["2024-01", "2024-02"], "pembentukan": [10, 25]})
    assert list(compare.normalised(trend, 50)["per_100_desa"]) == [20.0, 50.0]
