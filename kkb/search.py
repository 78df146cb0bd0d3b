"""Find a Kampung KB by what an official knows of it: its name, its desa, kecamatan, kab/kota or provinsi.

Typo-tolerant: each word of the search is matched against each word of those names
(``sql/kampung_search.sql``); a word one letter off still finds its place, a word like nothing
finds nothing rather than a guess. A search that is a Kampung KB's ID opens that one first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from kkb import db

#: words that say what kind of name follows, not which: left out of a search
KIND_WORDS = frozenset(
    {"kampung", "kb", "desa", "kel", "kelurahan", "kec", "kecamatan", "kab", "kabupaten", "kota", "provinsi"}
)
#: the score every word of a search must reach (1 = the same word; one letter wrong in eight ≈ 0.9)
FLOOR = 0.8
LIMIT = 10
RESULT_COLUMNS = ("id", "nama", "desa", "kecamatan", "kabkota", "provinsi", "skor")


def words(query: str) -> list[str]:
    """The words a search matches: lower-case letters and digits, kind words (``desa``, ``kab``) left out."""
    found = re.findall(r"[0-9a-z]+", query.lower())
    return [w for w in dict.fromkeys(found) if w not in KIND_WORDS and (len(w) > 1 or w.isdigit())]


def find(con: db.Connection, query: str, limit: int = LIMIT) -> pd.DataFrame:
    """The Kampung KB that best match ``query``, best first (``RESULT_COLUMNS``; empty when none does)."""
    by_id = pd.DataFrame(columns=list(RESULT_COLUMNS))
    text = query.strip()
    if re.fullmatch(r"[A-Za-z]{0,3}[0-9]{3,}", text):
        one = db.query(con, "kampung_one", {"id": text.upper()})
        if not one.empty:
            by_id = one.reindex(columns=list(RESULT_COLUMNS)).assign(skor=1.0)
    tokens = words(text)
    if not tokens:
        return by_id
    found = db.query(con, "kampung_search", {"tokens": tokens, "floor": FLOOR, "limit": limit})
    if by_id.empty:
        return found
    rest = found[found["id"] != by_id["id"].iloc[0]]
    return pd.concat([by_id, rest], ignore_index=True).head(limit)


def label(row: Mapping[str, object]) -> str:
    """How a result reads in a list: ``Kampung KB Margasana · Margasana, Kramatwatu, Kabupaten Serang``."""
    names = (row.get(c) for c in ("desa", "kecamatan", "kabkota", "provinsi"))
    place = ", ".join(str(n) for n in names if isinstance(n, str) and n)
    return f"{row['nama']} · {place}"
