"""The shipped province context: every value with its instrument, year and source; nothing filled in."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kkb import province_context
from kkb.errors import DataFileError


def test_every_shipped_value_names_its_instrument_year_and_source() -> None:
    values = province_context.read()
    assert (values["sumber_url"].str.startswith("https://")).all() and (values["sumber"] != "").all()
    stunting = values[values["indikator"] == "stunting"]
    assert stunting["nilai"].between(0, 100).all()
    assert values[values["indikator"] == "tfr"]["nilai"].between(1, 4).all()
    # SSGI 2022 covers the 34 provinces of that year, and the nation
    ssgi = stunting[stunting["instrumen"] == "SSGI 2022"]
    assert len(ssgi) == 35 and set(ssgi["tahun"]) == {2022}


def test_a_value_not_published_is_missing_not_filled_in() -> None:
    table = province_context.of(province_context.read(), ["36", "14"]).set_index("instrumen")
    assert table.loc["SSGI 2022", "36"] == 20.0 and table.loc["SSGI 2022", "14"] == 17.0
    assert math.isnan(table.loc["SKI 2023", "36"])  # Banten's SKI 2023 value: not found in any source
    assert table.loc["SKI 2023", "14"] == 13.6
    assert table.loc["Long Form SP2020", "36"] == 2.01
    assert "databoks" in table.loc["SSGI 2022", "sumber"]


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("stunting,36,2022,dua puluh,persen,SSGI 2022,x,https://a,", "bukan angka"),
        ("stunting,36,2022,20,persen,Riskesdas 2018,x,https://a,", "instrumen"),
        ("stunting,36.04,2022,20,persen,SSGI 2022,x,https://a,", "kode"),
        ("stunting,36,2022,20,persen,SSGI 2022,x,http://a,", "sumber tidak lengkap"),
    ],
)
def test_a_value_without_what_it_needs_is_refused(tmp_path: Path, line: str, said: str) -> None:
    path = tmp_path / "konteks.csv"
    path.write_text(",".join(province_context.COLUMNS) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=said):
        province_context.read(path)


def test_ringkasan_shows_the_published_figures_of_the_province_and_what_is_missing(app_db: Path) -> None:
    from tests.helpers import open_page

    at = open_page("ringkasan", "id", prov="36")
    (table,) = [d.value for d in at.dataframe if "Instrumen" in d.value.columns]
    rows = table.set_index("Instrumen")
    assert rows.loc["SSGI 2022", "Banten"] == "20,00" and rows.loc["SSGI 2022", "Indonesia"] == "21,60"
    assert rows.loc["SKI 2023", "Banten"] == "tidak ada data"  # no source gives it: never filled in
    assert rows.loc["Long Form SP2020", "Banten"] == "2,01"
    assert all(u.startswith("https://") for u in table["url"])
    assert any("tidak digambar pada satu sumbu" in c.value for c in at.caption)
