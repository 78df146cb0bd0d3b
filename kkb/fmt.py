"""Number formats: Indonesian (1.161; 24,28 %) and English (1,161; 24.28%)."""

from __future__ import annotations

import math
import re

import pandas as pd

Lang = str  # "id" or "en"


def number(value: float | int | None, lang: Lang = "id", decimals: int = 0) -> str:
    """Format a number with the language's thousands and decimal separators; ``–`` for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def percent(value: float | None, lang: Lang = "id", decimals: int = 2) -> str:
    """Format a percentage: ``24,28 %`` in Indonesian, ``24.28%`` in English; ``–`` for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = number(value, lang, decimals)
    return f"{text} %" if lang == "id" else f"{text}%"


def signed(value: float | None, lang: Lang = "id", decimals: int = 0, unit: str = "") -> str:
    """Format a change with its sign (``+12``, ``−3,5 %``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    body = number(abs(value), lang, decimals)
    if unit == "%":
        body = f"{body} %" if lang == "id" else f"{body}%"
    elif unit == "pp":
        body = f"{body} poin" if lang == "id" else f"{body} pp"
    return sign + body


#: the first characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot run as spreadsheet formulas.

    A text cell that starts like a formula gets a leading apostrophe, which spreadsheets show as
    text. Numbers (negative ones included) are left as they are.
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = [
                f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_START) else cell
                for cell in out[column]
            ]
    return out


#: the characters Streamlit's markdown gives a meaning (links, images, emphasis, headings, lists,
#: tables, code, colour and emoji directives, maths)
_MARKDOWN = set("\\`*_{}[]()<>#+-.!|~:$=")
#: where GitHub-flavoured markdown finds a bare address to link (``http://``, ``www.``, ``a@b.c``). Its
#: autolinks are found in the text after escapes are read, so an escape cannot stop them; a word
#: joiner (U+2060, invisible) placed inside each pattern does.
_AUTOLINK = re.compile(r"(?i)(?<=https)(?=:)|(?<=http)(?=:)|(?<=\bwww)(?=\.)|(?=@)")
WORD_JOINER = "\u2060"


def plain(text: object) -> str:
    """``text`` as Streamlit markdown that shows exactly these characters and nothing more.

    A value from a link, an imported file or a target (``[Sesi berakhir](http://…)``, ``![x](…)``,
    ``# judul``, ``www.contoh.invalid``) is shown as typed: every character markdown reads is
    escaped, an invisible word joiner breaks each bare address GFM would link, and line breaks become
    spaces, so no link, image, heading or list can come out of a value.
    """
    flat = _AUTOLINK.sub(WORD_JOINER, " ".join(str(text).split()))
    return "".join(f"\\{ch}" if ch in _MARKDOWN else ch for ch in flat)


def https_link(label: object, url: object) -> str:
    """A markdown link to ``url`` labelled ``label``, only for an ``https://`` address; else the label."""
    address = str(url).strip()
    if not address.startswith("https://") or any(ch in address for ch in ' <>()[]"\\'):
        return plain(label)
    return f"[{plain(label)}]({address})"


def plain_lines(text: object) -> str:
    """Like ``plain``, keeping the line breaks (a message that lists one problem a line)."""
    return "  \n".join(plain(line) for line in str(text).splitlines())
