"""New SIGA's Kampung KB recap per desa (FORMATS.md §C): how many Kampung KB each desa has, and since when.

``PROVINSI;KABUPATEN;KECAMATAN;KODE;KELURAHAN;JUMLAH KELURAHAN/DESA;JUMLAH KAMPUNG KB;2016;2017;2018;
2019;> 2019;KAMPUNG KB MANDIRI;KAMPUNG KB PERCONTOHAN``: one row per desa/kelurahan of the province,
with or without a Kampung KB. ``KODE`` is only the last four digits of the desa code, so the kecamatan
is found by name within its kab/kota and the code, not the desa name, decides; a desa name that
disagrees with Kemendagri is reported, and what the file taught about names is remembered
(``nama_wilayah``) for later files that have names only.

Imported, each counted Kampung KB becomes one of the registry with the formation year the file gives
(``> 2019``: "2020 atau sesudahnya"), counted from the end of that year, or from the file's periode
when only "2020 or later" is known; no class (*belum terklasifikasi*, never guessed). The mandiri and
percontohan counts are kept per desa (``siga_desa``). A Kampung KB whose formation month is not known
makes the formation pace of its region unknown, not invented.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from kkb import db, store
from kkb.errors import RowProblem
from kkb.ingest import names, rules
from kkb.ingest.backups import KEEP_BACKUPS
from kkb.ingest.cells import number
from kkb.ingest.read import read_table, sha256_of
from kkb.ingest.report import Checked, ImportRejected, Progress, Result
from kkb.ingest.writing import Change, drop_synthetic, q, replace

SHAPE = "siga"
#: how the import log names this kind of file (``import_log.bentuk``)
LOGGED = "rekap_siga"
YEARS = ("2016", "2017", "2018", "2019")
LATER = "> 2019"
#: how the formation year of a Kampung KB counted under ``> 2019`` is kept
LATER_YEAR = "2020+"
HEADER = (
    "PROVINSI",
    "KABUPATEN",
    "KECAMATAN",
    "KODE",
    "KELURAHAN",
    "JUMLAH KAMPUNG KB",
    *YEARS,
    LATER,
    "KAMPUNG KB MANDIRI",
    "KAMPUNG KB PERCONTOHAN",
)
COUNTS = ("JUMLAH KAMPUNG KB", *YEARS, LATER, "KAMPUNG KB MANDIRI", "KAMPUNG KB PERCONTOHAN")
ACCEPTED_COUNT = "bilangan bulat ≥ 0"
Say = Callable[..., None]


def _columns(columns: list[str]) -> dict[str, str]:
    """Our name (``HEADER``) of each file column, compared in upper case with single spaces."""
    return {" ".join(str(c).upper().split()): str(c) for c in columns}


def is_siga(columns: list[str]) -> bool:
    """Whether a file with these column names is New SIGA's Kampung KB recap per desa."""
    return set(HEADER) <= set(_columns(columns))


def check(
    path: Path,
    con: db.Connection,
    name: str | None = None,
    periode: str | None = None,
    today: dt.date | None = None,
) -> Checked:
    """Read a SIGA recap and check every row against itself and the Kemendagri 2025 reference."""
    shown = name or path.name
    raw = read_table(path, shown)
    found = _columns(list(raw.columns))
    frame = pd.DataFrame({ours: raw[found[ours]].astype(str).str.strip() for ours in HEADER})
    checked = Checked(shown, sha256_of(path), pd.DataFrame(), shape=SHAPE)
    problems = checked.problems

    def say(line: int, column: str, value: object, what: str, accepted: str, severity: str = "error") -> None:
        problems.append(RowProblem(shown, line, column, str(value), what, accepted, severity))

    chosen, trouble = rules.periode_problem(periode, today or dt.date.today())
    if trouble is not None:
        stated, what, accepted = trouble
        say(1, "periode", stated, what or "rekap SIGA tidak menyebut periode", accepted)
    checked.periode = chosen
    lookup = names.index(con, frame["PROVINSI"])
    out: list[dict[str, object]] = []
    taught: dict[tuple[int, str, str], str] = {}
    seen: dict[str, int] = {}
    reported: set[tuple[int, str, str]] = set()
    for pos, record in enumerate(frame.to_dict("records")):
        row = {str(k): str(v) for k, v in record.items()}
        line = pos + 2
        counts: dict[str, int] = {}
        for column in COUNTS:
            value = number(row[column]) if row[column] else 0.0
            if value is None or math.isnan(value) or value < 0 or value != int(value):
                say(line, column, row[column], "bukan jumlah", ACCEPTED_COUNT)
                value = 0.0
            counts[column] = int(value)
        total = counts["JUMLAH KAMPUNG KB"]
        by_year = sum(counts[c] for c in (*YEARS, LATER))
        if by_year != total:
            say(
                line,
                "JUMLAH KAMPUNG KB",
                row["JUMLAH KAMPUNG KB"],
                f"jumlah per tahun pembentukan ({by_year}) tidak sama dengan jumlah Kampung KB",
                "JUMLAH KAMPUNG KB = 2016 + 2017 + 2018 + 2019 + > 2019",
            )
        for column in ("KAMPUNG KB MANDIRI", "KAMPUNG KB PERCONTOHAN"):
            if counts[column] > total:
                say(line, column, row[column], f"lebih dari jumlah Kampung KB ({total})", f"≤ {total}")
        code = place(row, line, lookup, say, taught, reported)
        if code is None:
            continue
        if code in seen:
            say(
                line,
                "KODE",
                row["KODE"],
                f"desa ganda: sama dengan baris {seen[code]}",
                "satu baris per desa",
            )
            continue
        seen[code] = line
        out.append({"kode_desa": code, **{c: counts[c] for c in COUNTS}})
    if not out and not checked.errors:
        say(2, "KODE", "", "tidak ada baris desa", "satu baris per desa/kelurahan")
    checked.rows = pd.DataFrame(out, columns=["kode_desa", *COUNTS])
    checked.rows.attrs["taught"] = taught
    return checked


def place(
    row: dict[str, str],
    line: int,
    lookup: names.Names,
    say: Say,
    taught: dict[tuple[int, str, str], str],
    reported: set[tuple[int, str, str]],
) -> str | None:
    """The desa code of a row: provinsi, kab/kota and kecamatan by name, then the four digits of KODE."""
    levels = ((1, "PROVINSI"), (2, "KABUPATEN"), (3, "KECAMATAN"))
    parent = names.walk(lookup, row, levels, line, say, reported, taught)
    if parent is None:
        return None
    digits = row["KODE"].strip()
    if not digits.isdigit() or len(digits) > 4:
        say(line, "KODE", digits, "bukan empat angka terakhir kode desa", "mis. 2003 (dari 72.03.01.2003)")
        return None
    code = f"{parent}.{int(digits):04d}"
    by_name = lookup.find(4, parent, row["KELURAHAN"])
    if not lookup.exists(code):
        nearest = by_name.candidates or ((f"{by_name.nama} ({by_name.kode})",) if by_name.kode else ())
        say(
            line,
            "KODE",
            digits,
            f"kode desa {code} tidak ada di Kemendagri 2025",
            ("yang terdekat menurut nama: " + "; ".join(nearest)) if nearest else "kode Kemendagri 2025",
        )
        return None
    same_name = names.normal(lookup.name_of(code), 4) == names.normal(row["KELURAHAN"], 4)
    said = (4, code, row["KELURAHAN"])
    if not same_name and said not in reported:  # the code decides; its name is reported beside the file's
        reported.add(said)  # once (a monthly recap names the desa again each month)
        say(
            line,
            "KELURAHAN",
            row["KELURAHAN"],
            f"kode {code} bernama {lookup.name_of(code)}; kode yang dipakai",
            "nama sesuai Kemendagri 2025",
            "warning",
        )
        taught[(4, parent, names.normal(row["KELURAHAN"], 4))] = code
    return code


def remember(con: db.Connection, taught: dict[tuple[int, str, str], str], import_id: int) -> None:
    """Keep what a file with codes taught about names (``nama_wilayah``), for later files with names only."""
    if not taught:
        return
    learned = pd.DataFrame(
        [
            {"tingkat": level, "kode_induk": parent, "nama": name, "kode": kode, "import_id": import_id}
            for (level, parent, name), kode in taught.items()
        ]
    )
    db.insert_frame(con, "nama_wilayah", learned)


def describe(checked: Checked, con: db.Connection) -> str:
    """What importing the recap will do, in a sentence."""
    rows = checked.rows
    if rows.empty:
        return ""
    kabs = sorted({str(c)[:5] for c in rows["kode_desa"]})
    provinces = names.Names(db.query(con, "names_wilayah", {"tingkat": 1}))
    where = ", ".join(sorted({provinces.name_of(k[:2]) for k in kabs}))
    synthetic = int(q(con, "import_count_synthetic", {"kabs": kabs})["n"].iloc[0])
    formed = int(rows["JUMLAH KAMPUNG KB"].sum())
    with_kkb = int((rows["JUMLAH KAMPUNG KB"] > 0).sum())
    later = int(rows[LATER].sum())
    said = (
        f"Rekap Kampung KB per desa New SIGA: {len(rows)} desa/kelurahan di {len(kabs)} kab/kota ({where}), "
        f"periode {checked.periode}: {formed} Kampung KB di {with_kkb} desa/kelurahan, {later} di antaranya "
        "dibentuk 2020 atau sesudahnya (bulan tidak diketahui). Tanpa kelas: belum terklasifikasi."
    )
    if synthetic:
        said += f" Menggantikan {synthetic} Kampung KB sintetis di sana."
    return said


def apply(checked: Checked, live: Path, user: str, progress: Progress | None = None) -> Result:
    """Write the checked recap in one step (see ``kkb.ingest.writing``)."""
    if not checked.ok:
        raise ImportRejected(checked)
    return replace(live, lambda con, n, say: _write(con, n, checked, say), user, progress, KEEP_BACKUPS)


def kampung_frame(rows: pd.DataFrame, periode: str, centres: pd.DataFrame, import_id: int) -> pd.DataFrame:
    """One Kampung KB per count of each desa, with the formation year the recap gives.

    A year 2016–2019 is known to have been formed by that year's end; ``> 2019`` only by ``periode``.
    """
    codes: list[str] = []
    years: list[str] = []
    for code, *per_year in zip(rows["kode_desa"], *(rows[c] for c in (*YEARS, LATER)), strict=True):
        for year, n in zip((*YEARS, LATER_YEAR), per_year, strict=True):
            codes += [str(code)] * int(n)
            years += [year] * int(n)
    frame = pd.DataFrame({"kode_desa": codes, "tahun_pencanangan": years})
    if frame.empty:
        return frame
    frame["n"] = frame.groupby("kode_desa").cumcount() + 1
    many = frame.groupby("kode_desa")["n"].transform("max") > 1
    names_of = centres["nama"].to_dict()
    desa = frame["kode_desa"].map(names_of)
    frame["id"] = (
        "S" + frame["kode_desa"].str.replace(".", "", regex=False) + "-" + frame["n"].map("{:02d}".format)
    )
    frame["nama"] = (
        "Kampung KB " + desa + ["" if not m else f" ({n})" for m, n in zip(many, frame["n"], strict=True)]
    )
    frame["dikenal_sejak"] = [
        min(f"{y}-12", periode) if y != LATER_YEAR else periode for y in frame["tahun_pencanangan"]
    ]
    frame["kode_kec"] = frame["kode_desa"].str[:8]
    frame["kode_kab"] = frame["kode_desa"].str[:5]
    frame["kode_prov"] = frame["kode_desa"].str[:2]
    frame["tanggal_pencanangan"] = None
    frame["cakupan_wilayah"] = "Desa"
    frame["is_active"] = True
    frame["lat"] = frame["kode_desa"].map(centres["lat"].to_dict())
    frame["lng"] = frame["kode_desa"].map(centres["lng"].to_dict())
    frame["sumber"] = "impor"
    frame["import_id"] = import_id
    return frame.drop(columns="n")


def _write(con: db.Connection, import_id: int, checked: Checked, say: Progress) -> Change:
    rows = checked.rows
    periode = str(checked.periode)
    kabs = sorted({str(c)[:5] for c in rows["kode_desa"]})
    removed = drop_synthetic(con, kabs)
    say(0.3, "menulis Kampung KB")
    desa = [str(c) for c in rows["kode_desa"]]
    replaced = int(q(con, "siga_count", {"desa": desa})["n"].iloc[0])
    # a name a later file gave (the portal's classification export) stays with its Kampung KB
    named = q(con, "siga_named", {"desa": desa}).set_index("id")["nama"].to_dict()
    for statement in ("siga_delete_kampung", "siga_delete_desa"):
        con.execute(db.sql(statement), {"desa": desa})
    centres = q(con, "import_desa").set_index("kode")
    kampung = kampung_frame(rows, periode, centres, import_id)
    if not kampung.empty:
        kampung["nama"] = [named.get(i, n) for i, n in zip(kampung["id"], kampung["nama"], strict=True)]
        db.insert_frame(con, "kampung_kb", kampung)
    con.execute(db.sql("siga_delete_orphans"))
    counts = pd.DataFrame(
        {
            "kode_desa": desa,
            "periode": periode,
            "jumlah": rows["JUMLAH KAMPUNG KB"].to_numpy(),
            "mandiri": rows["KAMPUNG KB MANDIRI"].to_numpy(),
            "percontohan": rows["KAMPUNG KB PERCONTOHAN"].to_numpy(),
            "import_id": import_id,
        }
    )
    db.insert_frame(con, "siga_desa", counts)
    taught = rows.attrs.get("taught", {})
    remember(con, taught, import_id)
    say(0.6, "menghitung ringkasan bulanan")
    store.rebuild_rekap(con, kabs)
    last = max(db.meta(con).get("data_as_of", ""), periode)
    db.set_meta(con, {"data_as_of": last, "last_import": str(import_id)})
    result = Result(import_id, len(kampung) - replaced, replaced, len(kampung), removed, Path())
    note = (
        f"rekap SIGA periode {periode}: {len(kampung)} Kampung KB di {len(rows)} desa/kelurahan; "
        f"{len(taught)} nama dipelajari; {removed} Kampung KB sintetis dihapus"
    )
    return Change(result, checked.file, checked.sha256, note, LOGGED, periode, tuple(kabs))
