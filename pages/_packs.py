"""Briefing packs made on worker threads, so that no rerun of the page can stop or repeat one."""

from __future__ import annotations

import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from kkb import db, paparan, paparan_bulk, slides
from kkb.errors import KkbError
from kkb.i18n import t
from kkb.view import View


@dataclass
class PackJob:
    """A briefing pack being made on a worker thread: its progress, then its files or its error.

    The work runs outside the script, so pressing the button again, or a rerun of the page, neither
    stops it nor starts a second one: the page only watches it.
    """

    fraction: float = 0.0
    message: str = ""
    pack: paparan.Pack | None = None
    pptx: bytes = b""
    pdf: bytes = b""
    error: str | None = None
    done: threading.Event = field(default_factory=threading.Event)


#: packs made or being made, by (database file, view, peer); the same request from several
#: sessions shares one (a workshop of forty pressing the same button makes one pack)
_PACK_JOBS: dict[tuple[str, View, str], PackJob] = {}
_PACK_JOBS_LOCK = threading.Lock()
#: one pack is drawn at a time (they share the one Chromium); others wait their turn
_PACK_TURN = threading.Lock()
_PACKS_KEPT = 8


def job(wanted: tuple[str, View, str], start: bool = False) -> PackJob | None:
    """The pack job of ``wanted``; with ``start``, begin it unless it runs or is done.

    A job that failed is started afresh.
    """
    with _PACK_JOBS_LOCK:
        job = _PACK_JOBS.get(wanted)
        if start and (job is None or job.error is not None):
            job = PackJob(message=t("pack_waiting", wanted[1].lang))
            _PACK_JOBS[wanted] = job
            threading.Thread(target=_make_pack, args=(wanted, job), daemon=True, name="paparan").start()
            finished = [k for k, j in _PACK_JOBS.items() if j.done.is_set()]
            for key in finished[: max(len(finished) - _PACKS_KEPT, 0)]:
                del _PACK_JOBS[key]
        return job


def _make_pack(wanted: tuple[str, View, str], job: PackJob) -> None:
    key, v, peer = wanted

    def progress(fraction: float, message: str) -> None:
        job.fraction, job.message = min(max(fraction, 0.0), 1.0), message

    try:
        with _PACK_TURN:
            con = db.connect_version(key)  # the version the page showed, or FileReplaced
            try:
                pack = paparan.build(slides.Database(con), v, peer, progress)
                progress(1.0, t("pack_writing", v.lang))
                job.pptx, job.pdf = paparan.pptx_bytes(pack), paparan.pdf_bytes(pack)
                job.pack = pack
            finally:
                con.close()
    except (KkbError, RuntimeError) as exc:
        job.error = str(exc)
    except Exception as exc:  # the page shows it; the thread must not die silently
        job.error = t("pack_failed", v.lang, error=f"{type(exc).__name__}: {exc}")
    finally:
        job.done.set()


@dataclass
class BulkJob:
    """Packs for every region under one, made on a worker thread into a folder of their own."""

    fraction: float = 0.0
    message: str = ""
    bundle: paparan_bulk.Bundle | None = None
    folder: Path | None = None
    error: str | None = None
    done: threading.Event = field(default_factory=threading.Event)


#: by (database file, view, each): one run per request, whoever asks, as for single packs
_BULK_JOBS: dict[tuple[str, View, str], BulkJob] = {}
_BULK_KEPT = 2


def bulk_job(wanted: tuple[str, View, str], start: bool = False) -> BulkJob | None:
    """The job making the packs of ``wanted``; with ``start``, begin it unless it runs or is done."""
    with _PACK_JOBS_LOCK:
        job = _BULK_JOBS.get(wanted)
        if start and (job is None or job.error is not None):
            job = BulkJob(message=t("pack_waiting", wanted[1].lang))
            _BULK_JOBS[wanted] = job
            threading.Thread(
                target=_make_bulk, args=(wanted, job), daemon=True, name="paparan-massal"
            ).start()
            finished = [k for k, j in _BULK_JOBS.items() if j.done.is_set()]
            for key in finished[: max(len(finished) - _BULK_KEPT, 0)]:
                old = _BULK_JOBS.pop(key)
                if old.folder is not None:
                    shutil.rmtree(old.folder, ignore_errors=True)
        return job


def _make_bulk(wanted: tuple[str, View, str], job: BulkJob) -> None:
    key, v, each = wanted

    def progress(fraction: float, message: str) -> None:
        job.fraction, job.message = min(max(fraction, 0.0), 1.0), message

    try:
        with _PACK_TURN:
            con = db.connect_version(key)
            try:
                data = slides.Database(con)
                job.folder = Path(tempfile.mkdtemp(prefix="kkb-paparan-"))
                job.bundle = paparan_bulk.make(data, data.regions, v, each, job.folder, progress=progress)
            finally:
                con.close()
    except (KkbError, RuntimeError) as exc:
        job.error = str(exc)
    except Exception as exc:  # the page shows it; the thread must not die silently
        job.error = t("pack_failed", v.lang, error=f"{type(exc).__name__}: {exc}")
    finally:
        job.done.set()
