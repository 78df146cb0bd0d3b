"""The path to the next class: the fewest indicator changes that lift a snapshot above its class.

Built on the rules of ``kkb.classification`` (scores, dimension indices, the decision table): the
plan is recomputed from them, so it always matches the class the changed scores give.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kkb import classification
from kkb.classification import CLASS_RANK, CLASSES, class_from_indices, classify_portal_2021, from_scores
from kkb.columns import INPUT_COLUMNS, METHODS_KB, MKJP_METHODS
from kkb.indicators import DIMENSION_INDICATORS, INDICATORS, SCORE_COLUMNS, Indicator


@dataclass(frozen=True)
class Step:
    """Raise one indicator from one score to another; ``value_from``/``value_to`` in its own unit.

    ``count_change`` says how many people or groups that is where it can be counted (e.g. +12 peserta
    KB for CPR, −5 PUS with unmet need), else None.
    """

    indicator: str
    score_from: int
    score_to: int
    value_from: float | None
    value_to: int
    count_change: int | None = None
    #: False where the source gave scores without the raw figures (the value is unknown, not unreported)
    value_known: bool = True


@dataclass(frozen=True)
class NextClassPath:
    """The fewest indicator changes that lift a snapshot from its class to ``target``."""

    current: str
    target: str | None
    steps: tuple[Step, ...]


def path_to_next_class(row: pd.Series) -> NextClassPath:
    """Plan the fewest indicator changes that lift one snapshot above its current class.

    ``row`` holds the snapshot's input columns (for counts such as PUS) and may hold its results;
    they are recomputed here so the plan always matches the rules. Among plans of equal length the
    one reaching the higher class wins; inside a dimension the indicators with the most room to grow
    come first. ``NextClassPath.target`` is the class the changed scores give. A row with scores and no
    input columns (a source that printed scores only) is planned from its scores.
    """
    scores_only = all(pd.isna(row.get(c)) for c in INPUT_COLUMNS) and all(
        c in row and not pd.isna(row[c]) for c in SCORE_COLUMNS
    )
    if scores_only:
        result = from_scores(np.array([[int(row[c]) for c in SCORE_COLUMNS]])).iloc[0]
    else:
        result = classify_portal_2021(pd.DataFrame([row])).iloc[0]
    scores = [int(result[c]) for c in SCORE_COLUMNS]
    current = str(result["klasifikasi"])
    rank = CLASS_RANK[current]
    if rank == len(CLASSES) - 1:
        return NextClassPath(current, None, ())
    options: list[tuple[int, int, list[tuple[Indicator, int, int]]]] = []
    keys = [ind.key for ind in INDICATORS]
    for target_rank, required in classification.RANK_REQUIREMENTS:
        if target_rank <= rank:
            continue
        raises: list[tuple[Indicator, int, int]] = []
        for dimension in required:
            raises += _dimension_raises(dimension, scores)
        raised = list(scores)
        for ind, _, new in raises:
            raised[keys.index(ind.key)] = new
        reached = class_from_indices(classification.indices_of(np.array([raised], dtype=np.int64)))[0]
        options.append((len(raises), -CLASS_RANK[str(reached)], raises))
    _, negative_rank, raises = min(options, key=lambda o: (o[0], o[1]))
    target_rank = -negative_rank
    steps = tuple(_describe(ind, old, new, row, result, not scores_only) for ind, old, new in raises)
    return NextClassPath(current, CLASSES[target_rank], steps)


def _dimension_raises(dimension: str, scores: Sequence[int]) -> list[tuple[Indicator, int, int]]:
    sl = classification.dimension_slice(dimension)
    own = list(zip(DIMENSION_INDICATORS[dimension], scores[sl], strict=True))
    deficit = classification.points_needed(dimension) - sum(s for _, s in own)
    raises = []
    for ind, score in sorted(own, key=lambda p: -(p[0].max_score - p[1])):
        if deficit <= 0:
            break
        gain = min(ind.max_score - score, deficit)
        if gain > 0:
            raises.append((ind, score, score + gain))
            deficit -= gain
    return raises


def _first_count(numerator_ok: Callable[[int], bool], start: int, stop: int, step: int) -> int | None:
    for k in range(start, stop, step):
        if numerator_ok(k):
            return k
    return None


def _describe(ind: Indicator, old: int, new: int, row: pd.Series, result: pd.Series, known: bool) -> Step:
    lo, hi, _ = ind.band_of(new)
    value_to = lo if ind.higher_is_better else int(hi if hi is not None else lo)
    value = result.get(f"nilai_{ind.key}")
    value_from = None if value is None or pd.isna(value) else float(value)
    count = _count_change(ind.key, value_to, row) if known else None
    return Step(ind.key, old, new, value_from, value_to, count, known)


def _count_change(key: str, target: int, row: pd.Series) -> int | None:
    """How many more (or, negative, fewer) people a percentage target means, where countable."""

    def get(name: str) -> float:
        try:
            v = float(row.get(name))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 0.0
        return 0.0 if np.isnan(v) else v

    pus = get("pus")
    users = int(sum(get(m) for m in METHODS_KB))
    if key == "cpr" and pus > 0:
        found = _first_count(lambda k: _pct_scalar(k, pus) >= target, users, int(pus) + 1, 1)
        return None if found is None else found - users
    if key == "mkjp" and users > 0:
        long_acting = int(sum(get(m) for m in MKJP_METHODS))
        ok = lambda k: _pct_scalar(k, users) >= target  # noqa: E731
        found = _first_count(ok, long_acting, users + 1, 1)
        return None if found is None else found - long_acting
    if key == "unmet_need" and pus > 0:
        unmet = int(get("tidak_kb_iat") + get("tidak_kb_tial"))
        found = _first_count(lambda k: _pct_scalar(k, pus) <= target, unmet, -1, -1)
        return None if found is None else found - unmet
    return None


def _pct_scalar(numerator: float, denominator: float) -> float:
    return float(np.rint(numerator / denominator * 100))
