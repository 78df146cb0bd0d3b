"""Project rules that keep the code honest."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from kkb import db
from kkb.classification import METHODS
from kkb.i18n import STRINGS
from kkb.indicators import DQ_FLAGS, INDICATORS

ROOT = Path(__file__).resolve().parent.parent


def test_kkb_never_imports_streamlit() -> None:
    for path in (ROOT / "kkb").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "streamlit" for n in names), path


def test_only_db_imports_duckdb() -> None:
    for path in (ROOT / "kkb").rglob("*.py"):
        if path.name != "db.py":
            assert not re.search(r"^\s*(import|from)\s+duckdb", path.read_text(), re.M), path


def test_every_sql_file_is_used() -> None:
    """Statements are run by name from ``kkb``; a part (``_name``) is included by a statement."""
    code = "\n".join(p.read_text() for p in (ROOT / "kkb").rglob("*.py"))
    statements = [p for p in db.SQL_DIR.glob("*.sql") if not p.stem.startswith("_")]
    included = "\n".join(p.read_text() for p in statements)
    for sql in db.SQL_DIR.glob("*.sql"):
        if sql.stem.startswith("_"):
            assert f"-- include: {sql.stem}\n" in included, f"{sql.name} is never included"
        else:
            assert f'"{sql.stem}"' in code, f"{sql.name} is never run"


def test_an_included_part_stands_in_the_statement() -> None:
    text = db.sql("rekap_sums")
    assert "include" not in text and "sum(berkelanjutan)::BIGINT AS berkelanjutan" in text
    assert text.count("sum(pembentukan)") == 1 and "-- The counts" not in text


def test_every_indicator_and_flag_has_both_languages() -> None:
    keys = [f"ind_{i.key}" for i in INDICATORS] + list(DQ_FLAGS)
    for key in keys:
        assert key in STRINGS and all(STRINGS[key]), key
    for key, (indonesian, english) in STRINGS.items():
        assert indonesian and english, key


def test_every_ui_string_the_pages_ask_for_exists() -> None:
    """A key missing from i18n would show up on screen as the bare key."""
    sources = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "kkb").glob("*.py")]
    asked = {k for p in sources for k in re.findall(r"\bt\(\s*\"([a-z0-9_]+)\"", p.read_text())}
    assert asked, "no t(...) calls found: the pattern is wrong"
    assert sorted(asked - set(STRINGS)) == []
    for name in METHODS:
        assert f"method_title_{name}" in STRINGS and f"method_desc_{name}" in STRINGS, name
