"""Target metrics on a small hand-made registry whose answers can be checked by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from kkb import db, explore, metrics, overview, pace, store
from kkb.classification import DEFAULT_METHOD, RESULT_COLUMNS, classify
from kkb.regions import Reference, wilayah_table
from kkb.targets import read_targets
from tests.helpers import frame, full_marks_input, output_with, row

MANDIRI = row(**full_marks_input(), **output_with(part=35, cpr=60, mkjp=30, unmet=5))
BERKEMBANG = row(**full_marks_input(), penggunaan_data=4, mekanisme_operasional=5, instansi_terlibat=7)
DASAR = row()


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory, reference: Reference) -> Path:
    """Four Kampung KB in Kab. Serang, two in one desa; one inactive; one never classified."""
    path = tmp_path_factory.mktemp("hand") / "kkb.duckdb"
    con = db.create(path)
    db.insert_frame(con, "wilayah", wilayah_table(reference))
    db.insert_frame(con, "target", read_targets(db.DATA_DIR / "targets.csv"))
    desa_x, desa_y = "36.04.05.2001", "36.04.05.2002"
    kampung = pd.DataFrame(
        {
            "id": ["A", "B", "C", "D"],
            "nama": ["Kampung KB A", "Kampung KB RW 01 B", "Kampung KB C", "Kampung KB D"],
            "kode_desa": [desa_x, desa_x, desa_y, "36.04.06.2001"],
            "kode_kec": ["36.04.05", "36.04.05", "36.04.05", "36.04.06"],
            "kode_kab": ["36.04"] * 4,
            "kode_prov": ["36"] * 4,
            "tanggal_pencanangan": [
                dt.date(2023, 1, 15),
                dt.date(2020, 5, 2),
                dt.date(2023, 3, 1),
                dt.date(2022, 1, 1),
            ],
            "cakupan_wilayah": ["Desa", "RW", "Desa", "Desa"],
            "is_active": [True, True, True, False],
            "sumber": ["impor"] * 4,
        }
    )
    db.insert_frame(con, "kampung_kb", kampung)
    snaps = frame(DASAR, MANDIRI, BERKEMBANG, MANDIRI)
    snaps.insert(0, "periode", ["2023-01", "2023-06", "2021-01", "2023-06"])
    snaps.insert(0, "kampung_id", ["A", "A", "B", "D"])
    snaps["sumber"] = "impor"
    db.insert_frame(con, "snapshot", snaps)
    result = classify(snaps)
    result.insert(0, "metode", DEFAULT_METHOD)
    result.insert(0, "periode", snaps["periode"])
    result.insert(0, "kampung_id", snaps["kampung_id"])
    db.insert_frame(con, "klasifikasi", result[["kampung_id", "periode", "metode", *RESULT_COLUMNS]])
    store.rebuild_rekap(con)
    con.close()
    return path


@pytest.fixture()
def hand(hand_db: Path):  # type: ignore[no-untyped-def]
    con = db.connect(hand_db)
    yield con
    con.close()


def test_counts_use_the_latest_snapshot_at_or_before_the_periode(hand: db.Connection) -> None:
    may = overview.region(hand, "36.04", "2023-05")
    assert may.pembentukan == 3  # A, B, C; D is inactive
    assert may.desa_terbentuk == 2  # coverage counts distinct desa, never rows
    assert may.terklasifikasi == 2  # C has no snapshot yet
    assert may.kelas == {"Dasar": 1, "Berkembang": 1, "Mandiri": 0, "Berkelanjutan": 0}
    assert may.mandiri_plus_persen == 0
    june = overview.region(hand, "36.04", "2023-06")
    assert june.kelas["Mandiri"] == 1 and june.kelas["Dasar"] == 0
    assert june.mandiri_plus_persen == pytest.approx(50.0)


def test_coverage_denominators_are_kemendagri_counts(hand: db.Connection) -> None:
    m = overview.region(hand, "36.04", "2023-06")
    assert (m.jml_desa_kel, m.jml_kecamatan) == (326, 29)
    assert m.cakupan_desa_persen == pytest.approx(2 / 326 * 100)
    assert m.cakupan_kec_persen == pytest.approx(1 / 29 * 100)
    kec = overview.region(hand, "36.04.05", "2023-06")
    assert kec.cakupan_kec_persen == 100


def test_formation_before_a_kampung_exists(hand: db.Connection) -> None:
    early = overview.region(hand, "36.04", "2020-12")
    assert early.pembentukan == 1 and early.terklasifikasi == 0
    assert pd.isna(early.mandiri_plus_persen)


def test_targets_attainment_and_projection(hand: db.Connection) -> None:
    m = overview.region(hand, "36.04", "2023-06")
    formation = m.capaian["pembentukan"]
    assert formation.target is not None and formation.target.value == 234
    assert formation.percent == pytest.approx(3 / 234 * 100)
    assert m.capaian["mandiri_plus_jumlah"].percent == pytest.approx(1 / 94 * 100)
    assert m.capaian["mandiri_plus_persen"].target is None  # Kab. Serang has no share target
    # two Kampung KB declared in the 12 months to June 2023 (A in January, C in March)
    assert m.laju == pytest.approx(2 / 12)
    assert m.proyeksi is not None and not m.proyeksi.on_time
    assert m.proyeksi.reached_in == pace.shift_periode("2023-06", 1386)  # (234 - 3) / (2/12)


def test_children_keep_regions_without_kampung_kb(hand: db.Connection) -> None:
    wilayah = store.wilayah(hand)
    kids = overview.children(hand, "36.04", "2023-06", DEFAULT_METHOD, wilayah)
    assert len(kids) == 29
    assert kids.set_index("kode").loc["36.04.05", "pembentukan"] == 3
    assert (kids["pembentukan"] == 0).sum() == 28


def test_rank_and_year_on_year(hand: db.Connection) -> None:
    m = overview.region(hand, "36.04", "2023-06")
    assert m.peringkat["pembentukan"] == (1, 8)  # the only kab/kota in Banten with any
    assert m.perubahan_tahunan["pembentukan"] == 2  # B existed a year earlier


# --- Jelajah and Profil on the hand registry ---------------------------------------------------------


def test_kampung_list_gives_each_active_kampung_its_latest_class(hand: db.Connection) -> None:
    listed = explore.kampung_list(hand, "36.04", "2023-06", DEFAULT_METHOD).set_index("id")
    assert sorted(listed.index) == ["A", "B", "C"]  # D is inactive
    assert listed.loc["A", "klasifikasi"] == "Mandiri"
    assert listed.loc["B", "klasifikasi"] == "Berkembang"
    assert pd.isna(listed.loc["C", "klasifikasi"])  # formed, never reported
    assert listed.loc["A", "desa"] and listed.loc["A", "kabkota"] == "Kabupaten Serang"
    earlier = explore.kampung_list(hand, "36.04", "2023-02", DEFAULT_METHOD).set_index("id")
    assert sorted(earlier.index) == ["A", "B"]  # C was formed in March
    assert earlier.loc["A", "klasifikasi"] == "Dasar"


def test_filters_combine(hand: db.Connection) -> None:
    listed = explore.kampung_list(hand, "36.04", "2023-06", DEFAULT_METHOD)
    ids = lambda f: sorted(f["id"])  # noqa: E731
    assert ids(explore.filter_kampung(listed, ["Mandiri", "Berkembang"])) == ["A", "B"]
    assert ids(explore.filter_kampung(listed, [""])) == ["C"]
    assert ids(explore.filter_kampung(listed, years=(2021, 2023))) == ["A", "C"]
    assert ids(explore.filter_kampung(listed, text="rw 01")) == ["B"]
    assert ids(explore.filter_kampung(listed, ["Mandiri"], text="rw 01")) == []
    with pytest.raises(ValueError, match="tidak dikenal"):
        explore.filter_kampung(listed, dq="apa-saja")


def test_profile_history_and_class_changes(hand: db.Connection) -> None:
    found = explore.profile(hand, "A", DEFAULT_METHOD)
    assert found is not None
    assert found.identity["nama"] == "Kampung KB A"
    assert list(found.history["periode"]) == ["2023-01", "2023-06"]
    assert found.class_changes().to_dict("records") == [
        {"periode": "2023-01", "klasifikasi": "Dasar"},
        {"periode": "2023-06", "klasifikasi": "Mandiri"},
    ]
    at = found.at("2023-03")
    assert at is not None and at["klasifikasi"] == "Dasar"
    assert found.at("2022-12") is None
    assert explore.profile(hand, "ZZZ", DEFAULT_METHOD) is None
    scores = explore.score_table(found.at("2023-06"))  # type: ignore[arg-type]
    assert len(scores) == 12 and (scores["skor"] <= scores["skor_maks"]).all()


def test_attainment_table_and_schedule_put_the_regions_behind_first(hand: db.Connection) -> None:
    wilayah, targets = store.wilayah(hand, max_level=3), store.targets(hand)
    kids = overview.children(hand, "36", "2023-06", DEFAULT_METHOD, wilayah)
    table = metrics.attainment_table(kids, targets, 2023).set_index("kode")
    # Kab. Serang has its own 2023 formation target (234); the others inherit the national coverage target
    serang = table.loc["36.04"]
    assert (serang["target_metrik"], serang["target_nilai"], serang["aktual"]) == ("pembentukan", 234, 3)
    assert serang["capaian_persen"] == pytest.approx(3 / 234 * 100)
    lebak = table.loc["36.02"]
    assert (lebak["target_metrik"], lebak["target_dari"]) == ("cakupan_desa_persen", "ID")
    assert lebak["aktual"] == 0
    plan = overview.schedule(hand, "36", "2023-06", DEFAULT_METHOD, kids, targets)
    assert len(plan) == len(kids)
    order = [{False: 0, True: 1}.get(x, 2) for x in plan["tepat_waktu"]]
    assert order == sorted(order)
