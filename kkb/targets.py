"""Targets and published figures (``data/targets.csv``): read, check, and look up."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kkb.errors import DataFileError
from kkb.regions import is_valid_code

COLUMNS = (
    "kode_wilayah",
    "tahun",
    "metrik",
    "jenis",
    "nilai",
    "penyebut",
    "periode",
    "sumber",
    "sumber_url",
    "sumber_tanggal",
    "catatan",
)
KINDS = ("target", "realisasi")


def read_targets(path: Path) -> pd.DataFrame:
    """Read and check a targets file; raise ``DataFileError`` naming the row and column at fault."""
    if not path.exists():
        raise DataFileError(path, "berkas target tidak ada", "pulihkan dengan `git checkout -- data/`")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise DataFileError(path, f"tidak dapat dibaca sebagai CSV ({exc})") from exc
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise DataFileError(path, f"kolom {', '.join(missing)} tidak ada", f"kolom: {', '.join(COLUMNS)}")
    for i, row in frame.iterrows():
        line = int(str(i)) + 2
        if not is_valid_code(row["kode_wilayah"]):
            raise DataFileError(
                path,
                f"baris {line}, kolom kode_wilayah: {row['kode_wilayah']!r}",
                "kode Kemendagri atau ID",
            )
        if row["jenis"] not in KINDS:
            raise DataFileError(path, f"baris {line}, kolom jenis: {row['jenis']!r}", "target atau realisasi")
        for column in ("tahun", "nilai"):
            try:
                float(row[column])
            except ValueError:
                raise DataFileError(path, f"baris {line}, kolom {column}: {row[column]!r}", "angka") from None
        if not row["sumber_url"].startswith("https://"):
            raise DataFileError(
                path, f"baris {line}, kolom sumber_url: {row['sumber_url']!r}", "alamat https://"
            )
    out = frame[list(COLUMNS)].copy()
    out["tahun"] = out["tahun"].astype(int)
    out["nilai"] = out["nilai"].astype(float)
    out["periode"] = out["periode"].replace("", None)
    out["catatan"] = out["catatan"].replace("", None)
    return out
