"""Which registered Kampung KB a row of a file with names only is (FORMATS §B).

A row is the Kampung KB of its desa with the same name (case aside); else it takes the place of one
New SIGA counted in that desa without a name (``S…`` ids, the first free one); else it is a new
Kampung KB with the desa's first free ``K…`` id. Nothing is guessed across desa.
"""

from __future__ import annotations

import pandas as pd


def match(rows: pd.DataFrame, existing: pd.DataFrame) -> tuple[list[str], list[dict[str, str]], list[str]]:
    """Which registered Kampung KB each row is: by name in its desa, else one New SIGA counted there.

    Returns the id of every row (new ids where neither), the placeholders taken (id, the new name
    and, where the desa's SIGA years differ, the years it may have), and the new ids.
    """
    by_name = {(str(r.kode_desa), str(r.nama).casefold()): str(r.id) for r in existing.itertuples()}
    named = {
        (str(c), str(n).casefold()) for c, n in zip(rows["kode_desa"], rows["nama_kampung"], strict=True)
    }
    free: dict[str, list[tuple[str, str]]] = {}
    taken_ids = set(existing["id"].astype(str))
    for r in existing.itertuples():
        if str(r.id).startswith("S") and (str(r.kode_desa), str(r.nama).casefold()) not in named:
            free.setdefault(str(r.kode_desa), []).append((str(r.id), str(r.tahun_pencanangan or "")))
    years_of = {d: sorted({y for _, y in ids if y}) for d, ids in free.items()}
    ids: list[str] = []
    claimed: list[dict[str, str]] = []
    new: list[str] = []
    for code, nama in zip(rows["kode_desa"].astype(str), rows["nama_kampung"].astype(str), strict=True):
        found = by_name.get((code, nama.casefold()))
        if found is None and free.get(code):
            found, year = free[code].pop(0)
            years = years_of[code]
            claimed.append({"id": found, "nama": nama, "tahun": year if len(years) <= 1 else "/".join(years)})
        if found is None:
            found = new_id(code, taken_ids)
            new.append(found)
        taken_ids.add(found)
        by_name[(code, nama.casefold())] = found
        ids.append(found)
    return ids, claimed, new


def new_id(code: str, taken: set[str]) -> str:
    """The first id ``K<desa code>-<nn>`` of the desa that ``taken`` does not hold."""
    n = 1
    while f"K{code.replace('.', '')}-{n:02d}" in taken:
        n += 1
    return f"K{code.replace('.', '')}-{n:02d}"
