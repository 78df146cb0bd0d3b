"""Mode presentasi: one large chart at a time, controls hidden, the slide in the URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kkb import db, overview, store
from kkb.classification import DEFAULT_METHOD
from kkb.i18n import t
from tests.helpers import new_app

ROOT = Path(__file__).resolve().parent.parent


def presenting(small_db: Path, monkeypatch: pytest.MonkeyPatch, **params: str) -> AppTest:
    monkeypatch.setenv("KKB_DB", str(small_db))
    at = new_app()
    at.query_params.update({"present": "1", **params})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def title(at: AppTest) -> str:
    charts = at.get("plotly_chart")
    assert len(charts) == 1  # one chart at a time
    # read as one line: a long title is set on two (chart_style.wrapped)
    return str(json.loads(charts[0].proto.spec)["layout"]["title"]["text"]).replace("<br>", " ")


def test_slides_step_through_the_regions_charts(small_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = presenting(small_db, monkeypatch, prov="Banten", slide="3")
    assert title(at) == t("trend_title", "id", region="Banten")
    assert any(">3 / 7<" in m.value for m in at.markdown)
    assert not at.title  # no page body behind the slide
    next(b for b in at.button if b.key == "slide_next").click().run()
    assert at.query_params["slide"] == "4"
    assert title(at).startswith("Cakupan desa/kelurahan per kabupaten/kota, Banten")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["font"]["size"] >= 20 and spec["layout"]["title"]["font"]["size"] >= 28
    assert "Sumber: registri demo sintetis" in " ".join(m.value for m in at.markdown)


def test_a_link_opens_the_same_slide_and_exit_returns_to_the_page(
    small_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = presenting(small_db, monkeypatch, prov="Riau", slide="6", lang="English")
    assert title(at) == "Target attainment, Riau, 2025-12"
    next(b for b in at.button if b.key == "slide_exit").click().run()
    assert "present" not in at.query_params
    assert at.title[0].value == "Overview · Riau"


def test_an_out_of_range_slide_shows_the_last(small_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = presenting(small_db, monkeypatch, prov="Banten", slide="99")
    assert any(">7 / 7<" in m.value for m in at.markdown)
    assert next(b for b in at.button if b.key == "slide_next").disabled


def _spec(at: AppTest) -> dict:  # type: ignore[type-arg]
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_the_first_slide_is_the_headline_figures_of_region_metrics(
    small_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = presenting(small_db, monkeypatch, prov="Banten")
    con = db.connect(small_db)
    try:
        m = overview.region(con, "36", store.periods(con)[-1], DEFAULT_METHOD)
    finally:
        con.close()
    spec = _spec(at)
    assert spec["layout"]["title"]["text"].startswith(t("pack_headline", "id", region="Banten"))
    values = [trace["value"] for trace in spec["data"]]
    assert values == pytest.approx(
        [m.pembentukan, m.cakupan_desa_persen, m.mandiri_plus_persen, m.terklasifikasi]
    )
    assert spec["layout"]["separators"] == ",."  # 1.161 and 24,28 %


def test_the_comparison_slide_shows_the_linked_regions_from_region_metrics(
    small_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = new_app()
    monkeypatch.setenv("KKB_DB", str(small_db))
    at.query_params.update({"present": "1", "slide": "2", "prov": "Banten"})
    at.query_params["banding"] = ["Banten", "Riau"]
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    spec = _spec(at)
    assert spec["layout"]["title"]["text"].startswith("Banten dibandingkan dengan Riau")
    con = db.connect(small_db)
    try:
        periode = store.periods(con)[-1]
        found = {code: overview.region(con, code, periode, DEFAULT_METHOD) for code in ("36", "14")}
    finally:
        con.close()
    bars = {trace["name"]: trace["y"] for trace in spec["data"]}
    for code, name in (("36", "Banten"), ("14", "Riau")):
        m = found[code]
        mandiri_plus = (m.kelas["Mandiri"] + m.kelas["Berkelanjutan"]) / m.terklasifikasi * 100
        assert bars[name][:2] == pytest.approx([m.cakupan_desa_persen, mandiri_plus])


def test_a_clicker_and_the_arrow_keys_step_the_slides(
    small_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = presenting(small_db, monkeypatch, prov="Banten", slide="2")
    keys = {b.key: b.proto.shortcut for b in at.button}
    assert keys["slide_next"] == "right" and keys["slide_prev"] == "left"
    assert keys["slide_PageDown"] == "pagedown" and keys["slide_Space"] == "space"
    assert keys["slide_PageUp"] == "pageup" and keys["slide_exit"] == "escape"
    next(b for b in at.button if b.key == "slide_PageDown").click().run()
    assert at.query_params["slide"] == "3"
    next(b for b in at.button if b.key == "slide_PageUp").click().run()
    assert at.query_params["slide"] == "2"
