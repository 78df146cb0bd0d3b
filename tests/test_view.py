"""``kkb.view``: a view knows its level from its region's code."""

from __future__ import annotations

import pytest

from kkb.view import View


@pytest.mark.parametrize(("code", "level"), [("ID", 0), ("36", 1), ("36.04", 2), ("36.04.05", 3)])
def test_a_views_level_is_that_of_its_region(code: str, level: int) -> None:
    assert View("id", code, "2025-12", "portal-2021").level == level
