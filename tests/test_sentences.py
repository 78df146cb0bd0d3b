"""``kkb.sentences``: value, target and attainment in words; deadlines already past."""

from __future__ import annotations

import dataclasses

import pytest

from kkb import db, overview, store
from kkb.classification import DEFAULT_METHOD
from kkb.i18n import t
from kkb.pace import Projection
from kkb.sentences import attainment_text, projection_text
from kkb.targets import Attainment, Target


def target(metric: str, value: float, year: int, inherited: str | None = None) -> Target:
    return Target(
        "36", metric, year, value, "", "sumber", "https://example.org", "2023-11-01", None, inherited
    )


@pytest.mark.parametrize(
    ("attainment", "periode", "lang", "expected"),
    [
        (
            Attainment("mandiri_plus_persen", 35.0, target("mandiri_plus_persen", 40.0, 2023)),
            "2023-10",
            "id",
            "35,00 % dari target 40,00 % (2023) — capaian 87,5 %",
        ),
        (
            Attainment("mandiri_plus_persen", 35.0, target("mandiri_plus_persen", 40.0, 2023)),
            "2023-10",
            "en",
            "35.00% of the 40.00% target (2023) — 87.5% attained",
        ),
        (
            Attainment("pembentukan", 906.0, target("pembentukan", 1161.0, 2023)),
            "2025-12",
            "id",
            "906 dari target 1.161 (2023) — capaian 78,0 %; target tahun 2023, bukan tahun 2025",
        ),
        (Attainment("pembentukan", 906.0, None), "2023-10", "id", "belum ada target tercatat"),
    ],
    ids=["percent-id", "percent-en", "target-of-another-year", "no-target"],
)
def test_an_attainment_says_value_target_and_attainment(
    attainment: Attainment, periode: str, lang: str, expected: str
) -> None:
    assert attainment_text(attainment, lang, periode) == expected


@pytest.fixture()
def banten(small_con: db.Connection):  # type: ignore[no-untyped-def]
    periode = overview.latest_periode(small_con)
    return overview.region(
        small_con,
        "36",
        periode,
        DEFAULT_METHOD,
        store.wilayah(small_con, max_level=3),
        store.targets(small_con),
    )


def test_a_deadline_already_past_says_it_was_missed(banten) -> None:  # type: ignore[no-untyped-def]
    missed = Projection(2000.0, "2024-12", 10.0, "2026-06", False)
    m = dataclasses.replace(banten, periode="2025-12", proyeksi=missed, proyeksi_metrik="pembentukan")
    text = projection_text(m, "id")
    assert text.startswith("target 2024-12 tidak tercapai; pada 2025-12: ")
    assert "tidak tercapai sebelum" not in text and text.endswith("tercapai 2026-06 pada laju ini")
    stalled = dataclasses.replace(m, proyeksi=dataclasses.replace(missed, reached_in=None))
    assert projection_text(stalled, "en").endswith("pace 0, it will not be reached")
    ahead = dataclasses.replace(m, periode="2024-03")
    assert projection_text(ahead, "id") == t("proyeksi_late", "id", deadline="2024-12", month="2026-06")
