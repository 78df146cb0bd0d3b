"""The rules a row of our template must satisfy, tested on a reference of three desa: no database."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kkb.ingest import checks

REF = checks.Reference.of(
    pd.DataFrame(
        {
            "kode": ["36.04.05.2001", "36.04.05.2002", "36.73.01.1001"],
            "nama": ["Kramatwatu", "Serang", "Serang"],
        }
    ),
    dt.date(2025, 11, 15),
)
ROW = {
    "kode_desa": "3604052001",
    "nama_desa": "",
    "nama_kampung": "Kampung KB Melati",
    "tanggal_pencanangan": "15/01/2023",
    "periode": "2025-10",
    "cakupan_wilayah": "",
    "klasifikasi": "",
    "peserta_bkb": "30",
    "keluarga_balita": "20",
}


def _found(row: dict[str, str], numbers: dict[str, float] | None = None) -> list[tuple[str, str, str]]:
    return [(f.column, f.problem, f.severity) for f in checks.check_row(row, numbers or {}, REF)]


def test_a_good_row_satisfies_every_rule() -> None:
    assert _found(ROW) == []
    assert checks.desa_code(ROW, REF) == "36.04.05.2001"
    assert checks.dates(ROW) == (dt.date(2023, 1, 15), "2025-10")


@pytest.mark.parametrize(
    ("change", "column", "problem"),
    [
        ({"kode_desa": "36.04.05.2099"}, "kode_desa", "kode desa/kelurahan tidak dikenal"),
        ({"kode_desa": "", "nama_desa": "Serang"}, "nama_desa", "ada di 2 desa/kelurahan"),
        ({"kode_desa": "", "nama_desa": "Cipare"}, "nama_desa", "tidak ditemukan"),
        ({"nama_kampung": "=HYPERLINK(1)"}, "nama_kampung", "tampak seperti rumus spreadsheet"),
        ({"tanggal_pencanangan": "31/02/2023"}, "tanggal_pencanangan", "bukan tanggal"),
        (
            {"tanggal_pencanangan": "2025-11-20", "periode": "2025-11"},
            "tanggal_pencanangan",
            "tanggal di masa depan",
        ),
        ({"tanggal_pencanangan": "2015-06-01"}, "tanggal_pencanangan", "sebelum program dimulai"),
        ({"periode": "Oktober"}, "periode", "bukan periode"),
        ({"periode": "2025-12"}, "periode", "di luar rentang"),
        ({"cakupan_wilayah": "Dukuh"}, "cakupan_wilayah", "cakupan tidak dikenal"),
        ({"klasifikasi": "Maju"}, "klasifikasi", "kelas tidak dikenal"),
    ],
)
def test_each_rule_names_the_column_and_what_is_wrong(
    change: dict[str, str], column: str, problem: str
) -> None:
    assert _found({**ROW, **change}) == [(column, problem, "error")]


def test_a_unique_desa_name_stands_for_its_code() -> None:
    row = {**ROW, "kode_desa": "", "nama_desa": "KRAMATWATU"}
    assert _found(row) == [] and checks.desa_code(row, REF) == "36.04.05.2001"


def test_what_is_only_doubtful_is_a_warning() -> None:
    early = {**ROW, "periode": "2022-12"}  # a report before the Kampung KB was declared
    assert _found(early) == [("periode", "sebelum tanggal pencanangan", "warning")]
    numbers = {"peserta_bkb": 30.0, "keluarga_balita": 20.0}
    assert _found(ROW, numbers) == [("peserta_bkb", "lebih besar dari keluarga_balita (20)", "warning")]
