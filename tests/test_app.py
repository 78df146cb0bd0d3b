"""The entry page, run headless with Streamlit's AppTest against a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kkb import build

_REAL_BUILD = build.build

ROOT = Path(__file__).resolve().parent.parent


def test_app_shows_what_the_database_holds(small_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KKB_DB", str(small_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Dasbor Kampung KB"
    assert "Data sintetis" in at.warning[0].value
    text = at.code[0].value
    assert "38 provinsi, 514 kab/kota, 7.285 kecamatan, 83.762 desa/kelurahan" in text


def test_app_builds_the_database_on_first_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "first.duckdb"
    monkeypatch.setenv("KKB_DB", str(target))
    monkeypatch.setattr("kkb.build.build", _small_build)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    assert target.exists()
    assert "Kampung KB" in at.code[0].value


def _small_build(path: Path, progress=None):  # type: ignore[no-untyped-def]
    """The real build, limited to Banten so the test stays quick (the full build is tested elsewhere)."""
    return _REAL_BUILD(path, progress=progress, provinces=("36",))
