"""The portal's public statistics table (FORMATS.md §A): Kampung KB per region and class, one periode.

``statistik-Klasifikasi Kampung KB.xlsx`` is the table as the browser drew it: a title row
(``Jumlah Kampung KB Menurut Klasifikasi Periode : …``, the date often empty), a row of class groups
each merged over two columns, then ``No | Provinsi | Jumlah | % | … | Total``; one row per region of
the level below the filter, by name only (``Provinsi - BANTEN`` over Banten's kab/kota); numbers as
Indonesian text (``1.095``, ``18,45``), empty count cells for 0; last a ``Total`` row that is a checksum.

Imported, each listed region gets its totals at that periode (``angka_wilayah``): Kampung KB formed
is its Total, each class its count (the portal counts a Kampung KB without a report as Dasar). From
that periode on they are the region's figures; villages reached, kecamatan, new Kampung KB per month
and everything below the region stay unknown, never made up. The synthetic rows of every kab/kota a
listed region covers are removed, like any import, and undone like one.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pandas as pd

from kkb import db, store
from kkb.classification import CLASSES, DEFAULT_METHOD
from kkb.errors import DataFileError, RowProblem
from kkb.ingest import names, rules
from kkb.ingest.backups import KEEP_BACKUPS
from kkb.ingest.cells import number
from kkb.ingest.read import grid, sha256_of
from kkb.ingest.report import Checked, ImportRejected, Progress, Result
from kkb.ingest.writing import Change, drop_synthetic, q, replace

SHAPE = "statistik"
#: how the import log names this kind of file (``import_log.bentuk``)
LOGGED = "statistik_portal"
MONTHS = {
    name: i + 1
    for i, name in enumerate(
        (
            "januari",
            "februari",
            "maret",
            "april",
            "mei",
            "juni",
            "juli",
            "agustus",
            "september",
            "oktober",
            "november",
            "desember",
        )
    )
}
ACCEPTED_COUNT = "bilangan bulat, titik pemisah ribuan (1.095); kosong = 0"
ACCEPTED_PERIODE = "--periode YYYY-MM (di halaman Kelola data: pilih periode)"
#: the % cells are rounded to two decimals by the portal
PERCENT_TOLERANCE = 0.011


def _header_row(rows: list[list[object]]) -> int | None:
    """The row ``No | Provinsi… | … | Total`` of a statistics table, or None."""
    for i, row in enumerate(rows[:12]):
        cells = [str(c).strip().casefold() for c in row]
        levels = ("provinsi", "kabupaten", "kecamatan")
        if len(cells) > 2 and cells[0] == "no" and cells[1].startswith(levels) and "total" in cells:
            return i
    return None


def is_statistik(path: Path) -> bool:
    """Whether the file is a statistics table of the portal (any of its header stacks)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm", ".csv", ".txt"):
        return False
    try:
        rows = grid(path, limit=12)
    except DataFileError:
        return False
    return _header_row(rows) is not None


def periode_in_file(path: Path) -> str | None:
    """The periode the table's title names, or None (also for a file that is not this shape)."""
    rows = grid(path, limit=12)
    h = _header_row(rows)
    if not h:
        return None
    return periode_in_title(_title(rows, h))


def _title(rows: list[list[object]], h: int) -> str:
    return next((str(c) for row in rows[: h - 1] for c in row if str(c).strip()), "")


def periode_in_title(title: str) -> str | None:
    """The month the title names (``Periode : Oktober 2023``, ``2023-10``, ``31/10/2023``), or None."""
    after = title.split(":", 1)[1] if ":" in title else ""
    text = after.strip().casefold()
    if not text:
        return None
    found = re.search(r"(\d{4})-(\d{1,2})", text)
    if found:
        return f"{int(found.group(1)):04d}-{int(found.group(2)):02d}"
    found = re.search(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", text)
    if found:
        return f"{int(found.group(3)):04d}-{int(found.group(2)):02d}"
    found = re.search(r"([a-z]+)\s+(\d{4})", text)
    if found and found.group(1) in MONTHS:
        return f"{int(found.group(2)):04d}-{MONTHS[found.group(1)]:02d}"
    return None


def check(
    path: Path,
    con: db.Connection,
    name: str | None = None,
    periode: str | None = None,
    today: dt.date | None = None,
) -> Checked:
    """Read a statistics table and check it against itself and the Kemendagri 2025 names."""
    shown = name or path.name
    rows = grid(path, shown)
    checked = Checked(shown, sha256_of(path), pd.DataFrame(), shape=SHAPE)
    problems = checked.problems

    def say(line: int, column: str, value: object, what: str, accepted: str, severity: str = "error") -> None:
        problems.append(RowProblem(shown, line, column, str(value), what, accepted, severity))

    h = _header_row(rows)
    if h is None or h == 0:
        say(1, "", "", "bukan tabel statistik portal", "tabel 'Excel' dari halaman statistik Kampung KB")
        return checked
    header = [str(c).strip() for c in rows[h]]
    groups = [str(c).strip() for c in rows[h - 1]]
    title = _title(rows, h)
    columns = _class_columns(groups, header)
    if columns is None:
        say(
            h,
            "",
            " | ".join(g for g in groups if g),
            "tabel statistik ini bukan tabel klasifikasi",
            "Jumlah Kampung KB Menurut Klasifikasi (kelompok Dasar, Berkembang, Mandiri, Berkelanjutan)",
        )
        return checked
    total_at = [c.casefold() for c in header].index("total")
    today = today or dt.date.today()
    this_month = today.strftime("%Y-%m")
    printed = periode_in_title(title)
    if periode is not None and rules.parse_periode(periode) is None:
        say(1, "periode", periode, "bukan periode", "YYYY-MM, mis. 2023-10")
        return checked
    stated = rules.parse_periode(periode) if periode else None
    if printed and stated and printed != stated:
        say(1, "periode", stated, f"judul tabel menyebut periode {printed}", "periode yang sama dengan judul")
    chosen = stated or printed
    if chosen is None:
        say(1, "periode", title, "berkas tidak menyebut periode", ACCEPTED_PERIODE)
    elif not rules.FIRST_PERIODE <= chosen <= this_month:
        say(1, "periode", chosen, "di luar rentang", f"{rules.FIRST_PERIODE} sampai {this_month}")
    checked.periode = chosen
    wilayah = db.query(con, "names_wilayah", {"tingkat": 2})
    lookup = names.Names(wilayah, db.query(con, "names_remembered"))
    level, parent = _scope(header[1], lookup, h + 1, say)
    if level is None:
        return checked
    found_rows: list[dict[str, object]] = []
    total_row: tuple[int, list[float]] | None = None
    seen: dict[str, int] = {}
    for i in range(h + 1, len(rows)):
        row = [*rows[i], *([""] * (len(header) - len(rows[i])))]
        line = i + 1
        first = " ".join(str(c) for c in row[:2]).strip().casefold()
        if not any(str(c).strip() for c in row):
            continue
        values = []
        for column in (*columns.values(), total_at):
            value = number(row[column])
            if value is None or (not math.isnan(value) and (value < 0 or value != int(value))):
                say(
                    line,
                    header[column] + f" ({_label(columns, column)})",
                    row[column],
                    "bukan jumlah",
                    ACCEPTED_COUNT,
                )
                value = 0.0
            values.append(0.0 if math.isnan(value) else value)
        if first.startswith("total"):
            total_row = (line, values)
            break
        *classes, total = values
        if sum(classes) != total:
            say(
                line,
                "Total",
                row[total_at],
                f"jumlah kelas ({_n(sum(classes))}) tidak sama dengan Total",
                "Total = Dasar + Berkembang + Mandiri + Berkelanjutan",
            )
        for klass, column in columns.items():
            share = number(row[column + 1]) if column + 1 < len(row) else float("nan")
            count = values[list(columns).index(klass)]
            known = total > 0 and share is not None and not math.isnan(share)
            if known and abs(float(share or 0) - count / total * 100) > PERCENT_TOLERANCE:
                say(
                    line,
                    f"% ({klass})",
                    row[column + 1],
                    f"tidak sesuai {_n(count)} dari {_n(total)}",
                    f"{count / total * 100:.2f}".replace(".", ","),
                    "warning",
                )
        place = str(row[1]).strip()
        found = lookup.find(level, parent, place)
        if found.kode is None:
            say(line, header[1], place, names.problem_text(found, level), names.accepted_text(found))
            continue
        if found.warned:
            say(
                line,
                header[1],
                place,
                f"dibaca sebagai {found.nama}",
                "nama sesuai Kemendagri 2025",
                "warning",
            )
        if found.kode in seen:
            say(
                line,
                header[1],
                place,
                f"wilayah ganda: sama dengan baris {seen[found.kode]}",
                "satu baris per wilayah",
            )
            continue
        seen[found.kode] = line
        found_rows.append(
            {
                "kode": found.kode,
                "tingkat": level,
                "nama_berkas": place,
                "terbentuk": int(total),
                **{c.lower(): int(v) for c, v in zip(CLASSES, classes, strict=True)},
            }
        )
    if total_row is None:
        say(len(rows), "Total", "", "baris Total tidak ada", "baris terakhir 'Total' berisi jumlah kolom")
    elif found_rows or not checked.errors:
        line, sums = total_row
        frame = pd.DataFrame(found_rows)
        for klass, printed_sum in zip((*CLASSES, "Total"), sums, strict=True):
            key = "terbentuk" if klass == "Total" else klass.lower()
            added = float(frame[key].sum()) if not frame.empty else 0.0
            if checked.ok and added != printed_sum:
                say(
                    line,
                    klass,
                    _n(printed_sum),
                    f"baris Total tidak sama dengan jumlah baris ({_n(added)})",
                    "Total = jumlah baris di atasnya",
                )
    if not found_rows and checked.ok:
        say(h + 2, header[1], "", "tidak ada baris wilayah", "satu baris per wilayah")
    frame = pd.DataFrame(found_rows)
    if not frame.empty:
        frame.insert(2, "periode", chosen or "")
        frame.attrs["induk"] = parent
    checked.rows = frame
    return checked


def _class_columns(groups: list[str], header: list[str]) -> dict[str, int] | None:
    """The column of each class's ``Jumlah`` (its group label sits above it), or None."""
    found: dict[str, int] = {}
    for i, label in enumerate(groups):
        for klass in CLASSES:
            if label.casefold() == klass.casefold() and i < len(header) and header[i].casefold() == "jumlah":
                found[klass] = i
    return found if len(found) == len(CLASSES) else None


def _label(columns: dict[str, int], column: int) -> str:
    return next((k for k, c in columns.items() if c == column), "Total")


def _n(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


def _scope(label: str, lookup: names.Names, line: int, say: object) -> tuple[int | None, str]:
    """The level of the rows and their parent.

    ``Provinsi`` heads the provinsi of the nation; ``Provinsi - BANTEN`` the kab/kota of Banten.
    """
    assert callable(say)
    head, _, rest = label.partition("-")
    if head.strip().casefold() != "provinsi":
        say(
            line,
            label,
            label,
            "tabel per kecamatan atau desa belum dapat diimpor",
            "Provinsi, atau Provinsi - NAMA",
        )
        return None, ""
    if not rest.strip():
        return 1, "ID"
    found = lookup.find(1, "ID", rest.strip())
    if found.kode is None:
        say(line, label, rest.strip(), names.problem_text(found, 1), names.accepted_text(found))
        return None, ""
    if found.warned:
        say(
            line,
            label,
            rest.strip(),
            f"dibaca sebagai {found.nama}",
            "nama sesuai Kemendagri 2025",
            "warning",
        )
    return 2, found.kode


def _kabs(con: db.Connection, rows: pd.DataFrame) -> list[str]:
    """The kab/kota the listed regions cover."""
    kabs: set[str] = set()
    for kode, tingkat in zip(rows["kode"], rows["tingkat"], strict=True):
        if int(tingkat) == 2:
            kabs.add(str(kode))
        else:
            kabs.update(str(k) for k in q(con, "import_kabs_of", {"prefix": f"{kode}."})["kode"])
    return sorted(kabs)


def describe(checked: Checked, con: db.Connection) -> str:
    """What importing the table will do, e.g. "8 kab/kota Provinsi Banten, periode 2023-10, …"."""
    rows = checked.rows
    if rows.empty:
        return ""
    parent = rows.attrs.get("induk", "ID")
    synthetic = int(q(con, "import_count_synthetic", {"kabs": _kabs(con, rows)})["n"].iloc[0])
    if parent == "ID":
        where = f"{len(rows)} provinsi"
    else:
        province = names.Names(db.query(con, "names_wilayah", {"tingkat": 1})).name_of(parent)
        where = f"{len(rows)} kab/kota Provinsi {province}"
    formed = int(rows["terbentuk"].sum())
    said = (
        f"Tabel statistik klasifikasi Portal Kampung KB: {where}, periode {checked.periode}, "
        f"{_n(formed)} Kampung KB. Angka per wilayah saja: cakupan desa/kelurahan dan rincian di bawahnya "
        "tidak diketahui."
    )
    if synthetic:
        said += f" Menggantikan {_n(synthetic)} Kampung KB sintetis di sana."
    return said


def apply(checked: Checked, live: Path, user: str, progress: Progress | None = None) -> Result:
    """Write the checked table's totals in one step (see ``kkb.ingest.writing``)."""
    if not checked.ok:
        raise ImportRejected(checked)
    return replace(live, lambda con, n, say: _write(con, n, checked, say), user, progress, KEEP_BACKUPS)


def _write(con: db.Connection, import_id: int, checked: Checked, say: Progress) -> Change:
    rows = checked.rows
    kabs = _kabs(con, rows)
    removed = drop_synthetic(con, kabs)
    kodes = [str(k) for k in rows["kode"]]
    replaced = int(q(con, "statistik_count", {"periode": checked.periode, "kodes": kodes})["n"].iloc[0])
    con.execute(db.sql("statistik_delete"), {"periode": checked.periode, "kodes": kodes})
    stored = rows.drop(columns=["nama_berkas"]).assign(metode=DEFAULT_METHOD, import_id=import_id)
    db.insert_frame(con, "angka_wilayah", stored)
    say(0.6, "menghitung ringkasan bulanan")
    store.rebuild_rekap(con, kabs)
    last = max(db.meta(con).get("data_as_of", ""), str(checked.periode))
    db.set_meta(con, {"data_as_of": last, "last_import": str(import_id)})
    result = Result(import_id, len(rows) - replaced, replaced, 0, removed, Path())
    note = f"{len(rows)} wilayah, periode {checked.periode}; {removed} Kampung KB sintetis dihapus"
    return Change(result, checked.file, checked.sha256, note, LOGGED, checked.periode, tuple(kodes))
