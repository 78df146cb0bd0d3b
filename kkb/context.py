"""Family-planning context beside Kampung KB: PUS, CPR, mCPR, MKJP and unmet need from New SIGA.

The counts are New SIGA's monthly recaps per desa (FORMATS §D, ``siga_bulanan``). At every level the
counts are summed first and divided last: CPR = PA ÷ PUS, mCPR = KB MODERN ÷ PUS, MKJP = (IUD +
IMPLAN + VASEKTOMI + TUBEKTOMI) ÷ KB MODERN, unmet need = UNMET NEED ÷ PUS, each over the desa that
report both of its parts. A region's figures are those of the latest month at or before the one
asked for that has any, and say which month that is; a region without any has none (unknown, not 0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from kkb import db
from kkb.i18n import t
from kkb.regions import NATION

#: the context indicators, in the order they are shown
RATES = ("cpr", "mcpr", "mkjp", "unmet_need_persen")
#: each rate's numerator and denominator columns (``context_sums.sql``) and the desa count behind it
PARTS = {
    "cpr": ("pa", "pus_cpr", "desa_cpr"),
    "mcpr": ("kb_modern", "pus_mcpr", "desa_mcpr"),
    "mkjp": ("kb_mkjp", "modern_mkjp", "desa_mkjp"),
    "unmet_need_persen": ("unmet_need", "pus_unmet", "desa_unmet"),
}
#: what each rate is called on screen, in both languages
LABELS = {"cpr": "CPR", "mcpr": "mCPR", "mkjp": "MKJP", "unmet_need_persen": "Unmet need"}
#: how a summary names each rate's numerator and denominator
PARTS_SHOWN = {
    "cpr": ("PA", "PUS"),
    "mcpr": ("KB MODERN", "PUS"),
    "mkjp": ("MKJP", "KB MODERN"),
    "unmet_need_persen": ("UNMET NEED", "PUS"),
}
#: what a source line calls the system: the name of the import's shape (``shape_rekap_siga_bulanan``)
SYSTEM = "shape_rekap_siga_bulanan"
#: and what it calls the poktan and Rumah DataKu recaps
GROUP_SYSTEM = "shape_rekap_siga_poktan"


def rates(sums: pd.DataFrame) -> pd.DataFrame:
    """``sums`` (``context_sums.sql``) with each rate in percent beside its counts (NaN: no denominator)."""
    out = sums.copy()
    for rate, (numerator, denominator, _desa) in PARTS.items():
        top = pd.to_numeric(out[numerator], errors="coerce").astype(float)
        bottom = pd.to_numeric(out[denominator], errors="coerce").astype(float)
        out[rate] = (top / bottom.where(bottom > 0)) * 100
    return out


def sums(con: db.Connection, code: str, length: int, months: list[str] | None = None) -> pd.DataFrame:
    """The monthly counts of the regions of code length ``length`` inside ``code``.

    Every month, or only ``months`` (a region's page needs two: its month and a year before).
    """
    prefix = "" if code == NATION else code
    return db.query(con, "context_sums", {"prefix": prefix, "n": length, "bulan": months})


@dataclass(frozen=True)
class Source:
    """An import a region's context figures come from."""

    import_id: int
    file: str
    desa: int


@dataclass(frozen=True)
class Context:
    """A region's family-planning context at one month (``periode``: the month the figures are of)."""

    kode: str
    #: the month asked for
    asked: str
    #: the month the figures are of: the latest at or before ``asked`` with any (None: no data)
    periode: str | None = None
    pus: float = math.nan
    #: the desa reporting PUS, of the region's desa/kelurahan (Kemendagri)
    desa_pus: int = 0
    desa_total: int = 0
    #: each rate in percent (NaN: unknown), the counts it divides and the desa behind it
    rate: dict[str, float] = field(default_factory=dict)
    counts: dict[str, tuple[float, float, int]] = field(default_factory=dict)
    #: change of each rate against the same month a year earlier, in percentage points (when both known)
    change: dict[str, float] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()

    @property
    def known(self) -> bool:
        """Whether the region has any New SIGA figures at or before the month asked for."""
        return self.periode is not None


def _value(cell: object) -> float:
    """A count or rate as a float, NaN when not known (SQL NULL, pandas NA)."""
    if cell is None or cell is pd.NA:
        return math.nan
    return float(cell)  # type: ignore[arg-type]


def _year_before(periode: str) -> str:
    return f"{int(periode[:4]) - 1:04d}{periode[4:]}"


def region(con: db.Connection, code: str, periode: str) -> Context:
    """The context of region ``code`` at ``periode`` (see the module's docstring)."""
    prefix = "" if code == NATION else code
    total = int(db.query(con, "context_desa_total", {"prefix": prefix})["n"].iloc[0])
    latest = db.query(con, "context_latest", {"prefix": prefix, "periode": periode})["periode"].iloc[0]
    if latest is None or pd.isna(latest):
        return Context(code, periode, desa_total=total)
    monthly = rates(sums(con, code, len(prefix), [str(latest), _year_before(str(latest))]))
    row = monthly.iloc[-1]
    month = str(row["periode"])
    before = monthly[monthly["periode"] == _year_before(month)]
    change: dict[str, float] = {}
    for rate in RATES:
        then = _value(before[rate].iloc[0]) if not before.empty else math.nan
        if not (math.isnan(_value(row[rate])) or math.isnan(then)):
            change[rate] = _value(row[rate]) - then
    counts = {
        rate: (_value(row[numerator]), _value(row[denominator]), int(row[desa]))
        for rate, (numerator, denominator, desa) in PARTS.items()
    }
    found = db.query(con, "context_sources", {"prefix": prefix, "periode": month})
    return Context(
        kode=code,
        asked=periode,
        periode=month,
        pus=_value(row["pus"]),
        desa_pus=int(row["desa_pus"]),
        desa_total=total,
        rate={rate: _value(row[rate]) for rate in RATES},
        counts=counts,
        change=change,
        sources=tuple(
            Source(int(i), str(f), int(n))
            for i, f, n in zip(found["id"], found["nama_file"], found["desa"], strict=True)
        ),
    )


def source_line(c: Context, lang: str = "id") -> str:
    """Where a region's context figures come from, in a line (``New SIGA, … (file.csv), 2025-09``)."""
    if not c.known:
        return t("context_none", lang, system=t(SYSTEM, lang), periode=c.asked)
    files = ", ".join(s.file for s in c.sources)
    return t("context_source", lang, system=t(SYSTEM, lang), files=files, periode=c.periode)


def by_kampung(con: db.Connection, c: Context) -> pd.DataFrame:
    """The desa of ``c``'s region with a Kampung KB on record against those without, at ``c``'s month.

    One row per group (``ada_kampung_kb`` True first) with ``desa``, ``sintetis`` (of them, desa
    whose Kampung KB are all synthetic), the counts and the rates; empty without New SIGA figures.
    A comparison of groups, not a proof of effect: which desa got a Kampung KB was not drawn by lot.
    """
    if not c.known:
        return pd.DataFrame(columns=["ada_kampung_kb", "desa", "sintetis", *RATES])
    prefix = "" if c.kode == NATION else c.kode
    params = {"prefix": prefix, "bulan": c.periode, "periode": c.asked}
    return rates(db.query(con, "context_by_kampung", params))


def by_class(con: db.Connection, c: Context, metode: str) -> pd.DataFrame:
    """``c``'s desa by the highest class of their Kampung KB at ``c.asked`` (``metode``), at ``c``'s month.

    One row per group in order: no Kampung KB (``kelas`` None), never classified (``belum``), then
    Dasar to Berkelanjutan; ``desa``, ``sintetis``, the counts and the rates. Empty without figures.
    Like ``by_kampung``, a comparison of groups, not a proof of effect.
    """
    if not c.known:
        return pd.DataFrame(columns=["kelas", "desa", "sintetis", *RATES])
    prefix = "" if c.kode == NATION else c.kode
    params = {"prefix": prefix, "bulan": c.periode, "periode": c.asked, "metode": metode}
    return rates(db.query(con, "context_by_class", params))


#: the length of a region's code at each level (nation, provinsi, kab/kota, kecamatan, desa)
CODE_LENGTH = {0: 0, 1: 2, 2: 5, 3: 8, 4: 13}


def children(con: db.Connection, c: Context, level: int) -> pd.DataFrame:
    """The regions one level below ``c``'s (at ``level``) at ``c``'s month, with their counts and rates.

    Empty without New SIGA figures; a region whose desa report nothing that month has no row.
    """
    if not c.known:
        return pd.DataFrame(columns=["kode", "periode", "desa_pus", "pus", *RATES])
    return rates(sums(con, c.kode, CODE_LENGTH[level], [str(c.periode)]))


def desa_points(con: db.Connection, c: Context) -> pd.DataFrame:
    """Every desa of ``c``'s region with its centre and, where it reports, its rates at ``c``'s month."""
    prefix = "" if c.kode == NATION else c.kode
    places = db.query(con, "context_desa_points", {"prefix": prefix})
    found = children(con, c, 4)
    if found.empty:
        return places.assign(**{rate: math.nan for rate in RATES})
    return places.merge(found.drop(columns="periode"), on="kode", how="left")


#: New SIGA's poktan and Rumah DataKu, in the order shown (``siga_poktan.kelompok``) and as named
GROUPS = {
    "bkb": "BKB",
    "bkr": "BKR",
    "bkl": "BKL",
    "uppka": "UPPKA",
    "pikr": "PIK-R",
    "dataku": "Rumah DataKu",
}
GROUP_COLUMNS = [
    "kelompok",
    "nama",
    "periode",
    "desa",
    "desa_ada",
    "persen_desa_ada",
    "ada",
    "lapor",
    "persen_lapor",
    "sk_ada",
    "persen_sk",
    "ubah_desa_ada",
    "ubah_lapor",
    "sumber",
]


def _percent(top: object, bottom: object) -> float:
    """``top`` ÷ ``bottom`` in percent, NaN when either is unknown or the bottom is 0."""
    above, below = _value(top), _value(bottom)
    return math.nan if math.isnan(above) or math.isnan(below) or below <= 0 else above / below * 100


def groups(con: db.Connection, code: str, periode: str) -> pd.DataFrame:
    """The poktan and Rumah DataKu of region ``code``, each at its latest month at or before ``periode``.

    One row per group New SIGA reported (``GROUP_COLUMNS``): the desa in the recap, how many of them
    have one or more (``persen_desa_ada`` of the recap's desa, not of every desa: a desa missing from
    the recap is unknown, not without), how many exist and reported (``persen_lapor``, counts summed
    first), for Rumah DataKu how many have a decree (``persen_sk``); the change of both rates against
    the same month a year earlier in percentage points (NaN when that month is not known); and the
    files they come from. Empty when the region has none.
    """
    prefix = "" if code == NATION else code
    found = db.query(con, "context_poktan", {"prefix": prefix, "periode": periode})
    out: list[dict[str, object]] = []
    for kelompok in GROUPS:
        rows = found[found["kelompok"] == kelompok]
        latest = rows[rows["terbaru"].astype(bool)]
        if latest.empty:
            continue
        now, then = latest.iloc[0], rows[~rows["terbaru"].astype(bool)]
        presence = _percent(now["desa_ada"], now["desa"])
        reporting = _percent(now["lapor"], now["ada_lapor"])
        before = then.iloc[0] if not then.empty else None
        sources = db.query(
            con, "context_poktan_sources", {"prefix": prefix, "kelompok": kelompok, "periode": now["periode"]}
        )
        out.append(
            {
                "kelompok": kelompok,
                "nama": GROUPS[kelompok],
                "periode": str(now["periode"]),
                "desa": int(now["desa"]),
                "desa_ada": int(now["desa_ada"]),
                "persen_desa_ada": presence,
                "ada": _value(now["ada"]),
                "lapor": _value(now["lapor"]),
                "persen_lapor": reporting,
                "sk_ada": _value(now["sk_ada"]),
                "persen_sk": _percent(now["sk_ada"], now["ada_sk"]),
                "ubah_desa_ada": presence - _percent(before["desa_ada"], before["desa"])
                if before is not None
                else math.nan,
                "ubah_lapor": reporting - _percent(before["lapor"], before["ada_lapor"])
                if before is not None
                else math.nan,
                "sumber": ", ".join(str(f) for f in sources["nama_file"]),
            }
        )
    return pd.DataFrame(out, columns=GROUP_COLUMNS)
