"""The checks of a row of our import template, as a table of rules over the reference data.

Each rule is a pure function of one row (its cells as text and its numbers as parsed), and of the
``Reference`` (the Kemendagri desa codes and names, and today's date), never of a connection: a rule
is tested with a reference of three desa, and the table says in one place what a row must satisfy.
A rule yields ``Finding``s; the shape that reads the file turns them into problems naming the file
and the row. The parsing the rules share (``desa_code``, ``dates``) is also what the importer keeps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import pandas as pd

from kkb.classification import CLASSES, normalise_class
from kkb.columns import FLAG_COLUMNS, INPUT_COLUMNS, PARTICIPATION_PAIRS
from kkb.ingest import rules

FIRST_DATE = dt.date(2016, 1, 1)  # the programme began in January 2016


@dataclass(frozen=True)
class Reference:
    """What the rules compare a row with: the desa codes, the desa names, today."""

    codes: frozenset[str]
    #: desa name in lower case → the codes of the desa so named
    by_name: Mapping[str, tuple[str, ...]]
    today: dt.date

    @classmethod
    def of(cls, desa: pd.DataFrame, today: dt.date) -> Reference:
        """The reference of a desa table (``kode``, ``nama``) at ``today``."""
        by_name: dict[str, list[str]] = {}
        for kode, nama in zip(desa["kode"].astype(str), desa["nama"].astype(str), strict=True):
            by_name.setdefault(nama.casefold(), []).append(kode)
        return cls(frozenset(desa["kode"].astype(str)), {k: tuple(v) for k, v in by_name.items()}, today)


@dataclass(frozen=True)
class Finding:
    """One problem a rule found in a row: the column, the value, what is wrong, what is accepted."""

    column: str
    value: str
    problem: str
    accepted: str
    severity: str = "error"


Row = Mapping[str, str]
Numbers = Mapping[str, float]
Rule = Callable[[Row, Numbers, Reference], Iterator[Finding]]


def desa_code(row: Row, ref: Reference) -> str:
    """The desa code a row names: its ``kode_desa``, or a ``nama_desa`` unique in the reference."""
    if row["kode_desa"] == "" and row["nama_desa"]:
        found = ref.by_name.get(row["nama_desa"].casefold(), ())
        return found[0] if len(found) == 1 else ""
    return rules.parse_code(row["kode_desa"])


def dates(row: Row) -> tuple[dt.date | None, str | None]:
    """The formation date and the periode of a row, None where they cannot be read."""
    return rules.parse_date(row["tanggal_pencanangan"]), rules.parse_periode(row["periode"])


def desa_rule(row: Row, _: Numbers, ref: Reference) -> Iterator[Finding]:
    """The desa is one Kemendagri 2025 knows, by its code or by a name only it has."""
    if row["kode_desa"] == "" and row["nama_desa"]:
        found = ref.by_name.get(row["nama_desa"].casefold(), ())
        if len(found) != 1:
            yield Finding(
                "nama_desa",
                row["nama_desa"],
                "tidak ditemukan" if not found else f"ada di {len(found)} desa/kelurahan",
                "nama desa/kelurahan yang unik, atau isi kode_desa",
            )
    elif desa_code(row, ref) not in ref.codes:
        yield Finding(
            "kode_desa",
            row["kode_desa"],
            "kode desa/kelurahan tidak dikenal",
            "kode Kemendagri 2025, mis. 36.04.05.2001 atau 3604052001",
        )


def name_rule(row: Row, _: Numbers, __: Reference) -> Iterator[Finding]:
    """The Kampung KB's name is plain text a spreadsheet will not run."""
    trouble = rules.name_problem(row["nama_kampung"])
    if trouble:
        yield Finding(
            "nama_kampung", row["nama_kampung"], trouble, "teks biasa, 1–200 huruf, tidak diawali = + - @"
        )


def date_rule(row: Row, _: Numbers, ref: Reference) -> Iterator[Finding]:
    """The formation date is a date between the programme's start and today."""
    date, _periode = dates(row)
    value = row["tanggal_pencanangan"]
    if date is None:
        yield Finding("tanggal_pencanangan", value, "bukan tanggal", "YYYY-MM-DD atau DD/MM/YYYY")
    elif date > ref.today:
        yield Finding(
            "tanggal_pencanangan", value, "tanggal di masa depan", f"paling lambat {ref.today.isoformat()}"
        )
    elif date < FIRST_DATE:
        yield Finding("tanggal_pencanangan", value, "sebelum program dimulai", "sejak 2016-01-01")


def periode_rule(row: Row, _: Numbers, ref: Reference) -> Iterator[Finding]:
    """The periode is a month from the programme's start to this one, not before the formation."""
    date, periode = dates(row)
    this_month = ref.today.strftime("%Y-%m")
    value = row["periode"]
    if periode is None:
        yield Finding("periode", value, "bukan periode", "YYYY-MM, mis. 2023-10")
    elif periode > this_month or periode < rules.FIRST_PERIODE:
        yield Finding("periode", value, "di luar rentang", f"{rules.FIRST_PERIODE} sampai {this_month}")
    elif date is not None and periode < date.strftime("%Y-%m"):
        yield Finding(
            "periode", value, "sebelum tanggal pencanangan", "periode sejak bulan pencanangan", "warning"
        )


def scope_rule(row: Row, _: Numbers, __: Reference) -> Iterator[Finding]:
    """The cakupan is one of ours (empty is Desa)."""
    if rules.parse_scope(row["cakupan_wilayah"]) is None:
        yield Finding(
            "cakupan_wilayah",
            row["cakupan_wilayah"],
            "cakupan tidak dikenal",
            ", ".join(rules.SCOPES) + " (kosong = Desa)",
        )


def class_rule(row: Row, _: Numbers, __: Reference) -> Iterator[Finding]:
    """A class, where given, is one of the four or a known alias."""
    klass = row["klasifikasi"]
    if klass and normalise_class(klass) is None:
        yield Finding(
            "klasifikasi",
            klass,
            "kelas tidak dikenal",
            ", ".join(CLASSES) + ", Paripurna, Mandiri Berkelanjutan, atau kosong",
        )


def participation_rule(row: Row, numbers: Numbers, _: Reference) -> Iterator[Finding]:
    """Participants of a poktan are not more than the families it serves (a warning)."""
    for numerator, denominator in PARTICIPATION_PAIRS:
        top, bottom = numbers.get(numerator, float("nan")), numbers.get(denominator, float("nan"))
        if pd.notna(top) and pd.notna(bottom) and top > bottom:
            yield Finding(
                numerator,
                row.get(numerator, ""),
                f"lebih besar dari {denominator} ({row.get(denominator, '')})",
                f"≤ {denominator}",
                "warning",
            )


#: the largest value each input column can be stored as (``kkb/sql/schema.sql``: TINYINT, SMALLINT,
#: INTEGER); a larger one would stop the write with a database error after the check said yes
STORED_MAX = {
    **{c: 127 for c in ("pokja", "pokja_terlatih", "pokja_sk", *FLAG_COLUMNS)},
    **{c: 32_767 for c in ("sumber_dana", "penggunaan_data", "mekanisme_operasional", "instansi_terlibat")},
}
INTEGER_MAX = 2_147_483_647


def storage_rule(row: Row, numbers: Numbers, _: Reference) -> Iterator[Finding]:
    """Every count fits the column it is stored in."""
    for column in INPUT_COLUMNS:
        value = numbers.get(column, float("nan"))
        limit = STORED_MAX.get(column, INTEGER_MAX)
        if pd.notna(value) and value > limit:
            shown = row.get(column, "")
            yield Finding(
                column,
                shown if len(shown) <= 40 else shown[:40] + "…",
                "terlalu besar untuk disimpan",
                f"bilangan bulat 0 sampai {limit:,}".replace(",", "."),
            )


#: what every row of our template must satisfy, in the order its problems are listed
TEMPLATE_RULES: tuple[Rule, ...] = (
    desa_rule,
    name_rule,
    date_rule,
    periode_rule,
    scope_rule,
    class_rule,
    storage_rule,
    participation_rule,
)


def check_row(row: Row, numbers: Numbers, ref: Reference) -> list[Finding]:
    """Every finding of every rule on one row."""
    return [finding for rule in TEMPLATE_RULES for finding in rule(row, numbers, ref)]
