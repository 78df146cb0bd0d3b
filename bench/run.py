"""The speed benchmark at national scale, in one command.

    make bench            (= PYTHONPATH=. .venv/bin/python bench/run.py)

Steps, each timed in a process of its own so that its peak memory is its own:

1. ``build``: builds the national demo registry (every desa/kelurahan with a Kampung KB by 2025-12,
   a monthly snapshot since formation) with ``kkb.build`` into ``bench/out/nasional.duckdb``.
2. ``classify``: reads every snapshot back, province by province, and classifies it again.
3. ``stress``: the 3x variant: every Kampung KB and its whole history three times over (copies get
   ids ending in -2 and -3), as if each desa had three RW-level Kampung KB; then the monthly summary
   is rebuilt. Classification is timed on it too.
4. ``pages``: every page headless (Streamlit's AppTest runs the app's own code) on each database:
   the first load in a fresh process (imports and empty caches), first loads with the modules loaded
   and the caches emptied, then province changes in the same session and the same provinces again.
5. ``browser``: a real ``streamlit run`` on each database, driven by Playwright in Debian's Chromium:
   for each page the time until its charts are drawn (MapLibre's map reports itself loaded) and the
   bytes of the app's websocket messages; a province change; then a file import through the Kelola
   page. The server's peak resident memory (``VmHWM``) is read at the end.
6. ``pandas``: the same aggregates computed the way a quick dashboard does it (the snapshot and
   class tables loaded into one pandas frame, filtered and grouped on every interaction), checked
   equal to the dashboard's, and timed side by side.

Results: ``bench/out/results.json`` and ``bench/out/results.md`` (copied into bench/README.md).
``--reuse`` keeps built databases; ``--quick`` runs fewer repetitions; ``--only national``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.browser import step_browser
from bench.common import (
    OUT,
    PAGES,
    PROFILE_ID,
    PROVINCES,
    ROOT,
    Result,
    peak_memory_mb,
    timed,
)
from bench.report import machine, report


def child(step: str, **kwargs: object) -> Result:
    """Run one step of this script in a fresh Python process and return its JSON result."""
    args = [sys.executable, __file__, "--step", step, "--args", json.dumps(kwargs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(args, env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"step {step} {kwargs} failed:\n{done.stderr[-3000:]}")
    result: Result = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- 1-3: build, classify, stress --------------------------------------------------------------


def step_build(db_path: str) -> Result:
    from kkb import build

    Path(db_path).unlink(missing_ok=True)
    with timed() as took:
        build.build(db_path, progress=lambda f, m: print(f"  {f:4.0%} {m}", file=sys.stderr))
    return _registry(db_path, took[0])


def _registry(db_path: str, seconds: float) -> Result:
    """What a build step reports: its time, the registry's size, its peak memory, the file size."""
    from kkb import db, info

    con = db.connect(db_path)
    size = info.summary(con)
    con.close()
    return {
        "seconds": seconds,
        "snapshots": size.snapshot,
        "kampung": size.kampung_kb,
        "peak_mb": peak_memory_mb(),
        "file_mb": Path(db_path).stat().st_size / 1e6,
    }


def step_classify(db_path: str) -> Result:
    """Classify every stored snapshot again, one province at a time (the build's way)."""
    from kkb import db
    from kkb.classification import DEFAULT_METHOD, classify

    con = db.connect(db_path)
    provinces = [r[0] for r in con.execute("SELECT DISTINCT kode_prov FROM kampung_kb ORDER BY 1").fetchall()]
    seconds = 0.0
    rows = 0
    for prov in provinces:
        frame = con.execute(
            "SELECT s.* EXCLUDE (sumber, import_id, klasifikasi_impor) FROM snapshot s "
            "JOIN kampung_kb k ON k.id = s.kampung_id WHERE k.kode_prov = $p",
            {"p": prov},
        ).df()
        with timed() as took:
            result = classify(frame, DEFAULT_METHOD)
        seconds += took[0]
        rows += len(result)
    con.close()
    return {"seconds": seconds, "rows": rows, "peak_mb": peak_memory_mb()}


def step_stress(source: str, db_path: str) -> Result:
    """Copy the national database and hold every Kampung KB and its history three times."""
    from kkb import db, store

    Path(db_path).unlink(missing_ok=True)
    shutil.copyfile(source, db_path)
    con = db.connect(db_path, read_only=False)
    with timed() as took:
        for table, key in (("kampung_kb", "id"), ("snapshot", "kampung_id"), ("klasifikasi", "kampung_id")):
            con.execute(
                f"INSERT INTO {table} SELECT x.* REPLACE ({key} || '-' || c::VARCHAR AS {key}) "
                f"FROM {table} x, range(2, 4) r(c) WHERE {key} NOT LIKE '%-%'"
            )
        store.rebuild_rekap(con)
        con.execute("CHECKPOINT")
    con.close()
    return _registry(db_path, took[0])


# --- 4: pages headless -------------------------------------------------------------------------


def step_page(db_path: str, page: str, reps: int, changes: int) -> Result:
    """One page in this fresh process: first load, cold-cache loads, province changes."""
    os.environ["KKB_DB"] = db_path
    from streamlit.testing.v1 import AppTest

    def fresh(prov: str) -> Any:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.session_state["prov"] = prov
        if page == "profil":
            at.session_state["kampung"] = PROFILE_ID
        at.switch_page(f"pages/{page}.py")
        return at

    def run(at: Any) -> float:
        with timed() as took:
            at.run()
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception[0].value}")
        return took[0]

    def sent(at: Any) -> int:
        return sum(len(chart.proto.spec) for chart in at.get("plotly_chart"))

    # what serve.py does when the server starts, before any visitor
    from kkb import preload

    preloaded = preload.load()
    at = fresh("")
    start = run(at)
    nation_bytes = sent(at)
    import streamlit as st

    cold = []
    for _ in range(reps):
        st.cache_data.clear()
        st.cache_resource.clear()
        cold.append(run(fresh("")))
    # one session, the province filter changed between reruns
    at = fresh("")
    run(at)
    change, province_bytes = [], []
    for prov in PROVINCES[:changes]:
        at.session_state["prov"] = prov
        change.append(run(at))
        province_bytes.append(sent(at))
    again = []
    for prov in PROVINCES[:changes]:
        at.session_state["prov"] = prov
        again.append(run(at))
    return {
        "preload": preloaded,
        "start": start,
        "cold": cold,
        "change": change,
        "again": again,
        "nation_kb": nation_bytes / 1024,
        "province_kb": statistics.median(province_bytes) / 1024,
        "peak_mb": peak_memory_mb(),
    }


def pages(db_path: str, processes: int, reps: int, changes: int) -> list[Result]:
    rows = []
    for page, _ in PAGES:
        runs = [
            child("page", db_path=db_path, page=page, reps=reps, changes=changes) for _ in range(processes)
        ]
        rows.append(
            {
                "page": page,
                "preload": statistics.median(r["preload"] for r in runs),
                "start": statistics.median(r["start"] for r in runs),
                "cold": statistics.median(x for r in runs for x in r["cold"]),
                "change": statistics.median(x for r in runs for x in r["change"]),
                "again": statistics.median(x for r in runs for x in r["again"]),
                "change_max": max(x for r in runs for x in r["change"]),
                "nation_kb": runs[0]["nation_kb"],
                "province_kb": runs[0]["province_kb"],
                "peak_mb": max(r["peak_mb"] for r in runs),
            }
        )
        print(f"  {page}: {rows[-1]}", file=sys.stderr)
    return rows


# --- 6: the pandas way -------------------------------------------------------------------------


def step_pandas(db_path: str, changes: int) -> Result:
    """The aggregates of a province change, the pandas way and the dashboard's way, checked equal."""
    import pandas as pd

    from kkb import db, store
    from kkb.classification import DEFAULT_METHOD

    con = db.connect(db_path)
    periode = store.periods(con)[-1]
    base = peak_memory_mb()
    with timed() as load:
        frame = con.execute(
            "SELECT k.kode_prov, k.kode_kab, s.*, c.klasifikasi FROM snapshot s "
            "JOIN klasifikasi c ON c.kampung_id = s.kampung_id AND c.periode = s.periode "
            "AND c.metode = $m JOIN kampung_kb k ON k.id = s.kampung_id",
            {"m": DEFAULT_METHOD},
        ).df()
    loaded_mb = peak_memory_mb() - base
    classes = ["Dasar", "Berkembang", "Mandiri", "Berkelanjutan"]

    def the_pandas_way(prov: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        mine = frame[frame["kode_prov"] == prov]
        trend = mine.groupby(["periode", "klasifikasi"]).size().unstack(fill_value=0)
        now = mine[mine["periode"] == periode]
        kabs = now.groupby(["kode_kab", "klasifikasi"]).size().unstack(fill_value=0)
        return trend.reindex(columns=classes, fill_value=0), kabs.reindex(columns=classes, fill_value=0)

    def our_way(prov: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        trend = store.trend(con, prov, DEFAULT_METHOD).set_index("periode")
        kabs = store.counts(con, prov, periode, DEFAULT_METHOD, by=2).set_index("kode")
        return trend, kabs

    ours, theirs = [], []
    for prov in PROVINCES[:changes]:
        with timed() as took:
            a_trend, a_kabs = the_pandas_way(prov)
        theirs.append(took[0])
        with timed() as took:
            b_trend, b_kabs = our_way(prov)
        ours.append(took[0])
        for a, b in ((a_trend, b_trend), (a_kabs, b_kabs)):
            same = b[[c.lower() for c in classes]].set_axis(classes, axis=1).astype("int64")
            pd.testing.assert_frame_equal(a.astype("int64"), same, check_names=False, check_index_type=False)
    con.close()
    return {
        "rows": len(frame),
        "load_seconds": load[0],
        "loaded_mb": loaded_mb,
        "pandas": statistics.median(theirs),
        "ours": statistics.median(ours),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--args", help=argparse.SUPPRESS)
    parser.add_argument("--reuse", action="store_true", help="keep databases already built in bench/out")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (for a check, not a result)")
    parser.add_argument("--only", choices=("nasional", "stres-3x"), help="one registry only")
    parser.add_argument("--skip", nargs="*", default=[], choices=("pages", "browser", "pandas"))
    args = parser.parse_args()
    if args.step:
        steps: dict[str, Callable[..., Result]] = {
            "build": step_build,
            "classify": step_classify,
            "stress": step_stress,
            "page": step_page,
            "browser": step_browser,
            "pandas": step_pandas,
        }
        print(json.dumps(steps[args.step](**json.loads(args.args))))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    processes, reps, changes = (1, 1, 4) if args.quick else (3, 3, 8)
    national, stress = OUT / "nasional.duckdb", OUT / "stres-3x.duckdb"
    results: Result = {
        "date": time.strftime("%Y-%m-%d"),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip(),
        "machine": machine(),
        "command": "make bench" + (" (--quick)" if args.quick else ""),
        "registries": {},
    }
    for name, path in (("nasional", national), ("stres-3x", stress)):
        if args.only and args.only != name:
            continue
        print(f"{name}: database", file=sys.stderr)
        entry: Result = {}
        if not (args.reuse and path.exists()):
            entry["build"] = (
                child("build", db_path=str(path))
                if name == "nasional"
                else child("stress", source=str(national), db_path=str(path))
            )
            (OUT / f"{name}.build.json").write_text(json.dumps(entry["build"]))
        else:
            entry["build"] = json.loads((OUT / f"{name}.build.json").read_text())
        print(f"{name}: classify", file=sys.stderr)
        entry["classify"] = child("classify", db_path=str(path))
        if "pages" not in args.skip:
            print(f"{name}: pages", file=sys.stderr)
            entry["pages"] = pages(str(path), processes, reps, changes)
        if "browser" not in args.skip:
            print(f"{name}: browser", file=sys.stderr)
            entry["browser"] = child("browser", db_path=str(path), changes=changes)
        if "pandas" not in args.skip:
            print(f"{name}: pandas", file=sys.stderr)
            entry["pandas"] = child("pandas", db_path=str(path), changes=changes)
        results["registries"][name] = entry
    (OUT / "results.json").write_text(json.dumps(results, indent=1))
    text = report(results)
    (OUT / "results.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
