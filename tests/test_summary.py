"""``kkb.summary``: the command line's overview of a region says its figures, source and synthetic notice."""

from __future__ import annotations

import pytest

from kkb import db, fmt, overview, store
from kkb.classification import DEFAULT_METHOD
from kkb.errors import KkbError
from kkb.summary import summary_text


def test_the_summary_says_the_regions_figures_in_its_language(small_con: db.Connection) -> None:
    periode = store.periods(small_con)[-1]
    m = overview.region(small_con, "36", periode, DEFAULT_METHOD)
    said = summary_text(small_con, "36", None, DEFAULT_METHOD, "id")
    assert "Banten" in said and periode in said
    assert fmt.number(m.pembentukan, "id") in said and fmt.percent(m.cakupan_desa_persen, "id") in said
    assert "sintetis" in said  # the demo registry is said to be synthetic
    english = summary_text(small_con, "36", periode, DEFAULT_METHOD, "en")
    assert fmt.percent(m.cakupan_desa_persen, "en") in english and "synthetic" in english


@pytest.mark.parametrize(("code", "periode", "words"), [("99", None, "99"), ("36", "2031-01", "2031-01")])
def test_an_unknown_region_or_periode_is_refused(
    small_con: db.Connection, code: str, periode: str | None, words: str
) -> None:
    with pytest.raises(KkbError, match=words):
        summary_text(small_con, code, periode, DEFAULT_METHOD)
