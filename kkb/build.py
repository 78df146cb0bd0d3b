"""Build the DuckDB file from ``data/``: regions, targets, the demo registry and its classification.

The new file is written beside the old one and moved over it only when complete, so an interrupted
build (a crash, Ctrl-C, ``kill -9``) leaves the previous database as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from kkb import db, demo, store
from kkb.classification import DEFAULT_METHOD, RESULT_COLUMNS, classify
from kkb.regions import Reference, read_reference, wilayah_table
from kkb.targets import read_targets

Progress = Callable[[float, str], None]
REFERENCE_EDITION = "Kepmendagri No. 300.2.2-2430 Tahun 2025"


def _quiet(_fraction: float, _message: str) -> None:
    return None


def build(
    path: Path | str | None = None,
    data_dir: Path = db.DATA_DIR,
    progress: Progress = _quiet,
    seed: int = demo.SEED,
    provinces: Iterable[str] | None = None,
) -> Path:
    """Build the database at ``path`` (default ``db.default_db_path()``) and return its path.

    ``provinces`` limits the demo registry to some provinces (the regions are always complete);
    tests use it for speed.
    """
    target = Path(path) if path is not None else db.default_db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    progress(0.0, "membaca data wilayah")
    ref = read_reference(data_dir)
    targets = read_targets(data_dir / "targets.csv")
    temporary = target.with_name(f"{target.name}.building-{os.getpid()}")
    for leftover in (temporary, temporary.with_name(temporary.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        con = db.create(temporary)
        try:
            _fill(con, ref, targets, progress, seed, provinces)
        finally:
            con.close()
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    progress(1.0, "selesai")
    return target


def _fill(
    con: db.Connection,
    ref: Reference,
    targets: pd.DataFrame,
    progress: Progress,
    seed: int,
    provinces: Iterable[str] | None,
) -> None:
    db.insert_frame(con, "wilayah", wilayah_table(ref))
    db.insert_frame(con, "target", targets)
    wanted = sorted(set(provinces) if provinces is not None else set(ref.desa["kode_prov"]))
    weights = ref.desa.groupby("kode_prov").size()
    total = float(weights[wanted].sum())
    done = 0.0
    for kode_prov in wanted:
        progress(0.02 + 0.85 * done / total, f"membuat data sintetis provinsi {kode_prov}")
        generated = demo.generate(ref.desa, seed=seed, provinces=[kode_prov])
        snapshots = generated.snapshots.drop(columns=["kelas_rencana"])
        result = classify(snapshots, DEFAULT_METHOD)
        result.insert(0, "metode", DEFAULT_METHOD)
        result.insert(0, "periode", snapshots["periode"].to_numpy())
        result.insert(0, "kampung_id", snapshots["kampung_id"].to_numpy())
        db.insert_frame(con, "kampung_kb", generated.kampung)
        db.insert_frame(con, "snapshot", snapshots)
        db.insert_frame(con, "klasifikasi", result[["kampung_id", "periode", "metode", *RESULT_COLUMNS]])
        done += float(weights[kode_prov])
    progress(0.88, "menghitung ringkasan bulanan per kecamatan")
    store.rebuild_rekap(con)
    progress(0.99, "menyimpan")
    last = con.execute(db.sql("snapshot_last_periode")).fetchone()
    db.set_meta(
        con,
        {
            "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "data_as_of": str(last[0]) if last and last[0] else demo.END,
            "demo_seed": str(seed),
            "demo_provinces": ",".join(wanted),
            "reference_edition": REFERENCE_EDITION,
            "default_method": DEFAULT_METHOD,
        },
    )
    con.execute("CHECKPOINT")


def ensure(path: Path | str | None = None, progress: Progress = _quiet) -> Path:
    """Return the database path, building the file first if it does not exist yet."""
    target = Path(path) if path is not None else db.default_db_path()
    if not target.exists():
        build(target, progress=progress)
    return target
