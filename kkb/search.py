"""Find a Kampung KB by what an official knows of it: its name, its desa, kecamatan, kab/kota or provinsi.

Typo-tolerant: each word of the search is matched against the words of those names
(``sql/kampung_search.sql``); a word one letter off still finds its place, a word like nothing
finds nothing rather than a guess. A search that is a Kampung KB's ID opens that one first.

The names are read once into an ``Index`` (``index``; the dashboard keeps one per database
version), and each search compares its words with the index's vocabulary, every distinct word once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Index:
    """Every Kampung KB's names, their words (with how much each counts) and the distinct words."""

    names: pd.DataFrame
    words: pd.DataFrame
    vocabulary: pd.DataFrame

    def frames(self) -> dict[str, pd.DataFrame]:
        """The tables ``sql/kampung_search.sql`` reads, by the names it reads them under."""
        return {"names": self.names, "words": self.words, "vocabulary": self.vocabulary}


def index(con: db.Connection) -> Index:
    """Read the search index of the registry ``con`` holds."""
    names = db.query(con, "search_names")
    words = db.query_frames("search_words", {"names": names})
    vocabulary = pd.DataFrame({"word": words["word"].unique()})
    return Index(names, words, vocabulary)


def words(query: str) -> list[str]:
    """The words a search matches: lower-case letters and digits, kind words (``desa``, ``kab``) left out."""
    found = re.findall(r"[0-9a-z]+", query.lower())
    return [w for w in dict.fromkeys(found) if w not in KIND_WORDS and (len(w) > 1 or w.isdigit())]


def find(source: db.Connection | Index, query: str, limit: int = LIMIT) -> pd.DataFrame:
    """The Kampung KB that best match ``query``, best first (``RESULT_COLUMNS``; empty when none does).

    ``source`` is an ``Index`` (kept between searches) or a connection (the index is read first).
    """
    found = index(source) if not isinstance(source, Index) else source
    by_id = pd.DataFrame(columns=list(RESULT_COLUMNS))
    text = query.strip()
    if re.fullmatch(r"[A-Za-z]{0,3}[0-9]{3,}", text):
        one = found.names[found.names["id"] == text.upper()]
        if not one.empty:
            by_id = one.reindex(columns=list(RESULT_COLUMNS)).assign(skor=1.0)
    tokens = words(text)
    if not tokens:
        return by_id.reset_index(drop=True)
    params = {"tokens": tokens, "floor": FLOOR, "limit": limit}
    like = db.query_frames("kampung_search", found.frames(), params)
    if by_id.empty:
        return like
    rest = like[like["id"] != by_id["id"].iloc[0]]
    return pd.concat([by_id, rest], ignore_index=True).head(limit)


def label(row: Mapping[str, object]) -> str:
    """How a result reads in a list: ``Kampung KB Margasana · Margasana, Kramatwatu, Kabupaten Serang``."""
    names = (row.get(c) for c in ("desa", "kecamatan", "kabkota", "provinsi"))
    place = ", ".join(str(n) for n in names if isinstance(n, str) and n)
    return f"{row['nama']} · {place}"
