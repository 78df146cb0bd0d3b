"""``kkb.pace``: month arithmetic, the pace of the last 12 months, the month a target is reached."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kkb import pace
from kkb.targets import Target, find_target
from tests.test_targets import TARGETS


def test_project() -> None:
    target = find_target(TARGETS, "36", "pembentukan", 2023)
    assert target is not None
    on_time = pace.project(1110, target, 20, "2023-09")
    assert on_time.reached_in == "2023-12" and on_time.on_time  # 51 / 20 -> 3 months
    late = pace.project(906, target, 29.2, "2023-10")
    assert late.reached_in == "2024-07" and not late.on_time
    assert pace.project(1200, target, 0, "2023-10").already_reached
    never = pace.project(10, target, 0, "2023-10")
    assert never.reached_in is None and not never.on_time


def test_pace_with_short_history() -> None:
    trend = pd.DataFrame({"periode": ["2023-01", "2023-02", "2023-03"], "pembentukan": [1, 3, 7]})
    assert pace.pace(trend, "2023-03") == pytest.approx(7 / 3)
    long = pd.DataFrame(
        {"periode": [pace.month_label(24000 + i) for i in range(30)], "pembentukan": list(range(0, 60, 2))}
    )
    assert pace.pace(long, long["periode"].iloc[-1]) == pytest.approx(2.0)


def test_months_count_across_years() -> None:
    assert pace.month_label(pace.month_index("2023-12") + 1) == "2024-01"
    assert pace.shift_periode("2024-03", -12) == "2023-03" and pace.shift_periode("2016-01", 119) == "2025-12"


def test_a_pace_over_months_that_carry_an_earlier_table_is_unknown() -> None:
    trend = pd.DataFrame(
        {"periode": ["2025-01", "2025-02"], "pembentukan": [10, 10], "dari_periode": [None, "2025-01"]}
    )
    assert math.isnan(pace.pace(trend, "2025-02"))
    assert pace.pace(trend, "2024-12") == 0.0  # before the trend: no history, no pace
    unknown = pace.project(10, Target("36", "pembentukan", 2025, 20, "", "", "", ""), math.nan, "2025-02")
    assert unknown.reached_in is None and not unknown.on_time
