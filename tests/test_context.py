"""Family-planning context from New SIGA's monthly recaps: counts summed first, divided last, by hand."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from kkb import context, ingest
from tests.helpers import figures, open_page, run_cli, shown, unlabelled_columns

PUS_HEADER = "NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PUS;UNMET NEED;BULAN"
METHOD_HEADER = (
    "NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PA;SUNTIK;PIL;KONDOM;IMPLAN;IUD;VASEKTOMI;TUBEKTOMI;MAL;"
    "KB MODERN;KB TRADISIONAL;BULAN"
)
PLACE = "BANTEN;SERANG;KRAMATWATU"
KRAMATWATU = "36.04.05"


def _write(tmp_path: Path, name: str, header: str, *rows: str) -> Path:
    path = tmp_path / name
    path.write_text("\r\n".join([header, *rows]) + "\r\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hand(small_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three desa of Kramatwatu with counts whose ratios can be checked by hand (see each test).

    Made once: the tests only read it.
    """
    tmp_path = tmp_path_factory.mktemp("context")
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    pus_2025 = _write(
        tmp_path,
        "pus_2025.csv",
        PUS_HEADER,
        f"1;{PLACE};KRAMATWATU;100;10;AGUSTUS",
        f"2;{PLACE};MARGASANA;900;45;AGUSTUS",
        f"3;{PLACE};PEJATEN;1000;;AGUSTUS",  # unmet need not reported
    )
    methods_2025 = _write(
        tmp_path,
        "metode_2025.csv",
        METHOD_HEADER,
        f"1;{PLACE};KRAMATWATU;90;50;10;0;10;10;0;0;0;80;10;AGUSTUS",
        f"2;{PLACE};MARGASANA;90;60;0;0;20;5;0;5;0;90;0;AGUSTUS",
        # Pejaten reports no method mix
    )
    pus_2024 = _write(
        tmp_path,
        "pus_2024.csv",
        PUS_HEADER,
        f"1;{PLACE};KRAMATWATU;100;20;AGUSTUS",
        f"2;{PLACE};MARGASANA;900;90;AGUSTUS",
    )
    for path, year in ((pus_2024, 2024), (pus_2025, 2025), (methods_2025, 2025)):
        ingest.import_any(path, live, "uji", tahun=year)
    return live


def test_rates_are_the_sums_divided_not_the_mean_of_the_desa_rates(hand: Path) -> None:
    from kkb import db

    con = db.connect(hand)
    try:
        c = context.region(con, KRAMATWATU, "2025-08")
    finally:
        con.close()
    assert c.periode == "2025-08" and c.pus == 2000 and (c.desa_pus, c.desa_total) == (3, 15)
    # CPR: (90 + 90) ÷ (100 + 900) = 18 %, not the mean of 90 % and 10 %; Pejaten has no PA
    assert c.rate["cpr"] == pytest.approx(18.0) and c.counts["cpr"] == (180, 1000, 2)
    assert c.rate["mcpr"] == pytest.approx(17.0)  # (80 + 90) ÷ 1000
    # MKJP: (IUD + IMPLAN + VASEKTOMI + TUBEKTOMI) ÷ KB MODERN = (10 + 10 + 20 + 5 + 5) ÷ 170
    assert c.rate["mkjp"] == pytest.approx(50 / 170 * 100)
    # unmet need: (10 + 45) ÷ (100 + 900), Pejaten's PUS left out since it reports no unmet need
    assert c.rate["unmet_need_persen"] == pytest.approx(5.5) and c.counts["unmet_need_persen"][1] == 1000
    assert c.change == {"unmet_need_persen": pytest.approx(5.5 - 11.0)}  # August 2024: 110 ÷ 1000
    assert {s.file for s in c.sources} == {"pus_2025.csv", "metode_2025.csv"}


def test_a_region_shows_its_latest_month_at_or_before_the_one_asked_and_says_which(hand: Path) -> None:
    from kkb import db

    con = db.connect(hand)
    try:
        later = context.region(con, "36.04", "2025-11")
        year_before = context.region(con, "36", "2024-12")
        before_any = context.region(con, "ID", "2024-07")
        elsewhere = context.region(con, "14", "2025-11")
    finally:
        con.close()
    assert later.periode == "2025-08" and later.asked == "2025-11" and "2025-08" in context.source_line(later)
    assert year_before.periode == "2024-08" and math.isnan(year_before.rate["cpr"])  # no method mix then
    assert year_before.rate["unmet_need_persen"] == pytest.approx(11.0)
    assert not before_any.known and not elsewhere.known and math.isnan(elsewhere.pus)
    assert "tidak ada data sampai 2025-11" in context.source_line(elsewhere)


def test_a_rate_without_a_denominator_is_unknown_not_zero() -> None:
    sums = pd.DataFrame(
        [
            {
                "pa": 0,
                "pus_cpr": 0,
                "kb_modern": 5,
                "pus_mcpr": 10,
                "kb_mkjp": None,
                "modern_mkjp": None,
                "unmet_need": 3,
                "pus_unmet": 60,
            }
        ]
    )
    found = context.rates(sums).iloc[0]
    assert math.isnan(found["cpr"]) and math.isnan(found["mkjp"])
    assert found["mcpr"] == 50.0 and found["unmet_need_persen"] == 5.0


def test_the_summary_adds_the_context_lines_or_says_there_is_no_data(hand: Path) -> None:
    said = run_cli("summary", "--db", str(hand), "--region", KRAMATWATU, "--periode", "2025-08").stdout
    lines = {line.split("  ")[0]: line for line in said.splitlines()}
    assert {"PUS", "CPR", "mCPR", "MKJP", "Unmet need"} <= set(lines)
    assert "2.000 (3 dari 15 desa/kelurahan melapor)" in lines["PUS"]
    assert "18,00 % (PA 180 ÷ PUS 1.000)" in lines["CPR"] and "5,50 %" in lines["Unmet need"]
    assert "−5,50 poin" in lines["Unmet need"]  # against August 2024
    riau = run_cli("summary", "--db", str(hand), "--region", "14").stdout
    for label in ("PUS", "CPR", "mCPR", "MKJP", "Unmet need"):
        (line,) = [x for x in riau.splitlines() if x.startswith(label + " ")]
        assert line.endswith("tidak ada data")


def test_ringkasan_shows_the_context_with_its_source_or_says_there_is_none(
    hand: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KKB_DB", str(hand))
    at = open_page("ringkasan", "id", prov="36", kab="36.04", periode="2025-10")
    cards = {m.label: m.value for m in at.metric}
    assert cards["PUS"] == "2.000" and cards["CPR"] == "18,00 %" and cards["Unmet need"] == "5,50 %"
    captions = [shown(c.value) for c in at.caption]
    assert any(c.startswith("New SIGA, rekap bulanan per desa") and "2025-08" in c for c in captions)
    assert any("sampai 2025-10" in c for c in captions)  # the month shown is not the month asked
    riau = open_page("ringkasan", "en", prov="14")
    assert any("No New SIGA family-planning figures for Riau" in i.value for i in riau.info)


def test_peta_colours_the_kab_kota_by_unmet_need_with_new_sigas_source(
    hand: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KKB_DB", str(hand))
    at = open_page("peta", "id", prov="36", periode="2025-10")
    at.selectbox(key="metrik").set_value("unmet_need_persen").run()
    assert not at.exception
    (shown,) = [f for f in figures(at) if "Unmet need" in f["layout"]["title"]["text"]]
    assert "2025-08" in shown["layout"]["title"]["text"]  # New SIGA's month, not the view's
    maps = [tr for tr in shown["data"] if tr.get("type") == "choropleth"]
    (valued,) = [tr for tr in maps if "36.04" in tr["locations"]]
    assert dict(zip(valued["locations"], valued["z"], strict=True)) == {"36.04": pytest.approx(5.5)}
    grey = {code for tr in maps if tr is not valued for code in tr["locations"]}
    assert len(grey) == 7 and "36.73" in grey  # Banten's other kab/kota report nothing: no value, grey
    assert any(c.value.startswith("New SIGA, rekap bulanan per desa") for c in at.caption)


@pytest.mark.slow  # a page or pack run of its own: make test and CI run it
def test_perbandingan_puts_the_context_of_the_regions_side_by_side(
    hand: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KKB_DB", str(hand))
    at = open_page("perbandingan", "id", banding=["36", "14"], periode="2025-10")
    (context,) = [f for f in figures(at) if "Konteks KB" in f["layout"]["title"]["text"]]
    (banten,) = [tr for tr in context["data"] if tr["name"] == "Banten"]
    assert banten["y"][list(banten["x"]).index("CPR")] == pytest.approx(18.0)  # the same sums as Kramatwatu
    assert [tr["name"] for tr in context["data"]] == ["Banten"]  # Riau has no New SIGA figures: no bar
    assert any("Belum ada angka New SIGA sampai 2025-10 untuk: Riau" in c.value for c in at.caption)
    assert any(shown(c.value).startswith("Banten: New SIGA, rekap bulanan per desa") for c in at.caption)


@pytest.mark.slow  # a page or pack run of its own: make test and CI run it
def test_the_briefing_pack_gets_a_context_slide_with_its_source(
    hand: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kkb import db, export, paparan, slides
    from kkb.view import View

    monkeypatch.setattr(export, "image", lambda fig, caption: b"")  # the slide's words are tested here
    con = db.connect(hand)
    try:
        pack = paparan.build(slides.Database(con), View("id", "36", "2025-10", "portal-2021"), "14")
    finally:
        con.close()
    (slide,) = [s for s in pack.slides if s.key == "context"]
    assert slide.title == "Konteks KB Banten (New SIGA)"
    cards = {c.label: (c.value, c.detail) for c in slide.cards}
    assert cards["PUS"][0] == "2.000" and cards["CPR"] == ("18,00 %", "180 ÷ 1.000")
    source = slide.lines[0]
    assert source.startswith("Sumber: New SIGA, rekap bulanan per desa") and "2025-08" in source
    assert slide.table is not None and len(slide.table) == 2  # desa with and without a Kampung KB
    assert "bukan bukti pengaruh" in slide.lines[-1]


@pytest.mark.slow  # a page or pack run of its own: make test and CI run it
def test_presentation_mode_ends_with_the_context_slide_and_its_own_source(
    hand: Path, small_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_present import presenting, title

    at = presenting(hand, monkeypatch, prov="Banten", slide="8", periode="2025-10")
    assert title(at) == "Konteks KB Banten (New SIGA)"
    assert any(">8 / 8<" in m.value for m in at.markdown)  # one slide more than without New SIGA
    assert any("New SIGA, rekap bulanan per desa" in m.value and "2025-08" in m.value for m in at.markdown)
    plain = presenting(small_db, monkeypatch, prov="Banten", slide="8")
    assert any(">7 / 7<" in m.value for m in plain.markdown)  # the demo registry: no context slide


def test_desa_are_grouped_by_the_highest_class_of_their_kampung_kb(hand: Path) -> None:
    from kkb import db

    con = db.connect(hand)
    try:
        c = context.region(con, KRAMATWATU, "2025-08")
        groups = context.by_class(con, c, "portal-2021")
        best = con.execute(
            "SELECT k.kode_desa, max(CASE l.k WHEN 'Dasar' THEN 1 WHEN 'Berkembang' THEN 2 WHEN 'Mandiri' "
            "THEN 3 WHEN 'Berkelanjutan' THEN 4 END) FROM kampung_kb k JOIN (SELECT kampung_id, "
            "arg_max(klasifikasi, periode) AS k FROM klasifikasi WHERE metode = 'portal-2021' AND "
            "periode <= '2025-08' GROUP BY 1) l ON l.kampung_id = k.id WHERE k.is_active AND "
            "k.kode_desa IN ('36.04.05.2001', '36.04.05.2002', '36.04.05.2003') GROUP BY 1"
        ).fetchall()
    finally:
        con.close()
    names = {1: "Dasar", 2: "Berkembang", 3: "Mandiri", 4: "Berkelanjutan"}
    expected: dict[object, int] = {}
    for _desa, rank in best:
        expected[names[rank]] = expected.get(names[rank], 0) + 1
    found = {k: int(n) for k, n in zip(groups["kelas"], groups["desa"], strict=True) if isinstance(k, str)}
    assert found == expected and int(groups["desa"].sum()) == 3  # each of the three desa in one group
    assert list(groups["urutan"]) == sorted(groups["urutan"])  # without, unclassified, Dasar … in order


def test_peta_of_a_kab_kota_colours_its_desa_by_a_new_siga_rate(
    hand: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KKB_DB", str(hand))
    at = open_page("peta", "id", prov="36", kab="36.04", periode="2025-10")
    at.selectbox(key="peta_desa").set_value("unmet_need_persen").run()
    assert not at.exception
    (shown,) = [f for f in figures(at) if "per desa" in f["layout"]["title"]["text"]]
    (points,) = [tr for tr in shown["data"] if tr.get("type") == "scattergeo" and tr.get("mode") == "markers"]
    coloured = {
        row[0]: value for row, value in zip(points["customdata"], points["marker"]["color"], strict=True)
    }
    assert coloured == {
        "36.04.05.2001": pytest.approx(10.0),
        "36.04.05.2002": pytest.approx(5.0),
    }  # 10/100, 45/900
    assert any("2 dari" in c.value and "desa/kelurahan punya angka ini" in c.value for c in at.caption)


def test_the_class_comparison_draws_each_class_in_its_own_colour(
    hand: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kkb import palette

    monkeypatch.setenv("KKB_DB", str(hand))
    at = open_page("ringkasan", "id", prov="36", kab="36.04", kec=KRAMATWATU, periode="2025-10")
    assert not at.exception
    (chart,) = [f for f in figures(at) if "menurut kelas" in f["layout"]["title"]["text"]]
    colours = {trace["name"].split(" (")[0]: trace["marker"]["color"] for trace in chart["data"]}
    classes = {name: colour for name, colour in colours.items() if name in palette.CLASS}
    assert classes and classes == {name: palette.CLASS[name] for name in classes}
    others = {colour for name, colour in colours.items() if name not in palette.CLASS}
    assert others and not others & set(palette.CLASS.values())  # the other groups stay grey


def test_every_table_beside_the_context_names_its_columns_in_the_language(
    hand: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KKB_DB", str(hand))
    kec = {"prov": "36", "kab": "36.04", "kec": KRAMATWATU, "periode": "2025-10"}
    views = [
        ("ringkasan", kec),
        ("ringkasan", {"prov": "36", "periode": "2025-10"}),
        ("peta", {"prov": "36", "periode": "2025-10"}),
        ("peta", {"prov": "36", "kab": "36.04", "periode": "2025-10"}),
        ("perbandingan", {"banding": ["36", "14"], "periode": "2025-10"}),
        ("target", {"prov": "36"}),
        ("jelajah", kec),
        ("metodologi", {}),
    ]
    assert unlabelled_columns(monkeypatch, views) == set()
