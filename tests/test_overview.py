"""``kkb.overview``: who leads and lags (ties together, near-equals not split), the class table's total."""

from __future__ import annotations

import pandas as pd
import pytest

from kkb import db, overview, store
from kkb.classification import DEFAULT_METHOD


def _ranked(values: dict[str, float | None]) -> pd.DataFrame:
    return pd.DataFrame({"wilayah": list(values), "nilai": list(values.values())})


def test_the_ends_of_a_ranking_are_named_best_and_worst_first() -> None:
    ends = overview.standing(
        _ranked({"A": 90, "B": 70, "C": 50, "D": 30, "E": None}), "wilayah", "nilai", n=1
    )
    assert (ends.leading, ends.lagging, ends.top, ends.bottom, ends.spread) == (["A"], ["D"], 90, 30, 60)
    assert not ends.close


def test_a_tie_at_the_top_is_counted_not_cut() -> None:
    ends = overview.standing(_ranked({"A": 90, "B": 90, "C": 90, "D": 10}), "wilayah", "nilai", n=1)
    assert ends.leading == [] and ends.tied_top == 3 and ends.lagging == ["D"]


def test_a_region_within_the_gap_of_the_leaders_is_not_called_lagging() -> None:
    ends = overview.standing(
        _ranked({"A": 96.5, "B": 96.3, "C": 80.0, "D": 79.8}), "wilayah", "nilai", n=2, gap=1.0
    )
    assert ends.leading == ["A", "B"] and ends.lagging == ["D", "C"]
    near = overview.standing(_ranked({"A": 96.5, "B": 96.3}), "wilayah", "nilai", gap=1.0)
    assert near.close and near.leading == [] and near.lagging == []
    assert overview.standing(_ranked({"A": None}), "wilayah", "nilai").top is None


def test_a_kecamatan_has_no_children_in_the_dashboard(small_con: db.Connection) -> None:
    with pytest.raises(ValueError, match="kecamatan"):
        overview.children(
            small_con, "36.04.05", "2025-12", DEFAULT_METHOD, store.wilayah(small_con, max_level=3)
        )


def test_standing_keeps_ties_together() -> None:
    tied = pd.DataFrame({"w": list("abcdefghijkl"), "x": [100.0] * 10 + [95.0, 90.0]})
    ends = overview.standing(tied, "w", "x")
    assert ends.leading == [] and ends.tied_top == 10  # ten regions share the top: none singled out
    assert ends.lagging == ["l", "k"]
    spread = pd.DataFrame({"w": list("abcdefgh"), "x": [8.0, 7, 6, 6, 5, 4, 3, 2]})
    ends = overview.standing(spread, "w", "x", n=3)
    assert ends.leading == ["a", "b"]  # the tie at 6 would cross the cut of three
    assert ends.lagging == ["h", "g", "f"]
    same = overview.standing(pd.DataFrame({"w": ["a", "b"], "x": [5.0, 5.0]}), "w", "x")
    assert same.leading == same.lagging == [] and same.top == same.bottom == 5.0


def test_near_equal_values_are_not_split_into_leading_and_lagging() -> None:
    close_call = pd.DataFrame({"w": list("abcd"), "x": [96.5, 96.3, 96.2, 60.0]})
    ends = overview.standing(close_call, "w", "x", n=2, gap=1.0)
    assert ends.leading == ["a", "b"] and ends.lagging == ["d"]  # 96,2 % is not lagging behind 96,3 %
    assert ends.spread == pytest.approx(36.5)
    bunched = overview.standing(pd.DataFrame({"w": list("ab"), "x": [96.5, 96.3]}), "w", "x", gap=1.0)
    assert bunched.close and bunched.leading == bunched.lagging == []
    assert not overview.standing(close_call, "w", "x", n=2).close  # without a gap the old split stays


def test_the_class_table_is_the_portals_with_a_total_that_adds_up(small_con: db.Connection) -> None:
    periode = overview.latest_periode(small_con)
    wilayah, targets = store.wilayah(small_con, max_level=3), store.targets(small_con)
    m = overview.region(small_con, "36", periode, DEFAULT_METHOD, wilayah, targets)
    kids = overview.children(small_con, "36", periode, DEFAULT_METHOD, wilayah)
    table = overview.class_table(kids.assign(wilayah=kids["nama"]), m, "Total")
    assert list(table.columns) == list(overview.CLASS_TABLE_COLUMNS)
    body, total = table.iloc[:-1], table.iloc[-1]
    assert list(body["wilayah"]) == sorted(body["wilayah"])  # by name, as the portal sorts
    assert total["wilayah"] == "Total" and total["pembentukan"] == m.pembentukan
    for klass in ("Dasar", "Berkembang", "Mandiri", "Berkelanjutan"):
        assert total[klass.lower()] == m.kelas[klass] == body[klass.lower()].sum()  # the checksum
        assert total[f"{klass.lower()}_persen"] == pytest.approx(m.kelas_persen[klass])
    assert body["pembentukan"].sum() == m.pembentukan
    assert total["belum_terklasifikasi"] == m.pembentukan - m.terklasifikasi
