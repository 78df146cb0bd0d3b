"""``kkb.ingest.names``: a name found within its parent, by spelling, by a remembered name, or not guessed."""

from __future__ import annotations

import pandas as pd
import pytest

from kkb import db
from kkb.ingest import names

WILAYAH = pd.DataFrame(
    [
        ("36.04", 2, "36", "KAB. SERANG", "Serang", "Kabupaten"),
        ("36.73", 2, "36", "KOTA SERANG", "Serang", "Kota"),
        ("36.04.05", 3, "36.04", "Kramatwatu", "Kramatwatu", "Kecamatan"),
        ("36.04.06", 3, "36.04", "Waringinkurung", "Waringinkurung", "Kecamatan"),
        ("36.04.07", 3, "36.04", "Bojonegara", "Bojonegara", "Kecamatan"),
        ("36.04.08", 3, "36.04", "Pulo Ampel", "Pulo Ampel", "Kecamatan"),
        ("36.04.09", 3, "36.04", "Pulo Ampel", "Pulo Ampel", "Kecamatan"),  # two of one name (made up)
    ],
    columns=["kode", "tingkat", "kode_induk", "nama", "nama_singkat", "jenis"],
)


@pytest.mark.parametrize(
    ("raw", "level", "key"),
    [
        ("KAB.  Serang", 2, "serang"),
        ("Kota Adm. Jakarta Pusat", 2, "kota jakarta pusat"),
        ("Kec. Kramatwatu", 3, "kramatwatu"),
        ("Tg. Pinang", None, "tanjung pinang"),
        ("Désa Cikandé", 4, "cikande"),
    ],
)
def test_names_are_compared_without_case_accents_abbreviations_or_level_words(
    raw: str, level: int | None, key: str
) -> None:
    assert names.normal(raw, level) == key


def test_a_kabupaten_and_a_kota_of_one_name_are_told_apart() -> None:
    lookup = names.Names(WILAYAH)
    assert lookup.find(2, "36", "Kabupaten Serang") == names.Found("36.04", "exact", "KAB. SERANG")
    assert lookup.find(2, "36", "KOTA SERANG").kode == "36.73"


@pytest.mark.parametrize(
    ("written", "kode", "how"),
    [
        ("KRAMAT WATU", "36.04.05", "spelling"),  # spaces and doubled letters aside, the same name
        ("Kramatwattu", "36.04.05", "spelling"),
        ("Waringin Kurung", "36.04.06", "spelling"),
        ("Bojonegra", "36.04.07", "close"),
        ("Kramatwatu Baru", None, "none"),  # an extra word names another place: not taken as a typo
        ("Bojonegoro", None, "none"),  # two letters off: too far to take
    ],
)
def test_a_misspelt_name_is_taken_only_when_one_place_is_that_close(
    written: str, kode: str | None, how: str
) -> None:
    found = names.Names(WILAYAH).find(3, "36.04", written)
    assert (found.kode, found.how) == (kode, how)
    assert found.warned == (how in ("spelling", "close"))
    if kode is None:
        assert found.candidates and "yang terdekat" in names.accepted_text(found)


def test_a_name_two_places_share_is_never_guessed() -> None:
    found = names.Names(WILAYAH).find(3, "36.04", "PULO AMPEL")
    assert (found.kode, found.how) == (None, "ambiguous") and len(found.candidates) == 2
    assert "tidak unik" in names.problem_text(found, 3)


def test_a_name_a_file_taught_is_remembered_for_the_next_file() -> None:
    taught = pd.DataFrame(
        {
            "tingkat": [3],
            "kode_induk": ["36.04"],
            "nama": [names.normal("KRAMAT WATU", 3)],
            "kode": ["36.04.05"],
        }
    )
    found = names.Names(WILAYAH, taught).find(3, "36.04", "Kramat Watu")
    assert found == names.Found("36.04.05", "remembered", "Kramatwatu")


def test_a_files_index_holds_the_desa_of_the_provinsi_it_names_and_every_provinsi(
    small_con: db.Connection,
) -> None:
    lookup = names.index(small_con, ["BANTEN", "BANTEN", "RIAUU"])  # a misspelt provinsi is still found
    assert lookup.exists("36.04.05.2001") and lookup.exists("14.71.01.1002")
    assert not lookup.exists("51.02.01.2001")  # Bali is not named: its desa are not indexed
    assert lookup.find(1, "ID", "BALI").kode == "51"  # but Bali itself is, for a file that names it
    assert names.index(small_con, []).find(1, "ID", "Banten").kode == "36"
