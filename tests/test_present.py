"""Mode presentasi: one large chart at a time, controls hidden, the slide in the URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kkb.i18n import t

ROOT = Path(__file__).resolve().parent.parent


def presenting(small_db: Path, monkeypatch: pytest.MonkeyPatch, **params: str) -> AppTest:
    monkeypatch.setenv("KKB_DB", str(small_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"present": "1", **params})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def title(at: AppTest) -> str:
    charts = at.get("plotly_chart")
    assert len(charts) == 1  # one chart at a time
    return str(json.loads(charts[0].proto.spec)["layout"]["title"]["text"])


def test_slides_step_through_the_regions_charts(small_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = presenting(small_db, monkeypatch, prov="Banten")
    assert title(at) == t("trend_title", "id", region="Banten")
    assert any(">1 / 5<" in m.value for m in at.markdown)
    assert not at.title  # no page body behind the slide
    next(b for b in at.button if b.key == "slide_next").click().run()
    assert at.query_params["slide"] == "2"
    assert title(at).startswith("Cakupan desa/kelurahan per kabupaten/kota, Banten")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["font"]["size"] >= 20 and spec["layout"]["title"]["font"]["size"] >= 28
    assert "Sumber: registri demo sintetis" in " ".join(m.value for m in at.markdown)


def test_a_link_opens_the_same_slide_and_exit_returns_to_the_page(
    small_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = presenting(small_db, monkeypatch, prov="Riau", slide="4", lang="English")
    assert title(at) == "Target attainment, Riau, 2025-12"
    next(b for b in at.button if b.key == "slide_exit").click().run()
    assert "present" not in at.query_params
    assert at.title[0].value == "Overview · Riau"


def test_an_out_of_range_slide_shows_the_last(small_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = presenting(small_db, monkeypatch, prov="Banten", slide="99")
    assert any(">5 / 5<" in m.value for m in at.markdown)
    assert next(b for b in at.button if b.key == "slide_next").disabled
