"""``kkb.targets``: the shipped targets file reads clean, and a broken one names its row and column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kkb import db
from kkb.errors import DataFileError
from kkb.regions import is_valid_code
from kkb.targets import COLUMNS, KINDS, find_target, read_targets

SHIPPED = db.DATA_DIR / "targets.csv"


def test_the_shipped_targets_are_valid_and_each_names_its_source() -> None:
    frame = read_targets(SHIPPED)
    assert list(frame.columns) == list(COLUMNS) and len(frame) >= 9
    assert frame["kode_wilayah"].map(is_valid_code).all()
    assert set(frame["jenis"]) <= set(KINDS) and "target" in set(frame["jenis"])
    assert frame["sumber_url"].str.startswith("https://").all() and frame["sumber"].str.len().gt(0).all()
    assert frame["tahun"].dtype.kind == "i" and frame["nilai"].dtype.kind == "f"


def _broken(tmp_path: Path, column: str, value: str) -> Path:
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    assert len(cells) == len(header), "the first row has no quoted commas"
    cells[header.index(column)] = value
    path = tmp_path / "targets.csv"
    path.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("column", "value", "accepted"),
    [
        ("kode_wilayah", "Banten", "kode Kemendagri"),
        ("jenis", "rencana", "target atau realisasi"),
        ("nilai", "seribu", "angka"),
        ("sumber_url", "http://bkkbn.go.id", "https://"),
    ],
)
def test_a_bad_cell_is_named_by_row_and_column(
    tmp_path: Path, column: str, value: str, accepted: str
) -> None:
    with pytest.raises(DataFileError) as refused:
        read_targets(_broken(tmp_path, column, value))
    assert f"baris 2, kolom {column}: {value!r}" in refused.value.problem
    assert accepted in refused.value.hint


def test_a_missing_file_or_column_says_how_to_get_it_back(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="git checkout"):
        read_targets(tmp_path / "none.csv")
    (tmp_path / "short.csv").write_text("kode_wilayah,tahun\nID,2024\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="kolom metrik, jenis"):
        read_targets(tmp_path / "short.csv")


TARGETS = pd.DataFrame(
    {
        "kode_wilayah": ["ID", "36", "36"],
        "tahun": [2024, 2023, 2025],
        "metrik": ["cakupan_desa_persen", "pembentukan", "pembentukan"],
        "jenis": ["target", "target", "target"],
        "nilai": [100.0, 1161.0, 1500.0],
        "penyebut": ["% desa", "Kampung KB", "Kampung KB"],
        "periode": [None, None, None],
        "sumber": ["Inpres", "news", "plan"],
        "sumber_url": ["https://a", "https://b", "https://c"],
        "sumber_tanggal": ["2022", "2023-11-01", "2024"],
        "catatan": [None, None, None],
    }
)


@pytest.mark.parametrize(
    ("region", "metric", "year", "value", "inherited"),
    [
        ("36", "pembentukan", 2023, 1161, None),
        ("36", "pembentukan", 2024, 1500, None),  # the nearest later year
        ("36", "pembentukan", 2026, 1500, None),  # the latest earlier year
        ("36.04", "pembentukan", 2023, None, None),  # formation targets are never inherited
        ("36.04", "cakupan_desa_persen", 2023, 100, "ID"),  # the national coverage goal applies
        ("ID", "cakupan_desa_persen", 2024, 100, None),
    ],
)
def test_find_target(region: str, metric: str, year: int, value: float | None, inherited: str | None) -> None:
    found = find_target(TARGETS, region, metric, year)
    if value is None:
        assert found is None
    else:
        assert found is not None and found.value == value and found.inherited_from == inherited
