"""``kkb.info``: what a database holds, as typed figures and as the text of `kkb info`."""

from __future__ import annotations

from pathlib import Path

from kkb import db, info


def test_the_summary_is_typed_and_the_description_says_synthetic(small_con: db.Connection) -> None:
    s = info.summary(small_con)
    assert isinstance(s.kampung_kb, int) and s.synthetic and s.impor == 0
    assert s.schema_version == str(db.SCHEMA_VERSION) and s.periode_akhir == "2025-12"
    text = info.describe(small_con, Path("kkb.duckdb"))
    assert f"Kampung KB        : {s.kampung_kb:,}".replace(",", ".") in text
    assert text.endswith("DATA SINTETIS — registri demo buatan, bukan data resmi Kampung KB.")
