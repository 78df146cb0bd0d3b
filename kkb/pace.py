"""Months as numbers, the pace of formation (laju) and the month a target is reached at it (proyeksi).

The pace is the last 12 months' new Kampung KB per month; the projection carries it forward in a
straight line. Either is unknown (NaN, None) where the data cannot give it, never made up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

import pandas as pd


class Goal(Protocol):
    """What a projection needs of a target (``kkb.targets.Target`` is one): its value and year."""

    @property
    def value(self) -> float:
        """The count to reach."""
        ...

    @property
    def year(self) -> int:
        """The year it is to be reached by (its end is the deadline)."""
        ...


def month_index(periode: str) -> int:
    """Months since year 0 of a ``YYYY-MM`` periode (for arithmetic on months)."""
    year, month = periode.split("-")
    return int(year) * 12 + int(month) - 1


def month_label(index: int) -> str:
    """The ``YYYY-MM`` periode of a month index."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def shift_periode(periode: str, months: int) -> str:
    """``periode`` moved by ``months`` (negative: earlier)."""
    return month_label(month_index(periode) + months)


def pace(trend: pd.DataFrame, periode: str, column: str = "pembentukan", window: int = 12) -> float:
    """New Kampung KB per month over the ``window`` months up to ``periode`` (laju).

    Uses the months the trend has when it is shorter than the window; 0 without history. NaN (not
    known) when a month of the window carries figures printed for an earlier periode, or the count
    itself is not known: a region known from one statistics table has no pace to show.
    """
    series = trend.set_index("periode")[column]
    if periode not in series.index:
        return 0.0
    start = shift_periode(periode, -window)
    if "dari_periode" in trend:
        window_rows = trend[(trend["periode"] >= start) & (trend["periode"] <= periode)]
        if window_rows["dari_periode"].notna().any():
            return float("nan")
    if "tanpa_tanggal" in trend:
        # Kampung KB known only by year ("2020 or later") enter the count at a periode, not in the
        # month they were formed: while their number changes, the month-by-month pace is unknown
        undated = trend.set_index("periode")["tanpa_tanggal"].fillna(0)
        before_undated = undated[undated.index <= start]
        then = float(before_undated.iloc[-1]) if len(before_undated) else 0.0
        if float(undated[periode]) != then:
            return float("nan")
    if pd.isna(series[periode]):
        return float("nan")
    earlier = series[series.index <= start]
    before = float(earlier.iloc[-1]) if len(earlier) else 0.0
    first = series.index[0]
    months = window if len(earlier) else max(month_index(periode) - month_index(first) + 1, 1)
    return (float(series[periode]) - before) / months


@dataclass(frozen=True)
class Projection:
    """When a count target is reached at the current pace (proyeksi)."""

    target_value: float
    deadline: str  # YYYY-MM, the end of the target year
    pace: float
    reached_in: str | None  # YYYY-MM, or None when never at a pace of 0
    already_reached: bool

    @property
    def on_time(self) -> bool:
        """Whether the target is (or will be, at this pace) reached by the deadline."""
        return self.already_reached or (self.reached_in is not None and self.reached_in <= self.deadline)


def project(current: float, target: Goal, pace_per_month: float, periode: str) -> Projection:
    """Project the month ``current`` reaches ``target.value`` at ``pace_per_month`` from ``periode``."""
    deadline = f"{target.year:04d}-12"
    if current >= target.value:
        return Projection(target.value, deadline, pace_per_month, periode, True)
    if math.isnan(current) or math.isnan(pace_per_month) or pace_per_month <= 0:
        return Projection(target.value, deadline, pace_per_month, None, False)
    months = math.ceil((target.value - current) / pace_per_month)
    return Projection(target.value, deadline, pace_per_month, shift_periode(periode, months), False)
