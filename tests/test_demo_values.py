"""The demo's raw columns: the real engine classifies them back into the class they were drawn for."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kkb import demo_values
from kkb.classification import CLASSES, classify
from kkb.columns import INPUT_COLUMNS


def _snapshots(klass: str, months: int, kampung: int = 40) -> pd.DataFrame:
    """``months`` monthly snapshots of each of ``kampung`` Kampung KB, all meant to be ``klass``."""
    rows = np.repeat(np.arange(kampung), months)
    age = np.tile(np.arange(months, dtype=float), kampung)
    return pd.DataFrame({"row": rows, "kelas": klass, "age": age})


@pytest.mark.parametrize("klass", CLASSES)
def test_raw_columns_are_classified_as_the_class_they_were_drawn_for(klass: str) -> None:
    snap = _snapshots(klass, months=30)
    kampung = pd.DataFrame(index=range(40))
    values = demo_values.raw_columns(snap, kampung, np.random.default_rng(7))
    assert set(INPUT_COLUMNS) <= set(values)
    frame = pd.DataFrame({name: values[name] for name in INPUT_COLUMNS})
    assert (classify(frame)["klasifikasi"] == klass).all()


def test_a_new_kampung_kb_often_has_no_output_report_yet() -> None:
    """Messy like real reports: empty outputs among the first months of Dasar Kampung KB."""
    snap = _snapshots("Dasar", months=3, kampung=400)
    values = demo_values.raw_columns(snap, pd.DataFrame(index=range(400)), np.random.default_rng(3))
    empty = np.isnan(values["pus"]) & np.isnan(values["peserta_bkb"])
    assert 0.05 < empty.mean() < 0.9
    berkelanjutan = _snapshots("Berkelanjutan", months=3, kampung=400)
    values = demo_values.raw_columns(berkelanjutan, pd.DataFrame(index=range(400)), np.random.default_rng(3))
    assert not np.isnan(values["pus"]).any()  # a passing output dimension is never emptied


def test_the_same_seed_gives_the_same_values() -> None:
    snap = _snapshots("Mandiri", months=6)
    one = demo_values.raw_columns(snap, pd.DataFrame(index=range(40)), np.random.default_rng(11))
    two = demo_values.raw_columns(snap, pd.DataFrame(index=range(40)), np.random.default_rng(11))
    assert all(np.array_equal(one[k], two[k], equal_nan=True) for k in one)
