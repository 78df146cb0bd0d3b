"""Writing an import in one step: copy → write → atomic rename, with a backup (``kkb.ingest.backups``).

Every file shape hands ``replace`` a function that writes into a copy of the database inside one
transaction. The copy is then swapped in with one atomic rename, keeping the old file as a backup.
Readers never see a half-written database and never wait for a lock: connections opened before the
rename keep reading the old file, new ones read the new file. ``backups.undo`` puts the newest
backup back the same way. A process killed at any moment leaves the live file as it was or as the
finished import.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kkb import db, store
from kkb.ingest import backups, publish
from kkb.ingest.report import Progress, Result


def clear_synthetic(live: Path, region: str, user: str, progress: Progress | None = None) -> Result:
    """Remove the synthetic demo rows within ``region`` (province, kab/kota, or ``ID``) in one step."""
    return replace(
        live, lambda con, n, say: _clear(con, n, region, say), user, progress, backups.KEEP_BACKUPS
    )


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
    with backups.writer_lock(live):
        backups.sweep_locked(live)
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
            backup = backups.take(live, result.import_id, keep)
            os.replace(work, live)
        except BaseException as exc:
            work.unlink(missing_ok=True)
            backups.raise_storage(exc, live)
            raise
        if publish.copies():
            say(0.95, "menyalin ke server-server lain")
        publish.after_write(live)  # behind nginx: every replica's copy (kkb.ingest.publish)
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
