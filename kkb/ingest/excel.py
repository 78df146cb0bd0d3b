"""Excel files as rows, parsed as they stream from the archive, against what they unpack to.

``rows`` gives (row number, cells) of the first data sheet: numbers stay numbers, a date is its ISO text,
rows the file leaves out are empty rows, and trailing empty cells go. ``kkb.ingest.read`` cleans
the text and applies the limits every file shares (rows, columns, cell length, filled cells).
"""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kkb.errors import DataFileError

#: what the parts of an Excel file may unpack to in all (a national recap unpacks to about 60 MB)
MAX_UNPACKED = 300 * 1024 * 1024

#: the last row an Excel sheet can have: a row number beyond it is no sheet Excel wrote
EXCEL_ROWS = 1_048_576
#: what the table of shared texts of an Excel file may unpack to (a national registry: about 3 MB)
MAX_SHARED_TEXT = 50 * 1024 * 1024


def rows(path: Path, shown: str, max_columns: int) -> Iterator[tuple[int, list[object]]]:
    """The rows of the first data sheet, parsed as they stream from the archive.

    openpyxl's own workbook loader is not used for the rows: for a sheet that does not state its
    size it parses the whole sheet once just to measure it, keeps every row's attributes, and fills
    any gap in row numbers (``r="999999999"``) with empty rows. Its parts are used instead: the
    workbook, the shared texts and the styles (for dates), then its sheet parser, row by row.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    damaged = "simpan ulang sebagai .xlsx"
    try:
        with zipfile.ZipFile(path) as archive:
            sizes = {info.filename: info.file_size for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError) as exc:
        raise DataFileError(
            shown, f"tidak dapat dibaca sebagai Excel ({type(exc).__name__})", damaged
        ) from exc
    unpacked = sum(sizes.values())
    if unpacked > MAX_UNPACKED or sizes.get("xl/sharedStrings.xml", 0) > MAX_SHARED_TEXT:
        raise DataFileError(
            shown,
            f"isi berkas Excel ini {unpacked / 1024 / 1024:,.0f} MB bila dibuka".replace(",", "."),
            f"paling besar {MAX_UNPACKED // 1024 // 1024} MB; pecah menjadi beberapa berkas",
        )
    try:
        reader = ExcelReader(str(path), read_only=True, data_only=True)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = [
            (sheet, rel)
            for sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type
        ]
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise DataFileError(
            shown, f"tidak dapat dibaca sebagai Excel ({type(exc).__name__})", damaged
        ) from exc
    try:
        # the template's first sheet holds the data; its "petunjuk" sheet explains the columns
        data = [rel.target for sheet, rel in sheets if str(sheet.name).lower() != "petunjuk"]
        if not data:
            raise DataFileError(shown, "tidak ada lembar data", "lembar pertama berisi data")
        with reader.archive.open(data[0]) as source:
            yield from _sheet_rows(_sheet_parser(source, reader), shown, damaged, max_columns)
    finally:
        reader.archive.close()


def _sheet_rows(
    parser: Any, shown: str, damaged: str, max_columns: int
) -> Iterator[tuple[int, list[object]]]:
    expected = 1
    rows = parser.parse()
    while True:
        try:
            number, cells = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # damaged XML, a part shorter than it says
            raise DataFileError(
                shown, f"baris {expected} tidak dapat dibaca ({type(exc).__name__})", damaged
            ) from exc
        if number > EXCEL_ROWS or number < expected:
            raise DataFileError(shown, f"nomor baris {number} tidak mungkin ada di lembar Excel", damaged)
        while expected < number:  # rows the file leaves out are empty rows
            yield expected, []
            expected += 1
        width = max((c["column"] for c in cells), default=0)
        if width > max_columns:
            raise DataFileError(
                shown, f"baris {number} berisi {width} kolom", f"paling banyak {max_columns} kolom"
            )
        values: list[object] = [""] * width
        for cell in cells:
            values[cell["column"] - 1] = _cell(cell["value"])
        while values and values[-1] == "":
            values.pop()
        yield number, values
        expected = number + 1


@functools.cache
def _sheet_parser_class() -> Any:
    """The sheet parser of openpyxl, without keeping each row's attributes (memory that grows per row).

    Made on first use, so that importing this module does not import openpyxl.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    class SheetParser(WorkSheetParser):  # type: ignore[misc]
        def parse_row(self, row: Any) -> Any:
            found = super().parse_row(row)
            self.row_dimensions.clear()
            return found

    return SheetParser


def _sheet_parser(source: Any, reader: Any) -> Any:
    """A parser of one sheet's rows, with the workbook's shared texts and date formats."""
    wb = reader.wb
    return _sheet_parser_class()(
        source,
        reader.shared_strings,
        data_only=True,
        epoch=wb.epoch,
        date_formats=wb._date_formats,
        timedelta_formats=wb._timedelta_formats,
    )


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return str(value)
