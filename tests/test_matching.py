"""Matching a row with names only to a registered Kampung KB: by name in its desa, a SIGA place, or new."""

from __future__ import annotations

import pandas as pd

from kkb.ingest import matching
from kkb.sentences import formation_text


def test_a_place_taken_in_a_desa_of_several_siga_years_does_not_get_one_of_them() -> None:
    rows = pd.DataFrame({"kode_desa": ["36.04.05.2001"], "nama_kampung": ["KAMPUNG KB MAWAR"]})
    existing = pd.DataFrame(
        {
            "id": ["S3604052001-01", "S3604052001-02"],
            "nama": ["Kampung KB Kramatwatu (1)", "Kampung KB Kramatwatu (2)"],
            "kode_desa": ["36.04.05.2001", "36.04.05.2001"],
            "tahun_pencanangan": ["2017", "2020+"],
        }
    )
    ids, claimed, new = matching.match(rows, existing)
    assert ids == ["S3604052001-01"] and new == []
    assert claimed == [{"id": "S3604052001-01", "nama": "KAMPUNG KB MAWAR", "tahun": "2017/2020+"}]
    said = formation_text({"tanggal_pencanangan": None, "tahun_pencanangan": "2017/2020+"})
    assert said == "salah satu dari tahun 2017, 2020+ menurut rekap desanya (tidak diketahui yang mana)"


def _registered(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "nama", "kode_desa", "tahun_pencanangan"])


def test_a_row_is_the_kampung_kb_of_its_desa_with_that_name_whatever_its_case() -> None:
    rows = pd.DataFrame({"kode_desa": ["36.04.05.2001"], "nama_kampung": ["KAMPUNG KB MELATI"]})
    existing = _registered(("K3604052001-01", "Kampung KB Melati", "36.04.05.2001", ""))
    assert matching.match(rows, existing) == (["K3604052001-01"], [], [])


def test_the_same_name_in_another_desa_is_a_new_kampung_kb_with_the_first_free_id() -> None:
    rows = pd.DataFrame(
        {"kode_desa": ["36.04.05.2002", "36.04.05.2002"], "nama_kampung": ["Kampung KB Melati", "Anggrek"]}
    )
    existing = _registered(
        ("K3604052001-01", "Kampung KB Melati", "36.04.05.2001", ""),
        ("K3604052002-01", "Kampung KB Mawar", "36.04.05.2002", ""),
    )
    ids, claimed, new = matching.match(rows, existing)
    assert ids == new == ["K3604052002-02", "K3604052002-03"] and claimed == []


def test_a_name_twice_in_one_file_is_one_kampung_kb() -> None:
    rows = pd.DataFrame({"kode_desa": ["36.04.05.2001"] * 2, "nama_kampung": ["Melati", "MELATI"]})
    ids, _claimed, new = matching.match(rows, _registered())
    assert ids == ["K3604052001-01", "K3604052001-01"] and new == ["K3604052001-01"]
