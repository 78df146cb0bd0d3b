"""Writing an import in one step: copy → write → atomic rename, with a backup and an undo.

Every file shape hands ``replace`` a function that writes into a copy of the database inside one
transaction. The copy is then swapped in with one atomic rename, keeping the old file as a backup.
Readers never see a half-written database and never wait for a lock: connections opened before the
rename keep reading the old file, new ones read the new file. ``undo`` puts the newest backup back
the same way. A process killed at any moment leaves the live file as it was or as the finished import.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import os
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kkb import db, store
from kkb.errors import DatabaseError, KkbError
from kkb.ingest.report import Progress, Result

KEEP_BACKUPS = 5


def backups_dir(live: Path) -> Path:
    """Where the backups of ``live`` are kept (``<name>.backups`` beside it)."""
    return live.with_name(live.name + ".backups")


@contextmanager
def _writer_lock(live: Path) -> Iterator[None]:
    """One writer at a time (imports and undos); readers are never blocked."""
    lock = live.with_name(live.name + ".lock")
    try:
        handle = lock.open("a")
    except OSError as exc:
        _raise_storage(exc, live)
        raise
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise KkbError("impor lain sedang berjalan; coba lagi sebentar lagi") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def clear_synthetic(live: Path, region: str, user: str, progress: Progress | None = None) -> Result:
    """Remove the synthetic demo rows within ``region`` (province, kab/kota, or ``ID``) in one step."""
    return replace(live, lambda con, n, say: _clear(con, n, region, say), user, progress, KEEP_BACKUPS)


@dataclass(frozen=True)
class Change:
    """What one write did, for its result and its line in ``import_log``."""

    result: Result
    file: str
    sha256: str
    note: str
    #: the kind of file (``import_log.bentuk``), for the source line of every figure it gives
    shape: str = "templat"
    #: the month its figures describe (the latest, for a file with a periode on every row)
    periode: str | None = None
    #: the codes of the regions it covered (kab/kota, or provinsi), named in the import log
    regions: tuple[str, ...] = ()


Writer = Callable[[db.Connection, int, Progress], Change]


def replace(live: Path, write: Writer, user: str, progress: Progress | None, keep: int) -> Result:
    """Copy ``live``, change the copy in one logged transaction, then swap it in, keeping a backup."""
    say = progress or (lambda _f, _m: None)
    with _writer_lock(live):
        _sweep(live)
        work = live.with_name(f"{live.name}.import-{os.getpid()}")
        work.unlink(missing_ok=True)
        try:
            say(0.05, "menyalin basis data")
            shutil.copyfile(live, work)
            say(0.2, "menulis ke salinan")
            con = db.connect(work, read_only=False)
            try:
                con.execute("BEGIN TRANSACTION")
                import_id = int(q(con, "import_next_id")["id"].iloc[0])
                change = write(con, import_id, say)
                result = change.result
                log(con, import_id, user, change, result)
                con.execute("COMMIT")
                con.execute("CHECKPOINT")
            finally:
                con.close()
            say(0.9, "menyimpan cadangan dan mengganti basis data")
            backup = _backup(live, result, keep)
            os.replace(work, live)
        except BaseException as exc:
            work.unlink(missing_ok=True)
            _raise_storage(exc, live)
            raise
    say(1.0, "selesai")
    return dataclasses.replace(result, backup=backup)


def _clear(con: db.Connection, import_id: int, region: str, say: Progress) -> Change:
    if region != "ID" and len(region) == 5:  # one kab/kota
        kabs = [region]
    else:
        prefix = "" if region == "ID" else region + "."
        kabs = [str(k) for k in q(con, "import_kabs_of", {"prefix": prefix})["kode"]]
    removed = drop_synthetic(con, kabs)
    say(0.6, "menghitung ringkasan bulanan")
    store.rebuild_rekap(con, kabs)
    result = Result(import_id, 0, 0, 0, removed, Path())
    return Change(
        result,
        f"(hapus data sintetis {region})",
        "",
        f"{removed} Kampung KB sintetis dihapus",
        "hapus_sintetis",
        regions=(region,),
    )


def drop_synthetic(con: db.Connection, kabs: list[str]) -> int:
    """Remove the synthetic Kampung KB of these kab/kota with their snapshots and classes; count them."""
    removed = int(q(con, "import_count_synthetic", {"kabs": kabs})["n"].iloc[0])
    for statement in (
        "import_delete_synthetic_klasifikasi",
        "import_delete_synthetic_snapshot",
        "import_delete_synthetic_kampung",
    ):
        con.execute(db.sql(statement), {"kabs": kabs})
    return removed


def log(con: db.Connection, import_id: int, user: str, change: Change, result: Result) -> None:
    """Record an import in ``import_log`` (inside the transaction that wrote it)."""
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
        "periode": change.periode,
        "wilayah": region_label(con, change.regions),
    }
    db.insert_frame(con, "import_log", pd.DataFrame([row]))


#: how many region names the import log spells out before it counts the rest
NAMED_REGIONS = 8


def region_label(con: db.Connection, codes: tuple[str, ...]) -> str | None:
    """The regions an import covered, by name: ``Kabupaten Serang, Kota Serang``; None if none."""
    if not codes:
        return None
    found = ["Indonesia"] if "ID" in codes else []
    found += [str(n) for n in q(con, "import_region_names", {"kode": sorted(set(codes))})["nama"]]
    if len(found) > NAMED_REGIONS:
        return ", ".join(found[:NAMED_REGIONS]) + f" … ({len(found)} wilayah)"
    return ", ".join(found) or None


def q(con: db.Connection, name: str, params: dict[str, object] | None = None) -> pd.DataFrame:
    """A named query on ``con`` itself (inside its transaction, seeing what it registered)."""
    return con.execute(db.sql(name), params or {}).df()


def history(con: db.Connection) -> pd.DataFrame:
    """Every import on record, newest first."""
    return db.query(con, "import_log_all")


def learned_names(con: db.Connection) -> pd.DataFrame:
    """The region names files with codes taught, newest import first, with the region each names.

    Columns: ``import_id``, ``tingkat``, ``wilayah_induk``, ``nama_di_berkas`` (as normalised),
    ``kode``, ``nama_kemendagri``, ``nama_file``. Undone with the import that taught them.
    """
    return db.query(con, "names_learned")


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


_BACKUP_NAME = re.compile(r"sebelum-impor-(\d+)-(\d{8}T\d{6})\.duckdb")


def backup_import(backup: Path) -> int:
    """The import a backup was taken before (its file holds every import up to the one before)."""
    found = _BACKUP_NAME.fullmatch(backup.name)
    if found is None:
        raise KkbError(f"{backup.name}: bukan nama cadangan impor")
    return int(found[1])


def list_backups(live: Path) -> list[Path]:
    """The backups of ``live``, newest first: by import id (``10000`` after ``9999``), then time."""
    folder = backups_dir(live)
    if not folder.exists():
        return []
    found = []
    for path in folder.glob("sebelum-impor-*.duckdb"):
        name = _BACKUP_NAME.fullmatch(path.name)
        if name is not None:
            found.append(((int(name[1]), name[2]), path))
    return [path for _key, path in sorted(found, reverse=True)]


@dataclass(frozen=True)
class Undoable:
    """The import an undo takes back, and the backup that holds the database from before it."""

    import_id: int
    file: str
    when: dt.datetime
    backup: Path


def undoable(live: Path, con: db.Connection | None = None) -> Undoable | None:
    """What ``undo`` would take back now (None: no import on record, or no backup from before it).

    Only the backup taken before the newest import on record will do. One of a later import is
    left by a run killed before its rename (or by an undo killed before it removed the backup): the
    live file never received that import, so putting it back would change nothing.
    """
    last = _last_import(live, con)
    if last is None:
        return None
    backup = _backup_before(live, last[0])
    return None if backup is None else Undoable(*last, backup)


def _backup_before(live: Path, import_id: int) -> Path | None:
    """The backup taken just before import ``import_id`` (None: no longer kept)."""
    return next((b for b in list_backups(live) if backup_import(b) == import_id), None)


def _last_import(live: Path, con: db.Connection | None = None) -> tuple[int, str, dt.datetime] | None:
    """The newest import in ``live`` (read through ``con`` when given: a page reads one file per run)."""
    if con is not None:
        row = db.query(con, "import_last")
    else:
        own = db.connect(live)
        try:
            row = db.query(own, "import_last")
        finally:
            own.close()
    if row.empty:
        return None
    return int(row["id"].iloc[0]), str(row["nama_file"].iloc[0]), row["waktu"].iloc[0].to_pydatetime()


@dataclass(frozen=True)
class Swept:
    """Files a killed run left behind, removed: work copies, and backups of imports that never landed."""

    paths: tuple[Path, ...]
    bytes: int

    def __str__(self) -> str:
        names = ", ".join(p.name for p in self.paths)
        size = f"{self.bytes / 1024 / 1024:.0f} MB"
        return f"{len(self.paths)} berkas sisa proses yang terhenti dihapus ({size}): {names}"


def sweep(live: Path) -> Swept:
    """Remove what killed imports and undos left (unless an import runs now); say what went."""
    if not live.exists():
        return Swept((), 0)
    try:
        with _writer_lock(live):
            return _sweep(live)
    except KkbError:  # another writer holds the lock: its work file is not an orphan
        return Swept((), 0)


def _sweep(live: Path) -> Swept:
    """``sweep`` under the writer lock (held by the caller)."""
    orphans = [
        p
        for pattern in (".import-*", ".undo-*")
        for p in live.parent.glob(live.name + pattern)
        if p.is_file()
    ]
    try:
        last = _last_import(live) if live.exists() else None
    except DatabaseError:  # the live file is damaged: its backups are what is left, keep them all
        pass
    else:
        newest = last[0] if last else 0
        if live.exists():
            orphans += [b for b in list_backups(live) if backup_import(b) > newest]
    size = 0
    for path in orphans:
        size += path.stat().st_size
        path.unlink()
    return Swept(tuple(orphans), size)


@dataclass(frozen=True)
class Undone:
    """What ``undo`` took back."""

    import_id: int
    file: str
    backup: Path
    swept: Swept
    #: why the live file was not readable, when undo put the newest backup in place of it
    rescued: str | None = None

    def __str__(self) -> str:
        if self.rescued:
            return (
                f"Basis data {self.rescued}: dikembalikan dari {self.backup.name}, cadangan dari sebelum "
                f"impor #{self.import_id}; impor #{self.import_id} dan sesudahnya perlu diimpor ulang"
            )
        return (
            f"Impor #{self.import_id} ({self.file}) dibatalkan: basis data dikembalikan dari "
            f"{self.backup.name}"
        )


def undo(live: Path) -> Undone:
    """Put back the database as it was before the newest import on record; say which import that was.

    When the live file is missing or cannot be read, the newest backup that opens is put in its
    place instead, and the result says which imports are lost with it.
    """
    with _writer_lock(live):
        swept = _sweep(live)
        if not live.exists():
            return _rescue(live, "tidak ada", swept)
        try:
            last = _last_import(live)
        except DatabaseError:
            return _rescue(live, "rusak atau tidak dapat dibaca", swept)
        if last is None:
            raise KkbError("tidak ada impor yang dapat dibatalkan: basis data belum berisi impor")
        import_id, file, _when = last
        backup = _backup_before(live, import_id)
        if backup is None:
            raise KkbError(
                f"impor #{import_id} ({file}) tidak dapat dibatalkan: cadangan dari sebelum impor itu "
                f"tidak ada (hanya {KEEP_BACKUPS} cadangan terakhir disimpan); basis data tidak diubah"
            )
        _put_back(live, backup)
        return Undone(import_id, file, backup, swept)


def _put_back(live: Path, backup: Path) -> None:
    """Put ``backup`` live in one rename (checked to open and to be older), consuming it."""
    work = live.with_name(f"{live.name}.undo-{os.getpid()}")
    work.unlink(missing_ok=True)
    try:
        shutil.copyfile(backup, work)
        last = _last_import(work)  # a backup that does not open is not put live
        before = last[0] if last else None
        if before is not None and before >= backup_import(backup):
            raise KkbError(
                f"{backup.name} sudah berisi impor #{before}, jadi mengembalikannya tidak membatalkan "
                "apa pun; basis data tidak diubah"
            )
        os.replace(work, live)
    except BaseException as exc:
        work.unlink(missing_ok=True)
        _raise_storage(exc, live)
        raise
    backup.unlink()


def _raise_storage(exc: BaseException, live: Path) -> None:
    """Raise a ``KkbError`` that says what the storage did, when a write failed because of it."""
    problem = db.storage_problem(exc, live.parent)
    if problem is not None and not isinstance(exc, KkbError):
        raise KkbError(f"{problem}; basis data tidak diubah") from exc


def _rescue(live: Path, broken: str, swept: Swept) -> Undone:
    for backup in list_backups(live):
        try:
            _put_back(live, backup)
        except DatabaseError:
            continue  # a damaged backup: try the one before it
        return Undone(backup_import(backup), "", backup, swept, rescued=broken)
    raise KkbError(f"{live}: basis data {broken}, dan tidak ada cadangan yang dapat dibuka")
