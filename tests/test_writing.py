"""``kkb.ingest.writing``: what a killed process, a swap under a page, a full disk or a lost file
leave behind — and what is said.

- kill -9 at every step of an import and of an undo, then ``undo`` does what it says it does and no
  work file is left after the next start;
- a page run reads one version of the file while imports and undos swap it, in many sessions;
- a full disk, a folder that cannot be written, a damaged or a lost database, an empty password:
  each a sentence with what to do, never a traceback, and nothing rebuilt behind anyone's back.
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from kkb import __main__ as cli
from kkb import ingest
from kkb.errors import KkbError
from kkb.ingest import backups, writing
from kkb.view import View
from tests.helpers import digest, kelola_as_admin, leftovers, new_app

ROOT = Path(__file__).resolve().parent.parent
GOOD = (
    "kode_desa,nama_kampung,tanggal_pencanangan,cakupan_wilayah,periode,pokja,pus,kb_suntik\n"
    "36.04.05.2001,Kampung KB Uji Satu,2023-01-15,Desa,2023-10,1,120,40\n"
    "36.04.05.2002,Kampung KB Uji Dua,2023-03-15,RW,2023-11,0,80,\n"
)
OTHER = GOOD.replace("Uji Satu", "Uji Tiga").replace("Uji Dua", "Uji Empat")


def _file(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- kill -9 at every step ------------------------------------------------------------------------

#: runs the command line with the step it is to die at: the process kills itself there with SIGKILL
KILLER = """
import os, shutil, signal, sys
from kkb import __main__ as cli
from kkb.ingest import backups

step = sys.argv[1]
real_copy, real_replace, real_backup = shutil.copyfile, os.replace, backups.take

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def copy_then_die(*args, **kwargs):
    real_copy(*args, **kwargs)
    die()

def die_before_replace(*args, **kwargs):
    die()

def replace_then_die(*args, **kwargs):
    real_replace(*args, **kwargs)
    die()

def die_before_backup(*args, **kwargs):
    die()

if step == "copied":
    shutil.copyfile = copy_then_die
elif step == "written":
    backups.take = die_before_backup
elif step == "linked":
    os.replace = die_before_replace
elif step == "renamed":
    os.replace = replace_then_die
sys.exit(cli.main(sys.argv[2:]))
"""


def _killed(step: str, *args: str) -> None:
    run = subprocess.run(
        [sys.executable, "-c", KILLER, step, *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == -9, (run.returncode, run.stderr[-2000:])


@pytest.mark.slow
@pytest.mark.parametrize("step", ["copied", "written", "linked", "renamed"])
def test_an_import_killed_at_any_step_leaves_an_undo_that_does_what_it_says(
    live: Path, tmp_path: Path, step: str
) -> None:
    original = digest(live)
    first = ingest.import_any(_file(tmp_path, GOOD, "pertama.csv"), live, "uji")[1]
    after_first = digest(live)
    _killed(step, "import", str(_file(tmp_path, OTHER, "kedua.csv")), "--db", str(live))
    landed = step == "renamed"  # only after the rename is the second import live
    assert digest(live) != after_first if landed else digest(live) == after_first

    undone = ingest.undo(live)  # the next writer cleans up first
    assert leftovers(live) == []
    if landed:
        assert (undone.import_id, undone.file) == (first.import_id + 1, "kedua.csv")
        assert digest(live) == after_first
    else:  # the second import never landed: undo takes back the first, and says so
        assert (undone.import_id, undone.file) == (first.import_id, "pertama.csv")
        assert digest(live) == original
    assert all(backups.backup_import(b) <= undone.import_id - 1 for b in ingest.list_backups(live))


@pytest.mark.slow
@pytest.mark.parametrize("step", ["copied", "linked", "renamed"])
def test_an_undo_killed_at_any_step_is_done_or_not_and_the_next_one_agrees(
    live: Path, tmp_path: Path, step: str
) -> None:
    original = digest(live)
    ingest.import_any(_file(tmp_path, GOOD, "pertama.csv"), live, "uji")
    after_first = digest(live)
    ingest.import_any(_file(tmp_path, OTHER, "kedua.csv"), live, "uji")
    _killed(step, "undo", "--db", str(live))
    if step == "renamed":  # the undo of the second import landed; its backup was left behind
        assert digest(live) == after_first
        assert ingest.undoable(live).file == "pertama.csv"  # type: ignore[union-attr]
    else:
        assert ingest.undoable(live).file == "kedua.csv"  # type: ignore[union-attr]
    ingest.undo(live)
    if step != "renamed":
        assert digest(live) == after_first
        ingest.undo(live)
    assert digest(live) == original and leftovers(live) == []
    with pytest.raises(KkbError, match="belum berisi impor"):
        ingest.undo(live)
    assert digest(live) == original


def test_the_next_start_removes_what_killed_runs_left_and_says_so(live: Path, tmp_path: Path) -> None:
    _killed("written", "import", str(_file(tmp_path, GOOD, "baik.csv")), "--db", str(live))
    left = leftovers(live)
    assert left and all(p.startswith("kkb.duckdb.import-") for p in left)
    swept = ingest.sweep(live)
    assert sorted(p.name for p in swept.paths) == left and swept.bytes > 1_000_000
    assert "berkas sisa proses yang terhenti dihapus" in str(swept) and leftovers(live) == []


# --- one version per page run -------------------------------------------------------------------


@pytest.fixture()
def ui(live: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The page helpers, on ``live``, with empty caches (as a fresh server has)."""
    import streamlit as st

    from pages import _cache

    monkeypatch.setenv("KKB_DB", str(live))
    st.cache_data.clear()
    st.cache_resource.clear()
    _cache._RUN.__dict__.clear()
    yield _cache
    _cache._RUN.__dict__.clear()


def _sources(ui, periode: str) -> int:  # type: ignore[no-untyped-def]
    """How many imports Kab. Serang's figures come from, as the page's report says."""
    return len(ui.report_of(View("id", "36.04", periode, "portal-2021")).sources)


def _seen(ui) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """What one page run shows of Kab. Serang: the national count, its Kampung KB, its imports."""
    periode = ui.periods()[-1]
    total = ui.summary().kampung_kb
    return total, len(ui.kampung("36.04", periode, "portal-2021")), _sources(ui, periode)


def test_a_page_run_reads_the_version_it_started_on_even_if_an_import_lands_midway(
    ui, live: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ui.pin_database()
    periode = ui.periods()[-1]
    total = ui.summary().kampung_kb
    ingest.import_any(_file(tmp_path, GOOD, "baik.csv"), live, "uji")  # lands in the middle of the run
    kampung = ui.kampung("36.04", periode, "portal-2021")  # first asked after the swap
    assert _sources(ui, periode) == 0 and "Kampung KB Uji Satu" not in set(kampung["nama"])
    assert len(kampung) > 2 and ui.summary().kampung_kb == total
    ui.pin_database()  # the next run reads the new file
    assert "Kampung KB Uji Satu" in set(ui.kampung("36.04", periode, "portal-2021")["nama"])
    assert _sources(ui, periode) == 1


@pytest.mark.slow
def test_many_sessions_never_mix_two_versions_while_imports_and_undos_swap_the_file(
    ui, live: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ui.pin_database()
    old = _seen(ui)
    source = _file(tmp_path, GOOD, "baik.csv")
    ingest.import_any(source, live, "uji")
    ui.pin_database()
    new = _seen(ui)
    assert old != new
    seen: list[tuple[int, int, int]] = []
    failures: list[BaseException] = []
    stop = threading.Event()

    def session() -> None:
        while not stop.is_set():
            try:
                ui.pin_database()
                seen.append(_seen(ui))
            except BaseException as exc:  # any failure is the test's failure
                failures.append(exc)

    threads = [threading.Thread(target=session) for _ in range(12)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(3):
            ingest.undo(live)
            ingest.import_any(source, live, "uji")
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert failures == []
    assert set(seen) <= {old, new} and old in seen and new in seen, set(seen)


# --- failures that speak ------------------------------------------------------------------------------


def test_a_full_disk_is_said_and_changes_nothing(
    live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(live)

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writing.shutil, "copyfile", full)
    with pytest.raises(KkbError, match=r"ruang disk di .* habis.*basis data tidak diubah"):
        ingest.import_any(_file(tmp_path, GOOD, "baik.csv"), live, "uji")
    assert digest(live) == before and leftovers(live) == [] and ingest.list_backups(live) == []


def test_a_folder_that_cannot_be_written_is_said(
    live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = Path.open

    def read_only(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if self.name.endswith(".lock"):
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", read_only)
    with pytest.raises(KkbError, match="tidak dapat ditulis \\(hanya-baca"):
        ingest.import_any(_file(tmp_path, GOOD, "baik.csv"), live, "uji")


def test_a_truncated_database_is_named_as_damaged_on_the_page_not_a_traceback(
    live: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    with live.open("r+b") as handle:
        handle.truncate(300_000)
    monkeypatch.setenv("KKB_DB", str(live))
    at = new_app().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "rusak atau terpotong" in at.error[0].value and "kkb undo" in at.error[0].value


@pytest.mark.slow
def test_a_lost_database_with_backups_is_not_rebuilt_as_synthetic_data_and_undo_restores_it(
    live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:

    ingest.import_any(_file(tmp_path, GOOD, "pertama.csv"), live, "uji")
    after_first = digest(live)
    ingest.import_any(_file(tmp_path, OTHER, "kedua.csv"), live, "uji")
    live.unlink()
    monkeypatch.setenv("KKB_DB", str(live))
    at = new_app().run()
    assert not at.exception, [e.value for e in at.exception]
    said_on_page = at.error[0].value.replace("\\", "")  # shown as plain text: markdown signs escaped
    assert "tidak diganti diam-diam dengan data sintetis" in said_on_page and not live.exists()

    assert cli.main(["undo", "--db", str(live)]) == 0
    said = capsys.readouterr().out
    assert "tidak ada" in said and "impor #2 dan sesudahnya perlu diimpor ulang" in said
    assert digest(live) == after_first


def test_an_empty_password_is_refused_with_a_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    assert cli.main(["hash-password", "--stdin"]) == 2
    assert "kata sandi kosong" in capsys.readouterr().err


def test_info_describes_an_older_file_without_writing_to_it(
    live: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    con = duckdb.connect(str(live))
    con.execute("DROP TABLE rekap_wilayah")
    con.execute("ALTER TABLE import_log DROP COLUMN bentuk")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    before, stamp = digest(live), os.stat(live).st_mtime_ns
    assert cli.main(["info", "--db", str(live)]) == 0
    assert "Versi skema       : 1" in capsys.readouterr().out
    assert digest(live) == before and os.stat(live).st_mtime_ns == stamp


def test_kelola_names_the_import_an_undo_takes_back_and_what_the_start_cleaned(
    live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    ingest.import_any(_file(tmp_path, GOOD, "baik.csv"), live, "uji")
    orphan = live.with_name(live.name + ".import-999999")
    orphan.write_bytes(b"\0" * 2_000_000)  # what a killed import leaves
    at = kelola_as_admin(monkeypatch, live)
    assert not at.exception, [e.value for e in at.exception]
    assert not orphan.exists()
    assert any("kkb.duckdb.import-999999" in i.value.replace("\\", "") for i in at.info)
    confirm = at.checkbox(key="undo_yakin")
    assert "Ya, batalkan impor #1 (baik.csv," in confirm.label.replace("\\", "")
    confirm.check().run()
    next(b for b in at.button if b.label == "Batalkan impor").click().run()
    assert not at.exception
    assert any(s.value.replace("\\", "") == "Impor #1 (baik.csv) dibatalkan." for s in at.success)
    assert ingest.undoable(live) is None
