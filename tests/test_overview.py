"""``kkb.overview``: who leads and lags (ties together, near-equals not split), the class table's total."""

from __future__ import annotations

import pandas as pd
import pytest

from kkb import db, overview, store
from kkb.classification import CLASSES, DEFAULT_METHOD


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


def test_the_class_tables_rows_add_up_to_its_total(small_con: db.Connection) -> None:
    periode = store.periods(small_con)[-1]
    wilayah, targets = store.wilayah(small_con, max_level=3), store.targets(small_con)
    total = overview.region(small_con, "36", periode, DEFAULT_METHOD, wilayah, targets)
    kids = overview.children(small_con, "36", periode, DEFAULT_METHOD, wilayah)
    table = overview.class_table(kids.assign(wilayah=kids["kode"]), total, "Jumlah")
    assert list(table.columns) == list(overview.CLASS_TABLE_COLUMNS)
    body, last = table.iloc[:-1], table.iloc[-1]
    assert last["wilayah"] == "Jumlah" and last["pembentukan"] == total.pembentukan
    for klass in CLASSES:
        assert body[klass.lower()].sum() == last[klass.lower()] == total.kelas[klass]
    assert body["belum_terklasifikasi"].sum() == total.pembentukan - total.terklasifikasi
    assert list(body["wilayah"]) == sorted(body["wilayah"])


def test_a_kecamatan_has_no_children_in_the_dashboard(small_con: db.Connection) -> None:
    with pytest.raises(ValueError, match="kecamatan"):
        overview.children(
            small_con, "36.04.05", "2025-12", DEFAULT_METHOD, store.wilayah(small_con, max_level=3)
        )
