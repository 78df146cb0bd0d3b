"""``kkb.errors``: each error says file, row, column, value and what is accepted, in one sentence."""

from __future__ import annotations

from kkb.errors import DataFileError, InputRowsError, RowProblem


def test_a_row_problem_names_where_what_and_what_would_do() -> None:
    problem = RowProblem("rekap.csv", 7, "pus", "-120", "tidak boleh negatif", "bilangan bulat ≥ 0")
    assert str(problem) == (
        "rekap.csv, baris 7, kolom 'pus': nilai '-120' — tidak boleh negatif (diterima: bilangan bulat ≥ 0)"
    )


def test_many_problems_list_the_first_twenty_and_count_the_rest() -> None:
    problems = [RowProblem("a.csv", n, "pus", "x", "bukan bilangan", "angka") for n in range(2, 27)]
    text = str(InputRowsError(problems))
    assert text.startswith("25 masalah pada data masukan:") and text.endswith("… dan 5 masalah lain")
    assert "baris 21," in text and "baris 22," not in text


def test_a_file_error_puts_the_hint_after_the_problem() -> None:
    assert (
        str(DataFileError("a.csv", "berkas kosong", "isi baris data"))
        == "a.csv: berkas kosong — isi baris data"
    )
    assert str(DataFileError("a.csv", "berkas tidak ada")) == "a.csv: berkas tidak ada"
