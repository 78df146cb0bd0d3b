"""``kkb.ingest.report``: what a check found — errors stop an import, warnings do not, every one is listed."""

from __future__ import annotations

import pandas as pd

from kkb.errors import RowProblem
from kkb.ingest.report import Checked, ImportRejected, problems_frame


def _problem(row: int, severity: str = "error") -> RowProblem:
    return RowProblem("baik.csv", row, "pus", "banyak", "bukan angka", "bilangan bulat", severity)


def _checked(*problems: RowProblem) -> Checked:
    return Checked("baik.csv", "0" * 64, pd.DataFrame(), problems=list(problems))


def test_errors_stop_an_import_and_warnings_do_not() -> None:
    warned = _checked(_problem(2, "warning"))
    assert warned.ok and warned.errors == [] and len(warned.warnings) == 1
    refused = _checked(_problem(2), _problem(3, "warning"))
    assert (
        not refused.ok and [p.row for p in refused.errors] == [2] and [p.row for p in refused.warnings] == [3]
    )


def test_a_refusal_names_the_first_twenty_problems_and_counts_the_rest() -> None:
    said = str(ImportRejected(_checked(*(_problem(row) for row in range(2, 27)))))
    assert said.startswith("baik.csv: 25 masalah, tidak ada yang ditulis:")
    assert "baris 21," in said and "baris 22," not in said and "… dan 5 masalah lain" in said
    assert "kolom 'pus': nilai 'banyak' — bukan angka (diterima: bilangan bulat)" in said


def test_the_problems_table_has_one_row_per_problem_in_indonesian_columns() -> None:
    table = problems_frame([_problem(2), _problem(5, "warning")])
    assert list(table.columns) == ["berkas", "baris", "kolom", "nilai", "masalah", "diterima", "tingkat"]
    assert table["baris"].tolist() == [2, 5] and table["tingkat"].tolist() == ["error", "warning"]
