"""The Kemendagri reference data and the hierarchy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from kkb import db
from kkb.errors import DataFileError
from kkb.regions import (
    Reference,
    Regions,
    ancestors_of,
    desa_type,
    is_kota,
    level_of,
    parent_of,
    read_reference,
    wilayah_table,
)


def test_counts_per_level(reference: Reference) -> None:
    assert len(reference.provinsi) == 38
    assert len(reference.kabkota) == 514
    assert len(reference.kecamatan) == 7285
    assert len(reference.desa) == 83762


@pytest.mark.parametrize(("code", "desa"), [("36", 1552), ("14", 1862), ("51", 716)])
def test_desa_per_province(reference: Reference, nation: Regions, code: str, desa: int) -> None:
    assert nation.count_desa(code) == desa
    assert (reference.desa["kode_prov"] == code).sum() == desa


def test_codes_stay_text(reference: Reference) -> None:
    kab = set(reference.kabkota["kode_kab"])
    assert "11.10" in kab and "11.1" not in kab
    assert reference.desa["kode_desa"].str.len().eq(13).all()
    table = wilayah_table(reference)
    assert table["kode"].map(type).eq(str).all()


def _geo_ids(name: str) -> list[str]:
    features = json.loads((db.DATA_DIR / name).read_text())["features"]
    return [str(f["id"]) for f in features]


@pytest.mark.parametrize(
    ("file", "level"), [("batas_provinsi.geojson", "provinsi"), ("batas_kabkota.geojson", "kabkota")]
)
def test_every_code_has_exactly_one_boundary(reference: Reference, file: str, level: str) -> None:
    ids = _geo_ids(file)
    codes = getattr(reference, level).iloc[:, 0].tolist()
    assert len(ids) == len(set(ids)), "a code has two features"
    assert sorted(ids) == sorted(codes)


def test_hierarchy_helpers() -> None:
    assert level_of("ID") == 0 and level_of("36") == 1 and level_of("36.04") == 2
    assert level_of("36.04.01") == 3 and level_of("36.04.01.2001") == 4
    assert parent_of("36.04.01") == "36.04" and parent_of("36") == "ID" and parent_of("ID") is None
    assert ancestors_of("36.04.01") == ["ID", "36", "36.04", "36.04.01"]
    assert is_kota("36.73") and not is_kota("36.04")
    assert desa_type("36.73.01.1001") == "Kelurahan" and desa_type("36.04.01.2001") == "Desa"
    with pytest.raises(ValueError, match="bukan kode"):
        level_of("3604")


def test_names_children_and_labels(nation: Regions) -> None:
    regions = nation
    assert regions.label("36.04") == "Kab. Serang" and regions.label("36.73") == "Kota Serang"
    assert len(regions.children("36")) == 8
    assert regions.count_kecamatan("14") == 172
    assert regions.count_desa("ID") == 83762


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kab. Serang", ["36.04"]),
        ("KABUPATEN  SERANG", ["36.04"]),
        ("kabupaten serang", ["36.04"]),
        ("Kota Serang", ["36.73"]),
        ("Serang", ["36.04", "36.73"]),
        ("Kota Adm. Jakarta Pusat", ["31.71"]),
        ("Kota Administrasi Jakarta Pusat", ["31.71"]),
        ("Jakarta Pusat", ["31.71"]),
    ],
)
def test_tolerant_name_lookup(nation: Regions, name: str, expected: list[str]) -> None:
    assert nation.lookup(name, 2) == expected


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(db.DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*"))
    return target


def test_missing_file_is_named(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    (data / "wilayah_kecamatan.csv").unlink()
    with pytest.raises(DataFileError, match=r"wilayah_kecamatan\.csv.*tidak ada.*git checkout"):
        read_reference(data)


def test_corrupt_file_is_named(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    frame = pd.read_csv(data / "wilayah_kabkota.csv", dtype=str)
    frame.drop(columns=["nama_kab"]).to_csv(data / "wilayah_kabkota.csv", index=False)
    with pytest.raises(DataFileError, match=r"wilayah_kabkota\.csv: kolom nama_kab tidak ada"):
        read_reference(data)


def test_bad_code_and_orphan_are_named(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    path = data / "wilayah_kecamatan.csv"
    frame = pd.read_csv(path, dtype=str)
    frame.loc[4, "kode_kab"] = "99.99"
    frame.to_csv(path, index=False)
    with pytest.raises(DataFileError, match=r"wilayah_kecamatan\.csv: baris 6: induk '99.99' tidak dikenal"):
        read_reference(data)
    frame.loc[4, "kode_kab"] = frame.loc[3, "kode_kab"]
    frame.loc[4, "kode_kec"] = "11.1.1"
    frame.to_csv(path, index=False)
    with pytest.raises(DataFileError, match=r"baris 6: kode '11.1.1' bukan kode Kemendagri"):
        read_reference(data)
