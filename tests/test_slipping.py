"""Targets that slip: who is listed (behind, past due, no pace known), who is not (reached, on pace), and
how far behind and how fast they would need to go, in the target's own unit."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from kkb import db, slipping

TARGETS = pd.DataFrame(
    [
        # kode_wilayah, tahun, metrik, jenis, nilai
        ("36.01", 2024, "pembentukan", "target", 120.0),
        ("36.02", 2024, "pembentukan", "target", 120.0),
        ("36.03", 2024, "pembentukan", "target", 50.0),
        ("36.04", 2023, "pembentukan", "target", 200.0),
        ("36.04", 2023, "mandiri_plus_persen", "target", 40.0),
        ("36.05", 2024, "pembentukan", "target", 90.0),
    ],
    columns=["kode_wilayah", "tahun", "metrik", "jenis", "nilai"],
).assign(penyebut="", periode=None, sumber="uji", sumber_url="", sumber_tanggal="", catatan="")


def kids(**formed: tuple[float, float]) -> pd.DataFrame:
    """Regions with (Kampung KB formed, mandiri plus %) at one month."""
    return pd.DataFrame(
        [
            {"kode": k.replace("_", "."), "wilayah": f"Wil {k}", "pembentukan": p, "mandiri_plus_persen": mp}
            for k, (p, mp) in formed.items()
        ]
    )


NOW = kids(**{"36_01": (60.0, 10.0), "36_02": (100.0, 10.0), "36_03": (55.0, 10.0), "36_04": (150.0, 30.0)})
YEAR_AGO = kids(**{"36_01": (48.0, 5.0), "36_02": (40.0, 5.0), "36_03": (30.0, 5.0), "36_04": (138.0, 24.0)})


@pytest.fixture(scope="module")
def listed() -> pd.DataFrame:
    return slipping.slipping(NOW, YEAR_AGO, TARGETS, "2024-06")


def test_behind_at_its_pace_is_listed_with_the_gap_and_the_pace_needed(listed: pd.DataFrame) -> None:
    row = listed[(listed["kode"] == "36.01")].iloc[0]
    # 60 of 120, 1 a month over the last 12 months, 6 months to the end of 2024: 10 a month needed
    assert (row["kurang"], row["laju"], row["bulan_tersisa"], row["laju_perlu"]) == (60.0, 1.0, 6, 10.0)


def test_on_pace_or_reached_is_not_listed(listed: pd.DataFrame) -> None:
    # 36.02: 5 a month × 6 months ≥ the 20 missing; 36.03 has reached 50
    assert not set(listed["kode"]) & {"36.02", "36.03"}


def test_past_due_is_listed_with_no_pace_needed(listed: pd.DataFrame) -> None:
    past = listed[listed["kode"] == "36.04"].set_index("sasaran")
    assert set(past.index) == {"pembentukan", "mandiri_plus"}
    assert past.at["mandiri_plus", "kurang"] == 10.0  # points of the percentage
    assert math.isnan(past.at["pembentukan", "laju_perlu"]) and past.at["pembentukan", "bulan_tersisa"] == 0


def test_no_figure_a_year_ago_means_no_pace_not_zero() -> None:
    now = kids(**{"36_05": (30.0, 0.0)})
    out = slipping.slipping(now, kids(), TARGETS, "2024-06")
    assert len(out) == 1 and math.isnan(out["laju"].iloc[0])


def test_on_screen_the_units_are_said(listed: pd.DataFrame) -> None:
    words = slipping.shown(listed, "id").set_index(["wilayah", "sasaran"])
    assert words.loc[("Wil 36_01", "Pembentukan"), "laju_perlu"] == "10,0/bulan"
    assert words.loc[("Wil 36_04", "Mandiri plus"), "kurang"] == "10,0 poin"
    assert words.loc[("Wil 36_04", "Mandiri plus"), "target"] == "40,0 % (2023)"
    assert words.loc[("Wil 36_04", "Pembentukan"), "laju_perlu"] == "tenggat lewat"
    english = slipping.shown(listed, "en")
    assert "past due" in set(english["laju_perlu"]) and "10.0/month" in set(english["laju_perlu"])


def test_target_lists_the_regions_behind_as_the_report_has_them(app_db: Path, con: db.Connection) -> None:
    from kkb import slides
    from kkb.classification import DEFAULT_METHOD
    from kkb.export import column_label
    from kkb.i18n import t
    from kkb.view import View
    from tests.helpers import open_page

    periode = "2023-06"
    data = slides.Database(con)
    behind = data.report(View("id", "36", periode, DEFAULT_METHOD)).slipping
    assert {"pembentukan", "mandiri_plus"} <= set(behind["sasaran"])  # Kab. Serang's 94 mandiri plus of 2023
    at = open_page("target", "id", prov="36", periode=periode)
    assert any(
        s.value == t("slip_title", "id", level="kabupaten/kota", region="Banten") for s in at.subheader
    )
    (table,) = [d.value for d in at.dataframe if column_label("laju_perlu", "id") in d.value.columns]
    assert table[column_label("wilayah", "id")].tolist() == behind["wilayah"].tolist()
    assert table[column_label("kurang", "id")].tolist() == slipping.shown(behind, "id")["kurang"].tolist()
    assert [b for b in at.get("download_button") if b.proto.label == t("download_csv", "id")]


def test_the_pack_has_a_slide_of_the_regions_behind(small_con: db.Connection) -> None:
    from kkb import paparan, slides
    from kkb.classification import DEFAULT_METHOD
    from kkb.view import View

    data = slides.Database(small_con)
    v = View("id", "36", "2023-06", DEFAULT_METHOD)
    pack = paparan.build(data, v)
    (slide,) = [s for s in pack.slides if s.key == "slipping"]
    assert slide.table is not None
    assert (
        slide.table["Wilayah"].tolist()
        == data.report(v).slipping["wilayah"].head(paparan.SLIPPING_ROWS).tolist()
    )
