"""The portal-2021 method: every band edge, the decision table, ties, missing values, the path."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kkb.classification import (
    CLASSES,
    DQ_FLAGS,
    INDICATORS,
    RESULT_COLUMNS,
    SCORE_COLUMNS,
    class_from_indices,
    classify,
)
from tests.helpers import frame, full_marks_input, output_with, row


def score_of(indicator: str, snapshot: dict[str, float]) -> int:
    return int(classify(frame(snapshot))[f"skor_{indicator}"].iloc[0])


def pokja_row(level: int) -> dict[str, float]:
    return [
        row(pokja=0, pokja_anggota=12, pokja_terlatih=1),
        row(pokja=1),
        row(pokja=1, pokja_anggota=3),
        row(pokja=1, pokja_anggota=3, pokja_terlatih=1),
    ][level]


def poktan_row(n: int) -> dict[str, float]:
    names = ["bkb", "bkr", "bkl", "uppka", "pikr"]
    return row(**{name: 1 if i < n else 0 for i, name in enumerate(names)})


BAND_CASES = [
    # indicator, snapshot, expected score
    ("pokja", row(), 1),
    ("pokja", pokja_row(0), 1),
    ("pokja", pokja_row(1), 2),
    ("pokja", pokja_row(2), 3),
    ("pokja", row(pokja=1, pokja_terlatih=1), 3),
    ("pokja", pokja_row(3), 4),
    *[("sumber_dana", row(sumber_dana=v), s) for v, s in [(0, 1), (1, 2), (2, 3), (4, 3), (5, 4), (6, 4)]],
    ("sumber_dana", row(), 1),
    *[("poktan", poktan_row(v), s) for v, s in [(0, 1), (1, 2), (2, 2), (3, 3), (4, 3), (5, 4)]],
    ("sarana", row(sekretariat=0, rumah_dataku=0), 1),
    ("sarana", row(sekretariat=1), 2),
    ("sarana", row(rumah_dataku=1), 2),
    ("sarana", row(sekretariat=1, rumah_dataku=1), 3),
    ("pkb", row(), 1),
    ("pkb", row(plkb_pendamping=1), 2),
    ("pkb", row(regulasi=1), 2),
    ("pkb", row(plkb_pendamping=1, regulasi=1), 3),
    *[
        ("penggunaan_data", row(penggunaan_data=v), s)
        for v, s in [(0, 1), (1, 2), (2, 3), (3, 3), (4, 4), (5, 4)]
    ],
    *[
        ("mekanisme_operasional", row(mekanisme_operasional=v), s)
        for v, s in [(0, 1), (1, 2), (2, 2), (3, 3), (4, 3), (5, 4)]
    ],
    *[
        ("lintas_sektor", row(instansi_terlibat=v), s)
        for v, s in [(0, 1), (1, 2), (3, 2), (4, 3), (6, 3), (7, 4)]
    ],
    *[
        ("partisipasi_poktan", row(**output_with(part=v)), s)
        for v, s in [(9, 1), (10, 2), (20, 2), (21, 3), (30, 3), (31, 4)]
    ],
    *[
        ("cpr", row(**output_with(cpr=v)), s)
        for v, s in [(29, 1), (30, 2), (40, 2), (41, 3), (50, 3), (51, 4)]
    ],
    *[
        ("mkjp", row(**output_with(cpr=100, mkjp=v)), s)
        for v, s in [(19, 1), (20, 2), (22, 2), (23, 3), (24, 3), (25, 4)]
    ],
    *[
        ("unmet_need", row(**output_with(unmet=v)), s)
        for v, s in [(6, 4), (7, 3), (9, 3), (10, 2), (12, 2), (13, 1)]
    ],
]


@pytest.mark.parametrize(
    ("indicator", "snapshot", "expected"),
    BAND_CASES,
    ids=[f"{c[0]}-{i}-skor{c[2]}" for i, c in enumerate(BAND_CASES)],
)
def test_every_band_edge(indicator: str, snapshot: dict[str, float], expected: int) -> None:
    assert score_of(indicator, snapshot) == expected


def test_every_indicator_has_band_cases() -> None:
    covered = {case[0] for case in BAND_CASES}
    assert covered == {ind.key for ind in INDICATORS}


TIE_CASES = [
    # a ratio of exactly x.5 % rounds to the even whole number, as PostgreSQL rounds float8
    ("cpr", row(pus=200, kb_suntik=81), 40, 2),  # 40.5 -> 40 (half-up would give 41 and score 3)
    ("cpr", row(pus=200, kb_suntik=83), 42, 3),  # 41.5 -> 42
    ("mkjp", row(pus=500, kb_iud=45, kb_suntik=155), 22, 2),  # 22.5 -> 22 (half-up: 23, score 3)
    ("unmet_need", row(pus=200, tidak_kb_iat=25), 12, 2),  # 12.5 -> 12 (half-up: 13, score 1)
    ("unmet_need", row(pus=200, tidak_kb_iat=13), 6, 4),  # 6.5 -> 6
    (
        "partisipasi_poktan",
        row(
            **{
                **output_with(part=0),
                "peserta_bkb": 41,
                "peserta_bkr": 41,
                "peserta_bkl": 41,
                "peserta_uppka": 41,
                "peserta_pikr": 41,
                "keluarga_balita": 200,
                "keluarga_remaja": 200,
                "keluarga_lansia": 200,
                "jumlah_keluarga": 200,
                "jumlah_remaja": 200,
            }
        ),
        20,
        2,
    ),  # each 20.5 -> 20
]


@pytest.mark.parametrize(("indicator", "snapshot", "value", "score"), TIE_CASES, ids=lambda v: str(v)[:20])
def test_ties_round_to_even(indicator: str, snapshot: dict[str, float], value: int, score: int) -> None:
    result = classify(frame(snapshot)).iloc[0]
    assert result[f"nilai_{indicator}"] == value
    assert result[f"skor_{indicator}"] == score


def test_participation_pair_with_empty_or_zero_denominator_counts_zero() -> None:
    # only BKB reported: 50 % of balita families; the other four pairs contribute 0 -> round(50/5) = 10
    snapshot = row(peserta_bkb=50, keluarga_balita=100, peserta_bkr=30, keluarga_remaja=0)
    result = classify(frame(snapshot)).iloc[0]
    assert result["nilai_partisipasi_poktan"] == 10
    assert result["skor_partisipasi_poktan"] == 2


MISSING_CASES = [
    # id, snapshot, expected (cpr, mkjp, unmet) scores, flags that must be set
    ("pus-empty", row(kb_iud=30, kb_suntik=30), (1, 1, 1), {"dq_pus_kosong"}),
    (
        "pus-zero-mkjp-still-computed",
        row(pus=0, kb_iud=30, kb_suntik=70),
        (1, 4, 1),
        {"dq_pus_kosong", "dq_pengguna_melebihi_pus"},
    ),
    (
        "pus-empty-iat-reported-quirk",
        row(tidak_kb_iat=40),
        (1, 1, 4),
        {"dq_unmet_tanpa_pus", "dq_pus_kosong"},
    ),
    (
        "pus-zero-iat-zero-quirk",
        row(pus=0, tidak_kb_iat=0),
        (1, 1, 4),
        {"dq_unmet_tanpa_pus", "dq_pus_kosong"},
    ),
    ("iat-tial-empty", row(pus=100, kb_suntik=60, kb_iud=30), (4, 4, 1), set()),
    ("only-tial", row(pus=100, kb_suntik=60, tidak_kb_tial=5), (4, 1, 4), set()),
    ("no-users", row(pus=100, tidak_kb_iat=5), (1, 1, 4), set()),
]


@pytest.mark.parametrize(
    ("case", "snapshot", "scores", "flags"), MISSING_CASES, ids=[c[0] for c in MISSING_CASES]
)
def test_missing_values_follow_the_portal(
    case: str, snapshot: dict[str, float], scores: tuple[int, int, int], flags: set[str]
) -> None:
    result = classify(frame(snapshot)).iloc[0]
    assert (result["skor_cpr"], result["skor_mkjp"], result["skor_unmet_need"]) == scores
    raised = {f for f in DQ_FLAGS if bool(result[f])}
    assert flags <= raised
    assert result["dq_jumlah"] == len(raised)


def test_empty_snapshot_is_dasar_with_every_score_one() -> None:
    result = classify(frame(row())).iloc[0]
    assert all(result[c] == 1 for c in SCORE_COLUMNS)
    assert result["klasifikasi"] == "Dasar"
    assert bool(result["dq_laporan_kosong"])


@pytest.mark.parametrize(
    ("snapshot", "flag"),
    [
        (row(pus=100, keluarga_balita=10, peserta_bkb=12), "dq_peserta_melebihi_sasaran"),
        (row(pus=50, kb_suntik=60), "dq_pengguna_melebihi_pus"),
        (row(pus=50, kb_suntik=40, tidak_kb_hamil=20), "dq_tidak_kb_melebihi_pus"),
        (row(bkb=2), "dq_flag_di_luar_0_1"),
        (row(sumber_dana=7), "dq_hitungan_di_luar_rentang"),
    ],
    ids=["participants", "users", "non-users", "flag-2", "count-7"],
)
def test_quality_flags(snapshot: dict[str, float], flag: str) -> None:
    assert bool(classify(frame(snapshot))[flag].iloc[0])


def test_flag_outside_zero_one_counts_as_present() -> None:
    assert score_of("poktan", row(bkb=2)) == 2


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
