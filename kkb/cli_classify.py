"""``python -m kkb classify``: classify the rows of a CSV file on their own, output CSV to stdout."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kkb.classification import INDEX_COLUMNS, classify
from kkb.columns import INPUT_COLUMNS, UNUSED_BY_RULES
from kkb.errors import InputRowsError, RowProblem
from kkb.indicators import DQ_FLAGS, SCORE_COLUMNS
from kkb.ingest.cells import parse_snapshot_columns
from kkb.ingest.read import read_table

#: what follows the input columns in the output, in this order
OUTPUT_COLUMNS = (*SCORE_COLUMNS, *INDEX_COLUMNS, "klasifikasi", "mandiri_plus", *DQ_FLAGS)


def unused_missing(path: Path) -> list[str]:
    """The columns the rules never read that ``path`` lacks (treated as not reported)."""
    header = set(read_table(path).columns)
    return [c for c in UNUSED_BY_RULES if c not in header]


def classify_file(path: Path, method: str) -> str:
    """Classify every row of ``path``; return the CSV text, or raise ``InputRowsError`` (no output).

    The columns the rules never read (``UNUSED_BY_RULES``) may be absent: they count as not
    reported, and ``unused_missing`` names them for the caller to say so once.
    """
    raw = read_table(path)
    rules_need = tuple(c for c in INPUT_COLUMNS if c not in UNUSED_BY_RULES)
    required = rules_need if method != "impor" else ("klasifikasi",)
    parsed, problems = parse_snapshot_columns(raw, path.name, required)
    if method == "impor" and "klasifikasi" in raw.columns:
        from kkb.classification import normalise_class

        for i, value in raw["klasifikasi"].items():
            if value.strip() and normalise_class(value) is None:
                problems.append(
                    RowProblem(
                        path.name,
                        int(str(i)) + 2,
                        "klasifikasi",
                        value,
                        "kelas tidak dikenal",
                        "Dasar, Berkembang, Mandiri, Berkelanjutan (Paripurna, Mandiri Berkelanjutan)",
                    )
                )
        parsed["klasifikasi"] = raw["klasifikasi"].replace("", None)
    if problems:
        raise InputRowsError(problems)
    result = classify(parsed, method)
    out = raw.copy()
    for column in OUTPUT_COLUMNS:
        if column == "klasifikasi" and column in out.columns:
            out = out.drop(columns=[column])
        out[column] = result[column].to_numpy()
    for column in DQ_FLAGS:
        out[column] = out[column].astype(int)
    out["mandiri_plus"] = out["mandiri_plus"].astype(int)
    return str(pd.DataFrame(out).to_csv(index=False, lineterminator="\n"))
