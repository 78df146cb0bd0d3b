"""Every page run headless with AppTest on a real database, in both languages.

The figures a page shows are checked against what ``kkb`` computes for the same region and periode,
so a page that drops, mislabels or misformats a figure fails here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kkb import db, explore, export, fmt, metrics, overview, store
from kkb.i18n import t
from kkb.indicators import INDICATORS
from kkb.sentences import attainment_text, reason_text
from pages import _packs as packs
from tests.helpers import TINY_PNG, figure_titled, figures, metric_values, open_page, shown

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("id", "en")
BANTEN, SERANG, RIAU, BALI = "36", "36.04", "14", "51"


def periode(con: db.Connection) -> str:
    return overview.latest_periode(con)


def region_metrics(con: db.Connection, code: str) -> metrics.RegionMetrics:
    return overview.region(
        con, code, periode(con), "portal-2021", store.wilayah(con, max_level=3), store.targets(con)
    )


# --- Ringkasan -----------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["ringkasan", "peta", "target"])
def test_one_page_view_builds_its_report_once(
    app_db: Path, page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page reads its region's figures from one report, built once; the next run reads it from the cache."""
    import streamlit as st

    from kkb import report

    calls: Counter[str] = Counter()
    real = report.build

    def counted(con, v, *args):  # type: ignore[no-untyped-def]
        calls[v.code] += 1
        return real(con, v, *args)

    monkeypatch.setattr(report, "build", counted)
    for name in ("region", "children", "schedule"):
        monkeypatch.setattr(overview, name, _counted(overview, name, calls))
    st.cache_data.clear()
    at = open_page(page, "id", prov=BANTEN)
    assert calls[BANTEN] == 1 and calls[f"region {BANTEN}"] == 1, calls
    assert calls[f"children {BANTEN}"] == 1 and calls[f"schedule {BANTEN}"] == 1, calls
    first = dict(calls)
    at.run()
    assert not at.exception and dict(calls) == first  # a rerun computes nothing again


def _counted(module: object, name: str, calls: Counter[str]):  # type: ignore[no-untyped-def]
    real = getattr(module, name)

    def call(con, code, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls[f"{name} {code}"] += 1
        return real(con, code, *args, **kwargs)

    return call


@pytest.mark.parametrize("lang", LANGS)
def test_ringkasan_headline_figures_match_the_metrics(app_db: Path, con: db.Connection, lang: str) -> None:
    at = open_page("ringkasan", lang, prov=BANTEN)
    m = region_metrics(con, BANTEN)
    assert at.title[0].value == f"{t('page_ringkasan', lang)} · Banten"
    shown = metric_values(at)
    assert shown[t("pembentukan", lang)] == fmt.number(m.pembentukan, lang)
    assert shown[t("cakupan_desa_persen", lang)] == fmt.percent(m.cakupan_desa_persen, lang)
    assert shown[t("mandiri_plus_persen", lang)] == fmt.percent(m.mandiri_plus_persen, lang)
    assert "Data sintetis" in at.warning[0].value or "Synthetic data" in at.warning[0].value
    # the class trend ends at the chosen periode with every Kampung KB formed
    trend = figure_titled(at, "Banten")
    last = sum(trace["y"][-1] for trace in trend["data"])
    assert last == m.pembentukan
    assert trend["layout"]["separators"] == (",." if lang == "id" else ".,")


def test_ringkasan_rank_choice_reorders_the_ranking(app_db: Path, con: db.Connection) -> None:
    at = open_page("ringkasan", "id", prov=BANTEN)
    at.radio(key="urut").set_value("mandiri_plus_persen").run()
    assert not at.exception
    ranking = figure_titled(at, t("mandiri_plus_persen", "id") + " per kabupaten/kota")
    kids = overview.children(con, BANTEN, periode(con), "portal-2021", store.wilayah(con, max_level=3))
    expected = sorted(kids["mandiri_plus_persen"].dropna(), reverse=True)
    assert ranking["data"][0]["x"] == pytest.approx(expected)
    text = " ".join(md.value for md in at.markdown)
    assert "Terdepan:" in text and "Tertinggal:" in text


@pytest.mark.parametrize("page", ["ringkasan", "peta", "target", "jelajah"])
def test_a_region_without_kampung_kb_gets_a_sentence_not_an_empty_chart(app_db: Path, page: str) -> None:
    at = open_page(page, "id", prov="11")  # Aceh has no demo rows in the small database
    assert t("no_data", "id", region="Aceh", periode="2025-12") in [i.value for i in at.info]
    titles = [f["layout"]["title"]["text"] for f in figures(at)]
    # the only chart left is the schedule of Aceh's kab/kota, honestly at 0 % of the national target
    assert titles == ([] if page != "target" else [titles[0]])
    assert all(title.startswith("Capaian target utama per") for title in titles)


# --- Peta ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_peta_colours_each_province_by_the_chosen_metric(app_db: Path, con: db.Connection, lang: str) -> None:
    at = open_page("peta", lang)
    at.selectbox(key="metrik").set_value("mandiri_plus_persen").run()
    assert not at.exception
    fig = figures(at)[0]
    assert fig["layout"]["geo"]["visible"] is False and "map" not in fig["layout"]  # no tiles: offline
    kids = overview.children(con, "ID", periode(con), "portal-2021", store.wilayah(con, max_level=3))
    expected = kids.dropna(subset=["mandiri_plus_persen"]).set_index("kode")["mandiri_plus_persen"]
    coloured = fig["data"][-1]
    shown = dict(zip(coloured["locations"], coloured["z"], strict=True))
    assert shown == pytest.approx(expected.to_dict())
    assert t("mandiri_plus_persen", lang) in fig["layout"]["title"]["text"]


def test_peta_drills_down_from_the_list_and_back_up(app_db: Path, con: db.Connection) -> None:
    at = open_page("peta", "id", prov=BANTEN)
    assert at.title[0].value == "Peta · Banten"
    assert len(figures(at)[0]["data"][-1]["locations"]) == 8  # Banten's eight kab/kota
    at.selectbox(key="peta_buka").set_value(SERANG).run()
    assert not at.exception
    assert at.title[0].value == "Peta · Kab. Serang"
    assert at.sidebar.selectbox(key="kab").value == SERANG
    # within a kab/kota: its Kampung KB as points, one trace per class, counted as in the registry
    points = figures(at)[0]
    listed = explore.kampung_list(con, SERANG, periode(con), "portal-2021")
    drawn = sum(
        len(tr["lat"]) for tr in points["data"] if tr["type"] == "scattergeo" and tr.get("mode") == "markers"
    )
    assert drawn == int(listed[["lat", "lng"]].notna().all(axis=1).sum())
    at.button[0].click().run()  # "Naik ke Banten"
    assert at.title[0].value == "Peta · Banten"


# --- Perbandingan --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_perbandingan_puts_banten_and_riau_side_by_side(app_db: Path, con: db.Connection, lang: str) -> None:
    at = open_page("perbandingan", lang)
    table = at.dataframe[0].value
    assert list(table.columns[1:3]) == ["Banten", "Riau"]
    banten, riau = region_metrics(con, BANTEN), region_metrics(con, RIAU)
    row = table[table.iloc[:, 0] == t("pembentukan", lang)].iloc[0]
    assert row["Banten"] == fmt.number(banten.pembentukan, lang)
    assert row["Riau"] == fmt.number(riau.pembentukan, lang)
    assert row.iloc[3] == fmt.signed(riau.pembentukan - banten.pembentukan, lang)
    # their targets measure different things: the page says so
    assert any("Riau" in w.value and "Banten" in w.value for w in at.warning)


def test_perbandingan_adds_a_third_region_and_normalises(app_db: Path) -> None:
    at = open_page("perbandingan", "en")
    at.multiselect(key="banding").set_value([BANTEN, RIAU, BALI]).run()
    assert not at.exception
    assert list(at.dataframe[0].value.columns[1:4]) == ["Banten", "Riau", "Bali"]
    at.toggle(key="per100").set_value(True).run()
    lines = figure_titled(at, "100")
    assert [trace["name"] for trace in lines["data"]] == ["Banten", "Riau", "Bali"]
    assert max(max(trace["y"]) for trace in lines["data"]) < 200  # per 100 villages, not counts
    at.multiselect(key="banding").set_value([BANTEN]).run()
    assert at.info and not figures(at)


# --- Target --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_target_shows_attainment_and_the_regions_behind_first(
    app_db: Path, con: db.Connection, lang: str
) -> None:
    at = open_page("target", lang, prov=BANTEN)
    m = region_metrics(con, BANTEN)
    a = m.capaian["pembentukan"]
    assert a.percent is not None
    # the large number is labelled as the attainment, and the words say value, target and attainment
    labels = [x.label for x in at.metric]
    assert labels == [t("capaian", lang)] * len(labels)  # each large number says it is the attainment
    assert at.metric[0].value == fmt.percent(a.percent, lang, 1)
    coverage = m.capaian["cakupan_desa_persen"]
    words = " ".join(md.value for md in at.markdown)
    assert attainment_text(coverage, lang, m.periode) in words
    assert fmt.percent(coverage.actual, lang) in words  # 87,98 %-like: the coverage itself is said too
    wilayah = store.wilayah(con, max_level=3)
    kids = overview.children(con, BANTEN, periode(con), "portal-2021", wilayah)
    sched = overview.schedule(con, BANTEN, periode(con), "portal-2021", kids, store.targets(con))
    (table,) = [d.value for d in at.dataframe if "status" in d.value.columns]  # the schedule
    assert len(table) == len(sched)
    flags = list(sched["tepat_waktu"])
    assert flags == sorted(flags, key=lambda x: {False: 0, True: 1}.get(x, 2))  # behind schedule first
    behind = int((sched["tepat_waktu"] == False).sum())  # noqa: E712
    assert any(f"**{behind}**" in md.value for md in at.markdown)


# --- Jelajah -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_jelajah_filters_by_class_and_text(app_db: Path, con: db.Connection, lang: str) -> None:
    at = open_page("jelajah", lang, prov=BANTEN, kab=SERANG)
    every = explore.kampung_list(con, SERANG, periode(con), "portal-2021")
    assert len(at.dataframe[0].value) == len(every)
    at.multiselect(key="kelas").set_value(["Mandiri"]).run()
    table = at.dataframe[0].value
    assert len(table) == len(explore.filter_kampung(every, ["Mandiri"]))
    assert set(table["klasifikasi"]) == {"Mandiri"}
    assert list(table.columns[7:19]) == [f"skor_{i.key}" for i in INDICATORS]
    at.text_input(key="cari").set_value("tidak-ada-kampung-seperti-ini").run()
    assert not at.dataframe
    assert at.info[0].value == t("no_rows", lang)


def test_jelajah_shows_the_first_rows_of_a_long_list_and_downloads_all(
    app_db: Path, con: db.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(explore, "TABLE_ROWS", 1000)
    every = explore.kampung_list(con, "ID", periode(con), "portal-2021")
    at = open_page("jelajah", "en")
    table = at.dataframe[0].value
    assert list(table["id"]) == list(every["id"].head(1000))
    note = f"The table holds the first 1,000 rows (by village code) of the {len(every):,} that match"
    assert any(c.value.startswith(note) for c in at.caption)
    # the count still tells every match, and the downloads still hold them (Excel stops at 20,000)
    assert any(m.value.startswith(f"Showing {len(every):,} of {len(every):,}") for m in at.markdown)


# --- Profil --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_profil_shows_one_kampung_kb(app_db: Path, con: db.Connection, lang: str) -> None:
    one = explore.kampung_list(con, SERANG, periode(con), "portal-2021").dropna(subset=["klasifikasi"])
    kampung = one.iloc[0]
    at = open_page("profil", lang, kampung=str(kampung["id"]))
    assert at.header[0].value == kampung["nama"]
    figures_shown = metric_values(at)
    assert figures_shown[t("kelas", lang)] == kampung["klasifikasi"]
    assert figures_shown[t("indeks_input", lang)] == fmt.number(kampung["indeks_input"], lang, 2)
    scores = figure_titled(at, str(kampung["nama"]) + ",")
    assert sorted(x for tr in scores["data"] if tr["type"] == "bar" for x in tr["x"]) == sorted(
        int(kampung[f"skor_{i.key}"]) for i in INDICATORS
    )
    words = shown(" ".join(m.value for m in at.markdown))
    assert t("path_title", lang) in words and reason_text(kampung, lang) in words


def test_profil_picker_opens_a_kampung_kb_of_the_region(app_db: Path, con: db.Connection) -> None:
    at = open_page("profil", "id", prov=BANTEN, kab=SERANG)
    assert at.info[0].value == t("profil_empty", "id")
    listed = explore.kampung_list(con, SERANG, periode(con), "portal-2021")
    at.selectbox(key="profil_pilih").set_value(str(listed["id"].iloc[3])).run()
    assert not at.exception
    assert at.header[0].value == listed["nama"].iloc[3]
    assert at.text_input(key="kampung").value == listed["id"].iloc[3]


def test_profil_of_an_unknown_id_is_an_error_message(app_db: Path) -> None:
    at = open_page("profil", "id", kampung="X999")
    assert "X999" in at.error[0].value


# --- Metodologi ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_metodologi_reads_the_rules_from_the_engine(app_db: Path, con: db.Connection, lang: str) -> None:
    at = open_page("metodologi", lang)
    bands = at.dataframe[0].value
    assert list(bands.iloc[:, 0]) == [t(f"ind_{i.key}", lang) for i in INDICATORS]
    decision = at.dataframe[1].value
    assert len(decision) == 8
    assert set(decision["klasifikasi"]) == {"Dasar", "Berkembang", "Mandiri", "Berkelanjutan"}
    sources = at.dataframe[2].value
    targets = store.targets(con)
    assert len(sources) == len(targets)
    # values in the interface's own format, not the browser's (Riau's 1.875 was shown as "1,875")
    riau = targets[(targets["kode_wilayah"] == RIAU) & (targets["metrik"] == "pembentukan")]["nilai"].iloc[0]
    assert fmt.number(riau, lang) in list(sources["nilai"])
    text = " ".join(md.value for md in at.markdown)
    assert periode(con) in text  # the data's as-of date
    # the bands and the class rule download like every other table
    downloads = {b.proto.label for b in at.get("download_button")}
    assert {t("download_csv", lang), t("download_xlsx", lang)} <= downloads
    assert len(at.get("download_button")) >= 6


# --- Paparan ---------------------------------------------------------------------------------------


#: the English pack's words are in its golden file; making it again here is for ``make test``
@pytest.mark.parametrize("lang", ["id", pytest.param("en", marks=pytest.mark.slow)])
def test_paparan_makes_the_pack_of_the_sidebar_region(
    app_db: Path, con: db.Connection, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the page's flow is tested here; drawing charts as pictures is tested in test_export and the pack's
    monkeypatch.setattr(export, "image", lambda fig, caption: TINY_PNG)
    at = open_page("paparan", lang, prov=BANTEN, banding_paparan=RIAU)
    assert at.title[0].value == f"{t('page_paparan', lang)}: Banten"
    assert not at.success  # nothing is made until asked
    button = next(b for b in at.button if b.label == t("pack_make", lang))
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]
    job = packs.job(at.session_state["paparan_minta"])
    assert job is not None and job.pack is not None
    pack, pptx, pdf = job.pack, job.pptx, job.pdf
    # pressing again reuses the pack made, it does not start a second one
    next(b for b in at.button if b.label == t("pack_make", lang)).click().run()
    assert packs.job(at.session_state["paparan_minta"]) is job
    assert at.success[0].value == t("pack_ready", lang, n=len(pack.slides))
    assert pack.peer == "Riau" and pptx[:2] == b"PK" and pdf[:5] == b"%PDF-"
    m = overview.region(con, BANTEN, store.periods(con)[-1], "portal-2021")
    assert pack.slides[1].cards[0].value == fmt.number(m.pembentukan, lang)
    # the preview shows every chart slide's picture
    assert len(at.get("image")) == sum(s.image is not None for s in pack.slides)


@pytest.fixture(scope="module")
def banten_real(small_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small database with New SIGA's Kampung KB recap of Banten in place of its synthetic rows."""
    import shutil

    from kkb import ingest

    live = tmp_path_factory.mktemp("banten_real") / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    recap = Path(__file__).resolve().parent / "data" / "siga_kampung_kb_banten.csv"
    ingest.import_any(recap, live, "uji", periode="2025-08")
    return live


def test_perbandingans_synthetic_notice_follows_the_regions_compared_not_the_sidebar(
    banten_real: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KKB_DB", str(banten_real))
    synthetic = t("synthetic_notice", "id")
    # the sidebar on Riau (synthetic), Banten and Kab. Serang compared (imported): no notice
    real = open_page("perbandingan", "id", prov="14", banding=["36", "36.04"], periode="2025-10")
    assert not [w for w in real.warning if synthetic in w.value]
    # the sidebar on Banten (imported), Banten and Riau compared: the notice, naming Riau only
    mixed = open_page("perbandingan", "id", prov="36", banding=["36", "14"], periode="2025-10")
    (notice,) = [w.value for w in mixed.warning if synthetic in w.value]
    assert "Riau" in notice and "Banten" not in notice


def test_a_row_picked_in_jelajah_never_points_at_another_kampung_kb_after_the_filters_change(
    app_db: Path,
) -> None:
    at = open_page("jelajah", "id", prov=BANTEN, kab=SERANG)
    table = at.dataframe[0].value
    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    picked = str(table["nama"].iloc[1])
    (link,) = at.get("page_link")
    assert picked in link.proto.label
    at.multiselect(key="kelas").set_value(["Mandiri"]).run()  # the list under the selection changes
    now = at.dataframe[0].value
    assert str(now["nama"].iloc[1]) != picked  # the second row is another Kampung KB now
    assert all(picked in link.proto.label for link in at.get("page_link"))  # none, or the one picked
