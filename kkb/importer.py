"""Importing real data: read, map, check everything, then replace the database in one step.

One code path serves ``python -m kkb import`` and the **Kelola data** page:

1. ``read_table`` reads CSV (UTF-8 with or without BOM, or Windows-1252; comma or semicolon; decimal
   comma) or Excel, all cells as text;
2. ``check`` maps the column names (case, spaces, the portal's Indonesian labels), then checks every
   cell and collects every problem as file, row, column, value and what is accepted;
3. ``apply`` writes only a file without errors. It copies the database beside itself, writes the
   import into the copy in one transaction (synthetic demo rows of each kab/kota the import covers
   are removed; classifications are computed for the imported snapshots; the monthly summary is
   rebuilt; the import is logged), keeps the old file as a backup, and moves the copy over the live
   file with one atomic rename. Readers never see a half-written database and never wait for a lock:
   connections opened before the rename keep reading the old file, new ones read the new file.
4. ``undo`` puts the newest backup back the same way.

A process killed at any moment leaves the live file either as it was or as the finished import.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import hashlib
import os
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kkb import db, store
from kkb.classification import (
    CLASSES,
    DEFAULT_METHOD,
    INPUT_COLUMNS,
    PARTICIPATION_PAIRS,
    RESULT_COLUMNS,
    classify,
    normalise_class,
)
from kkb.errors import DataFileError, KkbError, RowProblem
from kkb.ingest import parse_snapshot_columns, read_text_table

Progress = Callable[[float, str], None]

IDENTITY_COLUMNS = ("kode_desa", "nama_kampung", "tanggal_pencanangan", "cakupan_wilayah", "periode")
TEMPLATE_COLUMNS = (*IDENTITY_COLUMNS, *INPUT_COLUMNS, "klasifikasi")
REQUIRED_COLUMNS = ("kode_desa", "nama_kampung", "tanggal_pencanangan", "periode")
SCOPES = ("RW", "Dusun", "Desa", "Kelurahan")
FIRST_PERIODE = "2016-01"  # the programme's launch, January 2016
MAX_ROWS = 200_000
MAX_BYTES = 50 * 1024 * 1024
KEEP_BACKUPS = 5
#: a cell a spreadsheet would run as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: column names as the portal, SIGA forms and hand-made sheets write them (after ``_normal``)
ALIASES = {
    "kode_desa_kelurahan": "kode_desa",
    "kode_kelurahan": "kode_desa",
    "kode_wilayah": "kode_desa",
    "kode_desa_kel": "kode_desa",
    "nama_kampung_kb": "nama_kampung",
    "nama_kkb": "nama_kampung",
    "kampung_kb": "nama_kampung",
    "tgl_pencanangan": "tanggal_pencanangan",
    "tanggal_pencanangan_kampung_kb": "tanggal_pencanangan",
    "tanggal_dicanangkan": "tanggal_pencanangan",
    "cakupan": "cakupan_wilayah",
    "cakupan_kampung_kb": "cakupan_wilayah",
    "periode_laporan": "periode",
    "bulan_laporan": "periode",
    "bulan": "periode",
    "klasifikasi_kampung_kb": "klasifikasi",
    "kelas": "klasifikasi",
    "kategori": "klasifikasi",
    "pasangan_usia_subur": "pus",
    "jumlah_pus": "pus",
    "pik_r": "pikr",
    "sk_pokja": "pokja_sk",
    "rumah_data_ku": "rumah_dataku",
    "plkb": "plkb_pendamping",
    "pkb_plkb": "plkb_pendamping",
    "rencana_kegiatan_masyarakat": "rkm",
    "iud": "kb_iud",
    "mow": "kb_mow",
    "mop": "kb_mop",
    "implan": "kb_implan",
    "suntik": "kb_suntik",
    "pil": "kb_pil",
    "kondom": "kb_kondom",
    "iat": "tidak_kb_iat",
    "tial": "tidak_kb_tial",
    "hamil": "tidak_kb_hamil",
    "ingin_anak_segera": "tidak_kb_ingin_anak_segera",
}


class ImportRejected(KkbError):
    """The file has problems; nothing was written. ``problems`` lists every one."""

    def __init__(self, checked: Checked) -> None:
        self.checked = checked
        errors = checked.errors
        head = "\n".join(str(p) for p in errors[:20])
        more = f"\n… dan {len(errors) - 20} masalah lain" if len(errors) > 20 else ""
        super().__init__(f"{checked.file}: {len(errors)} masalah, tidak ada yang ditulis:\n{head}{more}")


@dataclass
class Checked:
    """A file read and checked: its rows in canonical columns, and every problem found."""

    file: str
    sha256: str
    rows: pd.DataFrame
    mapped: dict[str, str] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    #: which kind of file it is: ``kampung`` (our template), ``targets``, ``portal_list`` (FORMATS §E)
    shape: str = "kampung"

    @property
    def errors(self) -> list[RowProblem]:
        """The problems that stop the import."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[RowProblem]:
        """The problems that are reported but do not stop the import."""
        return [p for p in self.problems if p.severity != "error"]

    @property
    def ok(self) -> bool:
        """True when nothing stops the import."""
        return not self.errors


@dataclass(frozen=True)
class Result:
    """What an import did."""

    import_id: int
    added: int
    changed: int
    kampung_added: int
    synthetic_removed: int
    backup: Path


# --- reading -------------------------------------------------------------------------------------


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


# --- mapping and checking ------------------------------------------------------------------------


def _normal(name: str) -> str:
    text = re.sub(r"[^0-9a-z]+", "_", str(name).strip().lower())
    return text.strip("_")


def map_columns(columns: list[str]) -> tuple[dict[str, str], list[str]]:
    """Map file columns to template columns: ``{file column: template column}`` and the unknown ones."""
    known = set(TEMPLATE_COLUMNS) | {"nama_desa"}
    mapped: dict[str, str] = {}
    unknown: list[str] = []
    for column in columns:
        key = _normal(column)
        target = key if key in known else ALIASES.get(key)
        if target is None and key.startswith("jumlah_") and key[7:] in known:
            target = key[7:]
        if target is None or target in mapped.values():
            unknown.append(column)
        else:
            mapped[column] = target
    return mapped, unknown


def check(path: Path, con: db.Connection, name: str | None = None, today: dt.date | None = None) -> Checked:
    """Read ``path`` and check every row against the template and the reference data in ``con``."""
    shown = name or path.name
    raw = read_table(path, shown)
    mapped, unknown = map_columns(list(raw.columns))
    frame = raw[list(mapped)].rename(columns=mapped)
    result = Checked(shown, sha256_of(path), frame, mapped)
    problems = result.problems
    for column in unknown:
        problems.append(
            RowProblem(
                shown, 1, column, "", "kolom tidak dikenal, diabaikan", "kolom templat impor", "warning"
            )
        )
    missing = [
        c
        for c in REQUIRED_COLUMNS
        if c not in frame.columns and not (c == "kode_desa" and "nama_desa" in frame.columns)
    ]
    for column in missing:
        problems.append(
            RowProblem(shown, 1, column, "", "kolom wajib tidak ada", "nama kolom sesuai templat impor")
        )
    if missing:
        return result
    for column in (*IDENTITY_COLUMNS, "klasifikasi", "nama_desa"):
        if column not in frame.columns:
            frame[column] = ""
    frame = frame.map(lambda x: str(x).strip())
    numbers, cell_problems = parse_snapshot_columns(frame, shown, required=())
    problems.extend(cell_problems)
    out = numbers.copy()
    today = today or dt.date.today()
    this_month = today.strftime("%Y-%m")
    desa = _desa_table(con)
    by_name = desa.groupby(desa["nama"].str.casefold())["kode"].agg(list).to_dict()
    codes = set(desa["kode"])
    kode: list[str] = []
    values = {c: out[c].to_numpy(dtype=float) for c in INPUT_COLUMNS}
    for pos, (i, row) in enumerate(frame.iterrows()):
        line = pos + 2
        code = _code(row["kode_desa"])
        if row["kode_desa"] == "" and row["nama_desa"]:
            found = by_name.get(row["nama_desa"].casefold(), [])
            if len(found) == 1:
                code = found[0]
            else:
                problems.append(
                    RowProblem(
                        shown,
                        line,
                        "nama_desa",
                        row["nama_desa"],
                        "tidak ditemukan" if not found else f"ada di {len(found)} desa/kelurahan",
                        "nama desa/kelurahan yang unik, atau isi kode_desa",
                    )
                )
        elif code not in codes:
            problems.append(
                RowProblem(
                    shown,
                    line,
                    "kode_desa",
                    row["kode_desa"],
                    "kode desa/kelurahan tidak dikenal",
                    "kode Kemendagri 2025, mis. 36.04.05.2001 atau 3604052001",
                )
            )
        kode.append(code)
        name_problem = _name_problem(row["nama_kampung"])
        if name_problem:
            problems.append(
                RowProblem(
                    shown,
                    line,
                    "nama_kampung",
                    row["nama_kampung"],
                    name_problem,
                    "teks biasa, 1–200 huruf, tidak diawali = + - @",
                )
            )
        date = _date(row["tanggal_pencanangan"])
        if date is None:
            problems.append(
                RowProblem(
                    shown,
                    line,
                    "tanggal_pencanangan",
                    row["tanggal_pencanangan"],
                    "bukan tanggal",
                    "YYYY-MM-DD atau DD/MM/YYYY",
                )
            )
        elif date > today:
            problems.append(
                RowProblem(
                    shown,
                    line,
                    "tanggal_pencanangan",
                    row["tanggal_pencanangan"],
                    "tanggal di masa depan",
                    f"paling lambat {today.isoformat()}",
                )
            )
        elif date < dt.date(2016, 1, 1):
            problems.append(
                RowProblem(
                    shown,
                    line,
                    "tanggal_pencanangan",
                    row["tanggal_pencanangan"],
                    "sebelum program dimulai",
                    "sejak 2016-01-01",
                )
            )
        periode = _periode(row["periode"])
        if periode is None:
            problems.append(
                RowProblem(shown, line, "periode", row["periode"], "bukan periode", "YYYY-MM, mis. 2023-10")
            )
        elif periode > this_month or periode < FIRST_PERIODE:
            problems.append(
                RowProblem(
                    shown,
                    line,
                    "periode",
                    row["periode"],
                    "di luar rentang",
                    f"{FIRST_PERIODE} sampai {this_month}",
                )
            )
        elif date is not None and periode < date.strftime("%Y-%m"):
            problems.append(
                RowProblem(
                    shown,
                    line,
                    "periode",
                    row["periode"],
                    "sebelum tanggal pencanangan",
                    "periode sejak bulan pencanangan",
                    "warning",
                )
            )
        out.loc[i, "periode"] = periode or ""
        out.loc[i, "tanggal_pencanangan"] = date.isoformat() if date else ""
        scope = _scope(row["cakupan_wilayah"])
        if scope is None:
            problems.append(
                RowProblem(
                    shown,
                    line,
                    "cakupan_wilayah",
                    row["cakupan_wilayah"],
                    "cakupan tidak dikenal",
                    ", ".join(SCOPES) + " (kosong = Desa)",
                )
            )
        out.loc[i, "cakupan_wilayah"] = scope or ""
        klass = row["klasifikasi"]
        if klass and normalise_class(klass) is None:
            problems.append(
                RowProblem(
                    shown,
                    line,
                    "klasifikasi",
                    klass,
                    "kelas tidak dikenal",
                    ", ".join(CLASSES) + ", Paripurna, Mandiri Berkelanjutan, atau kosong",
                )
            )
        for numerator, denominator in PARTICIPATION_PAIRS:
            top, bottom = values[numerator][pos], values[denominator][pos]
            if pd.notna(top) and pd.notna(bottom) and top > bottom:
                problems.append(
                    RowProblem(
                        shown,
                        line,
                        numerator,
                        row[numerator],
                        f"lebih besar dari {denominator} ({row[denominator]})",
                        f"≤ {denominator}",
                        "warning",
                    )
                )
    out["kode_desa"] = kode
    out["nama_kampung"] = frame["nama_kampung"]
    out["klasifikasi"] = frame["klasifikasi"].map(lambda k: normalise_class(k) if k else None)
    key = out["kode_desa"] + "|" + out["nama_kampung"].str.casefold() + "|" + out["periode"]
    first_seen: dict[str, int] = {}
    for i, value in key.items():
        line = int(str(i)) + 2
        if value in first_seen:
            problems.append(
                RowProblem(
                    shown,
                    line,
                    "periode",
                    str(out.at[i, "periode"]),
                    f"baris ganda: Kampung KB dan periode yang sama dengan baris {first_seen[value]}",
                    "satu baris per Kampung KB per periode",
                )
            )
        else:
            first_seen[value] = line
    result.rows = out
    return result


def _desa_table(con: db.Connection) -> pd.DataFrame:
    return db.query(con, "import_desa")


def _code(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 10 and not re.search(r"[^\d.\s]", text):
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
    return text


def _name_problem(name: str) -> str:
    if not name:
        return "kosong"
    if name.startswith(FORMULA_START):
        return "tampak seperti rumus spreadsheet"
    if len(name) > 200:
        return "terlalu panjang"
    if any(ord(ch) < 32 for ch in name) or "<" in name or ">" in name:
        return "berisi karakter kendali atau tanda < >"
    return ""


def _date(text: str) -> dt.date | None:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _periode(text: str) -> str | None:
    text = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-01(?: 00:00:00)?)?", text) or re.fullmatch(
        r"(\d{2})/(\d{4})", text
    )
    if match is None:
        return None
    year, month = (
        (match.group(1), match.group(2)) if len(match.group(1)) == 4 else (match.group(2), match.group(1))
    )
    if not 1 <= int(month) <= 12:
        return None
    return f"{year}-{month}"


def _scope(text: str) -> str | None:
    if not text:
        return "Desa"
    for scope in SCOPES:
        if text.casefold() == scope.casefold():
            return scope
    return None


# --- writing -------------------------------------------------------------------------------------


def backups_dir(live: Path) -> Path:
    """Where the backups of ``live`` are kept (``<name>.backups`` beside it)."""
    return live.with_name(live.name + ".backups")


@contextmanager
def _writer_lock(live: Path) -> Iterator[None]:
    """One writer at a time (imports and undos); readers are never blocked."""
    lock = live.with_name(live.name + ".lock")
    with lock.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise KkbError("impor lain sedang berjalan; coba lagi sebentar lagi") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def apply(
    checked: Checked, live: Path, user: str, progress: Progress | None = None, keep: int = KEEP_BACKUPS
) -> Result:
    """Write a checked file into the database at ``live`` in one step (see the module docstring)."""
    if not checked.ok:
        raise ImportRejected(checked)
    return _replace(live, lambda con, n, say: _write(con, n, checked, say), user, progress, keep)


def clear_synthetic(live: Path, region: str, user: str, progress: Progress | None = None) -> Result:
    """Remove the synthetic demo rows within ``region`` (province, kab/kota, or ``ID``) in one step."""
    return _replace(live, lambda con, n, say: _clear(con, n, region, say), user, progress, KEEP_BACKUPS)


@dataclass(frozen=True)
class _Change:
    """What one write did, for its result and its line in ``import_log``."""

    result: Result
    file: str
    sha256: str
    note: str
    #: the kind of file (``import_log.bentuk``), for the source line of every figure it gives
    shape: str = "templat"


Writer = Callable[[db.Connection, int, Progress], _Change]


def _replace(live: Path, write: Writer, user: str, progress: Progress | None, keep: int) -> Result:
    """Copy ``live``, change the copy in one logged transaction, then swap it in, keeping a backup."""
    say = progress or (lambda _f, _m: None)
    with _writer_lock(live):
        work = live.with_name(f"{live.name}.import-{os.getpid()}")
        work.unlink(missing_ok=True)
        try:
            say(0.05, "menyalin basis data")
            shutil.copyfile(live, work)
            say(0.2, "menulis ke salinan")
            con = db.connect(work, read_only=False)
            try:
                con.execute("BEGIN TRANSACTION")
                import_id = int(_q(con, "import_next_id")["id"].iloc[0])
                change = write(con, import_id, say)
                result = change.result
                _log(con, import_id, user, change, result)
                con.execute("COMMIT")
                con.execute("CHECKPOINT")
            finally:
                con.close()
            say(0.9, "menyimpan cadangan dan mengganti basis data")
            backup = _backup(live, result, keep)
            os.replace(work, live)
        except BaseException:
            work.unlink(missing_ok=True)
            raise
    say(1.0, "selesai")
    return dataclasses.replace(result, backup=backup)


def _clear(con: db.Connection, import_id: int, region: str, say: Progress) -> _Change:
    if region != "ID" and len(region) == 5:  # one kab/kota
        kabs = [region]
    else:
        prefix = "" if region == "ID" else region + "."
        kabs = [str(k) for k in _q(con, "import_kabs_of", {"prefix": prefix})["kode"]]
    removed = _drop_synthetic(con, kabs)
    say(0.6, "menghitung ringkasan bulanan")
    store.rebuild_rekap(con, kabs)
    result = Result(import_id, 0, 0, 0, removed, Path())
    return _Change(
        result,
        f"(hapus data sintetis {region})",
        "",
        f"{removed} Kampung KB sintetis dihapus",
        "hapus_sintetis",
    )


def _drop_synthetic(con: db.Connection, kabs: list[str]) -> int:
    """Remove the synthetic Kampung KB of these kab/kota with their snapshots and classes; count them."""
    removed = int(_q(con, "import_count_synthetic", {"kabs": kabs})["n"].iloc[0])
    for statement in (
        "import_delete_synthetic_klasifikasi",
        "import_delete_synthetic_snapshot",
        "import_delete_synthetic_kampung",
    ):
        con.execute(db.sql(statement), {"kabs": kabs})
    return removed


def _log(con: db.Connection, import_id: int, user: str, change: _Change, result: Result) -> None:
    row = {
        "id": import_id,
        "waktu": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        "pengguna": user,
        "nama_file": change.file,
        "sha256": change.sha256,
        "baris_ditambah": result.added,
        "baris_diubah": result.changed,
        "catatan": change.note,
        "bentuk": change.shape,
    }
    db.insert_frame(con, "import_log", pd.DataFrame([row]))


def _q(con: db.Connection, name: str, params: dict[str, object] | None = None) -> pd.DataFrame:
    """A named query on ``con`` itself (inside its transaction, seeing what it registered)."""
    return con.execute(db.sql(name), params or {}).df()


def history(con: db.Connection) -> pd.DataFrame:
    """Every import on record, newest first."""
    return db.query(con, "import_log_all")


def _write(con: db.Connection, import_id: int, checked: Checked, say: Progress) -> _Change:
    rows = checked.rows
    kabs = sorted({code[:5] for code in rows["kode_desa"]})
    removed = _drop_synthetic(con, kabs)
    say(0.3, "mencocokkan Kampung KB")
    existing = _q(con, "import_existing_kampung", {"desa": sorted(set(rows["kode_desa"]))})
    ids = {(r.kode_desa, str(r.nama).casefold()): str(r.id) for r in existing.itertuples()}
    per_desa = existing.groupby("kode_desa").size().to_dict()
    desa = _q(con, "import_desa").set_index("kode")
    centres = {
        str(k): (float(a), float(b)) for k, a, b in zip(desa.index, desa["lat"], desa["lng"], strict=True)
    }
    new_kampung: list[dict[str, object]] = []
    kampung_ids: list[str] = []
    for code, name, date, scope in zip(
        rows["kode_desa"].astype(str),
        rows["nama_kampung"].astype(str),
        rows["tanggal_pencanangan"].astype(str),
        rows["cakupan_wilayah"].astype(str),
        strict=True,
    ):
        key = (code, name.casefold())
        if key not in ids:
            n = int(per_desa.get(code, 0)) + 1
            per_desa[code] = n
            ids[key] = f"K{code.replace('.', '')}-{n:02d}"
            lat, lng = centres.get(code, (float("nan"), float("nan")))
            new_kampung.append(
                {
                    "id": ids[key],
                    "nama": name,
                    "kode_desa": code,
                    "kode_kec": code[:8],
                    "kode_kab": code[:5],
                    "kode_prov": code[:2],
                    "tanggal_pencanangan": dt.date.fromisoformat(date),
                    "cakupan_wilayah": scope,
                    "is_active": True,
                    "lat": lat,
                    "lng": lng,
                    "sumber": "impor",
                    "import_id": import_id,
                }
            )
        kampung_ids.append(ids[key])
    if new_kampung:
        db.insert_frame(con, "kampung_kb", pd.DataFrame(new_kampung))
    snaps = rows[["periode", *INPUT_COLUMNS]].copy()
    snaps.insert(0, "kampung_id", kampung_ids)
    snaps["klasifikasi_impor"] = rows["klasifikasi"].to_numpy()
    snaps["sumber"] = "impor"
    snaps["import_id"] = import_id
    keys = pd.DataFrame({"kampung_id": snaps["kampung_id"], "periode": snaps["periode"]})
    con.register("_keys", keys)
    changed = int(_q(con, "import_count_replaced")["n"].iloc[0])
    con.execute(db.sql("import_delete_replaced_klasifikasi"))
    con.execute(db.sql("import_delete_replaced_snapshot"))
    con.unregister("_keys")
    db.insert_frame(
        con,
        "snapshot",
        snaps.drop(columns=["klasifikasi_impor"]).assign(klasifikasi_impor=snaps["klasifikasi_impor"]),
    )
    say(0.5, "menghitung klasifikasi")
    _classify_into(con, snaps.reset_index(drop=True), DEFAULT_METHOD)
    with_class = snaps[snaps["klasifikasi_impor"].notna()].rename(
        columns={"klasifikasi_impor": "klasifikasi"}
    )
    if not with_class.empty:
        _classify_into(con, with_class.reset_index(drop=True), "impor")
    say(0.7, "menghitung ringkasan bulanan")
    store.rebuild_rekap(con, kabs)
    last = _q(con, "import_last_periode")["periode"].iloc[0]
    db.set_meta(con, {"data_as_of": str(last), "last_import": str(import_id)})
    result = Result(import_id, len(snaps) - changed, changed, len(new_kampung), removed, Path())
    note = f"{len(new_kampung)} Kampung KB baru; {removed} Kampung KB sintetis dihapus"
    return _Change(result, checked.file, checked.sha256, note)


def _classify_into(con: db.Connection, snaps: pd.DataFrame, method: str) -> None:
    result = classify(snaps, method)
    result.insert(0, "metode", method)
    result.insert(0, "periode", snaps["periode"].to_numpy())
    result.insert(0, "kampung_id", snaps["kampung_id"].to_numpy())
    db.insert_frame(con, "klasifikasi", result[["kampung_id", "periode", "metode", *RESULT_COLUMNS]])


def _backup(live: Path, result: Result, keep: int) -> Path:
    """Keep the live file as it is now under ``<name>.backups/``; drop all but the newest ``keep``."""
    folder = backups_dir(live)
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    backup = folder / f"sebelum-impor-{result.import_id:04d}-{stamp}.duckdb"
    try:
        os.link(live, backup)  # the same bytes, no copy: the rename below leaves them to the backup
    except OSError:
        shutil.copyfile(live, backup)
    for old in list_backups(live)[keep:]:
        old.unlink()
    return backup


def list_backups(live: Path) -> list[Path]:
    """The backups of ``live``, newest first."""
    folder = backups_dir(live)
    if not folder.exists():
        return []
    return sorted(folder.glob("sebelum-impor-*.duckdb"), key=lambda p: p.name, reverse=True)


def undo(live: Path) -> Path:
    """Put back the database as it was before the last import; return the backup used (now consumed)."""
    with _writer_lock(live):
        found = list_backups(live)
        if not found:
            raise KkbError("tidak ada impor yang dapat dibatalkan (belum ada cadangan)")
        backup = found[0]
        work = live.with_name(f"{live.name}.undo-{os.getpid()}")
        work.unlink(missing_ok=True)
        try:
            shutil.copyfile(backup, work)
            db.connect(work).close()  # a backup that does not open is not put live
            os.replace(work, live)
        except BaseException:
            work.unlink(missing_ok=True)
            raise
        backup.unlink()
        return backup


def import_file(
    path: Path,
    live: Path,
    user: str,
    progress: Progress | None = None,
    today: dt.date | None = None,
    name: str | None = None,
) -> tuple[Checked, Result]:
    """Check ``path`` and, when it has no errors, write it (``ImportRejected`` otherwise)."""
    con = db.connect(live)
    try:
        checked = check(path, con, name=name, today=today)
    finally:
        con.close()
    if not checked.ok:
        raise ImportRejected(checked)
    return checked, apply(checked, live, user, progress)


def problems_frame(problems: list[RowProblem]) -> pd.DataFrame:
    """Problems as a table: berkas, baris, kolom, nilai, masalah, diterima, tingkat."""
    return pd.DataFrame(
        [(p.file, p.row, p.column, p.value, p.problem, p.accepted, p.severity) for p in problems],
        columns=["berkas", "baris", "kolom", "nilai", "masalah", "diterima", "tingkat"],
    )


# --- the template --------------------------------------------------------------------------------

#: what each identity column holds (the "petunjuk" sheet of the Excel template)
COLUMN_HELP = {
    "kode_desa": "Kode desa/kelurahan Kemendagri 2025, mis. 36.04.05.2001 atau 3604052001. Wajib "
    "(atau kolom nama_desa bila namanya unik).",
    "nama_kampung": "Nama Kampung KB. Wajib. Teks biasa, tidak diawali = + - @.",
    "tanggal_pencanangan": "Tanggal pencanangan, YYYY-MM-DD atau DD/MM/YYYY. Wajib.",
    "cakupan_wilayah": "RW, Dusun, Desa atau Kelurahan (kosong = Desa).",
    "periode": "Bulan laporan, YYYY-MM. Wajib. Satu baris per Kampung KB per periode.",
    "klasifikasi": "Opsional: kelas menurut sumber data (Dasar, Berkembang, Mandiri, Berkelanjutan; "
    "Paripurna = Berkelanjutan). Disimpan sebagai metode 'impor'; kelas resmi tetap dihitung ulang.",
}
EXAMPLE = {
    "kode_desa": "36.04.05.2001",
    "nama_kampung": "Kampung KB Contoh",
    "tanggal_pencanangan": "2023-01-15",
    "cakupan_wilayah": "Desa",
    "periode": "2023-10",
    "klasifikasi": "",
}


def column_help(column: str) -> str:
    """What ``column`` of the template holds, in Bahasa Indonesia."""
    if column in COLUMN_HELP:
        return COLUMN_HELP[column]
    from kkb.classification import FLAG_COLUMNS

    if column in FLAG_COLUMNS:
        return "Ada (1) atau tidak ada (0); juga Ada/Tidak Ada, Ya/Tidak; kosong = tidak dilaporkan."
    return "Bilangan bulat ≥ 0; kosong = tidak dilaporkan (SPEC §4.1)."


def template_frame() -> pd.DataFrame:
    """The import template: every column, one filled-in example row (synthetic)."""
    from kkb.classification import FLAG_COLUMNS

    row: dict[str, object] = {}
    for column in TEMPLATE_COLUMNS:
        if column in EXAMPLE:
            row[column] = EXAMPLE[column]
        elif column in FLAG_COLUMNS:
            row[column] = 1
        elif column == "pus":
            row[column] = 250
        else:
            row[column] = 3
    return pd.DataFrame([row], columns=list(TEMPLATE_COLUMNS))


def help_frame() -> pd.DataFrame:
    """The template's columns with what each holds (the "petunjuk" sheet)."""
    return pd.DataFrame(
        {
            "kolom": list(TEMPLATE_COLUMNS),
            "wajib": ["ya" if c in REQUIRED_COLUMNS else "tidak" for c in TEMPLATE_COLUMNS],
            "isi": [column_help(c) for c in TEMPLATE_COLUMNS],
        }
    )


def write_template(path: Path) -> Path:
    """Write the template as CSV (UTF-8 with BOM) or Excel (with a "petunjuk" sheet)."""
    frame = template_frame()
    if path.suffix.lower() == ".xlsx":
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name="data")
            help_frame().to_excel(writer, index=False, sheet_name="petunjuk")
    else:
        path.write_bytes(frame.to_csv(index=False).encode("utf-8-sig"))
    return path


# --- targets -----------------------------------------------------------------------------------------

TARGET_EXAMPLE = {
    "kode_wilayah": "36.04",
    "tahun": "2026",
    "metrik": "pembentukan",
    "jenis": "target",
    "nilai": "250",
    "penyebut": "Kampung KB terbentuk",
    "periode": "",
    "sumber": "Contoh: Renstra DP3AKKB",
    "sumber_url": "https://contoh.go.id/renstra",
    "sumber_tanggal": "2026-01-15",
    "catatan": "Baris contoh; hapus sebelum impor",
}
TARGET_HELP = {
    "kode_wilayah": "Kode provinsi (36) atau kab/kota (36.04), atau ID untuk nasional. Wajib.",
    "tahun": "Tahun target, mis. 2026. Wajib.",
    "metrik": "Salah satu: {metrics}. Wajib.",
    "jenis": "target, atau realisasi (angka yang diterbitkan). Wajib.",
    "nilai": "Angka ≥ 0 (koma desimal boleh); persen ditulis 40 untuk 40 %. Wajib.",
    "penyebut": "Apa yang dihitung, mis. 'Kampung KB terbentuk' atau '% desa/kelurahan'.",
    "periode": "Untuk realisasi: bulan angkanya, YYYY-MM. Kosong untuk target.",
    "sumber": "Nama sumber (dokumen, berita, instansi). Wajib.",
    "sumber_url": "Alamat sumber, diawali https://. Wajib.",
    "sumber_tanggal": "Tanggal sumber, YYYY-MM-DD (atau YYYY-MM, YYYY). Wajib.",
    "catatan": "Opsional.",
}


def is_targets_file(columns: list[str]) -> bool:
    """Whether a file's columns are those of the targets template (not the Kampung KB template)."""
    names = {_normal(c) for c in columns}
    return {"kode_wilayah", "metrik", "nilai"} <= names


def check_targets(path: Path, con: db.Connection, name: str | None = None) -> Checked:
    """Read and check a targets file; every problem as file, row, column, value and what is accepted."""
    from kkb.metrics import TARGET_METRICS
    from kkb.targets import COLUMNS, KINDS

    shown = name or path.name
    raw = read_table(path, shown)
    renamed = {c: _normal(c) for c in raw.columns}
    frame = raw.rename(columns=renamed)
    result = Checked(shown, sha256_of(path), frame, {k: v for k, v in renamed.items()}, shape="targets")
    problems = result.problems
    required = ("kode_wilayah", "tahun", "metrik", "jenis", "nilai", "sumber", "sumber_url", "sumber_tanggal")
    for column in required:
        if column not in frame.columns:
            problems.append(RowProblem(shown, 1, column, "", "kolom wajib tidak ada", "kolom templat target"))
    if not result.ok:
        return result
    for column in COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    frame = frame[list(COLUMNS)].map(lambda x: str(x).strip())
    regions = set(_q(con, "import_regions")["kode"]) | {"ID"}
    seen: dict[tuple[str, ...], int] = {}
    records: list[dict[str, str]] = [{str(k): str(v) for k, v in r.items()} for r in frame.to_dict("records")]
    for pos, row in enumerate(records):
        line = pos + 2
        found: list[tuple[str, str, str]] = []
        if row["kode_wilayah"] not in regions:
            found.append(("kode_wilayah", "kode wilayah tidak dikenal", "kode provinsi, kab/kota, atau ID"))
        if not re.fullmatch(r"20\d\d", row["tahun"]):
            found.append(("tahun", "bukan tahun", "tahun empat angka, mis. 2026"))
        if row["metrik"] not in TARGET_METRICS:
            found.append(("metrik", "metrik tidak dikenal", ", ".join(TARGET_METRICS)))
        if row["jenis"] not in KINDS:
            found.append(("jenis", "jenis tidak dikenal", " atau ".join(KINDS)))
        try:
            if float(row["nilai"].replace(",", ".")) < 0:
                found.append(("nilai", "tidak boleh negatif", "angka ≥ 0"))
        except ValueError:
            found.append(("nilai", "bukan angka", "angka ≥ 0, koma desimal boleh"))
        if row["periode"] and _periode(row["periode"]) is None:
            found.append(("periode", "bukan periode", "YYYY-MM atau kosong"))
        if not row["sumber_url"].startswith("https://"):
            found.append(("sumber_url", "bukan alamat https", "alamat yang diawali https://"))
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["sumber_tanggal"]):
            found.append(("sumber_tanggal", "bukan tanggal", "YYYY-MM-DD, YYYY-MM atau YYYY"))
        for column in ("penyebut", "sumber", "catatan"):
            if row[column].startswith(FORMULA_START) or "<" in row[column] or ">" in row[column]:
                found.append((column, "tampak seperti rumus atau HTML", "teks biasa"))
        if not row["sumber"]:
            found.append(("sumber", "kosong", "nama sumber"))
        key = (row["kode_wilayah"], row["tahun"], row["metrik"], row["jenis"])
        if key in seen:
            found.append(("metrik", f"baris ganda: sama dengan baris {seen[key]}", "satu baris per target"))
        seen.setdefault(key, line)
        problems.extend(RowProblem(shown, line, c, row[c], what, ok) for c, what, ok in found)
    if result.ok:
        out = frame.copy()
        out["tahun"] = out["tahun"].astype(int)
        out["nilai"] = out["nilai"].str.replace(",", ".").astype(float)
        out["periode"] = [(_periode(p) if p else None) for p in out["periode"]]
        out["catatan"] = out["catatan"].replace("", None)
        result.rows = out
    return result


def apply_targets(checked: Checked, live: Path, user: str, progress: Progress | None = None) -> Result:
    """Add or replace the checked targets (same region, year, metric and kind) in one step."""
    if not checked.ok:
        raise ImportRejected(checked)

    def write(con: db.Connection, import_id: int, _say: Progress) -> _Change:
        con.register("_targets", checked.rows)
        changed = int(_q(con, "import_count_targets")["n"].iloc[0])
        con.execute(db.sql("import_delete_targets"))
        con.unregister("_targets")
        db.insert_frame(con, "target", checked.rows)
        result = Result(import_id, len(checked.rows) - changed, changed, 0, 0, Path())
        return _Change(result, checked.file, checked.sha256, "target dan angka terbitan", "target")

    return _replace(live, write, user, progress, KEEP_BACKUPS)


def targets_template_frame() -> pd.DataFrame:
    """The targets template: its columns and one example row."""
    return pd.DataFrame([TARGET_EXAMPLE])


def write_targets_template(path: Path) -> Path:
    """Write the targets template as CSV or Excel (with a "petunjuk" sheet)."""
    from kkb.metrics import TARGET_METRICS

    frame = targets_template_frame()
    if path.suffix.lower() == ".xlsx":
        notes = pd.DataFrame(
            {
                "kolom": list(TARGET_HELP),
                "isi": [h.format(metrics=", ".join(TARGET_METRICS)) for h in TARGET_HELP.values()],
            }
        )
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name="data")
            notes.to_excel(writer, index=False, sheet_name="petunjuk")
    else:
        path.write_bytes(frame.to_csv(index=False).encode("utf-8-sig"))
    return path


def check_any(path: Path, con: db.Connection, name: str | None = None) -> Checked:
    """Check a file of any shape this importer knows, told apart by its columns (see ``Checked.shape``)."""
    from kkb import portal_list

    columns = list(read_table(path, name).columns)
    if portal_list.is_portal_list(columns):
        return portal_list.check(path, con, name)
    if is_targets_file(columns):
        return check_targets(path, con, name)
    return check(path, con, name)


def apply_any(checked: Checked, live: Path, user: str, progress: Progress | None = None) -> Result:
    """Write a file checked by ``check_any``, in the way its shape needs."""
    from kkb import portal_list

    if checked.shape == portal_list.SHAPE:
        return portal_list.apply(checked, live, user, progress)
    if checked.shape == "targets":
        return apply_targets(checked, live, user, progress)
    return apply(checked, live, user, progress)


def describe(checked: Checked, con: db.Connection) -> str:
    """What importing ``checked`` will do, in a sentence (empty for our own template and targets)."""
    from kkb import portal_list

    if checked.shape == portal_list.SHAPE:
        return portal_list.describe(checked, con)
    return ""


def import_any(
    path: Path, live: Path, user: str, progress: Progress | None = None, name: str | None = None
) -> tuple[Checked, Result]:
    """Import a file of any known shape (our template, targets, the portal's kampung list) in one step."""
    con = db.connect(live)
    try:
        checked = check_any(path, con, name)
    finally:
        con.close()
    if not checked.ok:
        raise ImportRejected(checked)
    return checked, apply_any(checked, live, user, progress)
