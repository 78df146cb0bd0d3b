"""The DuckDB file: connections, the schema and its version, and named queries from ``kkb/sql``.

This is the only module that imports duckdb. Every statement lives in ``kkb/sql/<name>.sql`` with
bound parameters (``$name``); nothing is formatted into SQL text. Only the words that steer a
connection stay here (``BEGIN TRANSACTION``, ``COMMIT``, ``ROLLBACK``, ``CHECKPOINT``, ``USE``) and
the one ``INSERT … BY NAME`` per table, built from our own table names.
"""

from __future__ import annotations

import errno
import os
import re
import weakref
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from kkb.errors import DatabaseError

SCHEMA_VERSION = 8
#: what brings a file of an older version up to the next one: statements of ``kkb/sql``, run in one
#: transaction. A new file gets ``schema`` (version 1) and then every step, so both paths agree.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: ("schema_2",),
    3: ("schema_3",),
    4: ("schema_4",),
    5: ("schema_5", "rekap_wilayah_rebuild"),
    6: ("schema_6",),
    7: ("schema_7",),
    8: ("schema_8",),
}
ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SQL_DIR = Path(__file__).resolve().parent / "sql"
TABLES = (
    "meta",
    "wilayah",
    "kampung_kb",
    "snapshot",
    "klasifikasi",
    "target",
    "import_log",
    "angka_wilayah",
    "nama_wilayah",
    "siga_desa",
    "siga_bulanan",
    "siga_poktan",
)
#: tables whose rows are the content (``meta`` holds build times, which differ between builds)
CONTENT_TABLES = TABLES[1:]

Connection = duckdb.DuckDBPyConnection
# One fixed statement per table (names are our own constants, never user input).
_INSERT_BY_NAME = {t: "INSERT INTO " + t + " BY NAME SELECT * FROM _incoming" for t in TABLES}


#: DuckDB's working memory per connection (its default is 80 % of the machine). Beyond it, joins and
#: aggregates spill to a temporary directory, so a rebuild of the monthly summary during a web import
#: keeps the dashboard process small (1.6 GB peak at national scale without it). ``$KKB_DUCKDB_MEMORY``
#: sets another value ("1GB").
MEMORY_LIMIT = "512MB"


class FileReplaced(DatabaseError):
    """The file a connection was asked for by its identity has been replaced since (an import)."""


def file_identity(path: Path) -> str:
    """What tells one version of the database file from the next: path, inode, size, modification time.

    An import or an undo renames a new file into place, so each version has its own inode; a
    backup keeps the old one alive, so the number is not handed out again while it could be confused.
    """
    stat = path.stat()
    return f"{path}|{stat.st_ino}|{stat.st_size}|{stat.st_mtime_ns}"


def connect_version(identity: str) -> Connection:
    """A read-only connection to exactly the version ``identity`` names (``FileReplaced`` if it is gone).

    The file is opened and its identity taken again: when both agree, the connection reads that
    version for as long as it is open, whatever renames follow.
    """
    path = Path(identity.rsplit("|", 3)[0])
    con = connect(path)
    try:
        now = file_identity(path)
    except FileNotFoundError:
        now = ""
    if now != identity:
        con.close()
        raise FileReplaced(f"{path}: basis data diganti saat dibuka (impor atau pembatalan); muat ulang")
    return con


def storage_problem(exc: BaseException, folder: Path) -> str | None:
    """What a failed write says about the storage, in a sentence (None: not a storage problem).

    Covers the operating system's errors and DuckDB's own (which carry the same text).
    """
    code = exc.errno if isinstance(exc, OSError) else None
    text = str(exc).lower()
    if code == errno.ENOSPC or "no space left" in text:
        return (
            f"ruang disk di {folder} habis — kosongkan ruang (impor memerlukan sekitar dua kali "
            "ukuran basis data)"
        )
    if (
        code in (errno.EROFS, errno.EACCES, errno.EPERM)
        or "read-only file system" in text
        or "permission denied" in text
    ):
        return (
            f"folder {folder} tidak dapat ditulis (hanya-baca atau tanpa izin tulis) — impor "
            "memerlukan izin tulis di sana"
        )
    if isinstance(exc, OSError | duckdb.IOException):
        return f"tidak dapat menulis di {folder} ({exc})"
    return None


def _config() -> dict[str, str | bool | int | float | list[str]]:
    """The settings every connection opens with (no SQL: DuckDB takes them at connect)."""
    value = os.environ.get("KKB_DUCKDB_MEMORY", MEMORY_LIMIT).strip()
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", value, flags=re.IGNORECASE):
        raise DatabaseError(f"KKB_DUCKDB_MEMORY={value!r}: tulis ukuran seperti 512MB atau 1GB")
    return {"memory_limit": value}


def default_db_path() -> Path:
    """Return the database path: ``$KKB_DB`` when set, else ``data/kkb.duckdb``."""
    env = os.environ.get("KKB_DB")
    return Path(env) if env else DATA_DIR / "kkb.duckdb"


_INCLUDE = re.compile(r"^-- include: (_[a-z_]+)$", re.MULTILINE)


@cache
def sql(name: str) -> str:
    """Return the text of ``kkb/sql/<name>.sql`` with its parts included.

    Each ``-- include: _part`` line stands for the lines of ``kkb/sql/_part.sql`` (a part written
    once for several statements), its comment lines left out.
    """
    text = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")

    def part(match: re.Match[str]) -> str:
        lines = sql(match.group(1)).splitlines()
        return "\n".join(line for line in lines if not line.startswith("--"))

    return _INCLUDE.sub(part, text)


def damaged(path: Path, exc: BaseException) -> DatabaseError:
    """The error for a database file that cannot be read: what happened, and the two ways out."""
    return DatabaseError(
        f"{path}: berkas basis data rusak atau terpotong ({exc}). Bila ada cadangan impor, kembalikan "
        f"yang terbaru dengan `python -m kkb undo --db {path}`; bila tidak, buat ulang dengan "
        f"`python -m kkb build --db {path}` (data impor perlu diimpor ulang dari berkas aslinya)"
    )


def connect(path: Path | str, read_only: bool = True, upgrade: bool = True) -> Connection:
    """Open the database file and check its schema version; raise ``DatabaseError`` with what to do.

    A file of an older version is brought up to date in place, unless ``upgrade`` is False (a
    command that only reads must not write): then it is opened as it is, for the caller to look
    at ``schema_version``.
    """
    path = Path(path)
    if not path.exists():
        raise DatabaseError(
            f"{path}: berkas basis data belum ada — buat dengan `python -m kkb build --db {path}`"
        )
    try:
        con = _attach(path) if read_only else duckdb.connect(str(path), config=_config())
    except duckdb.Error as exc:
        raise damaged(path, exc) from exc
    try:
        version = _version(con)
    except duckdb.Error as exc:
        con.close()
        raise damaged(path, exc) from exc
    if version in _UPGRADABLE and not upgrade:
        return con
    if version in _UPGRADABLE:
        if read_only:
            con.close()
            _upgrade_file(path, version)
            con = _attach(path)
        else:
            _upgrade(con, version, path)
    elif version != str(SCHEMA_VERSION):
        con.close()
        raise DatabaseError(
            f"{path}: versi skema {version or 'tidak dikenal'}, sedangkan aplikasi ini memakai versi "
            f"{SCHEMA_VERSION} — buat ulang dengan `python -m kkb build --db {path}` "
            "(data impor dapat diimpor ulang dari berkas aslinya)"
        )
    return con


#: versions an older file may have and still be brought up to date in place
_UPGRADABLE = {str(v - 1) for v in MIGRATIONS}


def _version(con: Connection) -> str | None:
    """The file's schema version; None when it has no ``meta`` table (not one of ours)."""
    try:
        row = con.execute(sql("meta_version")).fetchone()
    except duckdb.CatalogException:
        return None
    return str(row[0]) if row else None


def schema_version(con: Connection) -> str | None:
    """The schema version of the file ``con`` reads (``str(SCHEMA_VERSION)`` once it is up to date)."""
    return _version(con)


def _upgrade(con: Connection, version: str, path: Path) -> None:
    """Run the migrations after ``version`` in one transaction: all of them land, or none."""
    con.execute("BEGIN TRANSACTION")
    try:
        for step in range(int(version) + 1, SCHEMA_VERSION + 1):
            for name in MIGRATIONS[step]:
                con.execute(sql(name))
        con.execute(sql("meta_set_version"), {"v": str(SCHEMA_VERSION)})
        con.execute("COMMIT")
    except BaseException as exc:
        con.execute("ROLLBACK")
        if isinstance(exc, duckdb.Error):
            raise DatabaseError(
                f"{path}: pembaruan versi skema {version} ke {SCHEMA_VERSION} gagal ({exc}); berkas tidak "
                f"diubah — buat ulang dengan `python -m kkb build --db {path}` bila terus gagal"
            ) from exc
        raise
    con.execute("CHECKPOINT")


def _upgrade_file(path: Path, version: str) -> None:
    """Upgrade a file that is about to be opened read-only (the derived tables are added once)."""
    try:
        con = duckdb.connect(str(path), config=_config())
    except duckdb.Error as exc:
        raise DatabaseError(
            f"{path}: versi skema {version} perlu diperbarui ke {SCHEMA_VERSION}, tetapi berkas itu tidak "
            f"dapat ditulis ({exc}) — tutup program lain yang membukanya, lalu coba lagi"
        ) from exc
    try:
        if _version(con) == version:  # another process may have upgraded it meanwhile
            _upgrade(con, version, path)
    finally:
        con.close()


#: points a cursor of a read-only connection at its attached file, catalog ``kkb_baca`` (see ``_attach``)
_USE_READER = "USE kkb_baca"


def _attach(path: Path) -> Connection:
    """A read-only connection of its own to the file as it is now.

    ``duckdb.connect(path)`` hands out the database instance already open in this process for that
    path, so after an import has replaced the file, new connections would keep reading the old one.
    Attaching the file to a fresh in-memory instance always opens the file the path names now.
    """
    con = duckdb.connect(":memory:", config=_config())
    con.execute(sql("attach_reader"), {"path": str(path.resolve())})
    con.execute(_USE_READER)
    _READERS.add(con)
    return con


#: connections made by ``_attach``: their cursors must be pointed at the attached file
_READERS: weakref.WeakSet[Connection] = weakref.WeakSet()


def is_read_only(con: Connection) -> bool:
    """Whether ``con`` was opened by ``connect(read_only=True)``, so what it reads never changes."""
    return con in _READERS


def create(path: Path | str) -> Connection:
    """Create a new, empty database file with the current schema (the file must not exist)."""
    con = duckdb.connect(str(path), config=_config())
    con.execute(sql("schema"))
    con.execute(sql("meta_first_version"))
    _upgrade(con, "1", Path(path))
    return con


def set_meta(con: Connection, values: Mapping[str, str]) -> None:
    """Store key/value pairs in ``meta``, replacing earlier values."""
    for key, value in values.items():
        con.execute(sql("meta_put"), {"k": key, "v": value})


def meta(con: Connection) -> dict[str, str]:
    """Return the ``meta`` table as a dict."""
    return {str(k): str(v) for k, v in con.execute(sql("meta_all")).fetchall()}


def insert_frame(con: Connection, table: str, frame: pd.DataFrame) -> None:
    """Append ``frame`` to ``table``, matching columns by name (absent columns stay empty)."""
    statement = _INSERT_BY_NAME[table]
    con.register("_incoming", frame)
    try:
        con.execute(statement)
    finally:
        con.unregister("_incoming")


def query(con: Connection, name: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Run the named statement of ``kkb/sql`` with bound parameters and return a DataFrame."""
    cursor = con.cursor()  # the caller's own: the shared connection is never used from two threads
    try:
        if con in _READERS:
            cursor.execute(_USE_READER)  # a cursor starts in the in-memory catalog
        return cursor.execute(sql(name), dict(params or {})).df()
    except (duckdb.IOException, duckdb.InternalException, duckdb.SerializationException) as exc:
        raise DatabaseError(
            f"basis data tidak dapat dibaca ({exc}) — bila berkasnya rusak, kembalikan cadangan "
            "terbaru dengan `python -m kkb undo`"
        ) from exc
    finally:
        cursor.close()


def query_frames(
    name: str, frames: Mapping[str, pd.DataFrame], params: Mapping[str, Any] | None = None
) -> pd.DataFrame:
    """Run the named statement of ``kkb/sql`` over DataFrames (by the names it reads), not a file.

    A private in-memory connection each time: nothing is shared between threads, nothing written.
    """
    con = duckdb.connect()
    try:
        for table, frame in frames.items():
            con.register(table, frame)
        return con.execute(sql(name), dict(params or {})).df()
    finally:
        con.close()


def fingerprint(con: Connection) -> dict[str, tuple[int, int]]:
    """Return (row count, order-independent hash of all rows) per content table."""
    rows = con.execute(sql("fingerprint")).fetchall()
    return {str(table): (int(count), int(digest)) for table, count, digest in rows}


def table_columns(con: Connection, table: str) -> list[str]:
    """Return the column names of ``table`` in schema order."""
    rows = con.execute(sql("table_columns"), {"t": table}).fetchall()
    return [str(r[0]) for r in rows]
