"""``kkb.ingest.backups``: backups named and ordered by their imports, and an undo that does what it says."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from kkb import ingest
from kkb.errors import KkbError
from kkb.ingest import backups
from tests.helpers import digest, leftovers


def _log(path: Path, *ids: int) -> None:
    con = duckdb.connect(str(path))
    for n in ids:
        con.execute(
            "INSERT INTO import_log (id, waktu, pengguna, nama_file, sha256, baris_ditambah, baris_diubah, "
            "catatan) VALUES (?, now(), 'uji', ?, '', 0, 0, '')",
            [n, f"impor-{n}.csv"],
        )
    con.close()


def test_at_import_10000_undo_takes_back_10000_and_nothing_more(live: Path) -> None:
    folder = backups.backups_dir(live)
    folder.mkdir()
    _log(live, 9998)
    shutil.copyfile(live, folder / "sebelum-impor-9999-20261201T100000.duckdb")
    _log(live, 9999)
    shutil.copyfile(live, folder / "sebelum-impor-10000-20261201T090000.duckdb")  # an earlier clock
    before_10000 = digest(folder / "sebelum-impor-10000-20261201T090000.duckdb")
    _log(live, 10000)
    assert [backups.backup_import(b) for b in ingest.list_backups(live)] == [10000, 9999]
    undone = ingest.undo(live)
    assert (undone.import_id, undone.file) == (10000, "impor-10000.csv") and digest(live) == before_10000


def test_a_backup_that_already_holds_the_import_is_not_put_back_as_an_undo(live: Path) -> None:
    folder = backups.backups_dir(live)
    folder.mkdir()
    _log(live, 1)
    shutil.copyfile(live, folder / "sebelum-impor-0001-20261201T100000.duckdb")  # misnamed: holds #1
    before = digest(live)
    with pytest.raises(KkbError, match="tidak membatalkan apa pun"):
        ingest.undo(live)
    assert digest(live) == before and leftovers(live) == []


def test_a_backup_is_kept_per_import_and_only_the_newest_are_kept(live: Path) -> None:
    taken = [backups.take(live, n, keep=3) for n in (7, 8, 9, 10)]
    assert backups.list_backups(live) == taken[:0:-1]  # 10, 9, 8: the oldest went
    assert [backups.backup_import(b) for b in backups.list_backups(live)] == [10, 9, 8]
    assert all(digest(b) == digest(live) for b in taken[1:])


def test_a_file_that_is_no_backup_is_never_taken_for_one(live: Path) -> None:
    folder = backups.backups_dir(live)
    folder.mkdir()
    (folder / "catatan.duckdb").write_bytes(b"")
    (folder / "sebelum-impor-12-kemarin.duckdb").write_bytes(b"")
    assert backups.list_backups(live) == [] and backups.undoable(live) is None
    with pytest.raises(KkbError, match="bukan nama cadangan impor"):
        backups.backup_import(folder / "catatan.duckdb")
