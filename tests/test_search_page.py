"""Finding a Kampung KB by name through the pages (AppTest): on Profil and from the sidebar of any page,
and a profile whose first screen is the class, the reason and the next step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kkb import db, explore, overview
from kkb.i18n import t
from kkb.sentences import reason_text
from tests.helpers import open_page, shown


@pytest.fixture()
def margasana(con: db.Connection) -> dict[str, Any]:
    """A Kampung KB of the small registry, with its desa misspelt (one letter dropped)."""
    row = con.execute(
        "SELECT k.id, k.nama, d.nama FROM kampung_kb k JOIN wilayah d ON d.kode = k.kode_desa"
        " WHERE length(d.nama) >= 9 AND d.nama NOT LIKE '% %' ORDER BY k.id LIMIT 1"
    ).fetchone()
    assert row is not None
    kampung, name, desa = row
    middle = len(desa) // 2
    return {"id": kampung, "nama": name, "typo": desa[:middle] + desa[middle + 1 :]}


def _result(at: Any, key: str, kampung: dict[str, Any]) -> Any:
    found = [b for b in at.button if b.key and b.key.startswith(f"{key}_") and kampung["nama"] in b.label]
    assert found, [b.label for b in at.button]
    return found[0]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_misspelt_desa_on_profil_opens_its_profile(
    app_db: Path, margasana: dict[str, Any], lang: str
) -> None:
    at = open_page("profil", lang)
    at.text_input(key="cari_kampung").input(margasana["typo"]).run()
    _result(at, "cari_kampung", margasana).click().run()
    assert not at.exception
    assert at.header[0].value == margasana["nama"]
    assert at.text_input(key="kampung").value == margasana["id"]
    assert at.text_input(key="cari_kampung").value == ""  # the list does not linger over the profile


def test_the_sidebar_search_opens_the_profile_from_another_page(
    app_db: Path, margasana: dict[str, Any]
) -> None:
    at = open_page("peta", "id", prov="36")
    at.sidebar.text_input(key="cari_sidebar").input(margasana["typo"]).run()
    _result(at.sidebar, "cari_sidebar", margasana).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == t("page_profil")
    assert at.header[0].value == margasana["nama"]


def test_a_search_like_nothing_says_so(app_db: Path) -> None:
    at = open_page("profil", "id")
    at.text_input(key="cari_kampung").input("zzqxv").run()
    assert any("zzqxv" in shown(c.value) and "Tidak ada" in c.value for c in at.caption)
    assert not [b for b in at.button if b.key and b.key.startswith("cari_kampung_")]


def test_the_profile_shows_class_reason_and_next_step_before_the_history(
    app_db: Path, con: db.Connection, margasana: dict[str, Any]
) -> None:
    at = open_page("profil", "id", kampung=margasana["id"])
    order = [
        ("chart", n) if n.type == "plotly_chart" else (n.type, getattr(n, "value", None))
        for n in at.main
        if n.type in ("plotly_chart", "markdown")
    ]
    first_chart = order.index(next(o for o in order if o[0] == "chart"))
    before = shown(" ".join(str(v) for kind, v in order[:first_chart] if kind == "markdown"))
    snapshot = explore.profile(con, margasana["id"], "portal-2021").at(overview.latest_periode(con))  # type: ignore[union-attr]
    assert snapshot is not None
    assert reason_text(snapshot, "id") in before
    assert t("path_title") in before
