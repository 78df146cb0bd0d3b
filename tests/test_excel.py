"""Excel files as rows: gaps are empty rows, numbers stay numbers, what no Excel writes is refused."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kkb.errors import DataFileError
from kkb.ingest import excel
from tests.test_read import _bomb, _broken_sheet, _sheet_zip

SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'


def _write(tmp_path: Path, data: bytes, name: str = "berkas.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _sheet(rows: bytes):  # type: ignore[no-untyped-def]
    def write(target: zipfile.ZipFile) -> None:
        target.writestr("xl/worksheets/sheet1.xml", SHEET + rows + b"</sheetData></worksheet>")

    return write


def test_rows_the_file_leaves_out_are_empty_rows_and_trailing_empty_cells_go(tmp_path: Path) -> None:
    rows = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>kode</t></is></c><c r="C1"><v>7</v></c></row>'
        b'<row r="4"><c r="B4"><v>2.5</v></c></row>'
    )
    path = _write(tmp_path, _sheet_zip(_sheet(rows)))
    assert list(excel.rows(path, path.name, max_columns=10)) == [
        (1, ["kode", "", 7]),
        (2, []),
        (3, []),
        (4, ["", 2.5]),
    ]


def test_a_date_is_read_as_its_text_and_the_instructions_sheet_is_not_read(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Petunjuk"
    book.active.append(["baca ini dulu"])
    data = book.create_sheet("Data")
    data.append(["tanggal", "jumlah"])
    data.append([dt.datetime(2023, 1, 15), 12])
    out = io.BytesIO()
    book.save(out)
    path = _write(tmp_path, out.getvalue())
    assert list(excel.rows(path, path.name, max_columns=10)) == [
        (1, ["tanggal", "jumlah"]),
        (2, ["2023-01-15 00:00:00", 12]),  # as Python writes it
    ]


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        (b'<row r="1048577"><c r="A1048577"><v>1</v></c></row>', "nomor baris 1048577 tidak mungkin"),
        (b'<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>', "nomor baris 2"),
        (b'<row r="1"><c r="L1"><v>1</v></c></row>', "baris 1 berisi 12 kolom"),
    ],
    ids=["beyond the last row", "rows out of order", "too wide"],
)
def test_what_no_excel_writes_is_refused_with_its_row(tmp_path: Path, rows: bytes, said: str) -> None:
    path = _write(tmp_path, _sheet_zip(_sheet(rows)))
    with pytest.raises(DataFileError, match=said):
        list(excel.rows(path, path.name, max_columns=10))


def test_a_file_that_unpacks_beyond_the_limit_is_refused_before_its_rows_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path, _sheet_zip(_bomb))
    with pytest.raises(DataFileError, match="bila dibuka") as refused:
        next(excel.rows(path, path.name, max_columns=10))
    assert "paling besar 300 MB" in str(refused.value)


@pytest.mark.parametrize("data", [b"PK\x03\x04 rusak", b"bukan zip"], ids=["cut archive", "not an archive"])
def test_a_damaged_file_is_refused_with_what_to_do(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(DataFileError, match=r"simpan ulang sebagai \.xlsx"):
        list(excel.rows(path, path.name, max_columns=10))


def test_a_sheet_cut_short_is_refused_at_its_row(tmp_path: Path) -> None:
    path = _write(tmp_path, _sheet_zip(_broken_sheet))
    with pytest.raises(DataFileError, match="baris 1 tidak dapat dibaca"):
        list(excel.rows(path, path.name, max_columns=10))
