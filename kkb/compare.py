"""Regions side by side (Perbandingan): headline figures with differences, normalised trends, targets."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from kkb import fmt
from kkb.classification import CLASSES
from kkb.i18n import t
from kkb.metrics import TARGET_METRICS, RegionMetrics

#: the headline rows: key, unit ("n" count, "%" percentage)
HEADLINE = (
    ("pembentukan", "n"),
    ("desa_terbentuk", "n"),
    ("cakupan_desa_persen", "%"),
    ("per_100_desa", "n"),
    ("terklasifikasi", "n"),
    ("mandiri_plus", "n"),
    ("mandiri_plus_persen", "%"),
    *((f"{c.lower()}_persen", "%") for c in CLASSES),
)


#: the class-share rows and the class each reads (``mandiri_plus_persen`` is not one: it is a group)
_CLASS_SHARES = {f"{c.lower()}_persen": c for c in CLASSES}


def value(m: RegionMetrics, key: str) -> float:
    """The headline figure ``key`` of ``m``, read from the one place ``RegionMetrics`` holds it."""
    if key == "per_100_desa":
        return m.pembentukan / m.jml_desa_kel * 100 if m.jml_desa_kel else float("nan")
    if key in _CLASS_SHARES:
        return m.kelas_persen[_CLASS_SHARES[key]]
    return float(getattr(m, key))


#: how the difference columns of ``headline`` begin (``selisih: Riau``); ``in_words`` translates it
DIFF = "selisih: "


def headline(found: Mapping[str, RegionMetrics], labels: Mapping[str, str]) -> pd.DataFrame:
    """One row per headline figure, one column per region, then each region's difference from the first.

    Columns: ``metrik`` (key), ``satuan``, one column per region label, and ``selisih: <label>`` for
    every region after the first (its value minus the first region's). Keys and figures only: the
    caller puts them in words (``in_words``, ``formatted``).
    """
    codes = list(found)
    rows = []
    for key, unit in HEADLINE:
        row: dict[str, object] = {"metrik": key, "satuan": unit}
        values = [value(found[c], key) for c in codes]
        for code, figure in zip(codes, values, strict=True):
            row[labels[code]] = figure
        for code, figure in zip(codes[1:], values[1:], strict=True):
            row[f"{DIFF}{labels[code]}"] = figure - values[0]
        rows.append(row)
    return pd.DataFrame(rows)


def in_words(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``headline`` in ``lang``: a ``label`` column (the metric's name) and the differences so named."""
    out = table.copy()
    out.insert(1, "label", [t(key, lang) for key in table["metrik"]])
    said = f"{t('selisih', lang)}: "
    return out.rename(columns={c: said + c[len(DIFF) :] for c in table.columns if str(c).startswith(DIFF)})


def formatted(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``headline`` as display text in ``lang`` (differences signed, percentages in points)."""
    out = pd.DataFrame({t("metrik_col", lang): [t(key, lang) for key in table["metrik"]]})
    said = f"{t('selisih', lang)}: "
    for column in table.columns[2:]:
        difference = str(column).startswith(DIFF)
        cells = []
        for figure, unit in zip(table[column], table["satuan"], strict=True):
            decimals = 2 if unit == "%" else (1 if not float(figure).is_integer() else 0)
            if difference:
                cells.append(fmt.signed(figure, lang, decimals, "pp" if unit == "%" else ""))
            elif unit == "%":
                cells.append(fmt.percent(figure, lang, decimals))
            else:
                cells.append(fmt.number(figure, lang, decimals))
        out[said + str(column)[len(DIFF) :] if difference else column] = cells
    return out


def normalised(trend: pd.DataFrame, desa: int) -> pd.DataFrame:
    """A monthly trend with ``per_100_desa``: Kampung KB formed per 100 desa/kelurahan of the region."""
    out = trend.copy()
    out["per_100_desa"] = out["pembentukan"] / desa * 100 if desa else float("nan")
    return out


def attainments(found: Mapping[str, RegionMetrics], labels: Mapping[str, str]) -> pd.DataFrame:
    """Every target each region has on record, with the actual value and the attainment.

    Columns: ``kode``, ``wilayah``, ``metrik`` (key), ``tahun``, ``target``, ``penyebut``, ``aktual``,
    ``capaian_persen``, ``sumber``, ``diwarisi_dari``; ``sentences.goal_labels`` names the rows.
    """
    rows = []
    for code, m in found.items():
        for metric in TARGET_METRICS:
            a = m.capaian[metric]
            if a.target is None:
                continue
            rows.append(
                {
                    "kode": code,
                    "wilayah": labels[code],
                    "metrik": metric,
                    "tahun": a.target.year,
                    "target": a.target.value,
                    "penyebut": a.target.denominator,
                    "aktual": a.actual,
                    "capaian_persen": a.percent,
                    "sumber": a.target.source,
                    "diwarisi_dari": a.target.inherited_from,
                }
            )
    return pd.DataFrame(rows)
