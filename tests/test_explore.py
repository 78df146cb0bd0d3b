"""``kkb.explore``: Jelajah's filters, and the score bands and decision table Metodologi shows."""

from __future__ import annotations

import pandas as pd
import pytest

from kkb import explore
from kkb.classification import CLASSES
from kkb.indicators import DIMENSIONS, DQ_FLAGS, INDICATORS


def _kampung() -> pd.DataFrame:
    rows = [
        ("1", "Kampung KB Melati", "Sukamaju", "Ciruas", "Kab. Serang", 2017, "Mandiri", 0),
        ("2", "Kampung KB Mawar", "Kramatwatu", "Kramatwatu", "Kab. Serang", 2021, "Dasar", 2),
        ("3", "Kampung KB Anggrek", "Cikande", "Cikande", "Kab. Serang", None, None, None),
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "id",
            "nama",
            "desa",
            "kecamatan",
            "kabkota",
            "tahun_pencanangan",
            "klasifikasi",
            "dq_jumlah",
        ],
    )
    return frame.assign(**{flag: [False, flag == DQ_FLAGS[0], None] for flag in DQ_FLAGS})


def _ids(frame: pd.DataFrame) -> list[str]:
    return list(frame["id"])


def test_classes_years_quality_and_text_each_narrow_the_list() -> None:
    frame = _kampung()
    assert _ids(explore.filter_kampung(frame)) == ["1", "2", "3"]
    assert _ids(explore.filter_kampung(frame, classes=["Mandiri", ""])) == ["1", "3"]
    assert _ids(explore.filter_kampung(frame, dq=explore.DQ_FLAGGED)) == ["2"]
    assert _ids(explore.filter_kampung(frame, dq=explore.DQ_CLEAN)) == ["1"]  # 3 cannot be checked: neither
    assert _ids(explore.filter_kampung(frame, dq=DQ_FLAGS[0])) == ["2"]
    assert _ids(explore.filter_kampung(frame, text="  KRAMAT ")) == ["2"]
    assert _ids(explore.filter_kampung(frame, text="cikande")) == ["3"]


def test_a_kampung_kb_of_unknown_year_leaves_only_when_the_years_are_narrowed() -> None:
    frame = _kampung()
    assert _ids(explore.filter_kampung(frame, years=(2017, 2021))) == ["1", "2", "3"]
    assert _ids(explore.filter_kampung(frame, years=(2018, 2021))) == ["2"]


def test_an_unknown_quality_filter_is_refused() -> None:
    with pytest.raises(ValueError, match="kualitas data"):
        explore.filter_kampung(_kampung(), dq="dq_lain")


def test_the_bands_table_has_four_bands_for_each_indicator() -> None:
    bands = explore.bands_table()
    assert list(bands["indikator"]) == [ind.key for ind in INDICATORS]
    assert {f"skor_{s}" for s in range(1, 5)} <= set(bands.columns)
    assert set(bands["dimensi"]) == set(DIMENSIONS)


def test_the_decision_table_gives_every_pass_pattern_one_class() -> None:
    table = explore.decision_table()
    patterns = table[[f"lulus_{d}" for d in DIMENSIONS]].apply(tuple, axis=1)
    assert len(table) == 2 ** len(DIMENSIONS) == patterns.nunique()
    assert set(table["klasifikasi"]) == set(CLASSES)
    passes_all = table[table[[f"lulus_{d}" for d in DIMENSIONS]].all(axis=1)]
    assert list(passes_all["klasifikasi"]) == ["Berkelanjutan"]
