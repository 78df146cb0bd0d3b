"""What a cell's text means: flags, counts, Indonesian numbers, column names, the snapshot's columns."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kkb.columns import INPUT_COLUMNS
from kkb.ingest.cells import column_key, number, parse_count, parse_flag, parse_snapshot_columns


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.095", 1095.0),
        ("2.311", 2311.0),
        ("18,45", 18.45),
        ("55,8", 55.8),
        ("7", 7.0),
        ("1.204.321", 1204321.0),
    ],
)
def test_indonesian_numbers_are_read_as_indonesians_write_them(text: str, value: float) -> None:
    assert number(text) == value


@pytest.mark.parametrize("text", ["1,095.5", "12 KK", "1.09", "satu"])
def test_text_that_is_not_a_number_is_refused(text: str) -> None:
    assert number(text) is None


def test_an_empty_count_cell_is_empty_not_a_number() -> None:
    empty = number("")
    assert empty is not None and math.isnan(empty)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1", 1.0), ("Ada", 1.0), ("ya", 1.0), ("1.0", 1.0), ("0", 0.0), ("Tidak Ada", 0.0), ("belum", 0.0)],
)
def test_a_flag_is_read_in_the_words_officials_write_it(text: str, value: float) -> None:
    assert parse_flag(text) == value


@pytest.mark.parametrize("text", ["2", "mungkin", "-1", "0,5"])
def test_a_flag_that_is_not_yes_or_no_is_refused(text: str) -> None:
    assert parse_flag(text) is None


@pytest.mark.parametrize(("text", "value"), [("12", 12.0), ("12.0", 12.0), ("0", 0.0)])
def test_a_count_is_a_whole_number(text: str, value: float) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize("text", ["-3", "1.161", "12,5", "dua"])
def test_a_count_that_is_not_a_whole_number_at_least_zero_is_refused(text: str) -> None:
    assert parse_count(text) is None


@pytest.mark.parametrize(
    ("name", "key"), [("Kode Desa", "kode_desa"), (" KODE-DESA ", "kode_desa"), ("> 2019", "2019")]
)
def test_a_column_name_is_compared_by_its_letters_and_digits(name: str, key: str) -> None:
    assert column_key(name) == key


def test_every_bad_cell_of_the_snapshot_columns_is_named_with_its_row_and_what_is_accepted() -> None:
    frame = pd.DataFrame({c: [""] * 3 for c in INPUT_COLUMNS})
    frame.loc[0, "pokja"] = "mungkin"
    frame.loc[2, "pus"] = "-5"
    out, problems = parse_snapshot_columns(frame, "laporan.csv")
    said = [(p.row, p.column, p.value, p.problem) for p in problems]
    assert said == [
        (2, "pokja", "mungkin", "bukan isian ada/tidak"),
        (4, "pus", "-5", "tidak boleh negatif"),
    ]
    assert all(p.file == "laporan.csv" and p.accepted for p in problems)
    assert out[list(INPUT_COLUMNS)].isna().all().all()  # empty cells and refused ones are empty


def test_a_missing_required_column_is_a_problem_of_row_one() -> None:
    frame = pd.DataFrame({"pokja": ["1"]})
    _out, problems = parse_snapshot_columns(frame, "x.csv", required=("pokja", "pus"))
    assert [(p.row, p.column, p.problem) for p in problems] == [(1, "pus", "kolom wajib tidak ada")]
