"""Reading input files as text: CSV in the dialects officials' files come in, and Excel.

Every cell is read as text, so nothing is converted before it is checked: ``1.095`` from the
portal's statistics table stays the text it is until ``number`` reads it as one thousand and ninety-five.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from kkb.classification import COUNT_COLUMNS, FLAG_COLUMNS, INPUT_COLUMNS
from kkb.errors import DataFileError, RowProblem

MAX_ROWS = 200_000
MAX_BYTES = 50 * 1024 * 1024

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


def read_table(path: Path, name: str | None = None) -> pd.DataFrame:
    """Read a CSV or Excel file with every cell as text (empty cells as ``""``)."""
    shown = name or path.name
    if not path.exists():
        raise DataFileError(shown, "berkas tidak ada")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DataFileError(
            shown,
            f"berkas terlalu besar ({size / 1024 / 1024:.0f} MB)",
            f"paling besar {MAX_BYTES // 1024 // 1024} MB; pecah menjadi beberapa berkas",
        )
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = _read_excel(path, shown)
    elif path.suffix.lower() in (".csv", ".txt"):
        with path.open("rb") as handle:
            if b"\x00" in handle.read(4096):
                raise DataFileError(
                    shown, "bukan teks biasa (UTF-16 atau berkas biner)", "simpan sebagai CSV UTF-8"
                )
        frame = read_text_table(path)
    else:
        raise DataFileError(
            shown, f"jenis berkas {path.suffix or '(tanpa akhiran)'} tidak dikenal", "CSV atau Excel (.xlsx)"
        )
    if frame.empty:
        raise DataFileError(
            shown, "berkas tidak berisi baris data", "baris pertama nama kolom, lalu baris data"
        )
    if len(frame) > MAX_ROWS:
        raise DataFileError(
            shown,
            f"{len(frame):,} baris".replace(",", "."),
            f"paling banyak {MAX_ROWS:,} baris per impor".replace(",", "."),
        )
    return frame


def _read_excel(path: Path, shown: str) -> pd.DataFrame:
    try:
        sheets = pd.read_excel(path, sheet_name=None, dtype=str, keep_default_na=False, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise DataFileError(
            shown, f"tidak dapat dibaca sebagai Excel ({type(exc).__name__})", "simpan ulang sebagai .xlsx"
        ) from exc
    # the template's first sheet holds the data; its "petunjuk" sheet explains the columns
    data = [frame for name, frame in sheets.items() if str(name).lower() != "petunjuk"]
    if not data:
        raise DataFileError(shown, "tidak ada lembar data", "lembar pertama berisi data")
    frame = data[0]
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.fillna("")


def sha256_of(path: Path) -> str:
    """The file's SHA-256, recorded with the import."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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


def grid(path: Path, name: str | None = None, limit: int | None = None) -> list[list[object]]:
    """The cells of a table as drawn, row by row, no row taken as the header.

    A merged cell's value is in its first cell, the rest empty. Text is stripped; numbers an Excel
    file holds stay numbers. At most ``limit`` rows when given (enough to recognise a shape).
    """
    shown = name or path.name
    if not path.exists():
        raise DataFileError(shown, "berkas tidak ada")
    if path.stat().st_size > MAX_BYTES:
        raise DataFileError(shown, "berkas terlalu besar", f"paling besar {MAX_BYTES // 1024 // 1024} MB")
    rows: list[list[object]] = []
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl

        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise DataFileError(
                shown,
                f"tidak dapat dibaca sebagai Excel ({type(exc).__name__})",
                "simpan ulang sebagai .xlsx",
            ) from exc
        try:
            sheet = book.worksheets[0]
            for values in sheet.iter_rows(values_only=True):
                rows.append([_cell(v) for v in values])
                if limit is not None and len(rows) >= limit:
                    break
        finally:
            book.close()
    elif path.suffix.lower() in (".csv", ".txt"):
        text = _decoded(path, shown)
        lines = text.splitlines()
        first = lines[0] if lines else ""
        delimiter = ";" if first.count(";") > first.count(",") else ","
        for values in csv.reader(lines[:limit] if limit else lines, delimiter=delimiter):
            rows.append([v.strip() for v in values])
    else:
        raise DataFileError(
            shown, f"jenis berkas {path.suffix or '(tanpa akhiran)'} tidak dikenal", "CSV atau Excel (.xlsx)"
        )
    return rows


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return str(value).strip()


def _decoded(path: Path, shown: str) -> str:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise DataFileError(shown, "bukan teks biasa (UTF-16 atau berkas biner)", "simpan sebagai CSV UTF-8")
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataFileError(shown, "penyandian teks tidak dikenal", "simpan sebagai CSV UTF-8")
