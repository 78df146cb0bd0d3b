"""The checks of single values, shared by every file shape: pure functions of the text they are given."""

from __future__ import annotations

import datetime as dt
import re

SCOPES = ("RW", "Dusun", "Desa", "Kelurahan")
FIRST_PERIODE = "2016-01"  # the programme's launch, January 2016
#: a cell a spreadsheet would run as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def parse_code(text: str) -> str:
    """A desa code in dotted form (``3604052001`` → ``36.04.05.2001``); other text as it is."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 10 and not re.search(r"[^\d.\s]", text):
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
    return text


def name_problem(name: str) -> str:
    """Why a name cannot be taken (empty, a formula, too long, markup), or ``""``."""
    if not name:
        return "kosong"
    if name.startswith(FORMULA_START):
        return "tampak seperti rumus spreadsheet"
    if len(name) > 200:
        return "terlalu panjang"
    if any(ord(ch) < 32 for ch in name) or "<" in name or ">" in name:
        return "berisi karakter kendali atau tanda < >"
    return ""


def parse_date(text: str) -> dt.date | None:
    """A date written ``YYYY-MM-DD`` (with a time or not), ``DD/MM/YYYY`` or ``DD-MM-YYYY``; else None."""
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def parse_periode(text: str) -> str | None:
    """A month written ``YYYY-MM`` (or a first-of-month date) or ``MM/YYYY``, as ``YYYY-MM``; else None."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-01(?: 00:00:00)?)?", text) or re.fullmatch(
        r"(\d{2})/(\d{4})", text
    )
    if match is None:
        return None
    year, month = (
        (match.group(1), match.group(2)) if len(match.group(1)) == 4 else (match.group(2), match.group(1))
    )
    if not 1 <= int(month) <= 12:
        return None
    return f"{year}-{month}"


def parse_scope(text: str) -> str | None:
    """The cakupan as we spell it (empty = Desa), or None when it is none of ``SCOPES``."""
    if not text:
        return "Desa"
    for scope in SCOPES:
        if text.casefold() == scope.casefold():
            return scope
    return None


def periode_problem(periode: str | None, today: dt.date) -> tuple[str | None, tuple[str, str, str] | None]:
    """The month a user stated for a file without one, and why it cannot be taken (value, what, accepted).

    A missing periode is a problem too (``what`` is then empty: the shape says why it needs one).
    """
    this_month = today.strftime("%Y-%m")
    if periode is None or not periode.strip():
        return None, ("", "", "--periode YYYY-MM (di halaman Kelola data: pilih periode)")
    chosen = parse_periode(periode)
    if chosen is None:
        return None, (periode, "bukan periode", "YYYY-MM, mis. 2025-08")
    if not FIRST_PERIODE <= chosen <= this_month:
        return chosen, (chosen, "di luar rentang", f"{FIRST_PERIODE} sampai {this_month}")
    return chosen, None
