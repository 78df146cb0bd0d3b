"""The house as it is built: no import circle, short files, each module with its tests, one link table."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _module_of(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each module of ``kkb`` and ``pages``, with the modules of those two it imports (anywhere in it)."""
    files = [*ROOT.glob("kkb/**/*.py"), *ROOT.glob("pages/*.py")]
    modules = {_module_of(p): p for p in files}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # ``from kkb.ingest import names`` takes the module ``names``, not the package's own code
                taken = {f"{node.module}.{a.name}" for a in node.names}
                found |= taken & modules.keys() or {node.module}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def _circle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle (its modules in order), or None."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = _imports()
    assert "kkb.pack" in graph["kkb.paparan_pdf"] and "kkb.pack" in graph["kkb.paparan_pptx"]
    assert _circle(graph) is None, " → ".join(_circle(graph) or [])


def test_the_circle_finder_finds_a_circle() -> None:
    assert _circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _circle({"a": {"b"}, "b": set()}) is None


def test_every_environment_variable_and_command_is_in_the_readme() -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = "\n".join(p.read_text(encoding="utf-8") for p in [*ROOT.glob("kkb/**/*.py"), *ROOT.glob("*.py")])
    named = set(re.findall(r"environ\.get\(\"([A-Z_]+)\"", code)) | set(
        re.findall(r"ENV(?:_[A-Z]+)? = \"([A-Z_]+)\"", code)
    )
    variables = named - {"USER"}  # the command line's default user name is the shell's own
    commands = re.findall(
        r'add_parser\(\s*"([a-z-]+)"', (ROOT / "kkb" / "__main__.py").read_text(encoding="utf-8")
    )
    assert {"KKB_DB", "KKB_ADMIN_PASSWORD_HASH"} <= variables and {"import", "undo"} <= set(commands)
    assert [v for v in sorted(variables) if v not in readme] == []
    assert [c for c in commands if f"python -m kkb {c}" not in readme] == []


def test_colours_are_written_once_in_the_palette() -> None:
    import re
    import tomllib

    from kkb import palette

    hex_colour = re.compile(r"#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b")
    files = [*ROOT.glob("kkb/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"]
    elsewhere = {
        str(p.relative_to(ROOT)): hex_colour.findall(p.read_text(encoding="utf-8"))
        for p in files
        if p.name != "palette.py"
    }
    assert {name: found for name, found in elsewhere.items() if found} == {}
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    assert theme["primaryColor"] == palette.ACCENT  # Streamlit's own buttons and links in our accent


def test_statements_live_in_the_sql_folder_not_in_python() -> None:
    import re

    statement = re.compile(
        r"execute\(\s*f?\"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|ATTACH|WITH)\b"
    )
    found = {
        str(p.relative_to(ROOT)): statement.findall(p.read_text(encoding="utf-8"))
        for p in ROOT.glob("kkb/**/*.py")
    }
    assert {name: kinds for name, kinds in found.items() if kinds} == {}


def _link_keys(tree: ast.AST) -> tuple[set[str], list[str]]:
    """The parameters a script names through ``pages._state``, and the bound widgets keyed otherwise."""
    named: set[str] = set()
    loose: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in ("param", "link_value", "drop_link"):
            named |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
        elif name == "set_link":
            named |= {k.arg for k in node.keywords if k.arg}
        bind = next((k.value for k in node.keywords if k.arg == "bind"), None)
        if isinstance(bind, ast.Constant) and bind.value == "query-params":
            key = next(k.value for k in node.keywords if k.arg == "key")
            through = (
                isinstance(key, ast.Call)
                and getattr(key.func, "attr", getattr(key.func, "id", "")) == "param"
            )
            constant = isinstance(key, ast.Name) and key.id in (
                "LANG",
                "PROV",
                "KAB",
                "KEC",
                "PERIODE",
                "METODE",
            )
            if not (through or constant):
                loose.append(ast.unparse(key))
    return named, loose


def test_every_query_parameter_is_named_once_in_the_state_table() -> None:
    from pages._state import PARAMS

    named: set[str] = set()
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found, loose = _link_keys(tree)
        named |= found
        assert not loose, f"{path.name}: widgets bound to the link without pages._state.PARAMS: {loose}"
        if path.name not in ("_state.py", "_links.py"):  # the table's room, and the shared-link check
            touches = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "query_params"]
            assert not touches, f"{path.name} reads st.query_params itself"
    assert named - set(PARAMS) == set(), "named but not in PARAMS"
    assert set(PARAMS) - named == set(), "in PARAMS but no page uses it"
    assert all(key == p.key for key, p in PARAMS.items())


def test_the_link_check_finds_a_widget_bound_without_the_table() -> None:
    tree = ast.parse('st.radio("x", [], key="urut", bind="query-params")\nstate.set_link(slide="1")')
    assert _link_keys(tree) == ({"slide"}, ["'urut'"])


#: the longest a file of code or tests may be: beyond it a file holds more than one room
FILE_LINES = 400
#: files that are tables of words, not code (the UI strings in both languages)
WORD_TABLES = ("kkb/i18n.py",)


def _long_files(root: Path, limit: int) -> dict[str, int]:
    """The Python files under ``root`` (the project's own: not the virtualenv) longer than ``limit``."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if name.startswith((".", "screenshots/")) or "/." in name or name in WORD_TABLES:
            continue
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > limit:
            found[name] = n
    return found


def test_no_file_is_longer_than_400_lines_except_the_table_of_words() -> None:
    assert (ROOT / WORD_TABLES[0]).exists()
    long = _long_files(ROOT, FILE_LINES)
    assert not long, f"files over {FILE_LINES} lines (split them by what they hold): {long}"


def test_the_length_check_sees_a_long_file(tmp_path: Path) -> None:
    (tmp_path / "kkb").mkdir()
    (tmp_path / "kkb" / "long.py").write_text("x = 1\n" * 401)
    (tmp_path / "kkb" / "short.py").write_text("x = 1\n" * 400)
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "site.py").write_text("x = 1\n" * 900)
    assert _long_files(tmp_path, FILE_LINES) == {"kkb/long.py": 401}


#: a page file reads view → report → render; anything longer belongs in the page layer or in kkb
PAGE_LINES = 120


def test_every_page_file_is_short() -> None:
    pages = [p for p in sorted((ROOT / "pages").glob("*.py")) if not p.name.startswith("_")]
    assert len(pages) >= 9  # the dashboard's pages (the page layer's rooms start with an underscore)
    long = {p.name: n for p in pages if (n := len(p.read_text(encoding="utf-8").splitlines())) >= PAGE_LINES}
    assert not long, f"page files of {PAGE_LINES} lines or more: {long}"


def _test_files_of(module: Path) -> list[str]:
    """The test files that may mirror ``module``: ``tests/test_<name>.py``; in a package also
    ``test_<package>_<name>.py``, the only one when a module of ``kkb`` itself has that name.
    """
    parts = module.relative_to(ROOT / "kkb").with_suffix("").parts
    if parts == ("__main__",):
        return ["test_cli.py"]  # the command line
    if len(parts) == 1:
        return [f"test_{parts[0]}.py"]
    qualified = f"test_{'_'.join(parts)}.py"
    return [qualified] if (ROOT / "kkb" / f"{parts[-1]}.py").exists() else [f"test_{parts[-1]}.py", qualified]


def test_every_kkb_module_has_its_test_file() -> None:
    modules = [p for p in sorted((ROOT / "kkb").glob("**/*.py")) if p.name != "__init__.py"]
    assert len(modules) > 30
    missing = [
        str(m.relative_to(ROOT))
        for m in modules
        if not any((ROOT / "tests" / name).exists() for name in _test_files_of(m))
    ]
    assert not missing, f"kkb modules without a test file: {missing}"


def test_the_mirror_names_a_package_modules_test_file_both_ways() -> None:
    assert _test_files_of(ROOT / "kkb" / "ingest" / "targets.py") == ["test_ingest_targets.py"]
    assert _test_files_of(ROOT / "kkb" / "ingest" / "names.py") == ["test_names.py", "test_ingest_names.py"]
    assert _test_files_of(ROOT / "kkb" / "report.py") == ["test_report.py"]
