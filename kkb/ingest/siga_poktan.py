"""New SIGA's monthly poktan and Rumah DataKu recaps per desa (FORMATS.md §D).

``PROVINSI;KABUPATEN;KECAMATAN;KODE;KELURAHAN;YANG ADA;YANG LAPOR;PERSENTASE LAPOR;…;BULAN``: how
many groups of one kind a desa has (BKB, BKR, BKL, UPPKA or PIK-R) and how many of them reported that
month. The kind is not in the file: the user states it (``--poktan BKB``, or the picker on Kelola
data), as they state the year of its months (``--tahun``); neither is ever guessed, and a file name
that names a kind is only offered as a hint.

``PROVINSI;KABUPATEN;KECAMATAN;KODE;KELURAHAN;JUMLAH RUMAH DATAKU;SK ADA;SK TIDAK ADA;APBN;APBD;ADD;
SWADAYA;SWASTA/CSR;LAINNYA;…;BULAN``: the Rumah DataKu of each desa, how many have a decree (SK) and
how they are funded.

Both carry ``KODE``, the last four digits of the desa code, so the desa is found as in the Kampung KB
recap (§C): kecamatan by name within kab/kota, then the code, which decides; a desa name that
disagrees is reported and remembered. Counts are kept as reported (``siga_poktan``: desa, month,
group, measure, value); ``PERSENTASE LAPOR`` is not stored (the dashboard divides the counts, summed
first), but a row where it disagrees with them, or where more report than exist, is said in one
warning per kind. Columns the recap has beyond these are not read, and the importer says which.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pandas as pd

from kkb import db
from kkb.errors import RowProblem
from kkb.ingest import names, siga
from kkb.ingest.backups import KEEP_BACKUPS
from kkb.ingest.cells import number
from kkb.ingest.read import MONTHLY, read_table, sha256_of
from kkb.ingest.report import Checked, ImportRejected, Progress, Result
from kkb.ingest.siga_bulanan import (
    Counts,
    counts_of,
    month_of,
    monthly_rows,
    periode_of,
    repeated,
    year_problem,
)
from kkb.ingest.writing import Change, q, replace

SHAPE = "siga_poktan"
#: how the import log names this kind of file (``import_log.bentuk``)
LOGGED = "rekap_siga_poktan"
PLACE = ("PROVINSI", "KABUPATEN", "KECAMATAN", "KODE", "KELURAHAN")
MONTH = "BULAN"
#: the kinds of poktan New SIGA reports, as users write them, and the key each is stored under
POKTAN = {"BKB": "bkb", "BKR": "bkr", "BKL": "bkl", "UPPKA": "uppka", "PIK-R": "pikr"}
#: what each kind is (SPEC's vocabulary), for the user who is asked to pick one
POKTAN_NAMES = {
    "BKB": "Bina Keluarga Balita",
    "BKR": "Bina Keluarga Remaja",
    "BKL": "Bina Keluarga Lansia",
    "UPPKA": "Usaha Peningkatan Pendapatan Keluarga Akseptor",
    "PIK-R": "Pusat Informasi dan Konseling Remaja",
}
DATAKU = "dataku"
#: each recap's count columns and the measure each is stored as
COUNTS: dict[str, dict[str, str]] = {
    "poktan": {"YANG ADA": "ada", "YANG LAPOR": "lapor"},
    DATAKU: {
        "JUMLAH RUMAH DATAKU": "jumlah",
        "SK ADA": "sk_ada",
        "SK TIDAK ADA": "sk_tidak",
        "APBN": "apbn",
        "APBD": "apbd",
        "ADD": "add",
        "SWADAYA": "swadaya",
        "SWASTA/CSR": "csr",
        "LAINNYA": "lainnya",
    },
}
#: the column each recap is told apart by
MARKS = {"poktan": "YANG LAPOR", DATAKU: "JUMLAH RUMAH DATAKU"}
PERCENT = "PERSENTASE LAPOR"
#: how far ``PERSENTASE LAPOR`` may be from the counts' own ratio (rounding) before it is said
PERCENT_SLACK = 0.5
ACCEPTED_POKTAN = "--poktan " + "|".join(POKTAN) + " (di halaman Kelola data: pilih jenis poktan)"


def _columns(columns: list[str]) -> dict[str, str]:
    """Our name of each file column, compared in upper case with single spaces."""
    return {" ".join(str(c).upper().split()): str(c) for c in columns}


def marked(columns: list[str]) -> str | None:
    """Which of these recaps a file's columns mark it as (``poktan``, ``dataku``), complete or not."""
    found = set(_columns(columns))
    return next((recap for recap, column in MARKS.items() if column in found), None)


def recap_of(columns: list[str]) -> str | None:
    """Which recap a file with these column names is, with every column it needs (None: neither)."""
    recap = marked(columns)
    if recap is None:
        return None
    return recap if {*PLACE, *COUNTS[recap], MONTH} <= set(_columns(columns)) else None


def missing(columns: list[str]) -> tuple[str, str] | None:
    """Why a file marked as one of these recaps cannot be read as one (what it lacks, what is accepted)."""
    recap = marked(columns)
    if recap is None or recap_of(columns) is not None:
        return None
    lacking = [c for c in (*PLACE, *COUNTS[recap], MONTH) if c not in _columns(columns)]
    accepted = ";".join((*PLACE, *COUNTS[recap], MONTH)) + " (FORMATS §D)"
    return f"{RECAP_NAMES[recap]} tanpa kolom {', '.join(lacking)}", accepted


#: how each recap is named to the user
RECAP_NAMES = {"poktan": "rekap poktan New SIGA", DATAKU: "rekap Rumah DataKu New SIGA"}


def poktan_key(text: str | None) -> str | None:
    """The kind a user wrote (``bkb``, ``PIK-R``, ``pikr``) as we name it (``BKB``, ``PIK-R``), or None."""
    if text is None:
        return None
    bare = re.sub(r"[\s_.-]+", "", str(text).upper())
    return next((kind for kind in POKTAN if kind.replace("-", "") == bare), None)


def suggested_poktan(name: str) -> str | None:
    """The kind of poktan a file's name names, when it names exactly one: a hint, never a choice."""
    upper = name.upper()
    kinds = {
        kind
        for kind in POKTAN
        if re.search(r"(?<![A-Z])" + kind.replace("-", r"[-_ ]?") + r"(?![A-Z])", upper)
    }
    return kinds.pop() if len(kinds) == 1 else None


def check(
    path: Path,
    con: db.Connection,
    name: str | None = None,
    tahun: int | str | None = None,
    poktan: str | None = None,
    today: dt.date | None = None,
) -> Checked:
    """Read a poktan or Rumah DataKu recap and check every row against itself and the reference."""
    shown = name or path.name
    today = today or dt.date.today()
    raw = read_table(path, shown, MONTHLY)
    found = _columns(list(raw.columns))
    recap = recap_of(list(raw.columns))
    assert recap is not None, "check is only called for a poktan or Rumah DataKu recap"
    counts = COUNTS[recap]
    read = [*PLACE, *counts, MONTH] + ([PERCENT] if recap == "poktan" and PERCENT in found else [])
    frame = pd.DataFrame({ours: raw[found[ours]].astype(str).str.strip() for ours in read})
    checked = Checked(shown, sha256_of(path), pd.DataFrame(), shape=SHAPE)
    problems = checked.problems

    def say(line: int, column: str, value: object, what: str, accepted: str, severity: str = "error") -> None:
        problems.append(RowProblem(shown, line, column, str(value), what, accepted, severity))

    year, trouble = year_problem(tahun, today)
    if trouble is not None:
        say(1, "tahun", *trouble)
    kind = _kind(poktan, shown, say) if recap == "poktan" else DATAKU
    lookup = names.index(con, frame["PROVINSI"])
    reported: set[tuple[int, str, str]] = set()
    taught: dict[tuple[int, str, str], str] = {}
    seen: dict[tuple[str, str], int] = {}
    out = Counts("kode_desa", "periode", "kelompok", "ukuran")
    odd: Odd = {"lapor": [], "persen": [], "sk": []}
    this_month = today.strftime("%Y-%m")
    for line, row in monthly_rows(frame, (*PLACE, *counts)):
        month = month_of(row, line, say)
        values = counts_of(row, counts, line, say)
        code = siga.place(row, line, lookup, say, taught, reported)
        if code is None or month is None or year is None or kind is None:
            continue
        periode = periode_of(year, month, row, line, this_month, say)
        if periode is None or repeated(seen, (code, periode), line, ("KODE", row["KODE"]), say):
            continue
        _compare(values, row, line, odd)
        for column, value in values.items():
            out.add(code, periode, kind, counts[column], value=value)
    _warn(odd, say)
    if not out and not checked.errors:
        say(2, "KODE", "", "tidak ada baris desa", "satu baris per desa per bulan")
    checked.rows = out.frame()
    checked.rows.attrs |= {"recap": recap, "kind": kind, "taught": taught}
    checked.rows.attrs["unread"] = [found[c] for c in found if c not in {*read, "NO", PERCENT}]
    checked.periode = max(checked.rows["periode"]) if out else None
    return checked


def _kind(poktan: str | None, shown: str, say: siga.Say) -> str | None:
    """The stored key of the kind of poktan the user stated, or None after saying what is accepted."""
    kind = poktan_key(poktan)
    if kind is not None:
        return POKTAN[kind]
    hint = suggested_poktan(shown)
    what = (
        "rekap poktan tidak menyebut jenis poktannya (BKB, BKR, BKL, UPPKA atau PIK-R)"
        if not poktan
        else "bukan jenis poktan yang dikenal"
    )
    if hint and not poktan:
        what += f"; nama berkas menyebut {hint}: bila benar, nyatakan --poktan {hint}"
    say(1, "poktan", poktan or "", what, ACCEPTED_POKTAN)
    return None


Odd = dict[str, list[tuple[int, str, str]]]


def _compare(values: dict[str, int], row: dict[str, str], line: int, odd: Odd) -> None:
    """Note a row that does not add up (kept as reported, said once per kind of trouble)."""
    if "YANG LAPOR" in values and "YANG ADA" in values:
        if values["YANG LAPOR"] > values["YANG ADA"]:
            odd["lapor"].append((line, str(values["YANG LAPOR"]), f"yang ada {values['YANG ADA']}"))
        stated = number(row.get(PERCENT, "").rstrip("%").strip())
        if stated is not None and not math.isnan(stated) and values["YANG ADA"] > 0:
            ratio = values["YANG LAPOR"] / values["YANG ADA"] * 100
            if abs(stated - ratio) > PERCENT_SLACK:
                odd["persen"].append(
                    (line, row[PERCENT], "yang lapor ÷ yang ada " + f"{ratio:.1f}".replace(".", ","))
                )
    total = values.get("JUMLAH RUMAH DATAKU")
    if total is not None and "SK ADA" in values and "SK TIDAK ADA" in values:
        parts = values["SK ADA"] + values["SK TIDAK ADA"]
        if parts != total:
            odd["sk"].append((line, str(total), f"SK ADA + SK TIDAK ADA {parts}"))


def _warn(odd: Odd, say: siga.Say) -> None:
    kept = "disimpan sebagaimana dilaporkan"
    wording = {
        "lapor": ("YANG LAPOR", "lebih dari YANG ADA", kept),
        "persen": (PERCENT, "tidak sama dengan YANG LAPOR ÷ YANG ADA", "dasbor membagi angkanya sendiri"),
        "sk": ("JUMLAH RUMAH DATAKU", "tidak sama dengan SK ADA + SK TIDAK ADA", kept),
    }
    for key, rows in odd.items():
        if not rows:
            continue
        line, value, other = rows[0]
        column, what, done = wording[key]
        say(
            line,
            column,
            value,
            f"{column} {what} pada {len(rows)} baris (mis. baris {line}: {value}, {other}); {done}",
            "angka sesuai rekap SIGA",
            "warning",
        )


def kind_name(kind: str) -> str:
    """How a stored group key is shown (``bkb`` → ``BKB``, ``dataku`` → ``Rumah DataKu``)."""
    return next((k for k, key in POKTAN.items() if key == kind), "Rumah DataKu")


def describe(checked: Checked, con: db.Connection) -> str:
    """What importing the recap will do, in a sentence."""
    rows = checked.rows
    if rows.empty:
        return ""
    kind = kind_name(rows.attrs["kind"])
    desa = rows["kode_desa"].nunique()
    months = sorted(rows["periode"].unique())
    provinces = names.Names(db.query(con, "names_wilayah", {"tingkat": 1}))
    where = ", ".join(sorted({provinces.name_of(str(c)[:2]) for c in rows["kode_desa"].unique()}))
    span = months[0] if len(months) == 1 else f"{months[0]} s.d. {months[-1]}"
    said = (
        f"Rekap bulanan New SIGA ({kind}): {desa} desa/kelurahan di Provinsi {where}, {len(months)} bulan "
        f"({span}). Disimpan sebagai konteks per desa; Kampung KB dan kelasnya tidak berubah."
    )
    if rows.attrs.get("unread"):
        said += f" Kolom yang tidak dibaca: {', '.join(rows.attrs['unread'])}."
    return said


def apply(checked: Checked, live: Path, user: str, progress: Progress | None = None) -> Result:
    """Write the checked recap in one step (see ``kkb.ingest.writing``)."""
    if not checked.ok:
        raise ImportRejected(checked)
    return replace(live, lambda con, n, say: _write(con, n, checked, say), user, progress, KEEP_BACKUPS)


def _write(con: db.Connection, import_id: int, checked: Checked, say: Progress) -> Change:
    attrs = checked.rows.attrs
    rows = checked.rows.assign(import_id=import_id)
    say(0.4, "menulis angka per desa")
    con.register("_baru", rows)
    try:
        replaced = int(q(con, "siga_poktan_count_replaced")["n"].iloc[0])
        con.execute(db.sql("siga_poktan_delete_replaced"))
    finally:
        con.unregister("_baru")
    db.insert_frame(
        con, "siga_poktan", rows[["kode_desa", "periode", "kelompok", "ukuran", "nilai", "import_id"]]
    )
    siga.remember(con, attrs.get("taught", {}), import_id)
    kabs = tuple(sorted({str(c)[:5] for c in rows["kode_desa"]}))
    months = sorted(rows["periode"].unique())
    result = Result(import_id, len(rows) - replaced, replaced, 0, 0, Path())
    note = (
        f"rekap bulanan SIGA ({kind_name(attrs['kind'])}) {months[0]} s.d. {months[-1]}: "
        f"{rows['kode_desa'].nunique()} desa/kelurahan, {len(rows)} angka"
    )
    return Change(result, checked.file, checked.sha256, note, LOGGED, str(checked.periode), kabs)
