"""Target metrics (SPEC §5): pure functions over counts, trends and the targets table.

Inputs are the frames of ``kkb.store``: counts per region (``REGION_COUNTS``), the monthly trend
of a region, and the targets. Nothing here reads the database, so every figure can be tested on a
small hand-made registry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kkb.classification import CLASSES
from kkb.pace import Projection, pace, project
from kkb.regions import NATION
from kkb.targets import Attainment, Target, find_in, find_target, index_targets

#: the counts of a region as ``kkb.store`` returns them (from ``rekap_wilayah`` or ``rekap``)
REGION_COUNTS = (
    "pembentukan",
    "desa_terbentuk",
    "kec_terbentuk",
    "baru",
    "terklasifikasi",
    "dasar",
    "berkembang",
    "mandiri",
    "berkelanjutan",
    "dq_kampung",
    "sintetis",
    "tanpa_tanggal",
)

#: counts that a region known only from its printed totals does not give: unknown (NaN), not zero
UNKNOWABLE = ("desa_terbentuk", "kec_terbentuk", "baru")

CLASS_COLUMNS = {c: c.lower() for c in CLASSES}
#: metrics with a target in the targets table, and how the actual value is read from counts
TARGET_METRICS = (
    "pembentukan",
    "pembentukan_desa",
    "cakupan_desa_persen",
    "mandiri_plus_persen",
    "mandiri_plus_jumlah",
)
#: metrics shown on maps and rankings: column, unit
RATE_METRICS = {
    "cakupan_desa_persen": "%",
    "cakupan_kec_persen": "%",
    "mandiri_plus_persen": "%",
    "pembentukan": "n",
    "per_100_desa": "n",
    "dasar_persen": "%",
    "berkembang_persen": "%",
    "mandiri_persen": "%",
    "berkelanjutan_persen": "%",
}


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    den = denominator.astype(float)
    return (numerator.astype(float) / den.where(den > 0)) * 100


def add_rates(counts: pd.DataFrame, wilayah: pd.DataFrame) -> pd.DataFrame:
    """Join Kemendagri denominators to counts and compute the rates of SPEC §5.

    ``counts`` has ``kode`` and the count columns; ``wilayah`` has ``kode``, ``jml_desa_kel`` and
    ``jml_kecamatan`` (the nation may be absent: its totals are the provinces' sums). Regions of
    ``wilayah`` without any Kampung KB are kept with zero counts, so they show on maps as 0 %.
    """
    denominators = wilayah[["kode", "jml_desa_kel", "jml_kecamatan"]]
    if NATION in set(counts["kode"]) and NATION not in set(wilayah["kode"]):
        provinces = wilayah[wilayah["tingkat"] == 1]
        nation = pd.DataFrame(
            {
                "kode": [NATION],
                "jml_desa_kel": [int(provinces["jml_desa_kel"].sum())],
                "jml_kecamatan": [int(provinces["jml_kecamatan"].sum())],
            }
        )
        denominators = pd.concat([denominators, nation], ignore_index=True)
    out = denominators[denominators["kode"].isin(counts["kode"])].merge(counts, on="kode", how="left")
    return _rates(out)


def rates_for_children(counts: pd.DataFrame, children: pd.DataFrame) -> pd.DataFrame:
    """Like ``add_rates`` but keeps every region of ``children`` (zero where none was formed)."""
    keep = [c for c in ("kode", "nama", "jml_desa_kel", "jml_kecamatan", "lat", "lng") if c in children]
    out = children[keep].merge(counts, on="kode", how="left")
    return _rates(out)


def unknown_where(rated: pd.DataFrame, unknown: pd.Series) -> pd.DataFrame:
    """``rated`` with every count and rate of the ``unknown`` rows empty (NaN), and ``tidak_diketahui``."""
    out = rated.copy()
    columns = [c for c in (*REGION_COUNTS, "mandiri_plus", "belum_terklasifikasi", *RATE_METRICS) if c in out]
    columns += [
        f"{c}_persen" for c in CLASS_COLUMNS.values() if f"{c}_persen" in out and f"{c}_persen" not in columns
    ]
    for column in columns:
        out[column] = out[column].astype("float64").where(~unknown)
    out["tidak_diketahui"] = unknown.to_numpy()
    return out


def _rates(out: pd.DataFrame) -> pd.DataFrame:
    out = out.copy()
    # a region without a row has none formed (0); a region whose row leaves a count empty does not
    # give it (NaN), and every rate from that count stays unknown
    present = out["pembentukan"].notna() if "pembentukan" in out else pd.Series(False, index=out.index)
    for column in REGION_COUNTS:
        if column not in out:
            continue
        if column in UNKNOWABLE:
            values = out[column].astype("float64")
            out[column] = values.where(values.notna() | present, 0.0)
        else:
            out[column] = out[column].fillna(0).astype("int64")
    out["mandiri_plus"] = out["mandiri"] + out["berkelanjutan"]
    out["belum_terklasifikasi"] = out["pembentukan"] - out["terklasifikasi"]
    out["cakupan_desa_persen"] = _ratio(out["desa_terbentuk"], out["jml_desa_kel"])
    out["cakupan_kec_persen"] = _ratio(out["kec_terbentuk"], out["jml_kecamatan"])
    out["mandiri_plus_persen"] = _ratio(out["mandiri_plus"], out["terklasifikasi"])
    out["per_100_desa"] = _ratio(out["pembentukan"], out["jml_desa_kel"])
    for name, column in CLASS_COLUMNS.items():
        out[f"{column}_persen"] = _ratio(out[column], out["terklasifikasi"])
        del name
    return out


# --- targets -------------------------------------------------------------------------------------


# --- one region's metrics -----------------------------------------------------------------------


@dataclass(frozen=True)
class RegionMetrics:
    """Every SPEC §5 metric of one region at one periode (see ``region_metrics``)."""

    kode: str
    periode: str
    metode: str
    pembentukan: int
    #: None where the data does not give them (a region known from its printed totals)
    desa_terbentuk: int | None
    kec_terbentuk: int | None
    jml_desa_kel: int
    jml_kecamatan: int
    cakupan_desa_persen: float
    cakupan_kec_persen: float
    terklasifikasi: int
    kelas: dict[str, int]
    kelas_persen: dict[str, float]
    mandiri_plus: int
    mandiri_plus_persen: float
    capaian: dict[str, Attainment]
    laju: float
    proyeksi: Projection | None
    proyeksi_metrik: str | None
    peringkat: dict[str, tuple[int, int]] = field(default_factory=dict)
    perubahan_tahunan: dict[str, float] = field(default_factory=dict)
    sintetis: int = 0
    dq_kampung: int = 0
    #: the first periode the region's figures are known for, when earlier months are unknown (a
    #: region known from a statistics table); None when its history is complete
    data_sejak: str | None = None
    #: the periode the figures were printed for, when they are carried on to a later month
    dari_periode: str | None = None
    #: the region above whose printed totals are all that is known here (its own figures unknown)
    hanya_induk: str | None = None

    @property
    def before_data(self) -> bool:
        """Whether ``periode`` lies before the first month the region's figures are known for."""
        return self.hanya_induk is not None or (
            self.data_sejak is not None and self.periode < self.data_sejak
        )


def _value(row: pd.Series, column: str) -> float:
    value = row.get(column)
    return float("nan") if value is None or pd.isna(value) else float(value)


def known_from(trend: pd.DataFrame) -> str | None:
    """The first month of a trend whose first figures were printed totals (earlier ones unknown), or None."""
    if trend.empty or "dari_periode" not in trend:
        return None
    first = trend.iloc[0]
    return str(first["periode"]) if pd.notna(first["dari_periode"]) else None


def comparable(now: pd.Series, earlier: pd.Series, earlier_periode: str, since: str | None) -> bool:
    """Whether two months of a region can be compared.

    Not when the earlier month is before its figures are known, nor when either month carries a
    printed figure on (the same table twice is no change; a table beside monthly data is no series).
    """
    if since is not None and earlier_periode < since:
        return False
    carried_now, carried_then = now.get("dari_periode"), earlier.get("dari_periode")
    same_undated = now.get("tanpa_tanggal", 0) == earlier.get("tanpa_tanggal", 0)
    return pd.isna(carried_now) and pd.isna(carried_then) and bool(same_undated)


def printed_since(printed: pd.DataFrame, code: str) -> str | None:
    """The first periode all of ``code`` is known for, or None when its history is complete.

    Later than its first month when it, or a region within it, is known from printed totals only
    from then on (``kkb.store.printed``).
    """
    if printed.empty:
        return None
    codes = printed["kode"].astype(str)
    inside = printed[(codes == code) | codes.str.startswith(code + ".") | (code == NATION)]
    return None if inside.empty else str(inside["pertama"].max())


def printed_above(printed: pd.DataFrame, code: str) -> str | None:
    """The region above ``code`` whose printed totals cover it, when only they do; else None."""
    for kode in printed["kode"].astype(str):
        if code.startswith(kode + "."):
            return kode
    return None


def _count(row: pd.Series, column: str) -> int | None:
    value = row.get(column)
    return None if value is None or pd.isna(value) else int(value)


def region_metrics(
    kode: str,
    periode: str,
    metode: str,
    now: pd.Series,
    year_ago: pd.Series | None,
    trend: pd.DataFrame,
    targets: pd.DataFrame,
    siblings: pd.DataFrame | None = None,
    data_sejak: str | None = None,
    hanya_induk: str | None = None,
) -> RegionMetrics:
    """Compute one region's metrics from its rated counts now and a year earlier.

    ``now`` and ``year_ago`` are rows of ``add_rates``; ``trend`` the region's monthly totals;
    ``siblings`` the rated rows of the regions it is ranked among (itself included), or None.
    """
    year = int(periode[:4])
    kelas = {c: int(now[CLASS_COLUMNS[c]]) for c in CLASSES}
    kelas_persen = {c: _value(now, f"{CLASS_COLUMNS[c]}_persen") for c in CLASSES}
    actual = {
        "pembentukan": float(now["pembentukan"]),
        "pembentukan_desa": float(now["desa_terbentuk"]),
        "cakupan_desa_persen": _value(now, "cakupan_desa_persen"),
        "mandiri_plus_persen": _value(now, "mandiri_plus_persen"),
        "mandiri_plus_jumlah": float(now["mandiri_plus"]),
    }
    capaian = {m: Attainment(m, actual[m], find_target(targets, kode, m, year)) for m in TARGET_METRICS}
    laju = pace(trend, periode)
    proyeksi, proyeksi_metrik = None, None
    formation = capaian["pembentukan"].target
    coverage = capaian["cakupan_desa_persen"].target
    if formation is not None:
        proyeksi = project(actual["pembentukan"], formation, laju, periode)
        proyeksi_metrik = "pembentukan"
    elif coverage is not None:
        desa_target = Target(
            **{**coverage.__dict__, "value": coverage.value / 100 * float(now["jml_desa_kel"])}
        )
        proyeksi = project(
            actual["pembentukan_desa"], desa_target, pace(trend, periode, "desa_terbentuk"), periode
        )
        proyeksi_metrik = "pembentukan_desa"
    peringkat = {}
    if siblings is not None and len(siblings) > 1:
        for metric in ("cakupan_desa_persen", "mandiri_plus_persen", "pembentukan", "per_100_desa"):
            ranked = siblings[metric].rank(ascending=False, method="min")
            mine = ranked[siblings["kode"] == kode]
            if len(mine) and not pd.isna(mine.iloc[0]):
                peringkat[metric] = (int(mine.iloc[0]), int(siblings[metric].notna().sum()))
    perubahan = {}
    if year_ago is not None:
        for metric in ("pembentukan", "cakupan_desa_persen", "mandiri_plus_persen", "mandiri_plus"):
            perubahan[metric] = _value(now, metric) - _value(year_ago, metric)
    return RegionMetrics(
        kode=kode,
        periode=periode,
        metode=metode,
        pembentukan=int(now["pembentukan"]),
        desa_terbentuk=_count(now, "desa_terbentuk"),
        kec_terbentuk=_count(now, "kec_terbentuk"),
        jml_desa_kel=int(now["jml_desa_kel"]),
        jml_kecamatan=int(now["jml_kecamatan"]),
        cakupan_desa_persen=_value(now, "cakupan_desa_persen"),
        cakupan_kec_persen=_value(now, "cakupan_kec_persen"),
        terklasifikasi=int(now["terklasifikasi"]),
        kelas=kelas,
        kelas_persen=kelas_persen,
        mandiri_plus=int(now["mandiri_plus"]),
        mandiri_plus_persen=_value(now, "mandiri_plus_persen"),
        capaian=capaian,
        laju=laju,
        proyeksi=proyeksi,
        proyeksi_metrik=proyeksi_metrik,
        peringkat=peringkat,
        perubahan_tahunan=perubahan,
        sintetis=int(now.get("sintetis", 0) or 0),
        dq_kampung=int(now.get("dq_kampung", 0) or 0),
        data_sejak=data_sejak,
        hanya_induk=hanya_induk,
        dari_periode=str(now["dari_periode"]) if pd.notna(now.get("dari_periode")) else None,
    )


#: the metric each region is measured against on maps and in the Target ranking, in order of preference
PRIMARY_TARGETS = ("pembentukan", "cakupan_desa_persen")
_ACTUAL_COLUMN = {
    "pembentukan": "pembentukan",
    "pembentukan_desa": "desa_terbentuk",
    "cakupan_desa_persen": "cakupan_desa_persen",
    "mandiri_plus_persen": "mandiri_plus_persen",
    "mandiri_plus_jumlah": "mandiri_plus",
}


def attainment_table(rated: pd.DataFrame, targets: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each region's attainment of its primary target (its own formation target, else coverage).

    ``rated`` holds rows of ``add_rates``/``rates_for_children``. Adds ``target_metrik``,
    ``target_tahun``, ``target_nilai``, ``target_penyebut``, ``target_sumber``, ``target_dari``
    (the region that set it), ``aktual`` and ``capaian_persen`` (empty where no target applies).
    """
    found: list[dict[str, object]] = []
    index = index_targets(targets)
    for _, row in rated.iterrows():
        code = str(row["kode"])
        target: Target | None = None
        for metric in PRIMARY_TARGETS:
            target = find_in(index, code, metric, year)
            if target is not None:
                break
        if target is None:
            found.append({"kode": code})
            continue
        actual = _value(row, _ACTUAL_COLUMN[target.metric])
        found.append(
            {
                "kode": code,
                "target_metrik": target.metric,
                "target_tahun": target.year,
                "target_nilai": target.value,
                "target_penyebut": target.denominator,
                "target_sumber": target.source,
                "target_dari": target.inherited_from or code,
                "aktual": actual,
                "capaian_persen": Attainment(target.metric, actual, target).percent,
            }
        )
    extra = pd.DataFrame(found, columns=["kode", *_ATTAINMENT_COLUMNS])
    return rated.merge(extra, on="kode", how="left")


_ATTAINMENT_COLUMNS = (
    "target_metrik",
    "target_tahun",
    "target_nilai",
    "target_penyebut",
    "target_sumber",
    "target_dari",
    "aktual",
    "capaian_persen",
)
