"""The targets file (``kkb template --targets``): targets and published figures, each with its source."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from kkb import db
from kkb.errors import RowProblem
from kkb.ingest import rules
from kkb.ingest.backups import KEEP_BACKUPS
from kkb.ingest.cells import column_key
from kkb.ingest.read import read_table, sha256_of
from kkb.ingest.report import Checked, ImportRejected, Progress, Result
from kkb.ingest.writing import Change, q, replace

SHAPE = "targets"


TARGET_EXAMPLE = {
    "kode_wilayah": "36.04",
    "tahun": "2026",
    "metrik": "pembentukan",
    "jenis": "target",
    "nilai": "250",
    "penyebut": "Kampung KB terbentuk",
    "periode": "",
    "sumber": "Contoh: Renstra DP3AKKB",
    "sumber_url": "https://contoh.go.id/renstra",
    "sumber_tanggal": "2026-01-15",
    "catatan": "Baris contoh; hapus sebelum impor",
}
TARGET_HELP = {
    "kode_wilayah": "Kode provinsi (36) atau kab/kota (36.04), atau ID untuk nasional. Wajib.",
    "tahun": "Tahun target, mis. 2026. Wajib.",
    "metrik": "Salah satu: {metrics}. Wajib.",
    "jenis": "target, atau realisasi (angka yang diterbitkan). Wajib.",
    "nilai": "Angka ≥ 0 (koma desimal boleh); persen ditulis 40 untuk 40 %. Wajib.",
    "penyebut": "Apa yang dihitung, mis. 'Kampung KB terbentuk' atau '% desa/kelurahan'.",
    "periode": "Untuk realisasi: bulan angkanya, YYYY-MM. Kosong untuk target.",
    "sumber": "Nama sumber (dokumen, berita, instansi). Wajib.",
    "sumber_url": "Alamat sumber, diawali https://. Wajib.",
    "sumber_tanggal": "Tanggal sumber, YYYY-MM-DD (atau YYYY-MM, YYYY). Wajib.",
    "catatan": "Opsional.",
}


def is_targets_file(columns: list[str]) -> bool:
    """Whether a file's columns are those of the targets template (not the Kampung KB template)."""
    names = {column_key(c) for c in columns}
    return {"kode_wilayah", "metrik", "nilai"} <= names


def check_targets(path: Path, con: db.Connection, name: str | None = None) -> Checked:
    """Read and check a targets file; every problem as file, row, column, value and what is accepted."""
    from kkb.metrics import TARGET_METRICS
    from kkb.targets import COLUMNS, KINDS

    shown = name or path.name
    raw = read_table(path, shown)
    renamed = {c: column_key(c) for c in raw.columns}
    frame = raw.rename(columns=renamed)
    result = Checked(shown, sha256_of(path), frame, {k: v for k, v in renamed.items()}, shape="targets")
    problems = result.problems
    required = ("kode_wilayah", "tahun", "metrik", "jenis", "nilai", "sumber", "sumber_url", "sumber_tanggal")
    for column in required:
        if column not in frame.columns:
            problems.append(RowProblem(shown, 1, column, "", "kolom wajib tidak ada", "kolom templat target"))
    if not result.ok:
        return result
    for column in COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    frame = frame[list(COLUMNS)].map(lambda x: str(x).strip())
    regions = set(q(con, "import_regions")["kode"]) | {"ID"}
    seen: dict[tuple[str, ...], int] = {}
    records: list[dict[str, str]] = [{str(k): str(v) for k, v in r.items()} for r in frame.to_dict("records")]
    for pos, row in enumerate(records):
        line = pos + 2
        found: list[tuple[str, str, str]] = []
        if row["kode_wilayah"] not in regions:
            found.append(("kode_wilayah", "kode wilayah tidak dikenal", "kode provinsi, kab/kota, atau ID"))
        if not re.fullmatch(r"20\d\d", row["tahun"]):
            found.append(("tahun", "bukan tahun", "tahun empat angka, mis. 2026"))
        if row["metrik"] not in TARGET_METRICS:
            found.append(("metrik", "metrik tidak dikenal", ", ".join(TARGET_METRICS)))
        if row["jenis"] not in KINDS:
            found.append(("jenis", "jenis tidak dikenal", " atau ".join(KINDS)))
        try:
            value = float(row["nilai"].replace(",", "."))
            if not math.isfinite(value):  # "nan", "inf": float() takes them, no page could show them
                found.append(("nilai", "bukan angka terhingga", "angka ≥ 0, koma desimal boleh"))
            elif value < 0:
                found.append(("nilai", "tidak boleh negatif", "angka ≥ 0"))
        except ValueError:
            found.append(("nilai", "bukan angka", "angka ≥ 0, koma desimal boleh"))
        if row["periode"] and rules.parse_periode(row["periode"]) is None:
            found.append(("periode", "bukan periode", "YYYY-MM atau kosong"))
        if not row["sumber_url"].startswith("https://"):
            found.append(("sumber_url", "bukan alamat https", "alamat yang diawali https://"))
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["sumber_tanggal"]):
            found.append(("sumber_tanggal", "bukan tanggal", "YYYY-MM-DD, YYYY-MM atau YYYY"))
        for column in ("penyebut", "sumber", "catatan"):
            if row[column].startswith(rules.FORMULA_START) or "<" in row[column] or ">" in row[column]:
                found.append((column, "tampak seperti rumus atau HTML", "teks biasa"))
        if not row["sumber"]:
            found.append(("sumber", "kosong", "nama sumber"))
        key = (row["kode_wilayah"], row["tahun"], row["metrik"], row["jenis"])
        if key in seen:
            found.append(("metrik", f"baris ganda: sama dengan baris {seen[key]}", "satu baris per target"))
        seen.setdefault(key, line)
        problems.extend(RowProblem(shown, line, c, row[c], what, ok) for c, what, ok in found)
    if result.ok:
        out = frame.copy()
        out["tahun"] = out["tahun"].astype(int)
        out["nilai"] = out["nilai"].str.replace(",", ".").astype(float)
        out["periode"] = [(rules.parse_periode(p) if p else None) for p in out["periode"]]
        out["catatan"] = out["catatan"].replace("", None)
        result.rows = out
    return result


def apply_targets(checked: Checked, live: Path, user: str, progress: Progress | None = None) -> Result:
    """Add or replace the checked targets (same region, year, metric and kind) in one step."""
    if not checked.ok:
        raise ImportRejected(checked)

    def write(con: db.Connection, import_id: int, _say: Progress) -> Change:
        con.register("_targets", checked.rows)
        changed = int(q(con, "import_count_targets")["n"].iloc[0])
        con.execute(db.sql("import_delete_targets"))
        con.unregister("_targets")
        db.insert_frame(con, "target", checked.rows)
        result = Result(import_id, len(checked.rows) - changed, changed, 0, 0, Path())
        regions = tuple(sorted({str(k) for k in checked.rows["kode_wilayah"]}))
        return Change(
            result, checked.file, checked.sha256, "target dan angka terbitan", "target", regions=regions
        )

    return replace(live, write, user, progress, KEEP_BACKUPS)


def targets_template_frame() -> pd.DataFrame:
    """The targets template: its columns and one example row."""
    return pd.DataFrame([TARGET_EXAMPLE])


def write_targets_template(path: Path) -> Path:
    """Write the targets template as CSV or Excel (with a "petunjuk" sheet)."""
    from kkb.metrics import TARGET_METRICS

    frame = targets_template_frame()
    if path.suffix.lower() == ".xlsx":
        notes = pd.DataFrame(
            {
                "kolom": list(TARGET_HELP),
                "isi": [h.format(metrics=", ".join(TARGET_METRICS)) for h in TARGET_HELP.values()],
            }
        )
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name="data")
            notes.to_excel(writer, index=False, sheet_name="petunjuk")
    else:
        path.write_bytes(frame.to_csv(index=False).encode("utf-8-sig"))
    return path
