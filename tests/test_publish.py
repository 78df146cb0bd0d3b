"""``kkb.ingest.publish``: behind nginx, what an import or an undo writes reaches every replica's copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from kkb import db, ingest
from kkb.errors import KkbError
from kkb.ingest import publish
from tests.helpers import digest, run_cli

SERANG = "36.04"


def _imports(path: Path) -> list[str]:
    con = db.connect(path)
    try:
        return [str(n) for n in db.query(con, "import_log_all")["nama_file"]]
    finally:
        con.close()


@pytest.fixture()
def copies(live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Two replicas' copies of ``live``, which is the deployment's primary."""
    folder = tmp_path / "replicas"
    folder.mkdir()
    made = [folder / f"replica-{i}.duckdb" for i in (1, 2)]
    publish.publish(live, made)
    monkeypatch.setenv(publish.ENV_PRIMARY, str(live))
    monkeypatch.setenv(publish.ENV_COPIES, ":".join(map(str, made)))
    return made


def test_an_import_on_the_primary_reaches_every_copy_and_a_reader_already_open_finishes_on_the_old(
    live: Path, copies: list[Path]
) -> None:
    reading = db.connect(copies[0])  # a replica's run under way when the import lands
    ingest.clear_synthetic(live, SERANG, "uji")
    assert _imports(live) == ["(hapus data sintetis 36.04)"]
    assert all(digest(c) == digest(live) for c in copies)
    assert db.query(reading, "import_log_all").empty  # its run reads the file as it was
    reading.close()
    assert _imports(copies[1]) == ["(hapus data sintetis 36.04)"]  # the next run reads the new one
    assert sorted(p.name for p in copies[0].parent.iterdir()) == ["replica-1.duckdb", "replica-2.duckdb"]


def test_an_undo_on_the_primary_is_published_too(live: Path, copies: list[Path]) -> None:
    before = digest(live)
    ingest.clear_synthetic(live, SERANG, "uji")
    ingest.undo(live)
    assert digest(live) == before
    assert all(digest(c) == before for c in copies)


@pytest.mark.parametrize("primary", ["elsewhere", "unset"])
def test_a_write_to_a_file_that_is_not_the_set_primary_is_published_nowhere(
    live: Path, copies: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, primary: str
) -> None:
    if primary == "unset":
        monkeypatch.delenv(publish.ENV_PRIMARY)
    else:
        monkeypatch.setenv(publish.ENV_PRIMARY, str(tmp_path / "elsewhere.duckdb"))
    held = [digest(c) for c in copies]
    ingest.clear_synthetic(live, SERANG, "uji")
    assert [digest(c) for c in copies] == held


def test_a_copy_that_cannot_be_written_is_named_with_how_to_finish(
    live: Path, copies: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    copies[1].unlink()
    copies[1].mkdir()  # a folder where the copy should be: the rename onto it fails
    with pytest.raises(KkbError) as raised:
        ingest.clear_synthetic(live, SERANG, "uji")
    said = str(raised.value)
    assert str(copies[1]) in said and str(copies[0]) not in said
    assert f"python -m kkb publish --db {live}" in said
    assert _imports(live) == _imports(copies[0]) == ["(hapus data sintetis 36.04)"]  # done where it could
    assert sorted(p.name for p in copies[0].parent.iterdir()) == ["replica-1.duckdb", "replica-2.duckdb"]


def test_the_cli_publishes_the_primary_to_the_copies_it_is_given(live: Path, tmp_path: Path) -> None:
    ingest.clear_synthetic(live, SERANG, "uji")
    targets = [tmp_path / "a.duckdb", tmp_path / "b.duckdb"]
    done = run_cli("publish", "--db", str(live), "--to", *map(str, targets))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"Disalin ke {t}" for t in targets]
    assert all(digest(t) == digest(live) for t in targets)


def test_the_cli_without_copies_to_fill_says_how_to_name_them(live: Path) -> None:
    done = run_cli("publish", "--db", str(live))
    assert done.returncode == 2
    assert "--to" in done.stderr and publish.ENV_COPIES in done.stderr
