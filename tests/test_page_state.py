"""What a page carries from one view to the next, and what it draws only when asked (AppTest)."""

from __future__ import annotations

from pathlib import Path

from kkb import db
from tests.helpers import open_page

BANTEN, RIAU = "36", "14"


def test_jelajah_keeps_working_when_the_next_province_has_fewer_formation_years(
    app_db: Path, con: db.Connection
) -> None:
    # found by bench/load.py: Banten's Kampung KB were formed up to 2025, Riau's up to 2024, and the
    # year slider kept Banten's 2025 past Riau's end (StreamlitValueAboveMaxError instead of the list)
    last = {
        p: int(
            con.execute(
                "SELECT max(year(tanggal_pencanangan)) FROM kampung_kb WHERE kode_kab LIKE ?", [p + ".%"]
            ).fetchone()[0]
        )
        for p in (BANTEN, RIAU)
    }
    assert last[BANTEN] > last[RIAU]  # what makes this test mean something on this registry
    at = open_page("jelajah", "id", prov=BANTEN)
    slider = at.slider(key="tahun")
    assert slider.value[1] == last[BANTEN]
    slider.set_value((slider.value[0], last[BANTEN])).run()
    at.selectbox(key="prov").set_value(RIAU).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.slider(key="tahun").value[1] == last[RIAU]
    assert at.dataframe[0].value.shape[0] > 0


def test_a_charts_data_table_is_drawn_once_opened_with_the_charts_figures(app_db: Path) -> None:
    # closed, nothing is sent for it (the first view of a new tab is lighter); opened, the table
    at = open_page("ringkasan", "id", prov=BANTEN)
    closed = len(at.dataframe)
    keys = [e.key for e in at.expander if e.key and e.key.endswith("_tabel")]
    assert keys == ["trend_tabel", "mix_tabel", "rank_tabel"]
    at.session_state["trend_tabel"] = True
    at.run()
    assert len(at.dataframe) == closed + 1
    (trend,) = [e for e in at.expander if e.key == "trend_tabel"]
    assert len(trend.get("dataframe")) == 1 and len(trend.get("download_button")) == 2
