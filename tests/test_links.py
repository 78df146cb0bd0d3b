"""Links: a copied URL restores the view, a shared link is read leniently and safely, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kkb import db, explore, overview
from kkb.i18n import t
from tests.helpers import figure_titled, new_app, open_page

BANTEN, SERANG = "36", "36.04"


def test_a_copied_link_restores_the_view(app_db: Path, con: db.Connection) -> None:
    """The URL holds readable labels (``prov=Banten``); opening it gives the same view."""
    at = new_app()
    link = {"lang": "English", "prov": "Banten", "kab": "Kab. Serang", "periode": "2024-06", "kelas": "Dasar"}
    at.query_params.update(link)
    at.run()
    at.switch_page("pages/jelajah.py").run()
    assert not at.exception
    assert at.title[0].value == "Explore Kampung KB · Kab. Serang"
    assert at.multiselect(key="kelas").value == ["Dasar"]
    every = explore.kampung_list(con, SERANG, "2024-06", "portal-2021")
    assert len(at.dataframe[0].value) == len(explore.filter_kampung(every, ["Dasar"]))


def test_the_class_history_ends_at_the_chosen_periode(app_db: Path, con: db.Connection) -> None:
    kampung = explore.kampung_list(con, SERANG, overview.latest_periode(con), "portal-2021").iloc[0]
    at = open_page("profil", "id", kampung=str(kampung["id"]), periode="2024-06")
    history = figure_titled(at, t("history_title", "id", name=kampung["nama"]))
    months = [str(x)[:7] for tr in history["data"] for x in tr.get("x", [])]  # the first of each month
    assert max(months) == "2024-06"
    assert pd.notna(kampung["id"])


@pytest.mark.slow
# --- shared links ---------------------------------------------------------------------------------


def open_link(**params: str) -> AppTest:
    at = new_app()
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_link_may_say_lang_en_and_regions_in_any_case(app_db: Path) -> None:
    at = open_link(lang="en", prov="banten", kab="KAB. SERANG")
    assert at.title[0].value == "Overview · Kab. Serang"
    assert at.sidebar.radio(key="lang").value == "en"
    assert not [w for w in at.warning if "link" in w.value]


def test_a_link_with_values_not_found_says_which_and_what_is_shown(app_db: Path) -> None:
    at = open_link(prov="Bantn", periode="2099-01")
    said = re.sub(r"\\(.)", r"\1", " ".join(w.value for w in at.warning))  # as read, escapes undone
    assert '"Bantn"' in said and "Banten" in said and t("all_provinces", "id") in said
    assert '"2099-01"' in said and "2025-12" in said
    assert at.title[0].value == "Ringkasan · Indonesia"
    at = open_link(lang="klingon")
    assert '"klingon"' in " ".join(w.value for w in at.warning)
    assert at.title[0].value.startswith("Ringkasan")


def test_switching_the_language_words_every_choice_anew(app_db: Path) -> None:
    at = open_page("peta", "id", prov=BANTEN)
    at.selectbox(key="metrik").set_value("per_100_desa").run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.selectbox(key="metrik").value == "per_100_desa"  # the choice survives the switch
    assert at.query_params["metrik"] == t("per_100_desa", "en")  # and the link says it in English
    assert at.sidebar.selectbox(key="kab").format_func("") == t("all_kabkota", "en")


def test_a_link_cannot_put_markdown_on_the_page(app_db: Path) -> None:
    bait = "[Sesi berakhir - masuk lagi](http://contoh.invalid/masuk) ![x](http://contoh.invalid/x.png)"
    at = new_app()
    at.query_params.update({"kampung": bait})
    at.switch_page("pages/profil.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    shown = " ".join(e.value for e in at.error)
    assert "Sesi berakhir" in shown
    assert not re.search(r"(?<!\\)\]\(", shown) and not re.search(r"(?<!\\)!(?<!\\)\[", shown)
    at = open_link(prov=bait)
    said = " ".join(w.value for w in at.warning)
    assert "Sesi berakhir" in said and not re.search(r"(?<!\\)\]\(", said)
