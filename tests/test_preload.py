"""serve.py loads what the pages import before the first visitor (kkb.preload)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from kkb import preload

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    """The modules a script imports at its top level or in its functions (``from kkb import x`` → kkb.x)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "kkb":
                found.update(f"kkb.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
    return found


def test_the_preload_covers_every_module_the_pages_import() -> None:
    scripts = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    wanted = set().union(*(_imports(path) for path in scripts))
    ours_or_third_party = {
        name
        for name in wanted
        if name.split(".")[0] not in sys.stdlib_module_names
        and name.split(".")[0] not in {"streamlit", "pages", "__future__"}
    }
    assert {"pandas", "kkb.charts", "kkb.i18n"} <= ours_or_third_party  # the parser sees them
    missing = sorted(ours_or_third_party - set(preload.MODULES))
    assert not missing, f"add to kkb.preload.MODULES: {missing}"


def test_the_preload_loads_every_module_it_names() -> None:
    assert preload.load() >= 0  # an import error (a misspelt or removed module) fails here
    assert all(name in sys.modules for name in preload.MODULES)
