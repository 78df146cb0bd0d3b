"""New SIGA's poktan and Rumah DataKu recaps (FORMATS.md §D): the kind and the year asked, codes decide."""

from __future__ import annotations

import csv
import datetime as dt
import math
import shutil
from pathlib import Path

import pytest

from kkb import context, db, ingest
from kkb.ingest import siga_bulanan, siga_poktan
from tests.helpers import digest, figures, kelola_as_admin, open_page, run_cli, shown, unlabelled_columns

DATA = Path(__file__).resolve().parent / "data"
BKB = DATA / "siga_bkb_serang.csv"
DATAKU = DATA / "siga_dataku_serang.csv"
BAD = DATA / "siga_bkb_salah.csv"
TODAY = dt.date(2026, 12, 4)
HEADER = "PROVINSI;KABUPATEN;KECAMATAN;KODE;KELURAHAN;YANG ADA;YANG LAPOR;PERSENTASE LAPOR;BULAN"
PLACE = "BANTEN;SERANG;KRAMATWATU"
KRAMATWATU = "36.04.05"


def _file_rows(path: Path) -> list[dict[str, str]]:
    """The file as it is, read without our reader (blank lines left out)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle, delimiter=";") if r["KELURAHAN"]]


def _stored(live: Path) -> dict[tuple[str, str, str, str], int]:
    con = db.connect(live)
    try:
        rows = con.execute("SELECT kode_desa, periode, kelompok, ukuran, nilai FROM siga_poktan").fetchall()
    finally:
        con.close()
    return {(str(k), str(p), str(g), str(u)): int(n) for k, p, g, u, n in rows}


def _write(tmp_path: Path, name: str, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text("\r\n".join([header, *rows]) + "\r\n", encoding="utf-8")
    return path


def test_the_kind_of_poktan_and_the_year_are_asked_for_never_guessed(live: Path) -> None:
    assert ingest.shape_of(BKB) == siga_poktan.SHAPE and ingest.shape_of(DATAKU) == siga_poktan.SHAPE
    assert ingest.wants_year(BKB) and ingest.wants_year(DATAKU)
    assert ingest.wants_poktan(BKB) and not ingest.wants_poktan(DATAKU)  # Rumah DataKu is one kind
    before = digest(live)
    result = run_cli("import", str(BKB), "--db", str(live))
    assert result.returncode != 0
    assert "tidak menyebut tahun" in result.stderr and "tidak menyebut jenis poktannya" in result.stderr
    # the file's name says BKB: offered as what to state, not taken
    assert "nama berkas menyebut BKB: bila benar, nyatakan --poktan BKB" in result.stderr
    wrong = run_cli("import", str(BKB), "--db", str(live), "--tahun", "2025", "--poktan", "KB")
    assert wrong.returncode != 0 and "bukan jenis poktan yang dikenal" in wrong.stderr
    assert digest(live) == before


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("rekap_bkb_2025.csv", "BKB"),
        ("Rekap PIK-R Juli.xlsx", "PIK-R"),
        ("pikr-serang.csv", "PIK-R"),
        ("UPPKA.csv", "UPPKA"),
        ("rekap_bkb_bkr.csv", None),  # two kinds: no hint
        ("bkbx.csv", None),
        ("rekap_poktan.csv", None),
    ],
)
def test_a_file_name_hints_at_one_kind_of_poktan_at_most(name: str, hint: str | None) -> None:
    assert siga_poktan.suggested_poktan(name) == hint


def test_the_recap_is_kept_as_reported_with_the_code_deciding_the_desa(live: Path) -> None:
    checked, result = ingest.import_any(BKB, live, "uji", tahun=2025, poktan="bkb")
    printed = _file_rows(BKB)
    assert result.added == 2 * len(printed)  # YANG ADA and YANG LAPOR of each row
    stored = _stored(live)
    for row in [r for r in printed if r["KECAMATAN"] == "KRAMAT WATU"]:
        code = f"{KRAMATWATU}.{row['KODE']}"
        periode = f"2025-{siga_bulanan.MONTHS[row['BULAN']]:02d}"
        assert stored[code, periode, "bkb", "ada"] == int(row["YANG ADA"])
        assert stored[code, periode, "bkb", "lapor"] == int(row["YANG LAPOR"])
    assert len(stored) == 2 * len(printed)
    # PEJATTEN is what the code 2003 calls Pejaten: the code decides, said once for both months
    renamed = [w for w in checked.warnings if (w.column, w.value) == ("KELURAHAN", "PEJATTEN")]
    assert len(renamed) == 1 and "bernama Pejaten" in renamed[0].problem
    over = [r for r in printed if int(r["YANG LAPOR"]) > int(r["YANG ADA"])]
    (warning,) = [w for w in checked.warnings if w.column == "YANG LAPOR"]
    assert (
        over and f"pada {len(over)} baris" in warning.problem and "sebagaimana dilaporkan" in warning.problem
    )
    (percent,) = [w for w in checked.warnings if w.column == "PERSENTASE LAPOR"]
    assert "dasbor membagi angkanya sendiri" in percent.problem
    con = db.connect(live)
    try:
        said = ingest.describe(checked, con)
    finally:
        con.close()
    assert "(BKB)" in said and "Kolom yang tidak dibaca: KETERANGAN" in said


def test_rumah_dataku_is_kept_with_its_decree_and_funding_counts(live: Path) -> None:
    checked, _ = ingest.import_any(DATAKU, live, "uji", tahun=2025)
    printed = [r for r in _file_rows(DATAKU) if r["KECAMATAN"] == "KRAMAT WATU"]
    stored = _stored(live)
    for row in printed:
        code = f"{KRAMATWATU}.{row['KODE']}"
        for column, measure in siga_poktan.COUNTS["dataku"].items():
            assert stored[code, "2025-09", "dataku", measure] == int(row[column])
    (warning,) = [w for w in checked.warnings if w.column == "JUMLAH RUMAH DATAKU"]
    assert "tidak sama dengan SK ADA + SK TIDAK ADA" in warning.problem


def test_a_bad_recap_lists_every_problem_with_candidates_and_writes_nothing(live: Path) -> None:
    before = digest(live)
    with pytest.raises(ingest.ImportRejected) as refused:
        ingest.import_any(BAD, live, "uji", tahun=2025, poktan="BKB")
    found = {(p.row, p.column, p.value): p for p in refused.value.checked.errors}
    assert set(found) == {
        (2, "BULAN", "JULY"),
        (3, "KODE", "2999"),
        (4, "YANG ADA", "-1"),
        (5, "KODE", "2002"),
        (6, "YANG ADA", "dua"),
    }
    assert "36.04.05.2999 tidak ada" in found[3, "KODE", "2999"].problem
    assert "Kramatwatu" in found[3, "KODE", "2999"].accepted  # the closest by name, never a guess
    assert "desa ganda" in found[5, "KODE", "2002"].problem
    assert digest(live) == before


def test_a_recap_without_a_column_it_needs_says_which(live: Path, tmp_path: Path) -> None:
    header = "PROVINSI;KABUPATEN;KECAMATAN;KODE;KELURAHAN;JUMLAH RUMAH DATAKU;SK ADA;SK TIDAK ADA"
    path = _write(tmp_path, "dataku.csv", f"{PLACE};2001;KRAMATWATU;1;1;0", header=header)
    before = digest(live)
    result = run_cli("import", str(path), "--db", str(live), "--tahun", "2025")
    assert result.returncode != 0 and "rekap Rumah DataKu New SIGA tanpa kolom" in result.stderr
    for column in ("APBN", "SWASTA/CSR", "BULAN"):
        assert column in result.stderr.split("tanpa kolom")[1].split("—")[0]
    assert digest(live) == before


@pytest.fixture(scope="module")
def hand(small_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three desa of Kramatwatu with poktan counts whose rates can be checked by hand, made once."""
    tmp_path = tmp_path_factory.mktemp("poktan")
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, live)
    now = _write(
        tmp_path,
        "bkb_2025.csv",
        f"{PLACE};2001;KRAMATWATU;2;1;50;AGUSTUS",
        f"{PLACE};2002;MARGASANA;0;;;AGUSTUS",  # none, and so nothing to report
        f"{PLACE};2003;PEJATEN;3;3;100;AGUSTUS",
    )
    then = _write(
        tmp_path,
        "bkb_2024.csv",
        f"{PLACE};2001;KRAMATWATU;2;1;50;AGUSTUS",
        f"{PLACE};2002;MARGASANA;0;0;0;AGUSTUS",
        f"{PLACE};2003;PEJATEN;0;0;0;AGUSTUS",
    )
    for path, year in ((then, 2024), (now, 2025)):
        ingest.import_any(path, live, "uji", tahun=year, poktan="BKB")
    dataku = _write(
        tmp_path,
        "dataku.csv",
        f"{PLACE};2001;KRAMATWATU;1;1;0;0;0;1;0;0;0;AGUSTUS",
        f"{PLACE};2003;PEJATEN;3;1;2;1;1;0;1;0;0;AGUSTUS",
        header="PROVINSI;KABUPATEN;KECAMATAN;KODE;KELURAHAN;JUMLAH RUMAH DATAKU;SK ADA;SK TIDAK ADA;"
        "APBN;APBD;ADD;SWADAYA;SWASTA/CSR;LAINNYA;BULAN",
    )
    ingest.import_any(dataku, live, "uji", tahun=2025)
    return live


def test_presence_and_reporting_are_counts_summed_first_and_divided_last(hand: Path) -> None:
    con = db.connect(hand)
    try:
        groups = context.groups(con, KRAMATWATU, "2025-12").set_index("kelompok")
        earlier = context.groups(con, KRAMATWATU, "2024-12").set_index("kelompok")
    finally:
        con.close()
    bkb = groups.loc["bkb"]
    assert (bkb["periode"], bkb["desa"], bkb["desa_ada"]) == ("2025-08", 3, 2)
    assert bkb["persen_desa_ada"] == pytest.approx(200 / 3)  # 2 of the 3 desa in the recap
    # (1 + 3) ÷ (2 + 3), over the desa that report both: not the mean of 50 % and 100 %
    assert bkb["persen_lapor"] == pytest.approx(80.0)
    # a year before: 1 of 3 desa, 1 ÷ 2 reporting
    assert bkb["ubah_desa_ada"] == pytest.approx(200 / 3 - 100 / 3)
    assert bkb["ubah_lapor"] == pytest.approx(80.0 - 50.0)
    assert bkb["sumber"] == "bkb_2025.csv"
    dataku = groups.loc["dataku"]
    assert (dataku["ada"], dataku["desa"], dataku["desa_ada"], dataku["sk_ada"]) == (4, 2, 2, 2)
    assert dataku["persen_sk"] == pytest.approx(50.0) and math.isnan(dataku["ubah_lapor"])
    assert list(earlier.index) == ["bkb"] and earlier.loc["bkb", "periode"] == "2024-08"
    assert math.isnan(earlier.loc["bkb", "ubah_lapor"])  # no August 2023 to compare with


def test_the_summary_adds_a_line_per_poktan_and_rumah_dataku(hand: Path) -> None:
    said = run_cli("summary", "--db", str(hand), "--region", KRAMATWATU, "--periode", "2025-08").stdout
    lines = {line.split("  ")[0]: line for line in said.splitlines()}
    assert "ada di 2 dari 3 desa/kelurahan dalam rekap (66,7 %), 4 melapor (80,0 %)" in lines["BKB"]
    assert "+30,0 poin" in lines["BKB"] and "New SIGA 2025-08 (bkb_2025.csv)" in lines["BKB"]
    assert "4 Rumah DataKu" in lines["Rumah DataKu"] and "2 ber-SK (50,0 %)" in lines["Rumah DataKu"]
    riau = run_cli("summary", "--db", str(hand), "--region", "14").stdout
    assert not [x for x in riau.splitlines() if x.startswith(("BKB", "Rumah DataKu"))]


def test_ringkasan_draws_the_poktan_with_their_source(hand: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KKB_DB", str(hand))
    at = open_page("ringkasan", "id", prov="36", kab="36.04", kec=KRAMATWATU, periode="2025-10")
    assert not at.exception
    (chart,) = [f for f in figures(at) if f["layout"]["title"]["text"].startswith("Poktan di")]
    bars = {trace["name"]: trace["y"] for trace in chart["data"]}
    assert bars["desa dengan kelompok"] == [pytest.approx(200 / 3)] and bars["kelompok yang melapor"] == [
        80.0
    ]
    captions = [shown(c.value) for c in at.caption]
    assert any(c.endswith("per desa: BKB 2025-08 (bkb_2025.csv)") for c in captions)  # under the chart
    assert any(c.endswith("per desa: Rumah DataKu 2025-08 (dataku.csv)") for c in captions)  # its figures
    cards = {m.label: m.value for m in at.metric}
    assert cards["Rumah DataKu"] == "4" and cards["Rumah DataKu ber-SK"] == "50,00 %"


@pytest.mark.slow  # imports through the page: make test and CI run it
def test_kelola_asks_for_the_kind_of_poktan_before_it_checks_and_then_imports(
    live: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = kelola_as_admin(monkeypatch, live)
    before = digest(live)
    at.file_uploader[0].set_value((BKB.name, BKB.read_bytes(), "text/csv")).run()
    at.selectbox(key="impor_tahun_0").set_value(2025).run()
    assert not at.exception
    assert any("tidak menyebut jenis poktannya" in i.value for i in at.info)
    assert any("Nama berkas ini menyebut BKB" in c.value for c in at.caption)  # a hint, not a choice
    assert not [b for b in at.button if b.label == "Impor sekarang"]
    at.selectbox(key="impor_poktan_0").set_value("BKB").run()
    rows = 2 * len(_file_rows(BKB))
    assert at.success[0].value == f"{rows} baris siap diimpor."
    next(b for b in at.button if b.label == "Impor sekarang").click().run()
    assert not at.exception
    assert any(s.value.startswith(f"Impor #1 selesai: {rows} baris baru") for s in at.success)
    assert digest(live) != before and len(_stored(live)) == rows


def test_the_poktan_table_names_its_columns_in_the_language(
    hand: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KKB_DB", str(hand))
    views = [("ringkasan", {"prov": "36", "kab": "36.04", "kec": KRAMATWATU, "periode": "2025-10"})]
    assert unlabelled_columns(monkeypatch, views) == set()


def test_a_file_name_with_markdown_in_it_is_shown_as_typed_under_the_chart(
    hand: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = tmp_path / "kkb.duckdb"
    shutil.copyfile(hand, live)
    name = "[x](https:evil.example) bkb.csv"
    ingest.import_any(BKB, live, "uji", name=name, tahun=2025, poktan="BKB")
    monkeypatch.setenv("KKB_DB", str(live))
    at = open_page("ringkasan", "id", prov="36", kab="36.04", periode="2025-10")
    (line,) = [c.value for c in at.caption if "poktan dan Rumah DataKu per desa: BKB" in shown(c.value)]
    assert shown(line).endswith(f"BKB 2025-08 ({name})")  # the name as typed …
    assert "[x](" not in line  # … and no link: every sign markdown reads is escaped
