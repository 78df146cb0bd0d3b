"""``kkb.pack``: the model both renderers read — table text, column widths, the footer line."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from kkb.pack import Pack, column_shares, table_rows
from kkb.view import View


def test_a_table_becomes_text_rows_with_its_header_first() -> None:
    table = pd.DataFrame({"Wilayah": ["Banten", "Riau"], "Kampung KB": [1161, 1863]})
    assert table_rows(table) == [["Wilayah", "Kampung KB"], ["Banten", "1161"], ["Riau", "1863"]]


def test_columns_share_the_width_by_their_longest_cell_within_limits() -> None:
    shares = column_shares([["a", "b" * 100], ["c", "d"]])
    assert abs(sum(shares) - 1) < 1e-9
    assert shares == [8 / 48, 40 / 48]  # at least 8 characters wide, at most 40


def test_the_footer_names_the_pack_region_and_periode_in_its_language() -> None:
    pack = Pack(View("en", "36", "2025-12", "portal-2021"), "Banten", "Riau", True, dt.date(2026, 12, 3))
    assert pack.footer.endswith(" · Banten · 2025-12") and pack.slides == []
