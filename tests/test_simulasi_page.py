"""Simulasi klasifikasi through the page (AppTest): every band edge of SPEC §4.2 set in the page's own
fields gives the score and the class the rules of SPEC §4.2–4.3 say; the link keeps the simulation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from kkb import simulate
from kkb.export import column_label
from kkb.i18n import t
from tests.helpers import metric_values, open_page, shown

#: each indicator's band edges as SPEC §4.2 prints them: value → score
EDGES: dict[str, dict[int, int]] = {
    "pokja": {0: 1, 1: 2, 2: 3, 3: 4},
    "sumber_dana": {0: 1, 1: 2, 2: 3, 4: 3, 5: 4},
    "poktan": {0: 1, 1: 2, 2: 2, 3: 3, 4: 3, 5: 4},
    "sarana": {0: 1, 1: 2, 2: 3},
    "pkb": {0: 1, 1: 2, 2: 3},
    "penggunaan_data": {0: 1, 1: 2, 2: 3, 3: 3, 4: 4},
    "mekanisme_operasional": {0: 1, 1: 2, 2: 2, 3: 3, 4: 3, 5: 4},
    "lintas_sektor": {0: 1, 1: 2, 3: 2, 4: 3, 6: 3, 7: 4},
    "partisipasi_poktan": {0: 1, 9: 1, 10: 2, 20: 2, 21: 3, 30: 3, 31: 4},
    "cpr": {0: 1, 29: 1, 30: 2, 40: 2, 41: 3, 50: 3, 51: 4},
    "mkjp": {0: 1, 19: 1, 20: 2, 22: 2, 23: 3, 24: 3, 25: 4},
    "unmet_need": {20: 1, 13: 1, 12: 2, 10: 2, 9: 3, 7: 3, 6: 4, 0: 4},
}
#: a value in each indicator's score-3 band: every dimension then sits exactly on its pass line
GOOD = {
    "pokja": 2,
    "sumber_dana": 2,
    "poktan": 3,
    "sarana": 2,
    "pkb": 2,
    "penggunaan_data": 2,
    "mekanisme_operasional": 3,
    "lintas_sektor": 4,
    "partisipasi_poktan": 21,
    "cpr": 45,
    "mkjp": 24,
    "unmet_need": 8,
}
DIMENSION = {k: "input" for k in ("pokja", "sumber_dana", "poktan", "sarana", "pkb")} | {
    k: "proses" for k in ("penggunaan_data", "mekanisme_operasional", "lintas_sektor")
}
PUS = 1000


def fields_for(indicator: str, value: int, good: dict[str, int]) -> dict[str, Any]:
    """The page's fields that give ``indicator`` the value ``value`` (the others as in ``good``)."""
    if indicator == "pokja":
        return {"pokja": value >= 1, "pokja_anggota": 5 if value >= 2 else 0, "pokja_terlatih": value >= 3}
    if indicator == "poktan":
        return {k: i < value for i, k in enumerate(("bkb", "bkr", "bkl", "uppka", "pikr"))}
    if indicator in ("sarana", "pkb"):
        pair = ("sekretariat", "rumah_dataku") if indicator == "sarana" else ("plkb_pendamping", "regulasi")
        return {pair[0]: value >= 1, pair[1]: value >= 2}
    if indicator == "lintas_sektor":
        return {"instansi_terlibat": value}
    if indicator == "partisipasi_poktan":
        pairs = (("keluarga_balita", "peserta_bkb"), ("keluarga_remaja", "peserta_bkr"))
        pairs += (("keluarga_lansia", "peserta_bkl"), ("jumlah_keluarga", "peserta_uppka"))
        pairs += (("jumlah_remaja", "peserta_pikr"),)
        return {k: v for d, p in pairs for k, v in ((d, 100), (p, value))}
    if indicator in ("cpr", "mkjp"):
        # CPR = the seven methods ÷ PUS; MKJP = implants (here) ÷ the seven methods
        cpr = value if indicator == "cpr" else 50
        users = PUS * cpr // 100
        share = value if indicator == "mkjp" else good["mkjp"]
        long_acting = round(users * share / 100)
        return {"pus": PUS, "kb_implan": long_acting, "kb_suntik": users - long_acting}
    if indicator == "unmet_need":
        return {"tidak_kb_iat": PUS * value // 100, "tidak_kb_tial": 0}
    return {indicator: value}


def set_fields(at: Any, fields: dict[str, Any]) -> None:
    for column, value in fields.items():
        key = f"sim_{column}"
        if simulate.FIELD_BY_COLUMN[column].flag:
            at.checkbox(key=key).set_value(bool(value))
        else:
            at.number_input(key=key).set_value(value)


def shown_score(at: Any, indicator: str) -> int:
    (table,) = [d.value for d in at.dataframe if column_label("rentang_skor", "id") in d.value.columns]
    row = table[table[column_label("indikator_label", "id")] == t(f"ind_{indicator}")]
    return int(row[column_label("skor", "id")].iloc[0])


@pytest.fixture()
def good_page(app_db: Path) -> Any:
    """The page with every indicator in its score-3 band: all three dimensions exactly pass."""
    at = open_page("simulasi", "id")
    for indicator, value in GOOD.items():
        set_fields(at, fields_for(indicator, value, GOOD))
    at.run()
    assert metric_values(at)[t("kelas")] == "Berkelanjutan"
    return at


@pytest.mark.parametrize("indicator", list(EDGES))
def test_every_band_edge_gives_its_score_and_class(good_page: Any, indicator: str) -> None:
    """With the others on the pass line, a dimension passes exactly when this indicator scores ≥ 3."""
    at = good_page
    for value, score in EDGES[indicator].items():
        set_fields(at, fields_for(indicator, value, GOOD))
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert shown_score(at, indicator) == score, (indicator, value)
        if score >= 3:
            expected = "Berkelanjutan"  # all three pass
        elif DIMENSION.get(indicator) is None:
            expected = "Berkembang"  # output fails: input and proses pass
        else:
            expected = "Mandiri"  # output and one of input/proses pass
        assert metric_values(at)[t("kelas")] == expected, (indicator, value)


def test_the_page_says_the_fewest_changes_in_words(good_page: Any) -> None:
    """CPR 38 % of 100 PUS drops output below its pass line: three more users lift it back."""
    at = good_page
    set_fields(at, {"pus": 100, "kb_suntik": 38 - 9, "kb_implan": 9, "tidak_kb_iat": 8})
    at.run()
    assert metric_values(at)[t("kelas")] == "Berkembang"
    words = shown(" ".join(m.value for m in at.markdown))
    assert "Untuk naik dari Berkembang ke Berkelanjutan: 1 perubahan" in words
    assert "CPR (peserta KB ÷ PUS): 38 % → minimal 41 % (+3 peserta KB); skor 2 → 3" in words


def test_an_unreported_count_is_asked_for_not_counted(app_db: Path) -> None:
    """PUS reported, no unmet-need counts: the step is to report them (not "report PUS", not "−0")."""
    at = open_page("simulasi", "id")  # from nothing reported: unmet need's counts stay empty
    for indicator, value in GOOD.items():
        if indicator != "unmet_need":
            set_fields(at, fields_for(indicator, value, GOOD))
    at.run()
    words = shown(" ".join(m.value for m in at.markdown))
    assert "Unmet need: laporkan PUS tidak ber-KB (IAT, TIAL) → paling tinggi 9 %; skor 1 → 3" in words
    assert "−0" not in words


def test_the_link_keeps_the_simulation_and_a_new_session_opens_it(app_db: Path) -> None:
    at = open_page("simulasi", "id")
    set_fields(at, {"pus": 200, "kb_pil": 70, "pokja": True})
    at.run()
    assert at.query_params["nilai"] == "pokja.1~pus.200~kb_pil.70"
    fresh = _open_with_link("pokja.1~pus.200~kb_pil.70~bogus.1")
    assert fresh.number_input(key="sim_pus").value == 200
    assert fresh.checkbox(key="sim_pokja").value is True
    assert any("bogus.1" in shown(w.value) for w in fresh.warning)


def _open_with_link(nilai: str) -> Any:
    from tests.helpers import new_app

    at = new_app()
    at.query_params["nilai"] = nilai
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("pages/simulasi.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["id", "en"])
def test_starting_from_a_kampung_kb_takes_its_latest_snapshot(app_db: Path, lang: str) -> None:
    from kkb import db, explore, overview

    con = db.connect(app_db)
    try:
        (kampung,) = con.execute("SELECT id FROM kampung_kb ORDER BY id LIMIT 1").fetchone()
        periode = overview.latest_periode(con)
        snapshot = explore.profile(con, kampung, "portal-2021").at(periode)  # type: ignore[union-attr]
    finally:
        con.close()
    at = open_page("simulasi", lang, dari=kampung)
    assert metric_values(at)[t("kelas", lang)] == snapshot["klasifikasi"]
    assert any(t("synthetic_notice", lang) in w.value for w in at.warning)
    pus = at.number_input(key="sim_pus").value
    assert pus == (None if snapshot["pus"] != snapshot["pus"] else int(snapshot["pus"]))
    at.number_input(key="sim_pus").set_value((pus or 0) + 50).run()
    assert any(t("in_pus", lang) in shown(c.value) for c in at.caption)


def test_the_plan_downloads_as_a_pdf(app_db: Path) -> None:
    at = open_page("simulasi", "id")
    buttons = [b for b in at.get("download_button") if "PDF" in b.proto.label]
    assert buttons, "no PDF download"


def test_the_simulation_can_start_from_a_kampung_kb_found_by_name(app_db: Path) -> None:
    from kkb import db, explore, overview

    con = db.connect(app_db)
    try:
        kampung, name = con.execute("SELECT id, nama FROM kampung_kb ORDER BY id LIMIT 1").fetchone()
        snapshot = explore.profile(con, kampung, "portal-2021").at(overview.latest_periode(con))  # type: ignore[union-attr]
    finally:
        con.close()
    at = open_page("simulasi", "id")
    at.text_input(key="cari_simulasi").input(name).run()
    found = [
        b for b in at.button if b.key and b.key.startswith("cari_simulasi_") and b.label.startswith(name)
    ]
    found[0].click().run()
    assert at.text_input(key="dari").value == kampung
    pus = snapshot["pus"]
    assert at.number_input(key="sim_pus").value == (None if pd.isna(pus) else int(pus))
    assert metric_values(at)[t("kelas")] == snapshot["klasifikasi"]


def test_a_start_in_the_link_with_markdown_shows_as_written(app_db: Path) -> None:
    at = open_page("simulasi", "id", dari="[x](http://contoh.invalid)")
    (warning,) = [w.value for w in at.warning if "tidak ditemukan" in w.value]
    assert "](" not in warning.replace("\\](", "")  # the brackets are escaped: no link is made
    assert shown(warning).startswith("Kampung KB [x](http://contoh.invalid) tidak ditemukan")
