"""Put store and metrics together: the metrics of a region, its children, its peers."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kkb import db, metrics, pace, store
from kkb.classification import CLASSES, DEFAULT_METHOD
from kkb.metrics import RegionMetrics
from kkb.regions import NATION, level_of, parent_of
from kkb.targets import Target


def latest_periode(con: db.Connection) -> str:
    """The last month the registry has data for."""
    found = store.periods(con)
    if not found:
        raise ValueError("basis data belum berisi snapshot")
    return found[-1]


def rated(con: db.Connection, code: str, periode: str, metode: str, wilayah: pd.DataFrame) -> pd.Series:
    """One region's counts with rates (a row of zeros when it has no Kampung KB at ``periode``)."""
    frame = store.counts(con, code, periode, metode)
    if frame.empty:
        frame = pd.DataFrame({"kode": [code], **{c: [0] for c in metrics.REGION_COUNTS}})
    return metrics.add_rates(frame, wilayah).iloc[0]


def children(con: db.Connection, code: str, periode: str, metode: str, wilayah: pd.DataFrame) -> pd.DataFrame:
    """Every region one level below ``code`` with counts and rates (zeros where none was formed)."""
    return _children(con, code, periode, metode, wilayah)


def children_year_ago(
    con: db.Connection, code: str, periode: str, metode: str, wilayah: pd.DataFrame
) -> pd.DataFrame:
    """``children`` twelve months before ``periode`` (the start of the pace the targets need)."""
    return _children(con, code, pace.shift_periode(periode, -12), metode, wilayah)


def _children(
    con: db.Connection, code: str, periode: str, metode: str, wilayah: pd.DataFrame
) -> pd.DataFrame:
    level = level_of(code)
    if level >= 3:
        raise ValueError("kecamatan adalah tingkat terendah untuk metrik wilayah")
    frame = store.counts(con, code, periode, metode, by=level + 1)
    kids = wilayah[wilayah["kode_induk"] == code]
    out = metrics.rates_for_children(frame, kids)
    printed = store.printed(con)
    covering = printed[printed["kode"].isin([code, *_ancestors(code)])]
    if not covering.empty and periode >= str(covering["pertama"].min()):
        # the region (or one above it) is known from its printed totals: a region below it without
        # figures of its own is unknown, not zero
        out = metrics.unknown_where(out, ~out["kode"].isin(frame["kode"]))
    return out


def _ancestors(code: str) -> list[str]:
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def region(
    con: db.Connection,
    code: str,
    periode: str | None = None,
    metode: str = DEFAULT_METHOD,
    wilayah: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    trend: pd.DataFrame | None = None,
) -> metrics.RegionMetrics:
    """All metrics of ``code`` at ``periode`` (default: the latest), ranked among its siblings.

    ``trend`` is the region's ``store.trend`` when the caller has read it already.
    """
    periode = periode or latest_periode(con)
    wilayah = store.wilayah(con) if wilayah is None else wilayah
    targets = store.targets(con) if targets is None else targets
    now = rated(con, code, periode, metode, wilayah)
    earlier = pace.shift_periode(periode, -12)
    year_ago: pd.Series | None = rated(con, code, earlier, metode, wilayah)
    trend = store.trend(con, code, metode) if trend is None else trend
    printed = store.printed(con)
    since = metrics.printed_since(printed, code)
    above = metrics.printed_above(printed, code) if trend.empty else None
    if year_ago is not None and not metrics.comparable(now, year_ago, earlier, since):
        year_ago = None  # a change from an unknown month, or of one table carried on, is not a change
    parent = parent_of(code)
    siblings = None if parent is None or code == NATION else children(con, parent, periode, metode, wilayah)
    return metrics.region_metrics(
        code, periode, metode, now, year_ago, trend, targets, siblings, since, above
    )


def schedule(
    con: db.Connection,
    code: str,
    periode: str,
    metode: str,
    kids: pd.DataFrame,
    targets: pd.DataFrame,
) -> pd.DataFrame:
    """The regions one level below ``code`` against their primary targets, behind schedule first.

    ``kids`` are those regions as ``children`` gives them. Adds to ``metrics.attainment_table``:
    ``laju`` (per month, last 12 months), ``proyeksi`` (the month the target is reached at that
    pace, empty if never), ``tenggat`` and ``tepat_waktu``. Regions without a target come last.
    """
    kids = metrics.attainment_table(kids, targets, int(periode[:4]))
    trends = store.trend_children(con, code, metode)
    trends = trends[trends["periode"] <= periode]
    rows: list[dict[str, object]] = []
    for _, row in kids.iterrows():
        mine = trends[trends["kode"] == row["kode"]]
        if pd.isna(row.get("target_metrik")) or mine.empty:
            rows.append({"laju": None, "proyeksi": None, "tenggat": None, "tepat_waktu": None})
            continue
        year = int(row["target_tahun"])
        if row["target_metrik"] == "cakupan_desa_persen":
            column, current = "desa_terbentuk", float(row["desa_terbentuk"])
            goal = float(row["target_nilai"]) / 100 * float(row["jml_desa_kel"])
        else:
            column, current, goal = "pembentukan", float(row["pembentukan"]), float(row["target_nilai"])
        laju = pace.pace(mine, periode, column) if periode in set(mine["periode"]) else 0.0
        target = Target(str(row["kode"]), str(row["target_metrik"]), year, goal, "", "", "", "")
        p = pace.project(current, target, laju, periode)
        rows.append({"laju": laju, "proyeksi": p.reached_in, "tenggat": p.deadline, "tepat_waktu": p.on_time})
    out = pd.concat([kids.reset_index(drop=True), pd.DataFrame(rows)], axis=1)
    order = out["tepat_waktu"].map({False: 0, True: 1}).fillna(2)
    return out.assign(_order=order).sort_values(["_order", "capaian_persen"]).drop(columns="_order")


@dataclass(frozen=True)
class Standing:
    """The regions at the top and the bottom of a ranking, ties kept together, near-equals not split.

    ``leading`` and ``lagging`` are labels, best first and worst first. When more regions than asked
    share the top (or bottom) value, none is singled out: the list is empty and ``tied_top``
    (``tied_bottom``) counts them. A region is named lagging only when it is at least ``gap`` below
    every region named leading (and the other way round), so 96,3 % is never "lagging" behind
    96,5 %. When the whole spread is under ``gap``, or every region has the same value, both lists
    are empty.
    """

    leading: list[str]
    lagging: list[str]
    tied_top: int
    tied_bottom: int
    top: float | None
    bottom: float | None
    gap: float = 0.0

    @property
    def spread(self) -> float | None:
        """The distance from the bottom to the top of the ranking (None without values)."""
        return None if self.top is None or self.bottom is None else self.top - self.bottom

    @property
    def close(self) -> bool:
        """Whether every region is within ``gap`` of every other (nobody is singled out)."""
        return self.spread is not None and self.spread < self.gap


def standing(frame: pd.DataFrame, label: str, column: str, n: int = 5, gap: float = 0.0) -> Standing:
    """The ``n`` leading and lagging rows of ``frame`` by ``column`` (rows without a value ignored).

    ``gap`` is the smallest difference worth naming, in the column's unit (1 point for percentages
    on Ringkasan).
    """
    data = frame.dropna(subset=[column]).sort_values([column, label], ascending=[False, True])
    if data.empty:
        return Standing([], [], 0, 0, None, None, gap)
    values = data[column].astype(float)
    top, bottom = float(values.max()), float(values.min())
    if top == bottom or top - bottom < gap:
        return Standing([], [], len(data), len(data), top, bottom, gap)
    k = max(min(n, len(data) // 2), 1)
    tied_top = int((values == top).sum())
    tied_bottom = int((values == bottom).sum())
    leading = [] if tied_top > k else _group(data, values, k, label)
    lagging = [] if tied_bottom > k else _group(data.iloc[::-1], values.iloc[::-1], k, label)
    value_of = dict(zip(data[label].astype(str), values, strict=True))
    lowest_leader = min((value_of[x] for x in leading), default=top)
    lagging = [x for x in lagging if value_of[x] <= lowest_leader - gap]
    highest_laggard = max((value_of[x] for x in lagging), default=bottom)
    leading = [x for x in leading if value_of[x] >= highest_laggard + gap]
    return Standing(leading, lagging, tied_top, tied_bottom, top, bottom, gap)


def _group(data: pd.DataFrame, values: pd.Series, k: int, label: str) -> list[str]:
    """The first ``k`` rows, cut before a tie that would cross the cut (ties stay together)."""
    cut = k
    while cut > 0 and cut < len(values) and values.iloc[cut] == values.iloc[cut - 1]:
        cut -= 1
    return [str(x) for x in data[label].iloc[:cut]]


#: the columns of the class table, as the portal's statistics table has them (then the unclassified)
CLASS_TABLE_COLUMNS = (
    "wilayah",
    *(column for c in CLASSES for column in (c.lower(), f"{c.lower()}_persen")),
    "belum_terklasifikasi",
    "pembentukan",
)


def class_table(children: pd.DataFrame, total: RegionMetrics, total_label: str) -> pd.DataFrame:
    """The portal's own view: one row per region (``wilayah``) with each class's count and share, and a total.

    ``children`` holds rated rows (``add_rates``) with a ``wilayah`` label, sorted by name as the
    portal sorts them. Shares are of the classified Kampung KB. The last row is ``total`` itself, the
    region's own figures; the rows above add up to it (a checksum, as on the portal).
    """
    rows = children.sort_values("wilayah").assign(
        belum_terklasifikasi=lambda f: f["pembentukan"] - f["terklasifikasi"]
    )
    last = {
        "wilayah": total_label,
        **{c.lower(): total.kelas[c] for c in CLASSES},
        **{f"{c.lower()}_persen": total.kelas_persen[c] for c in CLASSES},
        "belum_terklasifikasi": total.pembentukan - total.terklasifikasi,
        "pembentukan": total.pembentukan,
    }
    table = pd.concat([rows[list(CLASS_TABLE_COLUMNS)], pd.DataFrame([last])], ignore_index=True)
    for c in CLASSES:
        table[c.lower()] = table[c.lower()].astype("int64")
    return table


@dataclass(frozen=True)
class Source:
    """An import that a region's figures come from."""

    import_id: int
    file: str
    shape: str | None  # ``import_log.bentuk``; None for imports made before schema 3
    when: str  # YYYY-MM-DD
    #: the periode the import's figures describe (its latest), None for imports made before schema 4
    periode: str | None = None


def sources(con: db.Connection, code: str) -> list[Source]:
    """The imports behind the figures of ``code``, newest first (none: all synthetic or none).

    Those that registered or reported its active Kampung KB, and the statistics tables that printed
    totals for it or for regions within it.
    """
    frame = db.query(con, "sources_of_region", {"prefix": store.prefix_of(code)})
    return [
        Source(int(str(i)), str(f), _text(b), str(w)[:10], _text(p))
        for i, f, b, w, p in zip(
            frame["id"], frame["nama_file"], frame["bentuk"], frame["waktu"], frame["periode"], strict=True
        )
    ]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
