"""The entry page, run headless with Streamlit's AppTest against a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kkb import build
from tests.helpers import new_app

_REAL_BUILD = build.build

ROOT = Path(__file__).resolve().parent.parent


def test_app_opens_on_the_national_overview(small_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KKB_DB", str(small_db))
    at = new_app(timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Ringkasan · Indonesia"
    assert "Data sintetis" in at.warning[0].value
    # the sidebar: language, the 38 provinces (plus "all"), the periods, newest first
    assert at.sidebar.radio(key="lang").value == "id"
    assert len(at.sidebar.selectbox(key="prov").options) == 39
    assert at.sidebar.selectbox(key="periode").value == "2025-12"


def test_app_builds_the_database_on_first_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "first.duckdb"
    monkeypatch.setenv("KKB_DB", str(target))
    monkeypatch.setattr("kkb.build.build", _small_build)
    at = new_app().run()
    assert not at.exception
    assert target.exists()
    banten = {m.label: m.value for m in at.metric}["Kampung KB terbentuk"]
    assert banten != "0"


def _small_build(path: Path, progress=None):  # type: ignore[no-untyped-def]
    """The real build, limited to Banten so the test stays quick (the full build is tested elsewhere)."""
    return _REAL_BUILD(path, progress=progress, provinces=("36",))
