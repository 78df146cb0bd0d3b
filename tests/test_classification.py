"""The portal-2021 method: the decision table from indices to class, the result's columns, ``impor``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kkb.classification import CLASSES, RESULT_COLUMNS, class_from_indices, classify
from kkb.indicators import SCORE_COLUMNS
from tests.helpers import frame, full_marks_input, output_with, row


def test_empty_snapshot_is_dasar_with_every_score_one() -> None:
    result = classify(frame(row())).iloc[0]
    assert all(result[c] == 1 for c in SCORE_COLUMNS)
    assert result["klasifikasi"] == "Dasar"
    assert bool(result["dq_laporan_kosong"])


DECISION_TABLE = [
    ((2.0, 2.0, 2.0), "Dasar"),
    ((3.0, 2.0, 2.0), "Dasar"),
    ((2.0, 3.0, 2.0), "Dasar"),
    ((2.0, 2.0, 3.0), "Dasar"),
    ((3.0, 3.0, 2.99), "Berkembang"),
    ((3.0, 2.67, 3.0), "Mandiri"),
    ((2.8, 3.0, 3.25), "Mandiri"),
    ((3.6, 4.0, 4.0), "Berkelanjutan"),
]


@pytest.mark.parametrize(("indices", "expected"), DECISION_TABLE, ids=[f"{i}-{e}" for i, e in DECISION_TABLE])
def test_decision_table(indices: tuple[float, float, float], expected: str) -> None:
    assert class_from_indices(np.array([indices]))[0] == expected


def test_classes_end_to_end_and_mandiri_plus() -> None:
    dasar = row()
    berkembang = row(**full_marks_input(), penggunaan_data=4, mekanisme_operasional=5, instansi_terlibat=7)
    mandiri = row(**full_marks_input(), **output_with(part=35, cpr=60, mkjp=30, unmet=5))
    berkelanjutan = {**berkembang, **{k: v for k, v in mandiri.items() if not np.isnan(v)}}
    result = classify(frame(dasar, berkembang, mandiri, berkelanjutan))
    assert list(result["klasifikasi"]) == list(CLASSES)
    assert list(result["mandiri_plus"]) == [False, False, True, True]
    assert list(result.columns) == list(RESULT_COLUMNS)
    assert result.loc[3, "indeks_input"] == 3.6
    assert result.loc[1, "indeks_proses"] == 4.0


def test_index_is_rounded_to_two_decimals() -> None:
    result = classify(frame(row(penggunaan_data=4, mekanisme_operasional=5, instansi_terlibat=0))).iloc[0]
    assert result["indeks_proses"] == 3.0
    result = classify(frame(row(penggunaan_data=4, mekanisme_operasional=3, instansi_terlibat=0))).iloc[0]
    assert result["indeks_proses"] == 2.67  # 8 / 3


def test_impor_method_accepts_aliases() -> None:
    data = pd.DataFrame({"klasifikasi": ["Paripurna", "mandiri berkelanjutan", " Dasar ", "MANDIRI"]})
    result = classify(data, "impor")
    assert list(result["klasifikasi"]) == ["Berkelanjutan", "Berkelanjutan", "Dasar", "Mandiri"]
    assert list(result["mandiri_plus"]) == [True, True, False, True]
    assert result["skor_cpr"].isna().all()


def test_impor_method_rejects_unknown_class() -> None:
    with pytest.raises(ValueError, match="Maju"):
        classify(pd.DataFrame({"klasifikasi": ["Maju"]}), "impor")


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="portal-2021"):
        classify(frame(row()), "77-indikator")
