"""Perbandingan: headline figures side by side, differences, and the note on unlike targets."""

from __future__ import annotations

import pandas as pd
import pytest

from kkb import compare, db, fmt, overview, store
from kkb.classification import DEFAULT_METHOD
from kkb.i18n import t
from kkb.metrics import RegionMetrics
from kkb.sentences import denominator_text, goal_labels


@pytest.fixture()
def banten_riau(small_con: db.Connection) -> dict[str, object]:
    periode = overview.latest_periode(small_con)
    wilayah, targets = store.wilayah(small_con, max_level=3), store.targets(small_con)
    return {
        code: overview.region(small_con, code, periode, DEFAULT_METHOD, wilayah, targets)
        for code in ("36", "14")
    }


def test_headline_has_one_column_per_region_and_the_difference(banten_riau: dict) -> None:  # type: ignore[type-arg]
    table = compare.headline(banten_riau, {"36": "Banten", "14": "Riau"})
    assert list(table.columns) == ["metrik", "satuan", "Banten", "Riau", "selisih: Riau"]  # keys only
    row = table.set_index("metrik").loc["pembentukan"]
    assert row["Banten"] == banten_riau["36"].pembentukan  # type: ignore[attr-defined]
    assert row["selisih: Riau"] == row["Riau"] - row["Banten"]
    in_english = compare.in_words(table, "en")
    assert list(in_english.columns) == ["metrik", "label", "satuan", "Banten", "Riau", "Difference: Riau"]
    shown = compare.formatted(table, "id").set_index("Metrik")
    assert shown.loc["Cakupan desa/kelurahan", "Banten"].endswith(" %")
    assert shown.loc["Cakupan desa/kelurahan"].iloc[-1].endswith("poin")


def test_unlike_targets_are_named(banten_riau: dict) -> None:  # type: ignore[type-arg]
    goals = compare.attainments(banten_riau, {"36": "Banten", "14": "Riau"})
    assert set(goals["wilayah"]) == {"Banten", "Riau"}
    assert "Banten · Kampung KB terbentuk 2023" in goal_labels(goals, "id")
    note = denominator_text(goals, "id")
    assert "Banten:" in note and "Riau:" in note  # Banten has mandiri plus targets, Riau has none
    alike = goals[goals["metrik"] == "pembentukan"]
    assert denominator_text(alike, "id") == ""
    assert denominator_text(pd.DataFrame(columns=goals.columns)) == ""


def test_normalised_per_100_desa() -> None:
    trend = pd.DataFrame({"periode": ["2024-01", "2024-02"], "pembentukan": [10, 25]})
    assert list(compare.normalised(trend, 50)["per_100_desa"]) == [20.0, 50.0]


#: regions of several levels and sizes: the nation, Banten, Riau, Bali, Kab. Serang, Kab. Tabanan
SEVERAL = ("ID", "36", "14", "51", "36.04", "51.02")


def expected_headline(m: RegionMetrics) -> dict[str, float]:
    """Each headline row as RegionMetrics holds it, written out field by field (not through compare)."""
    return {
        "pembentukan": m.pembentukan,
        "desa_terbentuk": m.desa_terbentuk,
        "cakupan_desa_persen": m.cakupan_desa_persen,
        "per_100_desa": m.pembentukan / m.jml_desa_kel * 100,
        "terklasifikasi": m.terklasifikasi,
        "mandiri_plus": m.mandiri_plus,
        "mandiri_plus_persen": m.mandiri_plus_persen,
        "dasar_persen": m.kelas_persen["Dasar"],
        "berkembang_persen": m.kelas_persen["Berkembang"],
        "mandiri_persen": m.kelas_persen["Mandiri"],
        "berkelanjutan_persen": m.kelas_persen["Berkelanjutan"],
    }


@pytest.fixture()
def several(small_con: db.Connection) -> dict[str, RegionMetrics]:
    periode = overview.latest_periode(small_con)
    wilayah, targets = store.wilayah(small_con, max_level=3), store.targets(small_con)
    return {
        code: overview.region(small_con, code, periode, DEFAULT_METHOD, wilayah, targets) for code in SEVERAL
    }


def test_every_headline_row_is_the_figure_region_metrics_holds(several: dict[str, RegionMetrics]) -> None:
    labels = {code: code for code in several}
    table = compare.headline(several, labels).set_index("metrik")
    for code, m in several.items():
        wanted = expected_headline(m)
        assert set(table.index) == set(wanted)
        for key, figure in wanted.items():
            assert table.loc[key, code] == pytest.approx(figure, nan_ok=True), (code, key)
        # mandiri plus is a group of two classes, never the share of the class Mandiri alone
        share = (m.kelas["Mandiri"] + m.kelas["Berkelanjutan"]) / m.terklasifikasi * 100
        assert table.loc["mandiri_plus_persen", code] == pytest.approx(share)
        assert m.kelas["Berkelanjutan"] == 0 or table.loc["mandiri_plus_persen", code] != pytest.approx(
            table.loc["mandiri_persen", code]
        )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_formatted_table_shows_the_same_figures(several: dict[str, RegionMetrics], lang: str) -> None:
    labels = {code: code for code in several}
    shown = compare.formatted(compare.headline(several, labels), lang).set_index(t("metrik_col", lang))
    for code, m in several.items():
        assert shown.loc[t("mandiri_plus_persen", lang), code] == fmt.percent(m.mandiri_plus_persen, lang)
        assert shown.loc[t("cakupan_desa_persen", lang), code] == fmt.percent(m.cakupan_desa_persen, lang)
        assert shown.loc[t("pembentukan", lang), code] == fmt.number(m.pembentukan, lang)
