"""Shared fixtures: real DuckDB files built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kkb import build, db, paparan, slides, store
from kkb.classification import DEFAULT_METHOD
from kkb.regions import Reference, Regions, read_reference, wilayah_table
from kkb.view import View

#: Banten and Riau (the published comparisons) and Bali (Kab. Tabanan's 2025 class mix)
SMALL_PROVINCES = ("14", "36", "51")


@pytest.fixture(scope="session")
def reference() -> Reference:
    return read_reference(db.DATA_DIR)


@pytest.fixture(scope="session")
def nation(reference: Reference) -> Regions:
    """The whole Kemendagri hierarchy down to desa, indexed once (it takes seconds)."""
    return Regions(wilayah_table(reference))


@pytest.fixture(scope="session")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo registry of three provinces (all regions are present)."""
    return build.build(tmp_path_factory.mktemp("small") / "kkb.duckdb", provinces=SMALL_PROVINCES)


@pytest.fixture(scope="session")
def full_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole national demo registry, as `python -m kkb build` makes it."""
    return build.build(tmp_path_factory.mktemp("full") / "kkb.duckdb")


@pytest.fixture(scope="session")
def banten_pack(small_db: Path) -> paparan.Pack:
    """Banten's briefing pack (Bahasa Indonesia) at the last periode, compared with Riau, built once."""
    con = db.connect(small_db)
    try:
        periode = store.periods(con)[-1]
        return paparan.build(slides.Database(con), View("id", "36", periode, DEFAULT_METHOD), "14")
    finally:
        con.close()


@pytest.fixture(scope="session")
def banten(banten_pack: paparan.Pack, small_db: Path) -> tuple[paparan.Pack, Path, Path]:
    """Banten's pack at the last periode, compared with Riau, written as PPTX and PDF."""
    pack = banten_pack
    folder = small_db.parent
    return pack, paparan.write(pack, folder / "banten.pptx"), paparan.write(pack, folder / "banten.pdf")


@pytest.fixture()
def small_con(small_db: Path):  # type: ignore[no-untyped-def]
    con = db.connect(small_db)
    yield con
    con.close()


@pytest.fixture()
def live(small_db: Path, tmp_path: Path) -> Path:
    """A private copy of the small database for one test to import into."""
    target = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, target)
    return target


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """Readable test ids: a list, tuple, set or dict by its values, not ``expected2``."""
    if isinstance(val, list | tuple | set | frozenset | dict):
        text = repr(sorted(val) if isinstance(val, set | frozenset) else val)
        return text if len(text) <= 48 else text[:45] + "..."
    return None
