"""Finding a Kampung KB by name: misspelt desa names, several words, an ID, and no guess for nonsense."""

from __future__ import annotations

import pytest

from kkb import db, search


@pytest.fixture(scope="module")
def place(small_db):  # type: ignore[no-untyped-def]
    """A Kampung KB of the small registry whose desa has a name long enough to misspell."""
    con = db.connect(small_db)
    try:
        row = con.execute(
            "SELECT k.id, d.nama, kc.nama FROM kampung_kb k JOIN wilayah d ON d.kode = k.kode_desa"
            " JOIN wilayah kc ON kc.kode = k.kode_kec WHERE length(d.nama) >= 9 AND d.nama NOT LIKE '% %'"
            " ORDER BY k.id LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    assert row is not None
    return row


def misspelt(name: str) -> str:
    """One letter dropped from the middle: ``Margasana`` → ``Margsana``."""
    middle = len(name) // 2
    return name[:middle] + name[middle + 1 :]


def test_a_misspelt_desa_name_finds_its_kampung_kb(
    small_con: db.Connection, place: tuple[str, str, str]
) -> None:
    kampung, desa, _ = place
    found = search.find(small_con, misspelt(desa).lower())
    assert kampung in found["id"].head(5).tolist(), found.head()
    assert (found["skor"].diff().dropna() <= 0).all()  # best first


def test_desa_and_kecamatan_together_put_that_one_first(
    small_con: db.Connection, place: tuple[str, str, str]
) -> None:
    kampung, desa, kecamatan = place
    found = search.find(small_con, f"Desa {misspelt(desa)}, Kec. {kecamatan}")
    assert found["id"].iloc[0] == kampung


def test_an_id_opens_that_kampung_kb_first(small_con: db.Connection, place: tuple[str, str, str]) -> None:
    kampung, _, _ = place
    found = search.find(small_con, kampung.lower())
    assert found["id"].iloc[0] == kampung


@pytest.mark.parametrize(
    "query", ["zzqxv", "", "   ", "desa kab"], ids=["nonsense", "empty", "blank", "kinds-only"]
)
def test_nothing_like_it_finds_nothing(small_con: db.Connection, query: str) -> None:
    assert search.find(small_con, query).empty


def test_kind_words_and_punctuation_are_left_out() -> None:
    assert search.words("Kampung KB Desa Margasana, Kec. Kramatwatu / Kab. Serang") == [
        "margasana",
        "kramatwatu",
        "serang",
    ]
