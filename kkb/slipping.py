"""Targets that slip: the regions one level down that are behind on their formation or mandiri plus target.

For each region below and each of its two goals (formation: its own ``pembentukan`` target, else the
coverage target it inherits, Inpres 3/2022; mandiri plus: ``mandiri_plus_jumlah`` or
``mandiri_plus_persen``), the target of the periode's year (else the nearest), how far the region is
from it (``kurang``, in the target's unit), its pace over the last 12 months, and the pace it needs
to reach the target by the end of the target year. A region is listed when it has not reached the
target and its pace would not get it there in time, or the deadline has passed. What the data does
not give stays empty: a region with no figure a year ago has no pace, a passed deadline no pace needed.
"""

from __future__ import annotations

import math

import pandas as pd

from kkb import fmt
from kkb.i18n import t
from kkb.pace import month_index
from kkb.targets import find_in, index_targets

#: each goal's target metrics, in the order they are looked for, and the column holding the figure
GOALS: dict[str, tuple[tuple[str, str], ...]] = {
    "pembentukan": (("pembentukan", "pembentukan"), ("cakupan_desa_persen", "cakupan_desa_persen")),
    "mandiri_plus": (("mandiri_plus_jumlah", "mandiri_plus"), ("mandiri_plus_persen", "mandiri_plus_persen")),
}
COLUMNS = (
    "kode",
    "wilayah",
    "sasaran",
    "target_metrik",
    "target_tahun",
    "target_nilai",
    "aktual",
    "kurang",
    "laju",
    "laju_perlu",
    "tenggat",
    "bulan_tersisa",
    "target_sumber",
)
WINDOW = 12


def slipping(now: pd.DataFrame, before: pd.DataFrame, targets: pd.DataFrame, periode: str) -> pd.DataFrame:
    """The regions of ``now`` behind on a goal (``COLUMNS``), furthest behind first within each goal.

    ``now`` and ``before`` are the same regions at ``periode`` and ``WINDOW`` months earlier, as
    ``overview.children`` gives them (with ``wilayah``, their label).
    """
    index = index_targets(targets)
    year = int(periode[:4])
    earlier = before.set_index("kode") if not before.empty else pd.DataFrame()
    rows: list[dict[str, object]] = []
    for _, row in now.iterrows():
        code = str(row["kode"])
        for goal, options in GOALS.items():
            found = next(
                ((t, column) for metric, column in options if (t := find_in(index, code, metric, year))), None
            )
            if found is None:
                continue
            target, column = found
            actual = _number(row.get(column))
            if math.isnan(actual) or actual >= target.value:
                continue
            then = _number(earlier.at[code, column]) if code in earlier.index else math.nan
            laju = (actual - then) / WINDOW
            deadline = f"{target.year:04d}-12"
            left = month_index(deadline) - month_index(periode)
            gap = target.value - actual
            needed = gap / left if left > 0 else math.nan
            if left > 0 and not math.isnan(laju) and laju * left >= gap:
                continue  # on pace to reach it in time
            rows.append(
                {
                    "kode": code,
                    "wilayah": row.get("wilayah", code),
                    "sasaran": goal,
                    "target_metrik": target.metric,
                    "target_tahun": target.year,
                    "target_nilai": target.value,
                    "aktual": actual,
                    "kurang": gap,
                    "laju": laju,
                    "laju_perlu": needed,
                    "tenggat": deadline,
                    "bulan_tersisa": max(left, 0),
                    "target_sumber": target.source,
                }
            )
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    if out.empty:
        return out
    share = out["aktual"] / out["target_nilai"]
    return out.assign(_share=share).sort_values(["sasaran", "_share", "wilayah"]).drop(columns="_share")


def _number(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return number


def shown(behind: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The list as read on screen and on a slide: words and numbers in ``lang``, units said."""

    def amount(value: float, metric: str, points: bool = False) -> str:
        if metric.endswith("_persen"):
            if not points:
                return fmt.percent(value, lang, 1)
            return f"{fmt.number(value, lang, 1)} {'poin' if lang == 'id' else 'points'}"
        return fmt.number(value, lang, 1 if points else 0)

    rows = []
    for r in behind.to_dict("records"):
        metric = str(r["target_metrik"])
        needed, laju = _number(r["laju_perlu"]), _number(r["laju"])
        pace_needed = (
            t("slip_passed", lang)
            if math.isnan(needed)
            else t("slip_per_month", lang, value=amount(needed, metric, points=True))
        )
        rows.append(
            {
                "wilayah": r["wilayah"],
                "sasaran": t(f"goal_{r['sasaran']}", lang),
                "target": f"{amount(_number(r['target_nilai']), metric)} ({r['target_tahun']})",
                "aktual": amount(_number(r["aktual"]), metric),
                "kurang": amount(_number(r["kurang"]), metric, points=True),
                "laju_12_bulan": "–" if math.isnan(laju) else amount(laju, metric, points=True),
                "laju_perlu": pace_needed,
                "tenggat": r["tenggat"],
            }
        )
    return pd.DataFrame(rows, columns=list(SHOWN_COLUMNS))


SHOWN_COLUMNS = ("wilayah", "sasaran", "target", "aktual", "kurang", "laju_12_bulan", "laju_perlu", "tenggat")
