"""Errors that speak to the user: which file, row, column, value, and what would be accepted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class KkbError(Exception):
    """Base class of every error the command line and the app show as a sentence, not a traceback."""


class DataFileError(KkbError):
    """A shipped or supplied data file is missing, unreadable or malformed."""

    def __init__(self, path: Path | str, problem: str, hint: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        text = f"{self.path}: {problem}"
        if hint:
            text += f" — {hint}"
        super().__init__(text)


class DatabaseError(KkbError):
    """The DuckDB file is missing, of an unknown schema version, or otherwise unusable."""


@dataclass(frozen=True)
class RowProblem:
    """One problem in one cell of an input file (row numbers count the header as row 1)."""

    file: str
    row: int
    column: str
    value: str
    problem: str
    accepted: str
    severity: str = "error"

    def __str__(self) -> str:
        return (
            f"{self.file}, baris {self.row}, kolom {self.column!r}: nilai {self.value!r} — "
            f"{self.problem} (diterima: {self.accepted})"
        )


class InputRowsError(KkbError):
    """An input file has rows that cannot be used; nothing was written or printed."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        head = "\n".join(str(p) for p in problems[:20])
        more = f"\n… dan {len(problems) - 20} masalah lain" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} masalah pada data masukan:\n{head}{more}")
