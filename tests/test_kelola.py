"""The Kelola data page headless: sign-in, templates, an import and a refusal, clearing demo rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kkb import auth, db, explore, ingest
from kkb.classification import DEFAULT_METHOD
from tests.helpers import TEMPLATE_ROWS, TODAY, digest, new_app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "data" / "impor"


def _kelola(monkeypatch: pytest.MonkeyPatch, live: Path, lang: str = "id") -> object:

    monkeypatch.setenv("KKB_DB", str(live))
    at = new_app()
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("pages/kelola.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_kelola_without_a_password_offers_templates_but_no_import(
    live: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(auth.ENV, raising=False)
    at = _kelola(monkeypatch, live)
    assert "hash-password" in at.info[0].value  # says how to enable it
    assert not at.file_uploader
    labels = [b.label for b in at.get("download_button")]
    assert "Templat CSV" in labels and "Templat Excel (dengan petunjuk)" in labels


def test_kelola_imports_after_sign_in_and_refuses_a_bad_file(
    live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(auth.ENV, auth.make_hash("rahasia", iterations=1000))
    at = _kelola(monkeypatch, live, "en")
    at.text_input(key="admin_sandi").set_value("salah")
    at.button[0].click().run()
    assert at.error[0].value == "Wrong password."
    assert not at.file_uploader
    at.text_input(key="admin_sandi").set_value("rahasia")
    at.button[0].click().run()
    assert not at.exception
    assert at.file_uploader

    before = digest(live)
    bad = (CORPUS / "hitungan_negatif.csv").read_bytes()
    at.file_uploader[0].set_value(("hitungan_negatif.csv", bad, "text/csv")).run()
    assert "1 errors" in at.error[0].value
    problems = at.dataframe[-1].value
    assert problems.iloc[0][["baris", "kolom", "nilai"]].tolist() == [2, "pus", "-120"]
    assert not [b for b in at.button if b.label == "Import now"]
    assert digest(live) == before

    at.file_uploader[0].set_value(("baik.csv", TEMPLATE_ROWS.encode(), "text/csv")).run()
    assert "3 rows ready to import" in at.success[0].value
    next(b for b in at.button if b.label == "Import now").click().run()
    assert not at.exception
    assert any(s.value.startswith("Import #1 done: 3 new rows") for s in at.success)
    assert not at.dataframe or "baris" not in at.dataframe[-1].value.columns  # the uploader is empty again
    assert digest(live) != before
    con = db.connect(live)
    assert ingest.history(con).iloc[0]["pengguna"] == "web"
    con.close()


def test_the_limiter_locks_out_after_repeated_failures() -> None:
    stored = auth.make_hash("rahasia", iterations=1000)
    limiter = auth.Limiter(attempts=3, lockout=60)
    for _ in range(3):
        assert not limiter.check("salah", stored, now=100.0)
    assert limiter.wait_seconds(now=100.0, stored=stored) == 60.0
    assert not limiter.check("rahasia", stored, now=130.0)  # even the right password waits
    assert limiter.check("rahasia", stored, now=161.0)
    assert not auth.verify("rahasia", "bukan-hash") and auth.verify("rahasia", stored)


def test_demo_rows_are_cleared_on_request_and_the_clearing_can_be_undone(live: Path) -> None:
    before = digest(live)
    result = ingest.clear_synthetic(live, "14", "uji")
    con = db.connect(live)
    try:
        assert explore.kampung_list(con, "14", "2025-12", DEFAULT_METHOD).empty
        assert not explore.kampung_list(con, "36", "2025-12", DEFAULT_METHOD).empty
        assert (
            ingest.history(con).iloc[0]["catatan"]
            == f"{result.synthetic_removed} Kampung KB sintetis dihapus"
        )
    finally:
        con.close()
    assert result.synthetic_removed > 1000
    ingest.undo(live)
    assert digest(live) == before


def test_kelola_clears_the_chosen_regions_demo_rows(live: Path, monkeypatch: pytest.MonkeyPatch) -> None:

    con = db.connect(live)
    serang = con.execute("SELECT count(*) FROM kampung_kb WHERE kode_kab = '36.04' AND sumber = 'sintetis'")
    expected = int(serang.fetchone()[0])  # type: ignore[index]
    con.close()
    monkeypatch.setenv("KKB_DB", str(live))
    monkeypatch.setenv(auth.ENV, auth.make_hash("rahasia", iterations=1000))
    at = new_app()
    at.session_state["prov"] = "36"
    at.session_state["kab"] = "36.04"
    at.session_state["admin"] = True
    at.run()
    at.switch_page("pages/kelola.py").run()
    go = next(b for b in at.button if b.label == "Hapus data sintetis Kab. Serang")
    assert go.disabled  # not before the confirmation
    at.checkbox(key="hapus_yakin").check().run()
    next(b for b in at.button if b.label == "Hapus data sintetis Kab. Serang").click().run()
    assert not at.exception
    assert expected > 0
    assert any(s.value == f"{expected} Kampung KB sintetis dihapus." for s in at.success)
    con = db.connect(live)
    try:
        assert explore.kampung_list(con, "36.04", "2025-12", DEFAULT_METHOD).empty
    finally:
        con.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_templates_hold_an_example_row_and_excel_explains_every_column(tmp_path: Path, suffix: str) -> None:
    path = ingest.write_template(tmp_path / f"templat{suffix}")
    frame = ingest.read_table(path)
    assert list(frame.columns) == list(ingest.TEMPLATE_COLUMNS) and len(frame) == 1
    targets = ingest.read_table(ingest.write_targets_template(tmp_path / f"target{suffix}"))
    assert ingest.is_targets_file(list(targets.columns))
    if suffix == ".xlsx":
        notes = pd.read_excel(path, sheet_name="petunjuk")
        assert list(notes["kolom"]) == list(ingest.TEMPLATE_COLUMNS) and notes["isi"].str.len().min() > 10


def test_the_example_row_of_the_template_imports(live: Path, tmp_path: Path) -> None:
    path = ingest.write_template(tmp_path / "templat.xlsx")
    _, result = ingest.import_file(path, live, "uji", today=TODAY)
    assert result.added == 1
