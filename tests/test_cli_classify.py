"""``kkb.cli_classify``: a file of snapshots classified by the rules, or refused whole with every bad row."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kkb.cli_classify import OUTPUT_COLUMNS, classify_file, unused_missing
from kkb.columns import INPUT_COLUMNS, UNUSED_BY_RULES
from kkb.errors import InputRowsError


def _write(path: Path, rows: list[dict[str, str]], columns: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_every_row_gets_its_scores_and_class_after_its_own_columns(tmp_path: Path) -> None:
    columns = ["kode_desa", *INPUT_COLUMNS]
    rows = [{"kode_desa": "36.04.01.2001", **{c: "0" for c in INPUT_COLUMNS}}, {"kode_desa": "36.04.01.2002"}]
    out = list(
        csv.DictReader(io.StringIO(classify_file(_write(tmp_path / "a.csv", rows, columns), "portal-2021")))
    )
    assert list(out[0]) == [*columns, *OUTPUT_COLUMNS]
    assert [r["kode_desa"] for r in out] == ["36.04.01.2001", "36.04.01.2002"]
    assert {r["klasifikasi"] for r in out} == {"Dasar"}  # nothing reported scores one everywhere
    assert unused_missing(tmp_path / "a.csv") == []


def test_columns_the_rules_never_read_may_be_absent_and_are_named(tmp_path: Path) -> None:
    columns = [c for c in INPUT_COLUMNS if c not in UNUSED_BY_RULES]
    path = _write(tmp_path / "b.csv", [{c: "1" for c in columns}], columns)
    assert unused_missing(path) == list(UNUSED_BY_RULES)
    assert "klasifikasi" in classify_file(path, "portal-2021").splitlines()[0]


def test_a_bad_value_refuses_the_whole_file_naming_row_and_column(tmp_path: Path) -> None:
    columns = list(INPUT_COLUMNS)
    rows = [{c: "1" for c in columns}, {**{c: "1" for c in columns}, columns[0]: "banyak"}]
    with pytest.raises(InputRowsError) as refused:
        classify_file(_write(tmp_path / "c.csv", rows, columns), "portal-2021")
    (problem,) = refused.value.problems
    assert (problem.row, problem.column, problem.value) == (3, columns[0], "banyak")


def test_the_impor_method_takes_the_class_a_file_gives_and_refuses_one_it_does_not_know(
    tmp_path: Path,
) -> None:
    columns = [*INPUT_COLUMNS, "klasifikasi"]
    good = _write(tmp_path / "d.csv", [{"klasifikasi": "paripurna"}], columns)
    (row,) = csv.DictReader(io.StringIO(classify_file(good, "impor")))
    assert row["klasifikasi"] == "Berkelanjutan"
    bad = _write(tmp_path / "e.csv", [{"klasifikasi": "Istimewa"}], columns)
    with pytest.raises(InputRowsError, match="kelas tidak dikenal"):
        classify_file(bad, "impor")
