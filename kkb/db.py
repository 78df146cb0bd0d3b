"""The DuckDB file: connections, the schema and its version, and named queries from ``kkb/sql``.

This is the only module that imports duckdb. Every statement lives in ``kkb/sql/<name>.sql`` with
bound parameters (``$name``); nothing is formatted into SQL text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from kkb.errors import DatabaseError

SCHEMA_VERSION = 1
ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SQL_DIR = Path(__file__).resolve().parent / "sql"
TABLES = ("meta", "wilayah", "kampung_kb", "snapshot", "klasifikasi", "target", "import_log")
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


@cache
def sql(name: str) -> str:
    """Return the text of ``kkb/sql/<name>.sql``."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def connect(path: Path | str, read_only: bool = True) -> Connection:
    """Open the database file and check its schema version; raise ``DatabaseError`` with what to do."""
    path = Path(path)
    if not path.exists():
        raise DatabaseError(
            f"{path}: berkas basis data belum ada — buat dengan `python -m kkb build --db {path}`"
        )
    try:
        con = _attach(path) if read_only else duckdb.connect(str(path), config=_config())
    except duckdb.Error as exc:
        raise DatabaseError(
            f"{path}: tidak dapat dibuka sebagai basis data DuckDB ({exc}) — "
            f"hapus berkas itu dan buat ulang dengan `python -m kkb build --db {path}`"
        ) from exc
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.Error:
        row = None
    version = row[0] if row else None
    if version != str(SCHEMA_VERSION):
        con.close()
        raise DatabaseError(
            f"{path}: versi skema {version or 'tidak dikenal'}, sedangkan aplikasi ini memakai versi "
            f"{SCHEMA_VERSION} — buat ulang dengan `python -m kkb build --db {path}` "
            "(data impor dapat diimpor ulang dari berkas aslinya)"
        )
    return con


#: the catalog name of a read-only database (see ``_attach``); the statements spell it out
READER = "kkb_baca"
_USE_READER = "USE kkb_baca"


def _attach(path: Path) -> Connection:
    """A read-only connection of its own to the file as it is now.

    ``duckdb.connect(path)`` hands out the database instance already open in this process for that
    path, so after an import has replaced the file, new connections would keep reading the old one.
    Attaching the file to a fresh in-memory instance always opens the file the path names now.
    """
    con = duckdb.connect(":memory:", config=_config())
    con.execute("ATTACH $path AS kkb_baca (READ_ONLY)", {"path": str(path.resolve())})
    con.execute(_USE_READER)
    return con


def create(path: Path | str) -> Connection:
    """Create a new, empty database file with the current schema (the file must not exist)."""
    con = duckdb.connect(str(path), config=_config())
    con.execute(sql("schema"))
    con.execute("INSERT INTO meta VALUES ('schema_version', $v)", {"v": str(SCHEMA_VERSION)})
    return con


def set_meta(con: Connection, values: Mapping[str, str]) -> None:
    """Store key/value pairs in ``meta``, replacing earlier values."""
    for key, value in values.items():
        con.execute("INSERT OR REPLACE INTO meta VALUES ($k, $v)", {"k": key, "v": value})


def meta(con: Connection) -> dict[str, str]:
    """Return the ``meta`` table as a dict."""
    return {str(k): str(v) for k, v in con.execute("SELECT key, value FROM meta").fetchall()}


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
    cursor = con.cursor()
    try:
        if _is_reader(cursor):
            cursor.execute(_USE_READER)  # a cursor starts in the in-memory catalog
        return cursor.execute(sql(name), dict(params or {})).df()
    finally:
        cursor.close()


def _is_reader(cursor: Connection) -> bool:
    """Whether the cursor's instance holds a read-only attached database.

    Asked of the cursor, which is the caller's own: the shared connection is never used from two threads.
    """
    row = cursor.execute(
        "SELECT count(*) FROM duckdb_databases() WHERE database_name = $n", {"n": READER}
    ).fetchone()
    return bool(row and row[0])


def fingerprint(con: Connection) -> dict[str, tuple[int, int]]:
    """Return (row count, order-independent hash of all rows) per content table."""
    rows = con.execute(sql("fingerprint")).fetchall()
    return {str(table): (int(count), int(digest)) for table, count, digest in rows}


def table_columns(con: Connection, table: str) -> list[str]:
    """Return the column names of ``table`` in schema order."""
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = $t ORDER BY ordinal_position",
        {"t": table},
    ).fetchall()
    return [str(r[0]) for r in rows]
