"""``kkb.next_class``: the fewest indicator changes to the next class, as the rules would then classify."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kkb.classification import CLASSES, class_from_indices, classify, steps_to_next_class
from kkb.indicators import SCORE_COLUMNS
from kkb.next_class import path_to_next_class
from kkb.sentences import path_text
from tests.helpers import frame, full_marks_input, output_with, row


def test_path_dasar_to_berkembang_needs_two_process_changes() -> None:
    # input passes (4+4+3+3+2 = 16 >= 15), proses 2+2+2 = 6 needs 3 more points: two indicators
    snapshot = row(
        pokja=1,
        pokja_anggota=5,
        pokja_terlatih=1,
        sumber_dana=5,
        bkb=1,
        bkr=1,
        bkl=1,
        sekretariat=1,
        rumah_dataku=1,
        plkb_pendamping=1,
        penggunaan_data=1,
        mekanisme_operasional=1,
        instansi_terlibat=2,
    )
    path = path_to_next_class(pd.Series(snapshot))
    assert (path.current, path.target) == ("Dasar", "Berkembang")
    assert [(s.indicator, s.score_from, s.score_to) for s in path.steps] == [
        ("penggunaan_data", 2, 4),
        ("mekanisme_operasional", 2, 3),
    ]
    assert path.steps[0].value_to == 4  # at least 4 kinds of data used
    assert int(steps_to_next_class(np.array([[4, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1]]))[0]) == 2
    assert classify(frame(snapshot))["langkah_ke_kelas_berikut"].iloc[0] == 2


def test_path_counts_contraceptive_users_with_the_tie_rule() -> None:
    # Berkembang, output 3+2+3+3 = 11: CPR 38 % -> 41 % lifts it to Berkelanjutan. With PUS 200, 81
    # users give 40.5 % which rounds to 40, so 82 users (+6) are needed.
    base = row(**full_marks_input(), penggunaan_data=4, mekanisme_operasional=5, instansi_terlibat=7)
    out = {**output_with(part=25, unmet=8, pus=200), "kb_iud": 18, "kb_suntik": 58, "tidak_kb_iat": 16}
    snapshot = {**base, **out}
    result = classify(frame(snapshot)).iloc[0]
    assert (result["klasifikasi"], result["nilai_cpr"], result["skor_cpr"]) == ("Berkembang", 38, 2)
    path = path_to_next_class(pd.Series(snapshot))
    assert path.target == "Berkelanjutan"
    assert len(path.steps) == 1
    step = path.steps[0]
    assert (step.indicator, step.value_from, step.value_to, step.count_change) == ("cpr", 38, 41, 6)
    lines = path_text(path, "id")
    assert "CPR" in lines[1] and "38 %" in lines[1] and "41 %" in lines[1] and "+6 peserta KB" in lines[1]
    # six more users of a long-acting method keep MKJP in its band (24 / 82 = 29 %)
    raised = {**snapshot, "kb_iud": 24}
    assert classify(frame(raised))["klasifikasi"].iloc[0] == "Berkelanjutan"


def test_path_prefers_fewest_changes_even_to_a_higher_class() -> None:
    # Dasar where only output passes: one input change gives Mandiri, while Berkembang needs input and proses.
    snapshot = row(
        pokja=1,
        pokja_anggota=5,
        pokja_terlatih=1,
        sumber_dana=5,
        bkb=1,
        bkr=1,
        bkl=1,
        sekretariat=1,
        **output_with(part=35, cpr=60, mkjp=30, unmet=5),
    )
    result = classify(frame(snapshot)).iloc[0]
    assert result["klasifikasi"] == "Dasar" and result["indeks_output"] >= 3 and result["indeks_input"] == 2.8
    path = path_to_next_class(pd.Series(snapshot))
    assert path.target == "Mandiri"
    assert len(path.steps) == 1


def test_path_of_the_highest_class_is_empty() -> None:
    snapshot = row(
        **full_marks_input(),
        penggunaan_data=4,
        mekanisme_operasional=5,
        instansi_terlibat=7,
        **output_with(part=35, cpr=60, mkjp=30, unmet=5),
    )
    path = path_to_next_class(pd.Series(snapshot))
    assert path.target is None and path.steps == ()
    assert "Berkelanjutan" in path_text(path, "en")[0]


def test_following_the_path_reaches_the_target_on_random_snapshots() -> None:
    rng = np.random.default_rng(7)
    rows = []
    for _ in range(200):
        rows.append(
            row(
                pokja=rng.integers(0, 2),
                pokja_anggota=rng.integers(0, 3),
                pokja_terlatih=rng.integers(0, 2),
                sumber_dana=rng.integers(0, 7),
                bkb=rng.integers(0, 2),
                bkr=rng.integers(0, 2),
                sekretariat=rng.integers(0, 2),
                regulasi=rng.integers(0, 2),
                penggunaan_data=rng.integers(0, 6),
                mekanisme_operasional=rng.integers(0, 6),
                instansi_terlibat=rng.integers(0, 9),
            )
        )
    result = classify(frame(*rows))
    for snapshot, (_, res) in zip(rows, result.iterrows(), strict=True):
        path = path_to_next_class(pd.Series(snapshot))
        if path.target is None:
            continue
        assert len(path.steps) == res["langkah_ke_kelas_berikut"]
        # raise the scores as the path says and re-derive the class from them
        scores = np.array([[int(res[c]) for c in SCORE_COLUMNS]])
        order = [c.removeprefix("skor_") for c in SCORE_COLUMNS]
        for step in path.steps:
            scores[0, order.index(step.indicator)] = step.score_to
        indices = np.column_stack(
            [
                np.round(scores[:, :5].sum(axis=1) / 5, 2),
                np.round(scores[:, 5:8].sum(axis=1) / 3, 2),
                np.round(scores[:, 8:].sum(axis=1) / 4, 2),
            ]
        )
        reached = class_from_indices(indices)[0]
        assert CLASSES.index(reached) >= CLASSES.index(path.target) > CLASSES.index(res["klasifikasi"])
