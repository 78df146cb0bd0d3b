"""Reading and checking input files: every problem as file, row, column, value and what is accepted."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from kkb.classification import COUNT_COLUMNS, FLAG_COLUMNS, INPUT_COLUMNS
from kkb.errors import DataFileError, RowProblem

ENCODINGS = ("utf-8-sig", "cp1252")
FLAG_TRUE = {"1", "ada", "ya", "y", "true", "benar", "sudah"}
FLAG_FALSE = {"0", "tidak ada", "tidak", "t", "false", "salah", "belum", "tdk", "tidak ada."}
ACCEPTED_FLAG = "0/1, Ada/Tidak Ada, Ya/Tidak, atau kosong"
ACCEPTED_COUNT = "bilangan bulat ≥ 0 atau kosong"
_INTEGER = re.compile(r"^\d+([.,]0+)?$")


def read_text_table(path: Path) -> pd.DataFrame:
    """Read a CSV file (UTF-8 with or without BOM, or Windows-1252; comma or semicolon) as text."""
    if not path.exists():
        raise DataFileError(path, "berkas tidak ada")
    raw = path.read_bytes()
    text = None
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:  # cp1252 decodes almost anything; this is a safeguard
        raise DataFileError(path, "penyandian teks tidak dikenal", "simpan sebagai CSV UTF-8")
    if not text.strip():
        raise DataFileError(path, "berkas kosong", "baris pertama berisi nama kolom, lalu baris data")
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            quoting=csv.QUOTE_MINIMAL,
        )
    except pd.errors.ParserError as exc:
        raise DataFileError(path, f"tidak dapat dibaca sebagai CSV ({exc})") from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


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
