"""Many servers, one database: what an import writes to the primary file reaches every replica's copy.

Behind nginx (``deploy/``) each replica of the dashboard reads a copy of its own (``$KKB_DB``),
which nothing else writes. Imports and undos, from any replica's Kelola page or from the CLI, write
the one primary file (``$KKB_PRIMARY_DB``): one writer lock, one set of backups, one import log.
Once the primary file is swapped (``writing.replace``, ``backups.undo``), still under the writer
lock, it is copied beside each copy listed in ``$KKB_REPLICA_DBS`` and swapped in with one atomic
rename, the way an import swaps the file on a single server: a replica's next run sees the new
file (``db.file_identity``), a run under way finishes on the old one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from kkb import db
from kkb.errors import KkbError

ENV_PRIMARY = "KKB_PRIMARY_DB"
ENV_COPIES = "KKB_REPLICA_DBS"


def primary() -> Path:
    """The file imports and undos write: ``$KKB_PRIMARY_DB``, else the one the server reads."""
    value = os.environ.get(ENV_PRIMARY, "").strip()
    return Path(value) if value else db.default_db_path()


def copies() -> list[Path]:
    """The replicas' copies an import publishes to (``$KKB_REPLICA_DBS``, separated by ``:``)."""
    value = os.environ.get(ENV_COPIES, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def after_write(live: Path) -> list[Path]:
    """Publish ``live`` when it is the primary of a deployment with replicas; the copies written."""
    if not os.environ.get(ENV_PRIMARY, "").strip() or not _same(live, primary()):
        return []
    return publish(live, copies())


def publish(live: Path, targets: list[Path]) -> list[Path]:
    """Copy ``live`` to each target, each swapped in with one atomic rename; the targets written.

    The caller holds the primary's writer lock, so publications follow each other in the order of
    the writes. A failure names the copies that did not get the new file and how to finish.
    """
    done: list[Path] = []
    for target in targets:
        if _same(target, live):
            continue
        work = target.with_name(f"{target.name}.publish-{os.getpid()}")
        for stale in target.parent.glob(target.name + ".publish-*"):
            stale.unlink(missing_ok=True)  # what a killed publication left (one publisher at a time)
        try:
            shutil.copyfile(live, work)
            os.replace(work, target)
        except OSError as exc:
            work.unlink(missing_ok=True)
            left = [str(t) for t in targets if t not in done and not _same(t, live)]
            problem = db.storage_problem(exc, target.parent) or str(exc)
            raise KkbError(
                f"{live} sudah berisi perubahan ini, tetapi salinan server {', '.join(left)} belum "
                f"({problem}); setelah masalah itu beres, jalankan `python -m kkb publish --db {live}`"
            ) from exc
        done.append(target)
    return done
