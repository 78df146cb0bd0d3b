"""Bahan paparan for every region under one: a pack per kab/kota (or per province), and one zip.

A pack per kab/kota of a province or of the nation, or per province of the nation, with file names
that sort and say what they hold.

Officials download region by region today. ``make`` builds each pack with ``kkb.paparan.build``,
writes it as PPTX and/or PDF, and lists the regions it skipped with the reason (no Kampung KB at the
periode); the zip holds every file and, when some were skipped, ``dilewati.txt`` saying which and why.
Files are written under a temporary name first and renamed when whole, so a stopped run leaves no
half-written pack under a real name.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kkb import export, paparan
from kkb.errors import KkbError
from kkb.i18n import t
from kkb.regions import NATION, Regions, level_of
from kkb.report import Data
from kkb.view import View

Progress = Callable[[float, str], None]
EACH = {"kabkota": 2, "provinsi": 1}
FORMATS = ("pptx", "pdf")


@dataclass(frozen=True)
class Skipped:
    """A region with no pack, and why."""

    code: str
    label: str
    reason: str


@dataclass
class Bundle:
    """What ``make`` wrote: the files (in region order), the regions skipped, the zip, seconds per pack."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    archive: Path | None = None
    seconds: list[float] = field(default_factory=list)


def members(regions: Regions, code: str, each: str) -> list[str]:
    """The regions ``each`` (``kabkota`` or ``provinsi``) of ``code``, in Kemendagri order.

    KkbError when ``each`` is not below ``code`` (the kab/kota of a kab/kota, the provinces of a province).
    """
    if each not in EACH:
        raise KkbError(f"--each {each!r} tidak dikenal (diterima: {', '.join(EACH)})")
    level = EACH[each]
    if level_of(code) >= level:
        raise KkbError(
            f"wilayah {code} tidak punya {each} di bawahnya: pilih provinsi atau nasional ({NATION})"
        )
    codes = [code]
    while codes and level_of(codes[0]) < level:
        codes = [child for c in codes for child in regions.children(c)]
    return codes


def stem(d: Data, v: View, code: str, n: int) -> str:
    """A pack's file name without suffix: its place in the list, then region, what and periode."""
    return f"{n:03d}_" + export.file_stem(d.label(code), "bahan-paparan", v.periode)


def archive_name(d: Data, v: View, each: str) -> str:
    """The zip's name: ``kampung-kb_banten_bahan-paparan-per-kabkota_2025-12.zip``."""
    return export.file_stem(d.label(v.code), f"bahan-paparan-per-{each}", v.periode) + ".zip"


def make(
    d: Data,
    regions: Regions,
    v: View,
    each: str,
    out_dir: Path,
    formats: Sequence[str] = FORMATS,
    progress: Progress | None = None,
) -> Bundle:
    """Write a pack of every region ``each`` under ``v.code`` into ``out_dir``, then the zip of them all.

    Each region is compared with its parent, as a single pack is by default. RuntimeError (no
    Chromium to draw charts) stops the whole run; a region without Kampung KB is skipped and listed.
    """
    if not out_dir.is_dir():
        raise KkbError(f"folder {out_dir} tidak ada")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise KkbError(f"format {', '.join(unknown) or '(kosong)'} tidak dikenal (diterima: pptx, pdf)")
    codes = members(regions, v.code, each)
    say = progress or (lambda fraction, message: None)
    bundle = Bundle()
    for n, code in enumerate(codes, start=1):
        label = d.label(code)

        def step(fraction: float, message: str, n: int = n, label: str = label) -> None:
            say(
                (n - 1 + fraction) / len(codes) * 0.95,
                t("bulk_progress", v.lang, region=label, n=n, of=len(codes)),
            )

        started = time.perf_counter()
        try:
            pack = paparan.build(d, View(v.lang, code, v.periode, v.metode), None, step)
        except KkbError as exc:
            bundle.skipped.append(Skipped(code, label, str(exc)))
            continue
        for suffix in formats:
            out = out_dir / f"{stem(d, v, code, n)}.{suffix}"
            partial = out.with_name(f".{out.name}.sebagian")
            partial.write_bytes(paparan.pptx_bytes(pack) if suffix == "pptx" else paparan.pdf_bytes(pack))
            partial.replace(out)
            bundle.files.append(out)
        bundle.seconds.append(time.perf_counter() - started)
    say(0.97, t("bulk_zipping", v.lang))
    bundle.archive = _zip(out_dir / archive_name(d, v, each), bundle, v.lang)
    say(1.0, t("bulk_done", v.lang, n=len(codes) - len(bundle.skipped), skipped=len(bundle.skipped)))
    return bundle


def skipped_text(skipped: Sequence[Skipped], lang: str) -> str:
    """The regions left out and why, one per line (empty when none was)."""
    return "".join(f"{s.label} ({s.code}): {s.reason}\n" for s in skipped)


def _zip(target: Path, bundle: Bundle, lang: str) -> Path:
    partial = target.with_name(f".{target.name}.sebagian")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in bundle.files:
            archive.write(path, path.name)
        if bundle.skipped:
            archive.writestr(t("bulk_skipped_file", lang), skipped_text(bundle.skipped, lang))
    partial.replace(target)
    return target
