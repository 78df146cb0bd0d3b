"""The twelve indicators: every band edge, ties to even, missing values and quality flags as on the portal."""

from __future__ import annotations

import pandas as pd
import pytest

from kkb.indicators import DQ_FLAGS, INDICATORS, indicator_values, quality_flags
from tests.helpers import frame, output_with, row


def scored(snapshot: dict[str, float]) -> pd.Series:
    """One snapshot's twelve values (``nilai_*``), their scores (``skor_*``) and its quality flags."""
    values = indicator_values(frame(snapshot))
    scores = {f"skor_{i.key}": i.score(values[f"nilai_{i.key}"].to_numpy()) for i in INDICATORS}
    return pd.concat([values, pd.DataFrame(scores), quality_flags(frame(snapshot))], axis=1).iloc[0]


def score_of(indicator: str, snapshot: dict[str, float]) -> int:
    return int(scored(snapshot)[f"skor_{indicator}"])


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
    result = scored(snapshot)
    assert result[f"nilai_{indicator}"] == value
    assert result[f"skor_{indicator}"] == score


def test_participation_pair_with_empty_or_zero_denominator_counts_zero() -> None:
    # only BKB reported: 50 % of balita families; the other four pairs contribute 0 -> round(50/5) = 10
    snapshot = row(peserta_bkb=50, keluarga_balita=100, peserta_bkr=30, keluarga_remaja=0)
    result = scored(snapshot)
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
    result = scored(snapshot)
    assert (result["skor_cpr"], result["skor_mkjp"], result["skor_unmet_need"]) == scores
    raised = {f for f in DQ_FLAGS if bool(result[f])}
    assert flags <= raised
    assert result["dq_jumlah"] == len(raised)


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
    assert bool(scored(snapshot)[flag])


def test_flag_outside_zero_one_counts_as_present() -> None:
    assert score_of("poktan", row(bkb=2)) == 2
