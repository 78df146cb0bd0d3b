"""The simulator's engine: the fields it asks for, the link it travels in, the same rules as the profile."""

from __future__ import annotations

import pandas as pd
import pytest

from kkb import db, explore, simulate
from kkb.classification import CLASSES
from kkb.columns import INPUT_COLUMNS, UNUSED_BY_RULES


def test_the_fields_are_every_column_the_rules_read() -> None:
    asked = [f.column for f in simulate.FIELDS]
    assert len(asked) == len(set(asked))
    assert set(asked) == set(INPUT_COLUMNS) - set(UNUSED_BY_RULES)


def test_a_blank_simulation_is_dasar_with_nothing_reported() -> None:
    sim = simulate.evaluate(simulate.blank())
    assert sim.klasifikasi == "Dasar"
    assert sim.scores["skor"].tolist() == [1] * 12
    assert sim.path.current == "Dasar" and sim.path.target is not None


def test_an_unreported_unmet_need_is_not_a_reported_zero() -> None:
    """SPEC §4.2: both counts empty scores 1; a reported 0 of 1,000 PUS is 0 % and scores 4."""
    values = simulate.blank() | {"pus": 1000.0}
    empty = simulate.evaluate(values).scores.set_index("indikator")["skor"]
    zero = simulate.evaluate(values | {"tidak_kb_iat": 0.0}).scores.set_index("indikator")["skor"]
    assert (empty["unmet_need"], zero["unmet_need"]) == (1, 4)


def test_the_simulator_gives_every_stored_snapshot_its_stored_class(small_con: db.Connection) -> None:
    """The same engine as the profile: a snapshot's values, untouched, give the class the registry holds."""
    rows = small_con.execute(
        "SELECT s.*, c.klasifikasi AS stored FROM snapshot s JOIN klasifikasi c"
        " ON c.kampung_id = s.kampung_id AND c.periode = s.periode AND c.metode = 'portal-2021'"
        " USING SAMPLE 150 ROWS (reservoir, 7)"
    ).fetchdf()
    assert set(rows["stored"]) >= {"Dasar", "Berkembang", "Mandiri"}
    for _, row in rows.iterrows():
        sim = simulate.evaluate(simulate.from_snapshot(row.to_dict()))
        assert sim.klasifikasi == row["stored"], row["kampung_id"]
        assert sim.path == explore.path_for(row)


def test_a_link_gives_back_every_value() -> None:
    values = simulate.blank() | {"pokja": 1.0, "pus": 120.0, "kb_pil": 30.0, "tidak_kb_iat": 0.0}
    text = simulate.encode(values)
    assert text == "pokja.1~pus.120~kb_pil.30~tidak_kb_iat.0"
    assert simulate.decode(text) == (values, [])


@pytest.mark.parametrize(
    "part",
    ["bogus.3", "pus.-4", "pus.12.5", "pokja.2", "sumber_dana.7", "pus"],
    ids=["unknown-column", "negative", "fraction", "flag-above-1", "count-above-its-list", "no-value"],
)
def test_a_link_part_that_cannot_be_read_is_listed_not_guessed(part: str) -> None:
    values, problems = simulate.decode(f"pus.100~{part}")
    assert problems == [part]
    assert values["pus"] == 100.0 and values == simulate.blank() | {"pus": 100.0}


def test_changes_name_the_values_that_moved() -> None:
    start = simulate.blank() | {"pus": 100.0}
    now = start | {"pus": 100.0, "kb_pil": 5.0, "pokja": 1.0}
    assert simulate.changes(start, now) == ["pokja", "kb_pil"]
    assert simulate.changes(start, start) == []


def test_from_snapshot_keeps_empty_counts_empty() -> None:
    values = simulate.from_snapshot({"pus": float("nan"), "pokja": 2, "kb_pil": "7"})
    assert values["pus"] is None and values["pokja"] == 1.0 and values["kb_pil"] == 7.0
    assert values["tidak_kb_iat"] is None


def test_the_highest_class_has_no_next_step() -> None:
    full = {c: 1.0 for c in simulate.FIELD_BY_COLUMN} | {
        "pokja_anggota": 9.0,
        "sumber_dana": 5.0,
        "penggunaan_data": 5.0,
        "mekanisme_operasional": 5.0,
        "instansi_terlibat": 8.0,
        "pus": 100.0,
        "kb_iud": 30.0,
        "kb_pil": 30.0,
        "tidak_kb_iat": 0.0,
        "tidak_kb_tial": 0.0,
    }
    for denominator, participants in (("keluarga_balita", "peserta_bkb"), ("jumlah_remaja", "peserta_pikr")):
        full[denominator], full[participants] = 10.0, 10.0
    sim = simulate.evaluate(full)
    assert sim.klasifikasi == CLASSES[-1] and sim.path.target is None
    assert isinstance(sim.result, pd.Series)
