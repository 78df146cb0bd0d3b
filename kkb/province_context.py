"""Province context shipped in ``data/konteks_provinsi.csv``: stunting and fertility, each by instrument.

Every value carries its indicator, year, instrument (SSGI 2022, SKI 2023, SSGI 2024, Long Form
SP2020), the publication it was read from and its address. Nothing is filled in: a province or an
instrument without a published value has no row, and is shown as missing. Values of different
instruments are different measurements (a survey sample, a census method) and are never put on one
axis as if comparable: they are shown side by side, each under its own name.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kkb.errors import DataFileError
from kkb.regions import NATION, is_valid_code

PATH = Path(__file__).resolve().parent.parent / "data" / "konteks_provinsi.csv"
COLUMNS = ("indikator", "kode", "tahun", "nilai", "satuan", "instrumen", "sumber", "sumber_url", "catatan")
#: the indicators and the instruments each is shown in, in order
INSTRUMENTS = {
    "stunting": ("SSGI 2022", "SKI 2023", "SSGI 2024"),
    "tfr": ("Long Form SP2020",),
}


def read(path: Path = PATH) -> pd.DataFrame:
    """The shipped context values, checked: a known indicator and instrument, a code, a value, a source."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise DataFileError(path.name, f"kolom {', '.join(missing)} tidak ada", ", ".join(COLUMNS))
    for i, row in enumerate(frame.to_dict("records"), start=2):
        instruments = INSTRUMENTS.get(row["indikator"], ())
        try:
            float(row["nilai"])
        except ValueError:
            raise DataFileError(
                path.name, f"baris {i}: nilai {row['nilai']!r} bukan angka", "angka"
            ) from None
        if row["instrumen"] not in instruments:
            raise DataFileError(
                path.name, f"baris {i}: instrumen {row['instrumen']!r}", ", ".join(instruments)
            )
        if row["kode"] != NATION and not (is_valid_code(row["kode"]) and len(row["kode"]) == 2):
            raise DataFileError(path.name, f"baris {i}: kode {row['kode']!r}", "kode provinsi, atau ID")
        if not row["sumber"] or not row["sumber_url"].startswith("https://"):
            raise DataFileError(path.name, f"baris {i}: sumber tidak lengkap", "nama dan alamat https sumber")
    return frame.assign(nilai=frame["nilai"].astype(float), tahun=frame["tahun"].astype(int))


def of(values: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """One row per indicator and instrument, one column per region of ``codes`` (NaN: not published).

    Columns: ``indikator``, ``instrumen``, ``tahun``, ``satuan``, then each code; ``sumber`` and
    ``sumber_url`` say where each row's values were read (the sources of those codes, joined).
    """
    rows = []
    for indicator, instruments in INSTRUMENTS.items():
        for instrument in instruments:
            part = values[(values["indikator"] == indicator) & (values["instrumen"] == instrument)]
            found = part.set_index("kode")
            value = found["nilai"].astype(float).to_dict()
            row: dict[str, object] = {
                "indikator": indicator,
                "instrumen": instrument,
                "tahun": int(part["tahun"].iloc[0]) if len(part) else None,
                "satuan": str(part["satuan"].iloc[0]) if len(part) else "",
            }
            for code in codes:
                row[code] = value.get(code, float("nan"))
            shown = found.loc[[c for c in codes if c in found.index]]
            row["sumber"] = "; ".join(dict.fromkeys(shown["sumber"]))
            row["sumber_url"] = " ".join(dict.fromkeys(shown["sumber_url"]))
            rows.append(row)
    return pd.DataFrame(rows)
