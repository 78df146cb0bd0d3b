"""The portal's bulk list of Kampung KB (FORMATS.md §E): identity rows with their region codes split.

Header ``id,nama,tanggal_pencanangan,KEAKTIFAN,provinsi_id,provinsi,kabupaten_id,kabupaten,
kecamatan_id,kecamatan,desa_id,desa,…``: one row per Kampung KB the portal registered, its formation
date as ``dd/mm/yyyy``, whether it is active, and its region as code parts without leading zeros
(``16,…,7,…,19,…,2005`` is ``16.07.19.2005``), often in a legacy 8-bit encoding.

Such a file says which Kampung KB exist and since when, not how they are doing: no indicator, no
class. Imported, each becomes a Kampung KB of the registry (id ``P<portal id>``) with no snapshot, so
it counts as formed and *belum terklasifikasi* — its class is never guessed. It replaces the
synthetic rows of every kab/kota it covers, like any import, and is undone like one.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from pathlib import Path

import pandas as pd

from kkb import db, store
from kkb.errors import RowProblem
from kkb.ingest import rules
from kkb.ingest.backups import KEEP_BACKUPS
from kkb.ingest.read import read_table, sha256_of
from kkb.ingest.report import Checked, ImportRejected, Progress, Result
from kkb.ingest.writing import Change, drop_synthetic, q, replace

#: the columns that make a file this shape (compared in lower case)
HEADER = (
    "id",
    "nama",
    "tanggal_pencanangan",
    "keaktifan",
    "provinsi_id",
    "provinsi",
    "kabupaten_id",
    "kabupaten",
    "kecamatan_id",
    "kecamatan",
    "desa_id",
    "desa",
)
SHAPE = "portal_list"
#: how the import log names this kind of file (``import_log.bentuk``)
LOGGED = "daftar_portal"
#: how many digits each code part may have: provinsi 2, kab/kota 2, kecamatan 2, desa/kelurahan 4
PARTS = (("provinsi_id", 2), ("kabupaten_id", 2), ("kecamatan_id", 2), ("desa_id", 4))
ACTIVE = {"1", "aktif", "ya", "y", "active", "true"}
INACTIVE = {"0", "tidak aktif", "nonaktif", "non aktif", "non-aktif", "tidak", "inactive", "false"}
ACCEPTED_ACTIVE = "Aktif/Tidak Aktif, 1/0, Ya/Tidak"
FIRST_DATE = dt.date(2016, 1, 1)  # the programme began in January 2016
_DIGITS = re.compile(r"^\d+$")


def is_portal_list(columns: list[str]) -> bool:
    """Whether a file with these column names is the portal's kampung list."""
    names = {str(c).strip().lower() for c in columns}
    return set(HEADER) <= names


def code_of(parts: list[str]) -> str | None:
    """The dotted Kemendagri code of the split parts (``["16", "7", "19", "2005"]``), None if malformed."""
    out = []
    for text, (_, width) in zip(parts, PARTS, strict=True):
        text = text.strip()
        if text.endswith(".0"):  # a spreadsheet wrote the whole number as a float
            text = text[:-2]
        if not _DIGITS.match(text) or len(text) > width or int(text) == 0:
            return None
        out.append(text.zfill(width))
    return ".".join(out)


def _plain(name: str) -> str:
    """A name for comparing spellings: letters and digits in lower case, single spaces."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return " ".join(text.split())


def check(path: Path, con: db.Connection, name: str | None = None, today: dt.date | None = None) -> Checked:
    """Read and check a portal kampung list against the Kemendagri reference in ``con``.

    Rows come out with ``portal_id``, ``nama_kampung``, ``kode_desa``, ``tanggal_pencanangan`` (ISO),
    ``aktif`` and the file's desa name. Every cell that cannot be used is an error naming the file,
    row, column, value and what is accepted; a code the reference does not hold lists the closest
    desa of its kecamatan by the file's name; a desa whose name differs from Kemendagri's is a
    warning that names both spellings (the code decides).
    """
    shown = name or path.name
    today = today or dt.date.today()
    raw = read_table(path, name)
    raw.columns = [str(c).strip().lower() for c in raw.columns]
    reference = q(con, "import_desa")
    desa = dict(zip(reference["kode"].astype(str), reference["nama"].astype(str), strict=True))
    kecamatan = q(con, "portal_list_kecamatan")
    kec_names = dict(zip(kecamatan["kode"].astype(str), kecamatan["nama"].astype(str), strict=True))
    problems: list[RowProblem] = []
    rows = []
    seen: dict[str, int] = {}
    for index, row in raw.iterrows():
        line = int(str(index)) + 2

        def problem(column: str, value: str, what: str, accepted: str, severity: str = "error") -> None:
            problems.append(RowProblem(shown, line, column, value, what, accepted, severity))  # noqa: B023

        portal_id = str(row["id"]).strip()
        if not _DIGITS.match(portal_id.removesuffix(".0")):
            problem("id", portal_id, "bukan nomor Kampung KB portal", "bilangan bulat, seperti pada portal")
        elif portal_id in seen:
            problem("id", portal_id, f"sama dengan baris {seen[portal_id]}", "satu baris per Kampung KB")
        else:
            seen[portal_id] = line
        nama = " ".join(str(row["nama"]).split())
        if trouble := rules.name_problem(nama):
            problem("nama", str(row["nama"]), f"nama {trouble}", "teks biasa, paling panjang 200 huruf")
        date = rules.parse_date(str(row["tanggal_pencanangan"]))
        if date is None:
            problem("tanggal_pencanangan", str(row["tanggal_pencanangan"]), "bukan tanggal", "dd/mm/yyyy")
        elif not FIRST_DATE <= date <= today:
            problem(
                "tanggal_pencanangan",
                str(row["tanggal_pencanangan"]),
                "di luar rentang",
                f"{FIRST_DATE:%d/%m/%Y} sampai hari ini",
            )
        state = " ".join(str(row["keaktifan"]).split()).casefold()
        if state not in ACTIVE | INACTIVE:
            problem("KEAKTIFAN", str(row["keaktifan"]), "bukan status keaktifan", ACCEPTED_ACTIVE)
        parts = [str(row[column]) for column, _ in PARTS]
        code = code_of(parts)
        given = " ".join(str(row["desa"]).split())
        if code is None:
            problem(
                "provinsi_id … desa_id",
                ",".join(parts),
                "bagian kode wilayah tidak sah",
                "angka tanpa nol di depan: provinsi 2, kab/kota 2, kecamatan 2, desa 4 digit",
            )
        elif code not in desa:
            kec = code[:8]
            within = {k: v for k, v in desa.items() if k.startswith(kec + ".")}
            close = difflib.get_close_matches(
                _plain(given), [_plain(v) for v in within.values()], n=3, cutoff=0.5
            )
            by_plain = {_plain(v): f"{v} ({k})" for k, v in within.items()}
            where = (
                f"kecamatan {kec_names[kec]} ({kec})"
                if kec in kec_names
                else f"kecamatan {kec} juga tidak dikenal"
            )
            problem(
                "desa_id",
                f"{code} {given}",
                f"kode desa tidak ada dalam Kemendagri 2025; {where}",
                "kode desa yang terdaftar; yang terdekat: " + (", ".join(by_plain[c] for c in close) or "–"),
            )
        elif given and _plain(given) != _plain(desa[code]):
            problem(
                "desa",
                given,
                f"nama berbeda dengan Kemendagri untuk {code}: {desa[code]!r}",
                "kode yang menentukan; nama dicatat sebagai peringatan",
                severity="peringatan",
            )
        rows.append(
            {
                "portal_id": portal_id.removesuffix(".0"),
                "nama_kampung": nama,
                "kode_desa": code or "",
                "tanggal_pencanangan": date.isoformat() if date else "",
                "aktif": state in ACTIVE,
                "desa_file": given,
            }
        )
    frame = pd.DataFrame(
        rows, columns=["portal_id", "nama_kampung", "kode_desa", "tanggal_pencanangan", "aktif", "desa_file"]
    )
    checked = Checked(shown, sha256_of(path), frame, problems=problems, shape=SHAPE)
    return checked


def describe(checked: Checked, con: db.Connection) -> str:
    """What the import will do, in a sentence: how many Kampung KB, where, and what they replace."""
    rows = checked.rows
    kabs = sorted({c[:5] for c in rows["kode_desa"] if c})
    names = q(con, "portal_list_kab_names", {"kabs": kabs}).set_index("kode")["label"].to_dict()
    provinces = sorted({str(names.get(k, k)).split(" · ")[-1] for k in kabs})
    shown = ", ".join(str(names.get(k, k)).split(" · ")[0] for k in kabs[:6]) + (
        " …" if len(kabs) > 6 else ""
    )
    active = int(rows["aktif"].sum())
    return (
        f"Dikenali: daftar kampung Portal Kampung KB (FORMATS §E). {len(rows)} Kampung KB ({active} aktif) "
        f"di {len(kabs)} kab/kota ({shown}) Provinsi {', '.join(provinces)}: menggantikan data sintetis di "
        "kab/kota itu. Berkas ini tanpa indikator dan kelas, jadi Kampung KB-nya terhitung terbentuk sejak "
        "tanggal pencanangannya dan belum terklasifikasi (kelas tidak ditebak)."
    )


def apply(checked: Checked, live: Path, user: str, progress: Progress | None = None) -> Result:
    """Write a checked portal list into the database at ``live`` in one step (copy, write, swap, backup)."""
    if not checked.ok:
        raise ImportRejected(checked)
    return replace(live, lambda con, n, say: _write(con, n, checked, say), user, progress, KEEP_BACKUPS)


def _write(con: db.Connection, import_id: int, checked: Checked, say: Progress) -> Change:
    rows = checked.rows
    kabs = sorted({code[:5] for code in rows["kode_desa"]})
    removed = drop_synthetic(con, kabs)
    say(0.3, "menulis Kampung KB")
    ids = ["P" + i for i in rows["portal_id"]]
    replaced = int(q(con, "portal_list_count", {"ids": ids})["n"].iloc[0])
    con.execute(db.sql("portal_list_delete"), {"ids": ids})
    desa = q(con, "import_desa").set_index("kode")
    codes = rows["kode_desa"]
    kampung = pd.DataFrame(
        {
            "id": ids,
            "nama": rows["nama_kampung"],
            "kode_desa": codes,
            "kode_kec": codes.str[:8],
            "kode_kab": codes.str[:5],
            "kode_prov": codes.str[:2],
            "tanggal_pencanangan": pd.to_datetime(rows["tanggal_pencanangan"]).dt.date,
            # the portal's own scope is not in the list; one Kampung KB per row of a desa
            "cakupan_wilayah": "Desa",
            "is_active": rows["aktif"].astype(bool),
            "lat": desa.reindex(codes)["lat"].to_numpy(),
            "lng": desa.reindex(codes)["lng"].to_numpy(),
            "sumber": "impor",
            "import_id": import_id,
        }
    )
    db.insert_frame(con, "kampung_kb", kampung)
    say(0.7, "menghitung ringkasan bulanan")
    store.rebuild_rekap(con, kabs)
    added = len(kampung) - replaced
    result = Result(import_id, added, replaced, added, removed, Path())
    note = (
        f"daftar kampung portal: {len(kampung)} Kampung KB ({added} baru, {replaced} diganti); "
        f"{removed} Kampung KB sintetis dihapus"
    )
    return Change(result, checked.file, checked.sha256, note, LOGGED, regions=tuple(kabs))
