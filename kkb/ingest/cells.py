"""What a cell's text means: a yes/no flag, a count, a number written the Indonesian way, a column name.

Each parser returns None for text it does not accept, so that the caller can name the file, row,
column and value, and say what is accepted (``ACCEPTED_FLAG``, ``ACCEPTED_COUNT``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kkb.columns import COUNT_COLUMNS, FLAG_COLUMNS, INPUT_COLUMNS
from kkb.errors import RowProblem

FLAG_TRUE = {"1", "ada", "ya", "y", "true", "benar", "sudah"}
FLAG_FALSE = {"0", "tidak ada", "tidak", "t", "false", "salah", "belum", "tdk", "tidak ada."}
ACCEPTED_FLAG = "0/1, Ada/Tidak Ada, Ya/Tidak, atau kosong"
ACCEPTED_COUNT = "bilangan bulat ≥ 0 atau kosong"
_INTEGER = re.compile(r"^\d+([.,]0+)?$")


def parse_flag(value: str) -> float | None:
    """Parse a yes/no cell: 1.0, 0.0, NaN for empty, None when not one of those.

    Another number (``bkb`` = 2) is refused like any other text: a file is checked before it is
    written, and the README says flags are. (The classifier still copes with such a value in data
    that reaches it another way, and flags it.)
    """
    text = value.strip().lower()
    if text == "":
        return float("nan")
    if text in FLAG_TRUE:
        return 1.0
    if text in FLAG_FALSE:
        return 0.0
    if _INTEGER.match(text) and float(text.replace(",", ".")) in (0.0, 1.0):
        return float(text.replace(",", "."))  # "1.0" as a spreadsheet writes a whole number
    return None


def parse_count(value: str) -> float | None:
    """Parse a count cell: a whole number ≥ 0 (``12``, ``12.0``, ``1.161`` is not accepted), NaN if empty."""
    text = value.strip()
    if text == "":
        return float("nan")
    if _INTEGER.match(text):
        return float(text.replace(",", "."))
    return None


def parse_snapshot_columns(
    frame: pd.DataFrame, file: str, required: tuple[str, ...] = INPUT_COLUMNS
) -> tuple[pd.DataFrame, list[RowProblem]]:
    """Turn the text cells of the SPEC §4.1 columns into numbers; collect every problem.

    Returns the frame with those columns numeric (NaN = empty) and the list of problems; the caller
    decides that any problem means nothing is written.
    """
    problems: list[RowProblem] = []
    missing = [c for c in required if c not in frame.columns]
    for column in missing:
        problems.append(
            RowProblem(file, 1, column, "", "kolom wajib tidak ada", "nama kolom sesuai templat impor")
        )
    out = frame.copy()
    for column in INPUT_COLUMNS:
        if column not in frame.columns:
            out[column] = np.nan
            continue
        is_flag = column in FLAG_COLUMNS
        parser = parse_flag if is_flag else parse_count
        parsed: list[float] = []
        for i, cell in zip(frame.index, frame[column], strict=True):
            value = parser(str(cell))
            if value is None:
                text = str(cell)
                problem = "bukan isian ada/tidak" if is_flag else "bukan bilangan bulat ≥ 0"
                if not is_flag and text.strip().startswith("-"):
                    problem = "tidak boleh negatif"
                accepted = ACCEPTED_FLAG if is_flag else ACCEPTED_COUNT
                problems.append(RowProblem(file, int(i) + 2, column, text, problem, accepted))
                value = float("nan")
            parsed.append(value)
        out[column] = np.array(parsed, dtype=float)
    assert set(COUNT_COLUMNS) <= set(INPUT_COLUMNS)
    return out, problems


def column_key(name: str) -> str:
    """A column name in the form the importer compares: lower case, runs of other characters as ``_``."""
    text = re.sub(r"[^0-9a-z]+", "_", str(name).strip().lower())
    return text.strip("_")


#: a whole number written the Indonesian way (``1.095``), or plainly (``1095``), or with a decimal comma
_ID_NUMBER = re.compile(r"^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


def number(cell: object) -> float | None:
    """A number as an Indonesian table writes it: ``1.095`` is 1095, ``18,45`` is 18.45; NaN if empty.

    A cell the spreadsheet holds as a number is taken as it is. None when the text is not a number
    (``1,095.5``, ``12 KK``), so the caller can say which cell and what is accepted.
    """
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return float(cell)
    text = str(cell).strip().replace("\u00a0", "")
    if text in ("", "-"):
        return float("nan")
    if not _ID_NUMBER.match(text):
        return None
    return float(text.replace(".", "").replace(",", "."))
