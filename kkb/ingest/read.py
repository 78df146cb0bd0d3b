"""Reading input files as text: CSV in the dialects officials' files come in, and Excel.

Every cell is read as text, so nothing is converted before it is checked: ``1.095`` from the
portal's statistics table stays the text it is until ``cells.number`` reads it as one thousand and
ninety-five.

A file is read as it streams, against limits (rows, columns, cell length, filled cells, and for
Excel the size its parts unpack to), so a hostile file is refused after the part that breaks a
limit, not after all of it. Every text cell is normalised the same way before any check sees it:
Unicode NFC, every kind of space as one space, invisible characters (zero-width, soft hyphen)
removed; control characters and text-direction overrides are refused with their row and column.
One encoding is chosen per file, from what its bytes show (see ``decode``). Excel's rows come from
``kkb.ingest.excel``; what a cell's text means is read by ``kkb.ingest.cells``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kkb.errors import DataFileError
from kkb.ingest import excel

MAX_ROWS = 200_000
MAX_BYTES = 50 * 1024 * 1024
#: the most columns a sheet may have (our template has 44, the portal's widest export about 60)
MAX_COLUMNS = 500
#: the longest text one cell may hold (a name, a source, a note)
MAX_CELL_CHARS = 5_000
#: the most filled cells in one file (a national New SIGA recap holds about 1.7 million)
MAX_CELLS = 8_000_000
SAVE_UTF8 = "simpan ulang sebagai CSV UTF-8 (Excel: Simpan Sebagai → CSV UTF-8)"


@dataclass(frozen=True)
class Limits:
    """How much of a file the reader takes before it refuses the rest: data rows, bytes, filled cells."""

    rows: int = MAX_ROWS
    bytes: int = MAX_BYTES
    cells: int = MAX_CELLS


#: every file's limits, except those of the shapes below
DEFAULT = Limits()
#: New SIGA's monthly recaps per desa (FORMATS §D), long by nature: a year of every desa/kelurahan of
#: the nation is 83,762 × 12 = 1,005,144 rows (about 70 MB of PUS and unmet need, 120 MB of the
#: method mix). Only the shapes that are read with these get them; the web upload stays at
#: ``MAX_BYTES`` (Streamlit's ``maxUploadSize``), so a national year goes in by ``python -m kkb import``.
MONTHLY = Limits(rows=1_100_000, bytes=200 * 1024 * 1024, cells=20_000_000)


def sha256_of(path: Path) -> str:
    """The file's SHA-256, recorded with the import."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- one encoding per file ---------------------------------------------------------------------

#: a valid UTF-8 sequence of two to four bytes: evidence that a file was written as UTF-8
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_PUNCTUATION = "\u00a0‘’‚“”„–—…•°·´«»"
#: the legacy encodings the portal's files come in (FORMATS §E), each with the characters other
#: than ASCII that a list of Indonesian names plausibly holds in it
LEGACY = (
    (
        "cp1252",
        "Windows-1252",
        frozenset(_PUNCTUATION + "ªº" + "".join(map(chr, range(0xC0, 0x100)))) - frozenset("×÷"),
    ),
    ("cp1251", "Windows-1251", frozenset(_PUNCTUATION + "№" + "".join(map(chr, range(0x400, 0x460))))),
)


def decode(raw: bytes, shown: str) -> tuple[str, str]:
    """The text of a CSV file and the name of the encoding it was read in.

    UTF-8 (with or without BOM) when every byte is UTF-8. Otherwise a file that holds UTF-8
    sequences elsewhere mixes two encodings and is refused at its first bad line (decoding all of
    it as Windows-1252 would store every other accented name garbled). A file without any is read
    in the first legacy encoding in which every character is one a list of names plausibly holds,
    and refused when there is none.
    """
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in raw[:4096]:
        raise DataFileError(shown, "bukan teks biasa (UTF-16 atau berkas biner)", SAVE_UTF8)
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as exc:
        bad = exc.start
    line = raw.count(b"\n", 0, bad) + 1
    byte = f"0x{raw[bad]:02X}"
    utf8 = _UTF8_MULTIBYTE.search(raw)
    if utf8 is not None:
        utf8_line = raw.count(b"\n", 0, utf8.start()) + 1
        raise DataFileError(
            shown,
            f"baris {line}: byte {byte} bukan UTF-8, padahal baris {utf8_line} ditulis dalam UTF-8 — "
            "berkas mencampur dua penyandian teks",
            SAVE_UTF8,
        )
    for codec, _label, plausible in LEGACY:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if all(ch in plausible for ch in set(text) if ord(ch) > 127):
            return text, _label
    raise DataFileError(
        shown,
        f"baris {line}: byte {byte} bukan UTF-8, dan berkas juga bukan teks Windows-1252 atau "
        "Windows-1251 yang wajar",
        SAVE_UTF8,
    )


def encoding_of(path: Path) -> str | None:
    """The encoding a CSV file is read in (``UTF-8``, ``Windows-1252``, …); None for Excel."""
    if path.suffix.lower() not in (".csv", ".txt"):
        return None
    return decode(path.read_bytes(), path.name)[1]


# --- one form for every text cell --------------------------------------------------------------

#: characters drawn as nothing (zero-width space and joiners, word joiner, BOM, soft hyphen): removed
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
#: characters that reorder how text is drawn, so that a name can show as another
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SPACES = re.compile(r"\s+")


class _Refused(Exception):
    def __init__(self, char: str) -> None:
        self.char = char


def clean(text: str) -> str:
    """A cell's text in the one form every check compares: NFC, single spaces, no invisible characters.

    Raises ``_Refused`` for a control character, a text-direction override or another invisible
    format character that is not simply dropped.
    """
    if text.isascii() and text.isprintable() and "  " not in text:
        return text.strip()
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    for char in text:
        if char not in "\t\n\r" and unicodedata.category(char) in ("Cc", "Cf"):
            raise _Refused(char)
    return _SPACES.sub(" ", text).strip()


def _refusal(shown: str, row: int, column: int, char: str) -> DataFileError:
    code = f"U+{ord(char):04X}"
    if char in _BIDI:
        what = f"karakter pengubah arah teks {code}"
    elif unicodedata.category(char) == "Cf":
        what = f"karakter format tak terlihat {code}"
    else:
        what = f"karakter kendali {code}"
    return DataFileError(
        shown,
        f"baris {row}, kolom {letter(column)}: {what} tidak diterima",
        "hapus karakter itu; isian hanya berisi huruf, angka, spasi dan tanda baca",
    )


def letter(index: int) -> str:
    """The spreadsheet letter of a column (0 → A, 26 → AA)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


# --- rows as the file streams ------------------------------------------------------------------


def _rows(
    path: Path, shown: str, limit: int | None = None, limits: Limits = DEFAULT
) -> Iterator[tuple[int, list[object]]]:
    """(row number, cells) of a CSV or Excel file, text cleaned, within the limits as it streams.

    Row numbers are those a spreadsheet shows (the first row is 1). Excel rows lose their trailing
    empty cells; CSV rows keep every field, so that a ragged row can be told.
    """
    if not path.exists():
        raise DataFileError(shown, "berkas tidak ada")
    size = path.stat().st_size
    if size > limits.bytes:
        raise DataFileError(
            shown,
            f"berkas terlalu besar ({size / 1024 / 1024:.0f} MB)",
            f"paling besar {limits.bytes // 1024 // 1024} MB; pecah menjadi beberapa berkas",
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        source = excel.rows(path, shown, MAX_COLUMNS)
    elif suffix in (".csv", ".txt"):
        source = _csv_rows(path, shown)
    else:
        raise DataFileError(
            shown, f"jenis berkas {suffix or '(tanpa akhiran)'} tidak dikenal", "CSV atau Excel (.xlsx)"
        )
    filled_rows = filled_cells = 0
    for number, cells in source:
        if len(cells) > MAX_COLUMNS:
            raise DataFileError(
                shown, f"baris {number} berisi {len(cells)} kolom", f"paling banyak {MAX_COLUMNS} kolom"
            )
        out: list[object] = []
        filled = 0
        for column, value in enumerate(cells):
            if isinstance(value, str):
                if len(value) > MAX_CELL_CHARS:
                    raise DataFileError(
                        shown,
                        f"baris {number}, kolom {letter(column)}: isian {len(value):_} karakter".replace(
                            "_", "."
                        ),
                        f"paling panjang {MAX_CELL_CHARS:,} karakter per sel".replace(",", "."),
                    )
                try:
                    value = clean(value)
                except _Refused as exc:
                    raise _refusal(shown, number, column, exc.char) from None
                filled += value != ""
            else:
                filled += 1
            out.append(value)
        if filled:
            filled_rows += 1
            filled_cells += filled
            if filled_rows > limits.rows + 1:
                raise DataFileError(
                    shown,
                    f"lebih dari {limits.rows:,} baris data".replace(",", "."),
                    f"paling banyak {limits.rows:,} baris per impor; pecah berkasnya".replace(",", "."),
                )
            if filled_cells > limits.cells:
                raise DataFileError(
                    shown,
                    f"lebih dari {limits.cells:,} sel berisi".replace(",", "."),
                    "pecah berkasnya menjadi beberapa impor",
                )
        yield number, out
        if limit is not None and number >= limit:
            return


def _csv_rows(path: Path, shown: str) -> Iterator[tuple[int, list[object]]]:
    text, _encoding = decode(path.read_bytes(), shown)
    if not text.strip():
        raise DataFileError(shown, "berkas kosong", "baris pertama berisi nama kolom, lalu baris data")
    first = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    record = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a field beyond csv's own limit: a quote that is never closed
            if "field limit" in str(exc):
                raise DataFileError(
                    shown,
                    f"baris {record + 1}: isian yang tidak berakhir (tanda kutip yang tidak ditutup?)",
                    'tutup setiap tanda kutip " pada baris itu',
                ) from None
            raise DataFileError(
                shown, f"baris {record + 1}: tidak dapat dibaca sebagai CSV ({exc})", SAVE_UTF8
            ) from None
        record += 1
        yield record, list(values)


def _text(value: object) -> str:
    """A cell as text the way a spreadsheet shows it (a whole number without ``.0``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- tables ------------------------------------------------------------------------------------


def grid(path: Path, name: str | None = None, limit: int | None = None) -> list[list[object]]:
    """The cells of a table as drawn, row by row, no row taken as the header.

    A merged cell's value is in its first cell, the rest empty. Text is cleaned (see ``clean``);
    numbers an Excel file holds stay numbers. At most ``limit`` rows when given (enough to
    recognise a shape).
    """
    # a few rows only, to recognise a shape: a file as large as any shape may be is looked at
    limits = MONTHLY if limit is not None else DEFAULT
    return [cells for _number, cells in _rows(path, name or path.name, limit, limits)]


#: how many rows ``columns_of`` looks through for the header
HEADER_SEARCH = 50


def columns_of(path: Path, name: str | None = None) -> list[str]:
    """The column names of a table (its first non-empty row), without reading the rest of it.

    What a shape is recognised by; the shape then reads the whole file within its own limits.
    """
    shown = name or path.name
    for cells in grid(path, shown, HEADER_SEARCH):
        if any(c != "" for c in cells):
            return [_text(c) for c in cells if _text(c) != ""]
    raise DataFileError(shown, "berkas kosong", "baris pertama berisi nama kolom, lalu baris data")


def read_table(path: Path, name: str | None = None, limits: Limits = DEFAULT) -> pd.DataFrame:
    """Read a CSV or Excel file with its first row as the header and every cell as text (empty: ``""``).

    Empty rows inside the table are kept, so that row *n* of the frame is row *n* + 2 of the sheet;
    empty rows at the end are dropped. Refused: a CSV row with another number of fields than the
    header, two columns whose names mean the same (``Kode Desa`` and ``kode_desa``), no data rows.
    """
    shown = name or path.name
    is_csv = path.suffix.lower() in (".csv", ".txt")
    stream = _rows(path, shown, limits=limits)
    header: list[object] | None = None
    body: list[list[object]] = []
    for number, cells in stream:
        if header is None:
            if not any(c != "" for c in cells):
                continue  # blank lines above the header
            header = cells
            continue
        if is_csv and len(cells) != len(header) and any(c != "" for c in cells):
            raise DataFileError(
                shown,
                f"baris {number} berisi {len(cells)} kolom, sedangkan baris judul {len(header)} kolom",
                "periksa pemisah (; atau ,) dan tanda kutip pada baris itu",
            )
        body.append(cells)
    if header is None:
        raise DataFileError(shown, "berkas kosong", "baris pertama berisi nama kolom, lalu baris data")
    while body and not any(c != "" for c in body[-1]):
        body.pop()
    if not body:
        raise DataFileError(
            shown, "berkas tidak berisi baris data", "baris pertama nama kolom, lalu baris data"
        )
    width = max(len(header), *(len(r) for r in body))
    names = [_text(c) for c in header] + [""] * (width - len(header))
    columns = [[_text(r[i]) if i < len(r) else "" for r in body] for i in range(width)]
    keep = [i for i in range(width) if names[i] != "" or any(columns[i])]
    for i in keep:
        if names[i] == "":
            names[i] = f"kolom {letter(i)}"
    _refuse_twice_named([names[i] for i in keep], keep, shown)
    return pd.DataFrame({names[i]: columns[i] for i in keep}, columns=[names[i] for i in keep])


def _refuse_twice_named(names: list[str], positions: list[int], shown: str) -> None:
    """Refuse two columns whose names differ only in case, spaces, ``_``, ``-`` or ``.``.

    (``column_key`` goes further, dropping every other sign: ``> 2019`` and ``2019`` are two columns.)
    """
    seen: dict[str, tuple[str, int]] = {}
    for name, position in zip(names, positions, strict=True):
        key = re.sub(r"[\s_.-]+", "_", name.lower()).strip("_")
        if key in seen:
            first, at = seen[key]
            raise DataFileError(
                shown,
                f"kolom {first!r} ({letter(at)}) dan {name!r} ({letter(position)}) sama-sama berarti {key!r}",
                "hapus salah satu, atau beri nama lain bila isinya memang berbeda",
            )
        seen[key] = (name, position)
