"""What every step of the speed benchmark shares: paths, the pages and provinces it visits, timing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PAGES = (
    ("ringkasan", ""),
    ("peta", "peta"),
    ("perbandingan", "perbandingan"),
    ("target", "target"),
    ("jelajah", "jelajah"),
    ("profil", "profil"),
    ("paparan", "paparan"),
    ("metodologi", "metodologi"),
    ("kelola", "kelola"),
)
#: provinces for filter changes: Banten and Riau (the issue's pair), then others of every size
PROVINCES = ("36", "14", "51", "32", "35", "73", "91", "11")
PROVINCE_NAMES = {"36": "Banten", "14": "Riau", "51": "Bali", "32": "Jawa Barat"}
PROFILE_ID = "D3600926"
Result = dict[str, Any]


def peak_memory_mb(pid: int | str = "self") -> float:
    """Peak resident memory (VmHWM) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextmanager
def timed() -> Iterator[list[float]]:
    box: list[float] = []
    start = time.perf_counter()
    yield box
    box.append(time.perf_counter() - start)
