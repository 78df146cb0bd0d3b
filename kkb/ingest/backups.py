"""The backups an import keeps, and undo: the database as it was before the newest import.

Each write (``kkb.ingest.writing.replace``) keeps the live file as it was under
``<name>.backups/sebelum-impor-<id>-<time>.duckdb`` before it swaps the new one in; ``undo`` puts
the backup from before the newest import on record back in one rename. ``sweep`` removes what a
killed import or undo left behind. One writer at a time holds ``writer_lock``; readers never wait.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kkb import db
from kkb.errors import DatabaseError, KkbError
from kkb.ingest import publish

KEEP_BACKUPS = 5


def backups_dir(live: Path) -> Path:
    """Where the backups of ``live`` are kept (``<name>.backups`` beside it)."""
    return live.with_name(live.name + ".backups")


@contextmanager
def writer_lock(live: Path) -> Iterator[None]:
    """One writer at a time (imports and undos); readers are never blocked."""
    lock = live.with_name(live.name + ".lock")
    try:
        handle = lock.open("a")
    except OSError as exc:
        raise_storage(exc, live)
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


def take(live: Path, import_id: int, keep: int) -> Path:
    """Keep the live file as it is now under ``<name>.backups/``; drop all but the newest ``keep``."""
    folder = backups_dir(live)
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    backup = folder / f"sebelum-impor-{import_id:04d}-{stamp}.duckdb"
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
    backup = backup_before(live, last[0])
    return None if backup is None else Undoable(*last, backup)


def backup_before(live: Path, import_id: int) -> Path | None:
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
        with writer_lock(live):
            return sweep_locked(live)
    except KkbError:  # another writer holds the lock: its work file is not an orphan
        return Swept((), 0)


def sweep_locked(live: Path) -> Swept:
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
    with writer_lock(live):
        undone = _undo_locked(live)
        publish.after_write(live)  # behind nginx: every replica's copy (kkb.ingest.publish)
        return undone


def _undo_locked(live: Path) -> Undone:
    swept = sweep_locked(live)
    if not live.exists():
        return _rescue(live, "tidak ada", swept)
    try:
        last = _last_import(live)
    except DatabaseError:
        return _rescue(live, "rusak atau tidak dapat dibaca", swept)
    if last is None:
        raise KkbError("tidak ada impor yang dapat dibatalkan: basis data belum berisi impor")
    import_id, file, _when = last
    backup = backup_before(live, import_id)
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
        raise_storage(exc, live)
        raise
    backup.unlink()


def raise_storage(exc: BaseException, live: Path) -> None:
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
