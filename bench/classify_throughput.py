"""Benchmark: classify the whole national demo history (every snapshot) with portal-2021.

Run: .venv/bin/python bench/classify_throughput.py   (writes nothing; prints a Markdown row)
"""

from __future__ import annotations

import platform
import statistics
import time

import pandas as pd

from kkb import db, demo
from kkb.classification import classify
from kkb.next_class import path_to_next_class
from kkb.regions import read_reference


def main() -> None:
    ref = read_reference(db.DATA_DIR)
    started = time.perf_counter()
    generated = demo.generate(ref.desa)
    generate_s = time.perf_counter() - started
    snapshots = generated.snapshots.drop(columns=["kelas_rencana"])
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        result = classify(snapshots)
        runs.append(time.perf_counter() - started)
    median = statistics.median(runs)
    sample = snapshots.sample(1000, random_state=1)
    started = time.perf_counter()
    for _, row in sample.iterrows():
        path_to_next_class(row)
    path_ms = (time.perf_counter() - started) / len(sample) * 1000
    rows = len(snapshots)
    machine = platform.processor() or platform.machine()
    print(f"machine: {machine}, python {platform.python_version()}, pandas {pd.__version__}")
    print(f"snapshots: {rows:,}; generated in {generate_s:.1f} s")
    print("| rows | classify, median of 3 (s) | rows per second | path to next class (ms per snapshot) |")
    print("|---:|---:|---:|---:|")
    print(f"| {rows:,} | {median:.2f} | {rows / median:,.0f} | {path_ms:.2f} |")
    assert len(result) == rows


if __name__ == "__main__":
    main()
