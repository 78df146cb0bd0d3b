"""Importing the files officials hold: recognise the shape, check everything, then write in one step.

One path serves ``python -m kkb import`` and the **Kelola data** page. The rooms:

- ``read``: CSV in the dialects we accept and Excel (``excel``), every cell as text, within limits;
- ``cells``: what a cell's text means (flags, counts, Indonesian numbers, column names);
- ``rules``: checks of single values (codes, dates, periodes, names), pure;
- ``checks``: the rows of our template checked by a table of rules over the reference data, pure;
- ``names``: region names to Kemendagri codes (normalise, abbreviations, unique close spellings);
- ``matching``: a row with names only to a registered Kampung KB (by name in its desa, a SIGA place);
- one module per file shape: ``template`` (ours), ``targets``, ``portal_list`` (FORMATS §E),
  ``statistik`` (§A), ``klasifikasi`` (§B), ``siga`` (§C), ``siga_bulanan`` and ``siga_poktan`` (§D);
- ``report``: what a check found (``Checked``) and what a write did (``Result``);
- ``writing``: copy → write → atomic rename; ``backups``: the backups kept, undo, sweeping.

``check_any`` tells the shapes apart by their headers; ``apply_any`` writes a checked file the way
its shape needs; ``describe`` says in a sentence what that will do.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kkb import db
from kkb.errors import DataFileError, KkbError, RowProblem
from kkb.ingest import (
    klasifikasi,
    portal_list,
    rules,
    siga,
    siga_bulanan,
    siga_poktan,
    statistik,
    targets,
    template,
)
from kkb.ingest.backups import KEEP_BACKUPS, list_backups, sweep, undo, undoable
from kkb.ingest.cells import column_key
from kkb.ingest.read import MAX_ROWS, columns_of, encoding_of, read_table, sha256_of
from kkb.ingest.report import Checked, ImportRejected, Progress, Result, problems_frame
from kkb.ingest.targets import is_targets_file, write_targets_template
from kkb.ingest.template import (
    TEMPLATE_COLUMNS,
    apply,
    check,
    help_frame,
    import_file,
    map_columns,
    write_template,
)
from kkb.ingest.writing import clear_synthetic, history, learned_names

#: what each shape is called when the importer says which one it recognised
SHAPE_NAMES = {
    template.SHAPE: "templat impor Kampung KB (kkb template)",
    targets.SHAPE: "templat target (kkb template --targets)",
    portal_list.SHAPE: "daftar Kampung KB Portal Kampung KB (FORMATS §E)",
    statistik.SHAPE: "tabel statistik klasifikasi Portal Kampung KB (FORMATS §A)",
    siga.SHAPE: "rekap Kampung KB per desa New SIGA (FORMATS §C)",
    klasifikasi.SHAPE: "rekap klasifikasi admin Portal Kampung KB (FORMATS §B)",
    siga_bulanan.SHAPE: "rekap bulanan per desa New SIGA (FORMATS §D)",
    siga_poktan.SHAPE: "rekap bulanan poktan atau Rumah DataKu per desa New SIGA (FORMATS §D)",
}

__all__ = [
    "KEEP_BACKUPS",
    "MAX_ROWS",
    "SHAPE_NAMES",
    "TEMPLATE_COLUMNS",
    "Checked",
    "ImportRejected",
    "Progress",
    "Result",
    "apply",
    "apply_any",
    "check",
    "check_any",
    "clear_synthetic",
    "column_key",
    "describe",
    "help_frame",
    "history",
    "import_any",
    "import_file",
    "is_targets_file",
    "klasifikasi",
    "learned_names",
    "list_backups",
    "map_columns",
    "periode_choices",
    "problems_frame",
    "read_table",
    "sha256_of",
    "shape_of",
    "siga",
    "siga_bulanan",
    "siga_poktan",
    "statistik",
    "suggested_periode",
    "sweep",
    "undo",
    "undoable",
    "wants_periode",
    "wants_year",
    "write_targets_template",
    "write_template",
    "year_choices",
]


def wants_periode(path: Path) -> bool:
    """Whether the file is of a shape without a periode of its own, which the user must state."""
    if klasifikasi.is_klasifikasi(path):
        return True
    if statistik.is_statistik(path):
        return statistik.periode_in_file(path) is None
    try:
        return siga.is_siga(columns_of(path))
    except KkbError:
        return False


def wants_year(path: Path) -> bool:
    """Whether the file's months have no year (New SIGA's monthly recaps), which the user must state."""
    try:
        columns = columns_of(path)
    except KkbError:
        return False
    return siga_bulanan.is_siga_bulanan(columns) or siga_poktan.recap_of(columns) is not None


def wants_poktan(path: Path) -> bool:
    """Whether the file is New SIGA's poktan recap, whose kind of poktan the user must state."""
    try:
        return siga_poktan.recap_of(columns_of(path)) == "poktan"
    except KkbError:
        return False


def shape_of(path: Path) -> str | None:
    """The shape a file was recognised as by its headers, before it is checked (None: not read)."""
    if klasifikasi.is_klasifikasi(path):
        return klasifikasi.SHAPE
    if statistik.is_statistik(path):
        return statistik.SHAPE
    try:
        columns = columns_of(path)
    except KkbError:
        return None
    if siga.is_siga(columns):
        return siga.SHAPE
    if siga_bulanan.is_siga_bulanan(columns):
        return siga_bulanan.SHAPE
    if siga_poktan.recap_of(columns) is not None:
        return siga_poktan.SHAPE
    if portal_list.is_portal_list(columns):
        return portal_list.SHAPE
    return targets.SHAPE if is_targets_file(columns) else template.SHAPE


def suggested_periode(name: str) -> str | None:
    """The month a file's name suggests for it (the portal's exports carry the moment they were made).

    Only a default for the periode picker: the user confirms it, the importer never assumes it.
    """
    made = klasifikasi.exported_on(name)
    return f"{made:%Y-%m}" if made else None


def periode_choices(today: dt.date | None = None) -> list[str]:
    """The months a file may describe, newest first: this month back to the programme's start."""
    today = today or dt.date.today()
    month = today.year * 12 + today.month - 1
    first = int(rules.FIRST_PERIODE[:4]) * 12 + int(rules.FIRST_PERIODE[5:]) - 1
    return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(month, first - 1, -1)]


def year_choices(today: dt.date | None = None) -> list[int]:
    """The years a monthly SIGA recap may be of, newest first: this year back to the programme's start."""
    today = today or dt.date.today()
    return list(range(today.year, siga_bulanan.FIRST_YEAR - 1, -1))


def check_any(
    path: Path,
    con: db.Connection,
    name: str | None = None,
    periode: str | None = None,
    today: dt.date | None = None,
    tahun: int | str | None = None,
    poktan: str | None = None,
) -> Checked:
    """Check a file of any shape we know, told apart by its headers (see ``Checked.shape``).

    ``periode`` is the month a file without one describes (the portal's statistics table), ``tahun``
    the year of a file whose months have none (New SIGA's monthly recaps), ``poktan`` the kind of
    poktan New SIGA's poktan recap is of (BKB, BKR, BKL, UPPKA, PIK-R). A CSV file read in a
    legacy encoding gets a warning that names it, so the reader can tell.
    """
    checked = _check_shape(path, con, name, periode, today, tahun, poktan)
    encoding = encoding_of(path)
    if encoding not in (None, "UTF-8"):
        checked.problems.insert(
            0,
            RowProblem(
                checked.file,
                1,
                "",
                "",
                f"berkas bukan UTF-8: dibaca sebagai {encoding}; periksa ejaan nama yang beraksen",
                "CSV UTF-8",
                "warning",
            ),
        )
    return checked


def _check_shape(
    path: Path,
    con: db.Connection,
    name: str | None,
    periode: str | None,
    today: dt.date | None,
    tahun: int | str | None = None,
    poktan: str | None = None,
) -> Checked:
    if klasifikasi.is_klasifikasi(path):
        return klasifikasi.check(path, con, name, periode, today)
    if statistik.is_statistik(path):
        return statistik.check(path, con, name, periode, today)
    columns = columns_of(path, name)
    if siga.is_siga(columns):
        return siga.check(path, con, name, periode, today)
    if siga_bulanan.is_siga_bulanan(columns):
        return siga_bulanan.check(path, con, name, tahun, today)
    if siga_poktan.recap_of(columns) is not None:
        return siga_poktan.check(path, con, name, tahun, poktan, today)
    if (lacking := siga_poktan.missing(columns)) is not None:
        raise DataFileError(name or path.name, *lacking)
    if portal_list.is_portal_list(columns):
        return portal_list.check(path, con, name)
    if is_targets_file(columns):
        return targets.check_targets(path, con, name)
    return template.check(path, con, name, today)


def apply_any(checked: Checked, live: Path, user: str, progress: Progress | None = None) -> Result:
    """Write a file checked by ``check_any``, in the way its shape needs."""
    if checked.shape == portal_list.SHAPE:
        return portal_list.apply(checked, live, user, progress)
    if checked.shape == statistik.SHAPE:
        return statistik.apply(checked, live, user, progress)
    if checked.shape == siga.SHAPE:
        return siga.apply(checked, live, user, progress)
    if checked.shape == siga_bulanan.SHAPE:
        return siga_bulanan.apply(checked, live, user, progress)
    if checked.shape == siga_poktan.SHAPE:
        return siga_poktan.apply(checked, live, user, progress)
    if checked.shape == klasifikasi.SHAPE:
        return klasifikasi.apply(checked, live, user, progress)
    if checked.shape == targets.SHAPE:
        return targets.apply_targets(checked, live, user, progress)
    return template.apply(checked, live, user, progress)


def describe(checked: Checked, con: db.Connection) -> str:
    """What importing ``checked`` will do, in a sentence (empty for our own template and targets)."""
    if checked.shape == portal_list.SHAPE:
        return portal_list.describe(checked, con)
    if checked.shape == statistik.SHAPE:
        return statistik.describe(checked, con)
    if checked.shape == siga.SHAPE:
        return siga.describe(checked, con)
    if checked.shape == klasifikasi.SHAPE:
        return klasifikasi.describe(checked, con)
    if checked.shape == siga_bulanan.SHAPE:
        return siga_bulanan.describe(checked, con)
    if checked.shape == siga_poktan.SHAPE:
        return siga_poktan.describe(checked, con)
    return ""


def import_any(
    path: Path,
    live: Path,
    user: str,
    progress: Progress | None = None,
    name: str | None = None,
    periode: str | None = None,
    tahun: int | str | None = None,
    poktan: str | None = None,
) -> tuple[Checked, Result]:
    """Import a file of any known shape in one step (``ImportRejected`` when it has errors)."""
    con = db.connect(live)
    try:
        checked = check_any(path, con, name, periode, tahun=tahun, poktan=poktan)
    finally:
        con.close()
    if not checked.ok:
        raise ImportRejected(checked)
    return checked, apply_any(checked, live, user, progress)
