"""``kkb.db``: opening a file says what is wrong with it; a version is read exactly; storage speaks."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from kkb import db
from kkb.errors import DatabaseError


def test_a_missing_file_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="belum ada — buat dengan `python -m kkb build"):
        db.connect(tmp_path / "tidak_ada.duckdb")


def test_a_truncated_file_is_named_damaged_with_both_ways_out(small_db: Path, tmp_path: Path) -> None:
    broken = tmp_path / "rusak.duckdb"
    shutil.copyfile(small_db, broken)
    with broken.open("r+b") as handle:
        handle.truncate(300_000)
    with pytest.raises(DatabaseError, match="rusak atau terpotong") as caught:
        db.connect(broken)
    assert "kkb undo" in str(caught.value) and "kkb build" in str(caught.value)


def test_a_version_is_read_exactly_or_refused_once_the_file_is_replaced(
    small_db: Path, tmp_path: Path
) -> None:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    identity = db.file_identity(live)
    db.connect_version(identity).close()
    work = tmp_path / "kkb.duckdb.baru"
    shutil.copyfile(small_db, work)
    os.replace(work, live)  # what an import does
    assert db.file_identity(live) != identity
    with pytest.raises(db.FileReplaced):
        db.connect_version(identity)


def test_storage_failures_are_said_in_words(tmp_path: Path) -> None:
    full = db.storage_problem(OSError(errno.ENOSPC, "No space left on device"), tmp_path)
    read_only = db.storage_problem(OSError(errno.EROFS, "Read-only file system"), tmp_path)
    assert full is not None and "habis" in full and read_only is not None and "hanya-baca" in read_only
    assert db.storage_problem(ValueError("lain"), tmp_path) is None
