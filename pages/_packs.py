"""Briefing packs made on worker threads, so that no rerun of the page can stop or repeat one.

Two kinds of work share one mechanism: a single pack (``job``) and a pack per region below
(``bulk_job``). Each request is kept by what it asks for, started once, watched by any number of
sessions, and drawn in its turn (the packs share the one Chromium).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kkb import db, paparan, paparan_bulk, slides
from kkb.errors import KkbError
from kkb.i18n import t
from kkb.view import View

Wanted = tuple[str, View, str]  # database file, view, and the peer (a pack) or the level (bulk)


@dataclass
class Job:
    """Work on a worker thread: its progress, then its result (in the subclass) or its error.

    The work runs outside the script, so pressing the button again, or a rerun of the page, neither
    stops it nor starts a second one: the page only watches it.
    """

    fraction: float = 0.0
    message: str = ""
    error: str | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def progress(self, fraction: float, message: str) -> None:
        """Say how far the work is (the page's progress bar reads it)."""
        self.fraction, self.message = min(max(fraction, 0.0), 1.0), message


@dataclass
class PackJob(Job):
    """A briefing pack being made: then its slides and its two files."""

    pack: paparan.Pack | None = None
    pptx: bytes = b""
    pdf: bytes = b""


@dataclass
class BulkJob(Job):
    """Packs for every region under one, made into a folder of their own."""

    bundle: paparan_bulk.Bundle | None = None
    folder: Path | None = None

    def forget(self) -> None:
        """Remove the job's files (it is no longer kept)."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


J = TypeVar("J", bound=Job)
_LOCK = threading.Lock()
#: one pack is drawn at a time (they share the one Chromium); others wait their turn
_PACK_TURN = threading.Lock()
#: requests made or being made; the same request from several sessions shares one (a workshop of
#: forty pressing the same button makes one pack)
_PACK_JOBS: dict[Wanted, PackJob] = {}
_BULK_JOBS: dict[Wanted, BulkJob] = {}
_PACKS_KEPT, _BULK_KEPT = 8, 2


def _find(
    jobs: dict[Wanted, J],
    wanted: Wanted,
    start: bool,
    new: Callable[[], J],
    kept: int,
    work: Callable[[J], None],
) -> J | None:
    """The job of ``wanted``; with ``start``, begin it unless it runs or is done (a failed one afresh)."""
    with _LOCK:
        job = jobs.get(wanted)
        if start and (job is None or job.error is not None):
            job = new()
            jobs[wanted] = job
            threading.Thread(target=_run, args=(job, wanted, work), daemon=True, name="paparan").start()
            finished = [k for k, j in jobs.items() if j.done.is_set()]
            for key in finished[: max(len(finished) - kept, 0)]:
                old = jobs.pop(key)
                if isinstance(old, BulkJob):
                    old.forget()
        return job


def _run(job: J, wanted: Wanted, work: Callable[[J], None]) -> None:
    lang = wanted[1].lang
    try:
        with _PACK_TURN:
            work(job)
    except (KkbError, RuntimeError) as exc:
        job.error = str(exc)
    except Exception as exc:  # the page shows it; the thread must not die silently
        job.error = t("pack_failed", lang, error=f"{type(exc).__name__}: {exc}")
    finally:
        job.done.set()


def job(wanted: Wanted, start: bool = False) -> PackJob | None:
    """The pack job of (database file, view, peer); with ``start``, begin it unless it runs or is done."""
    key, v, peer = wanted

    def make(job: PackJob) -> None:
        con = db.connect_version(key)  # the version the page showed, or FileReplaced
        try:
            pack = paparan.build(slides.Database(con), v, peer, job.progress)
            job.progress(1.0, t("pack_writing", v.lang))
            job.pptx, job.pdf = paparan.pptx_bytes(pack), paparan.pdf_bytes(pack)
            job.pack = pack
        finally:
            con.close()

    return _find(
        _PACK_JOBS, wanted, start, lambda: PackJob(message=t("pack_waiting", v.lang)), _PACKS_KEPT, make
    )


def bulk_job(wanted: Wanted, start: bool = False) -> BulkJob | None:
    """The job making a pack per region below (file, view, kabkota or provinsi); ``start`` as in ``job``."""
    key, v, each = wanted

    def make(job: BulkJob) -> None:
        con = db.connect_version(key)
        try:
            data = slides.Database(con)
            job.folder = Path(tempfile.mkdtemp(prefix="kkb-paparan-"))
            job.bundle = paparan_bulk.make(data, data.regions, v, each, job.folder, progress=job.progress)
        finally:
            con.close()

    return _find(
        _BULK_JOBS, wanted, start, lambda: BulkJob(message=t("pack_waiting", v.lang)), _BULK_KEPT, make
    )
