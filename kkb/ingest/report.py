"""What checking a file found and what writing it did: shared by every file shape."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kkb.errors import KkbError, RowProblem

Progress = Callable[[float, str], None]


class ImportRejected(KkbError):
    """The file has problems; nothing was written. ``problems`` lists every one."""

    def __init__(self, checked: Checked) -> None:
        self.checked = checked
        errors = checked.errors
        head = "\n".join(str(p) for p in errors[:20])
        more = f"\n… dan {len(errors) - 20} masalah lain" if len(errors) > 20 else ""
        super().__init__(f"{checked.file}: {len(errors)} masalah, tidak ada yang ditulis:\n{head}{more}")


@dataclass
class Checked:
    """A file read and checked: its rows in canonical columns, and every problem found."""

    file: str
    sha256: str
    rows: pd.DataFrame
    mapped: dict[str, str] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    #: which kind of file it is: ``kampung`` (our template), ``targets``, ``portal_list`` (FORMATS §E)
    shape: str = "kampung"
    #: the month the file's figures describe, when the whole file is of one (stated or read from it)
    periode: str | None = None

    @property
    def errors(self) -> list[RowProblem]:
        """The problems that stop the import."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[RowProblem]:
        """The problems that are reported but do not stop the import."""
        return [p for p in self.problems if p.severity != "error"]

    @property
    def ok(self) -> bool:
        """True when nothing stops the import."""
        return not self.errors


@dataclass(frozen=True)
class Result:
    """What an import did."""

    import_id: int
    added: int
    changed: int
    kampung_added: int
    synthetic_removed: int
    backup: Path


def problems_frame(problems: list[RowProblem]) -> pd.DataFrame:
    """Problems as a table: berkas, baris, kolom, nilai, masalah, diterima, tingkat."""
    return pd.DataFrame(
        [(p.file, p.row, p.column, p.value, p.problem, p.accepted, p.severity) for p in problems],
        columns=["berkas", "baris", "kolom", "nilai", "masalah", "diterima", "tingkat"],
    )
