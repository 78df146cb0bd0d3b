"""``kkb.ingest.targets``: a targets file adds and replaces targets; a bad one is refused whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from kkb import db, ingest
from tests.helpers import digest
from tests.test_template import CORPUS, good_file

TARGETS = (
    "kode_wilayah,tahun,metrik,jenis,nilai,penyebut,periode,sumber,sumber_url,sumber_tanggal,catatan\n"
    "36.04,2026,pembentukan,target,250,Kampung KB terbentuk,,Renstra,https://contoh.go.id/r,2026-01-15,\n"
    '36,2023,pembentukan,target,"1200,0",Kampung KB terbentuk,,Revisi,https://contoh.go.id/r2,2026-02-01,\n'
)


def test_a_targets_file_adds_and_replaces_targets(live: Path, tmp_path: Path) -> None:
    source = good_file(tmp_path, TARGETS, "target.csv")
    _, result = ingest.import_any(source, live, "uji")
    assert (result.added, result.changed) == (1, 1)
    con = db.connect(live)
    try:
        from kkb import store

        targets = store.targets(con)
        banten = targets[(targets["kode_wilayah"] == "36") & (targets["tahun"] == 2023)]
        banten = banten[(banten["metrik"] == "pembentukan") & (banten["jenis"] == "target")]
        assert banten["nilai"].tolist() == [1200.0] and banten["sumber"].tolist() == ["Revisi"]
        assert len(targets[targets["kode_wilayah"] == "36.04"]) >= 1
    finally:
        con.close()


def test_a_bad_targets_file_names_every_problem_and_changes_nothing(live: Path) -> None:
    before = digest(live)
    with pytest.raises(ingest.ImportRejected) as caught:
        ingest.import_any(CORPUS / "target_salah.csv", live, "uji")
    columns = {p.column for p in caught.value.checked.errors}
    assert columns == {"kode_wilayah", "tahun", "metrik", "nilai", "sumber_url", "sumber_tanggal", "sumber"}
    assert digest(live) == before


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "Infinity"])
def test_a_target_that_is_not_a_finite_number_is_refused(live: Path, tmp_path: Path, value: str) -> None:
    text = TARGETS.replace(",250,", f",{value},")
    before = digest(live)
    with pytest.raises(ingest.ImportRejected) as caught:
        ingest.import_any(good_file(tmp_path, text, "target.csv"), live, "uji")
    (problem,) = caught.value.checked.errors
    assert (problem.row, problem.column, problem.value) == (2, "nilai", value)
    assert digest(live) == before
