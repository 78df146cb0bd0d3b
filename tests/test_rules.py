"""``kkb.ingest.rules``: single values as files write them, taken or refused with the reason."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kkb.ingest import rules

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("3604052001", "36.04.05.2001"),
        ("36.04.05.2001", "36.04.05.2001"),
        (" 36 04 05 2001 ", "36.04.05.2001"),
        ("36O4052001", "36O4052001"),  # a letter O is not a digit: the text stays, and is refused later
        ("360405200", "360405200"),
    ],
)
def test_a_desa_code_is_dotted_only_when_it_has_ten_digits_and_nothing_else(text: str, code: str) -> None:
    assert rules.parse_code(text) == code


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("Kampung KB Melati", ""),
        ("", "kosong"),
        ('=HYPERLINK("x")', "rumus"),
        ("@SUM(A1)", "rumus"),
        ("x" * 201, "terlalu panjang"),
        ("<b>Melati</b>", "< >"),
        ("Melati\x07", "kendali"),
    ],
)
def test_a_name_is_refused_for_what_a_spreadsheet_or_a_page_would_do_with_it(name: str, problem: str) -> None:
    found = rules.name_problem(name)
    assert (problem in found) if problem else found == ""


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2023-10-05", dt.date(2023, 10, 5)),
        ("2023-10-05 00:00:00", dt.date(2023, 10, 5)),
        ("05/10/2023", dt.date(2023, 10, 5)),
        ("05-10-2023", dt.date(2023, 10, 5)),
        ("10/05/23", None),
        ("2023-02-30", None),
        ("kemarin", None),
    ],
)
def test_dates_are_day_first_or_iso_and_nothing_is_guessed(text: str, date: dt.date | None) -> None:
    assert rules.parse_date(text) == date


@pytest.mark.parametrize(
    ("text", "periode"),
    [
        ("2025-08", "2025-08"),
        ("2025-08-01", "2025-08"),
        ("08/2025", "2025-08"),
        ("2025-13", None),
        ("2025-08-15", None),  # a day inside the month is not a month
        ("Agustus 2025", None),
    ],
)
def test_a_periode_is_a_month_and_only_a_month(text: str, periode: str | None) -> None:
    assert rules.parse_periode(text) == periode


def test_the_scope_is_spelled_as_we_spell_it_and_empty_means_desa() -> None:
    assert [rules.parse_scope(x) for x in ("", "rw", "DUSUN", "Kelurahan", "RT")] == [
        "Desa",
        "RW",
        "Dusun",
        "Kelurahan",
        None,
    ]


def test_a_stated_periode_is_taken_within_the_programmes_months_only() -> None:
    assert rules.periode_problem("2025-08", TODAY) == ("2025-08", None)
    assert rules.periode_problem(" 08/2025 ", TODAY) == ("2025-08", None)
    missing = rules.periode_problem(None, TODAY)
    assert missing[0] is None and missing[1] is not None and "--periode" in missing[1][2]
    assert rules.periode_problem("bulan lalu", TODAY) == (
        None,
        ("bulan lalu", "bukan periode", "YYYY-MM, mis. 2025-08"),
    )
    early = rules.periode_problem("2015-12", TODAY)
    assert early == ("2015-12", ("2015-12", "di luar rentang", "2016-01 sampai 2026-12"))
    assert rules.periode_problem("2027-01", TODAY)[1] is not None


@given(st.integers(2016, 2026), st.integers(1, 12))
def test_periode_forms_parse_to_one_month(year: int, month: int) -> None:
    expected = f"{year}-{month:02d}"
    for text in (expected, f"{month:02d}/{year}", f"{expected}-01", f"{expected}-01 00:00:00"):
        assert rules.parse_periode(text) == expected


@given(st.dates(dt.date(2016, 1, 1), dt.date(2026, 11, 22)))
def test_date_forms_parse_to_the_same_day(day: dt.date) -> None:
    for text in (day.isoformat(), day.strftime("%d/%m/%Y"), day.strftime("%d-%m-%Y"), f"{day} 00:00:00"):
        assert rules.parse_date(text) == day


@given(st.text(max_size=12))
def test_nonsense_never_parses_as_a_periode_or_date_unless_it_is_one(text: str) -> None:
    periode = rules.parse_periode(text)
    assert periode is None or (len(periode) == 7 and 1 <= int(periode[5:]) <= 12)
    assert rules.parse_date(text) is None or isinstance(rules.parse_date(text), dt.date)
