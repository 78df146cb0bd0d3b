"""New SIGA's monthly recaps per desa (FORMATS.md §D): PUS and unmet need, and the method mix.

``NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PUS;UNMET NEED;BULAN`` and
``NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PA;SUNTIK;PIL;KONDOM;IMPLAN;IUD;VASEKTOMI;TUBEKTOMI;MAL;
KB MODERN;KB TRADISIONAL;BULAN``: one row per desa per month, the month by its Indonesian name and
no year, and no code. The year is the user's to state (``--tahun``, or the year picker on Kelola
data), never guessed; the desa is found by name within its kecamatan within its kab/kota, with what
an earlier recap with codes taught (``nama_wilayah``), so that a monthly file resolves a desa the
way the Kampung KB recap did. A name that cannot be resolved is listed with its closest candidates.

Counts are kept as reported (``siga_bulanan``: desa, month, measure, value): ``PA`` need not be the
sum of its parts, ``KB MODERN`` need not be the sum of the seven modern methods; where they differ,
the importer says so in one warning per kind, with the first row, and keeps both. An empty cell is
not reported (nothing is stored), never a zero. A later file for the same desa, month and measures
replaces them; undo takes a file back like any import.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from kkb import db
from kkb.errors import RowProblem
from kkb.ingest import names
from kkb.ingest.backups import KEEP_BACKUPS
from kkb.ingest.cells import number
from kkb.ingest.read import MONTHLY, read_table, sha256_of
from kkb.ingest.report import Checked, ImportRejected, Progress, Result
from kkb.ingest.writing import Change, q, replace

SHAPE = "siga_bulanan"
#: how the import log names this kind of file (``import_log.bentuk``)
LOGGED = "rekap_siga_bulanan"
PLACE = ("PROVINSI", "KABUPATEN", "KECAMATAN", "KELURAHAN")
MONTH = "BULAN"
#: each recap's count columns and the measure each is stored as
RECAPS: dict[str, dict[str, str]] = {
    "pus": {"PUS": "pus", "UNMET NEED": "unmet_need"},
    "metode": {
        "PA": "pa",
        "SUNTIK": "suntik",
        "PIL": "pil",
        "KONDOM": "kondom",
        "IMPLAN": "implan",
        "IUD": "iud",
        "VASEKTOMI": "vasektomi",
        "TUBEKTOMI": "tubektomi",
        "MAL": "mal",
        "KB MODERN": "kb_modern",
        "KB TRADISIONAL": "kb_tradisional",
    },
}
#: how each recap is named to the user
RECAP_NAMES = {"pus": "PUS dan unmet need", "metode": "peserta KB per metode kontrasepsi"}
#: the seven modern methods ``KB MODERN`` counts (FORMATS §D)
MODERN = ("SUNTIK", "PIL", "KONDOM", "IMPLAN", "IUD", "VASEKTOMI", "TUBEKTOMI")
MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "JANUARI",
            "FEBRUARI",
            "MARET",
            "APRIL",
            "MEI",
            "JUNI",
            "JULI",
            "AGUSTUS",
            "SEPTEMBER",
            "OKTOBER",
            "NOVEMBER",
            "DESEMBER",
        ),
        start=1,
    )
}
#: spellings of month names that Indonesian systems also write
MONTHS |= {"PEBRUARI": 2, "NOPEMBER": 11}
ACCEPTED_MONTH = "nama bulan: JANUARI … DESEMBER"
ACCEPTED_COUNT = "bilangan bulat ≥ 0 atau kosong"
FIRST_YEAR = 2016
Say = Callable[..., None]


def _columns(columns: list[str]) -> dict[str, str]:
    """Our name of each file column, compared in upper case with single spaces."""
    return {" ".join(str(c).upper().split()): str(c) for c in columns}


def recap_of(columns: list[str]) -> str | None:
    """Which monthly recap a file with these column names is (``pus``, ``metode``), or None."""
    found = set(_columns(columns))
    if not {*PLACE, MONTH} <= found or "KODE" in found:
        return None
    return next((key for key, counts in RECAPS.items() if set(counts) <= found), None)


def is_siga_bulanan(columns: list[str]) -> bool:
    """Whether a file with these column names is one of New SIGA's monthly recaps per desa."""
    return recap_of(columns) is not None


class Counts:
    """The counts a recap gives, one list per column: a national year of the method mix is 11 million.

    (A list of tuples of them took three times the memory.)
    """

    def __init__(self, *labels: str) -> None:
        self.labels = labels
        self.columns: list[list[str]] = [[] for _ in labels]
        self.values: list[int] = []

    def add(self, *labels: str, value: int) -> None:
        """One count: its labels (desa, month, …) and its value."""
        for column, label in zip(self.columns, labels, strict=True):
            column.append(label)
        self.values.append(value)

    def __len__(self) -> int:
        return len(self.values)

    def frame(self) -> pd.DataFrame:
        """The counts as a table: the label columns and ``nilai``."""
        table = {label: column for label, column in zip(self.labels, self.columns, strict=True)}
        return pd.DataFrame({**table, "nilai": np.asarray(self.values, dtype=np.int64)})


def year_problem(tahun: int | str | None, today: dt.date) -> tuple[int | None, tuple[str, str, str] | None]:
    """The year a user stated for the file's months, and why it cannot be taken (value, what, accepted)."""
    accepted = f"--tahun YYYY, {FIRST_YEAR} sampai {today.year} (di halaman Kelola data: pilih tahun)"
    if tahun is None or not str(tahun).strip():
        return None, ("", "rekap bulanan SIGA tidak menyebut tahun (BULAN hanya nama bulan)", accepted)
    text = str(tahun).strip()
    if not text.isdigit() or not FIRST_YEAR <= int(text) <= today.year:
        return None, (text, "bukan tahun yang dapat dipakai", accepted)
    return int(text), None


def monthly_rows(frame: pd.DataFrame, filled: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(sheet line, cells by column) of a monthly recap, one row at a time (a national year is a million).

    Rows with none of ``filled`` (an empty line, the recap's blank trailer) are left out.
    """
    columns = list(frame.columns)
    for pos, cells in enumerate(zip(*(frame[c] for c in columns), strict=True)):
        row = dict(zip(columns, cells, strict=True))
        if any(row[c] for c in filled):
            yield pos + 2, row


def month_of(row: dict[str, str], line: int, say: Say) -> int | None:
    """The month a row names (``AGUSTUS`` → 8), or None after saying what is accepted."""
    month = MONTHS.get(" ".join(row[MONTH].upper().split()))
    if month is None:
        say(line, MONTH, row[MONTH], "bukan nama bulan", ACCEPTED_MONTH)
    return month


def counts_of(row: dict[str, str], columns: Iterable[str], line: int, say: Say) -> dict[str, int]:
    """The counts a row reports in ``columns`` (an empty cell is not reported, never 0)."""
    values: dict[str, int] = {}
    for column in columns:
        if row[column] == "":
            continue
        value = number(row[column])
        if value is None or math.isnan(value) or value < 0 or value != int(value):
            say(line, column, row[column], "bukan jumlah", ACCEPTED_COUNT)
            continue
        values[column] = int(value)
    return values


def periode_of(
    year: int, month: int, row: dict[str, str], line: int, this_month: str, say: Say
) -> str | None:
    """``YYYY-MM`` of a row's month in the stated year, or None for a month that has not happened."""
    periode = sys.intern(f"{year:04d}-{month:02d}")  # one string per month, not per row
    if periode > this_month:
        say(line, MONTH, row[MONTH], f"{periode} belum terjadi", f"bulan sampai {this_month}")
        return None
    return periode


def repeated(
    seen: dict[tuple[str, str], int], key: tuple[str, str], line: int, cell: tuple[str, str], say: Say
) -> bool:
    """Whether a desa-month was in an earlier row (said, naming it); else this row is remembered for it."""
    if key in seen:
        column, value = cell
        what = f"desa ganda di bulan itu: sama dengan baris {seen[key]}"
        say(line, column, value, what, "satu baris per desa per bulan")
        return True
    seen[key] = line
    return False


def check(
    path: Path,
    con: db.Connection,
    name: str | None = None,
    tahun: int | str | None = None,
    today: dt.date | None = None,
) -> Checked:
    """Read a monthly SIGA recap and check every row against itself and the Kemendagri 2025 reference."""
    shown = name or path.name
    today = today or dt.date.today()
    raw = read_table(path, shown, MONTHLY)
    found = _columns(list(raw.columns))
    recap = recap_of(list(raw.columns))
    assert recap is not None, "check is only called for a monthly recap"
    counts = RECAPS[recap]
    frame = pd.DataFrame(
        {ours: raw[found[ours]].astype(str).str.strip() for ours in (*PLACE, *counts, MONTH)}
    )
    checked = Checked(shown, sha256_of(path), pd.DataFrame(), shape=SHAPE)
    problems = checked.problems

    def say(line: int, column: str, value: object, what: str, accepted: str, severity: str = "error") -> None:
        if column == "KELURAHAN" and "tidak unik" in what:
            accepted = f"{accepted}; {SAY_CODE}"
        problems.append(RowProblem(shown, line, column, str(value), what, accepted, severity))

    year, trouble = year_problem(tahun, today)
    if trouble is not None:
        say(1, "tahun", *trouble)
    lookup = names.index(con, frame["PROVINSI"])
    reported: set[tuple[int, str, str]] = set()
    seen: dict[tuple[str, str], int] = {}
    out = Counts("kode_desa", "periode", "ukuran")
    differ: dict[str, list[tuple[int, int, int]]] = {"PA": [], "KB MODERN": [], "UNMET NEED": []}
    this_month = today.strftime("%Y-%m")
    for line, row in monthly_rows(frame, (*PLACE, *counts)):
        month = month_of(row, line, say)
        values = counts_of(row, counts, line, say)
        code = _desa(lookup, row, line, say, reported)
        if code is None or month is None or year is None:
            continue
        periode = periode_of(year, month, row, line, this_month, say)
        if periode is None or repeated(seen, (code, periode), line, ("KELURAHAN", row["KELURAHAN"]), say):
            continue
        _compare(values, line, differ)
        for column, value in values.items():
            out.add(code, periode, counts[column], value=value)
    _warn_differences(differ, say)
    if not out and not checked.errors:
        say(2, "KELURAHAN", "", "tidak ada baris desa", "satu baris per desa per bulan")
    checked.rows = out.frame()
    checked.rows.attrs["recap"] = recap
    checked.periode = max(checked.rows["periode"]) if out else None
    return checked


#: a desa written with its Kemendagri code after its name: ``WUYUKWI (94.02.01.1010)``
_CODED = re.compile(r"^(?P<name>.*?)\s*\((?P<code>\d{2}\.\d{2}\.\d{2}\.\d{4})\)$")
#: what a name two desa of one kecamatan share can be written as instead
SAY_CODE = "atau tulis kode desanya di belakang nama, mis. WUYUKWI (94.02.01.1010)"


def _desa(
    lookup: names.Names, row: dict[str, str], line: int, say: Say, reported: set[tuple[int, str, str]]
) -> str | None:
    """The desa code of a row: by name within kecamatan within kab/kota, or by the code after its name.

    Some desa share their name with another of the same kecamatan (Wuyukwi the kelurahan and Wuyukwi
    the desa): by name alone they are refused, with both codes; written ``NAME (code)`` they are
    taken when the code is a desa of that kecamatan with that name.
    """
    coded = _CODED.match(row["KELURAHAN"])
    if coded is None:
        return names.walk(lookup, row, tuple(enumerate(PLACE, start=1)), line, say, reported)
    kecamatan = names.walk(lookup, row, tuple(enumerate(PLACE[:3], start=1)), line, say, reported)
    if kecamatan is None:
        return None
    code = coded["code"]
    if not lookup.exists(code) or not code.startswith(kecamatan + "."):
        say(
            line,
            "KELURAHAN",
            row["KELURAHAN"],
            f"{code} bukan desa di kecamatan itu",
            "kode desa di kecamatan baris ini",
        )
        return None
    if names.normal(lookup.name_of(code), 4) != names.normal(coded["name"], 4):
        said = f"kode {code} bernama {lookup.name_of(code)}"
        say(line, "KELURAHAN", row["KELURAHAN"], said, "nama dan kode desa yang sama")
        return None
    return code


def _compare(values: dict[str, int], line: int, differ: dict[str, list[tuple[int, int, int]]]) -> None:
    """Note a row whose totals are not the sum of their parts (kept as reported, said once per kind)."""
    if "PA" in values and "KB MODERN" in values and "KB TRADISIONAL" in values:
        parts = values["KB MODERN"] + values["KB TRADISIONAL"]
        if parts != values["PA"]:
            differ["PA"].append((line, values["PA"], parts))
    if "KB MODERN" in values and all(m in values for m in MODERN):
        parts = sum(values[m] for m in MODERN)
        if parts != values["KB MODERN"]:
            differ["KB MODERN"].append((line, values["KB MODERN"], parts))
    if "UNMET NEED" in values and "PUS" in values and values["UNMET NEED"] > values["PUS"]:
        differ["UNMET NEED"].append((line, values["UNMET NEED"], values["PUS"]))


def _warn_differences(differ: dict[str, list[tuple[int, int, int]]], say: Say) -> None:
    wording = {
        "PA": ("tidak sama dengan KB MODERN + KB TRADISIONAL", "jumlah"),
        "KB MODERN": ("tidak sama dengan jumlah tujuh metode modern", "jumlah"),
        "UNMET NEED": ("lebih dari PUS", "PUS"),
    }
    for column, rows in differ.items():
        if not rows:
            continue
        line, value, other = rows[0]
        what, called = wording[column]
        say(
            line,
            column,
            value,
            f"{column} {what} pada {len(rows)} baris (mis. baris {line}: {value}, {called} {other}); "
            "disimpan sebagaimana dilaporkan",
            "angka sesuai rekap SIGA",
            "warning",
        )


def describe(checked: Checked, con: db.Connection) -> str:
    """What importing the recap will do, in a sentence."""
    rows = checked.rows
    if rows.empty:
        return ""
    recap = RECAP_NAMES[rows.attrs["recap"]]
    desa = rows["kode_desa"].nunique()
    months = sorted(rows["periode"].unique())
    provinces = names.Names(db.query(con, "names_wilayah", {"tingkat": 1}))
    where = ", ".join(sorted({provinces.name_of(str(c)[:2]) for c in rows["kode_desa"].unique()}))
    span = months[0] if len(months) == 1 else f"{months[0]} s.d. {months[-1]}"
    return (
        f"Rekap bulanan New SIGA ({recap}): {desa} desa/kelurahan di Provinsi {where}, {len(months)} bulan "
        f"({span}). Disimpan sebagai konteks KB per desa; Kampung KB dan kelasnya tidak berubah."
    )


def apply(checked: Checked, live: Path, user: str, progress: Progress | None = None) -> Result:
    """Write the checked recap in one step (see ``kkb.ingest.writing``)."""
    if not checked.ok:
        raise ImportRejected(checked)
    return replace(live, lambda con, n, say: _write(con, n, checked, say), user, progress, KEEP_BACKUPS)


def _write(con: db.Connection, import_id: int, checked: Checked, say: Progress) -> Change:
    recap = RECAP_NAMES[checked.rows.attrs["recap"]]
    rows = checked.rows.assign(import_id=import_id)
    say(0.4, "menulis angka per desa")
    con.register("_baru", rows)
    try:
        replaced = int(q(con, "siga_bulanan_count_replaced")["n"].iloc[0])
        con.execute(db.sql("siga_bulanan_delete_replaced"))
    finally:
        con.unregister("_baru")
    db.insert_frame(con, "siga_bulanan", rows[["kode_desa", "periode", "ukuran", "nilai", "import_id"]])
    kabs = tuple(sorted({str(c)[:5] for c in rows["kode_desa"]}))
    months = sorted(rows["periode"].unique())
    result = Result(import_id, len(rows) - replaced, replaced, 0, 0, Path())
    note = (
        f"rekap bulanan SIGA ({recap}) {months[0]} s.d. {months[-1]}: "
        f"{rows['kode_desa'].nunique()} desa/kelurahan, {len(rows)} angka"
    )
    return Change(result, checked.file, checked.sha256, note, LOGGED, str(checked.periode), kabs)
