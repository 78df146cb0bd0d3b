"""``kkb.i18n``: every word in both languages, filled in by ``t``; a room that needs nothing else."""

from __future__ import annotations

import ast
from pathlib import Path

from kkb.i18n import COLUMNS, STRINGS, t


def test_every_string_has_both_languages() -> None:
    assert all(len(pair) == 2 and all(pair) for pair in [*STRINGS.values(), *COLUMNS.values()])


def test_t_fills_in_values_in_the_language_asked_and_falls_back_to_the_key() -> None:
    assert t("undo_done", "id", id=12, file="rekap.csv") == "Impor #12 (rekap.csv) dibatalkan."
    assert t("undo_done", "en", id=12, file="rekap.csv") == "Import #12 (rekap.csv) was undone."
    assert t("no_such_key_anywhere", "en") == "no_such_key_anywhere"


def test_the_words_import_none_of_the_rules() -> None:
    tree = ast.parse((Path(__file__).resolve().parent.parent / "kkb" / "i18n.py").read_text(encoding="utf-8"))
    imported = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
    assert [ast.unparse(n) for n in imported] == ["from __future__ import annotations"]
