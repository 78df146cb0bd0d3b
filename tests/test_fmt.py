"""``kkb.fmt``: numbers the Indonesian way, text that stays text, cells that stay cells."""

from __future__ import annotations

import pandas as pd
import pytest

from kkb import fmt


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [(1161, "id", 0, "1.161"), (1161, "en", 0, "1,161"), (24.284, "id", 2, "24,28"), (None, "id", 0, "–")],
)
def test_numbers_use_the_languages_separators(
    value: float | None, lang: str, decimals: int, expected: str
) -> None:
    assert fmt.number(value, lang, decimals) == expected


def test_percentages_and_changes_are_written_as_each_language_writes_them() -> None:
    assert (fmt.percent(24.28, "id"), fmt.percent(24.28, "en")) == ("24,28 %", "24.28%")
    assert fmt.signed(-3.5, "id", 1, "%") == "−3,5 %" and fmt.signed(12, "en") == "+12"
    assert fmt.signed(0.0, "id", 1, "pp") == "±0,0 poin" and fmt.percent(float("nan")) == "–"


def test_a_value_shown_as_markdown_reads_as_typed_and_links_nothing() -> None:
    shown = fmt.plain("[Sesi berakhir](http://contoh.invalid) ![x](www.contoh.invalid) a@b.c")
    assert shown.startswith("\\[Sesi berakhir\\]\\(http")  # every sign markdown reads, escaped
    joiner = fmt.WORD_JOINER
    assert f"http{joiner}\\:" in shown and f"www{joiner}\\." in shown and f"a{joiner}@b" in shown
    assert fmt.https_link("sumber", "http://contoh.invalid") == "sumber"
    assert fmt.https_link("sumber", "https://bkkbn.go.id/x") == "[sumber](https://bkkbn.go.id/x)"


def test_a_text_cell_that_starts_like_a_formula_is_kept_as_text_in_exports() -> None:
    frame = pd.DataFrame({"nama": ["=HYPERLINK(1)", "+62", "Melati"], "nilai": [-5, 3, 1]})
    safe = fmt.spreadsheet_safe(frame)
    assert list(safe["nama"]) == ["'=HYPERLINK(1)", "'+62", "Melati"] and list(safe["nilai"]) == [-5, 3, 1]
    assert frame["nama"].iloc[0] == "=HYPERLINK(1)"  # the original is left alone


def test_exports_neutralise_spreadsheet_formulas() -> None:
    from kkb.fmt import spreadsheet_safe

    frame = pd.DataFrame(
        {"nama": ['=HYPERLINK("x")', "+62 811", "@SUM(A1)", "Kampung KB Melati"], "n": [-5, 1, 2, 3]}
    )
    safe = spreadsheet_safe(frame)
    assert list(safe["nama"]) == ['\'=HYPERLINK("x")', "'+62 811", "'@SUM(A1)", "Kampung KB Melati"]
    assert list(safe["n"]) == [-5, 1, 2, 3]  # numbers stay numbers
    assert frame["nama"].iloc[0].startswith("=")  # the input is not changed
