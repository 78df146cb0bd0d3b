"""The portal's admin classification export (FORMATS.md §B): twelve scores and a class per Kampung KB.

``No | Kampung KB | Provinsi | Kabupaten | Kecamatan | Desa | Input Pokja | … | Output Unmet Need |
Index Input | Index Proses | Index Output | Klasifikasi`` (``classification-table_<YmdHis>.xlsx``): one
row per Kampung KB, the twelve indicator scores, the three indices and the class as the portal
computed them. Regions by name only, no codes and no dates: the periode is the user's to state (the
file's name says when it was exported, which the importer offers as a hint, never as a fact).

The file checks itself: our rules applied to its twelve scores must give the class it printed. A row
where they do not is reported by name and imported with both, the class our rules give (method
``portal-2021``, as every other Kampung KB) and the class as printed (method ``impor``); the profile
and the explorer show the two side by side. The raw figures behind the scores are not in the file,
so a Kampung KB imported from it has scores without values and no data-quality checks (unknown, not
clean).

Each row is matched to a Kampung KB already registered in its desa by name (from the portal's list
or our template); else it takes the place of one New SIGA counted there without a name; else it is a
new Kampung KB, counted from the file's periode since its formation date is not given.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd

from kkb import db, store
from kkb.classification import (
    CLASSES,
    INDEX_COLUMNS,
    MANDIRI_PLUS,
    RESULT_COLUMNS,
    from_scores,
    normalise_class,
)
from kkb.errors import DataFileError, RowProblem
from kkb.indicators import DQ_FLAGS, INDICATORS, SCORE_COLUMNS, VALUE_COLUMNS
from kkb.ingest import matching, names, rules
from kkb.ingest.backups import KEEP_BACKUPS
from kkb.ingest.cells import number
from kkb.ingest.read import grid, sha256_of
from kkb.ingest.report import Checked, ImportRejected, Progress, Result
from kkb.ingest.writing import Change, drop_synthetic, q, replace

SHAPE = "klasifikasi"
#: how the import log names this kind of file (``import_log.bentuk``)
LOGGED = "klasifikasi_portal"
PLACE = (("Provinsi", 1), ("Kabupaten", 2), ("Kecamatan", 3), ("Desa", 4))
#: the file's score columns, in the order of ``INDICATORS``
SCORE_HEADERS = (
    "Input Pokja",
    "Input Sumber Dana",
    "Input Poktan",
    "Input Sarana",
    "Input PKB/PLKB",
    "Proses Penggunaan Data",
    "Proses Operasional",
    "Proses Lintas Sektor",
    "Output Poktan",
    "Output CPR",
    "Output MKJP",
    "Output Unmet Need",
)
INDEX_HEADERS = ("Index Input", "Index Proses", "Index Output")
HEADER = ("Kampung KB", *(c for c, _ in PLACE), *SCORE_HEADERS, *INDEX_HEADERS, "Klasifikasi")
PRINTED_INDEX = tuple(f"tercetak_{c}" for c in INDEX_COLUMNS)
#: the export's name carries the moment it was made: ``classification-table_20251015093000.xlsx``
_EXPORTED = re.compile(r"classification-table_(\d{4})(\d{2})(\d{2})\d{6}")
_DOT_DECIMAL = re.compile(r"^\d\.\d{1,2}$")  # an index written 2.60: never a thousands separator


def _key(cell: object) -> str:
    return " ".join(str(cell).split()).casefold()


def _header_row(rows: list[list[object]]) -> int | None:
    """The index of the row that holds every column of the export, or None."""
    wanted = {_key(c) for c in HEADER}
    for i, row in enumerate(rows):
        if wanted <= {_key(c) for c in row}:
            return i
    return None


def is_klasifikasi(path: Path) -> bool:
    """Whether the file is the portal's admin classification export (its header within ten rows)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm", ".csv", ".txt"):
        return False
    try:
        return _header_row(grid(path, limit=10)) is not None
    except DataFileError:
        return False


def exported_on(name: str) -> dt.date | None:
    """The day the portal made the export, as its file name gives it, or None."""
    match = _EXPORTED.search(name)
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _score(cell: object) -> float | None:
    value = number(cell)
    return None if value is None or math.isnan(value) or value != int(value) else value


def _index(cell: object) -> float | None:
    """A printed index: ``2,60`` or a number the spreadsheet holds; NaN when empty; None if not one."""
    text = str(cell).strip()
    if isinstance(cell, str) and _DOT_DECIMAL.match(text):
        return float(text)
    return number(cell)


def check(
    path: Path,
    con: db.Connection,
    name: str | None = None,
    periode: str | None = None,
    today: dt.date | None = None,
) -> Checked:
    """Read an admin classification export and check it against itself and Kemendagri 2025.

    Every score must be a whole number within its indicator's range, every class one of the four,
    every region name resolve within its parent; an index that differs from its scores and a class
    its scores do not give are warnings that name the Kampung KB.
    """
    shown = name or path.name
    rows = grid(path, shown)
    checked = Checked(shown, sha256_of(path), pd.DataFrame(), shape=SHAPE)

    def say(line: int, column: str, value: object, what: str, accepted: str, severity: str = "error") -> None:
        checked.problems.append(RowProblem(shown, line, column, str(value), what, accepted, severity))

    chosen, trouble = rules.periode_problem(periode, today or dt.date.today())
    if trouble is not None:
        stated, what, accepted = trouble
        made = exported_on(shown)
        if not stated and made is not None:
            accepted += f"; nama berkas menyebut ekspor {made:%d-%m-%Y}, mis. --periode {made:%Y-%m}"
        say(1, "periode", stated, what or "ekspor klasifikasi portal tidak menyebut periode", accepted)
    checked.periode = chosen
    h = _header_row(rows)
    if h is None:  # is_klasifikasi said otherwise; the file changed in between
        raise DataFileError(shown, "kolom ekspor klasifikasi portal tidak ditemukan", ", ".join(HEADER))
    at = {_key(c): i for i, c in enumerate(rows[h]) if str(c).strip()}
    column = at[_key("Provinsi")]
    lookup = names.index(con, (" ".join(str(c[column]).split()) for c in rows[h + 1 :] if column < len(c)))
    reported: set[tuple[int, str, str]] = set()
    seen: dict[tuple[str, str], int] = {}
    out: list[dict[str, object]] = []
    for pos, cells in enumerate(rows[h + 1 :]):
        line = h + pos + 2
        cell = {c: cells[at[_key(c)]] if at[_key(c)] < len(cells) else "" for c in HEADER}
        if not any(str(v).strip() for v in cell.values()):
            continue  # an empty row at the end of a sheet
        text = {c: " ".join(str(cell[c]).split()) for c, _ in PLACE}
        kampung = " ".join(str(cell["Kampung KB"]).split())
        if bad_name := rules.name_problem(kampung):
            say(
                line,
                "Kampung KB",
                cell["Kampung KB"],
                f"nama {trouble}",
                "teks biasa, paling panjang 200 huruf",
            )
        code = names.walk(lookup, text, [(level, c) for c, level in PLACE], line, say, reported)
        scores: list[int] = []
        for header, ind in zip(SCORE_HEADERS, INDICATORS, strict=True):
            value = _score(cell[header])
            if value is None or not 1 <= value <= ind.max_score:
                say(line, header, cell[header], "bukan skor indikator", f"bilangan bulat 1–{ind.max_score}")
                value = 1.0
            scores.append(int(value))
        printed_index: list[float] = []
        for header in INDEX_HEADERS:
            value = _index(cell[header])
            if value is None or (not math.isnan(value) and not 1 <= value <= 4):
                say(line, header, cell[header], "bukan indeks", "angka 1–4 dengan dua desimal, mis. 2,60")
                value = float("nan")
            printed_index.append(value)
        printed = normalise_class(str(cell["Klasifikasi"]).strip() or None)
        if printed is None:
            say(line, "Klasifikasi", cell["Klasifikasi"], "kelas tidak dikenal", ", ".join(CLASSES))
        if code is None or printed is None or bad_name:
            continue
        key = (code, kampung.casefold())
        if key in seen:
            say(
                line,
                "Kampung KB",
                kampung,
                f"sama dengan baris {seen[key]} di desa yang sama",
                "satu baris per Kampung KB",
            )
            continue
        seen[key] = line
        ours = from_scores(np.array([scores])).iloc[0]
        computed = [float(ours[c]) for c in INDEX_COLUMNS]
        for header, given, mine in zip(INDEX_HEADERS, printed_index, computed, strict=True):
            if not math.isnan(given) and abs(given - mine) > 0.005:
                say(
                    line,
                    header,
                    cell[header],
                    f"{kampung}: indeks tercetak {_id(given)}, dari skornya {_id(mine)}",
                    "indeks = rata-rata skor dimensinya, dua desimal",
                    "warning",
                )
        if ours["klasifikasi"] != printed:
            say(
                line,
                "Klasifikasi",
                cell["Klasifikasi"],
                f"{kampung}: aturan portal memberi {ours['klasifikasi']} dari 12 skornya (indeks input "
                f"{_id(computed[0])}, proses {_id(computed[1])}, output {_id(computed[2])}; lulus bila ≥ 3)",
                "kelas yang diberikan skornya; keduanya disimpan dan ditampilkan",
                "warning",
            )
        out.append(
            {
                "nama_kampung": kampung,
                "kode_desa": code,
                **dict(zip(SCORE_COLUMNS, scores, strict=True)),
                **dict(zip(PRINTED_INDEX, printed_index, strict=True)),
                "klasifikasi_tercetak": printed,
                "klasifikasi": ours["klasifikasi"],
            }
        )
    if not out and not checked.errors:
        say(h + 2, "Kampung KB", "", "tidak ada baris Kampung KB", "satu baris per Kampung KB")
    columns = [
        "nama_kampung",
        "kode_desa",
        *SCORE_COLUMNS,
        *PRINTED_INDEX,
        "klasifikasi_tercetak",
        "klasifikasi",
    ]
    checked.rows = pd.DataFrame(out, columns=columns)
    return checked


def _id(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def describe(checked: Checked, con: db.Connection) -> str:
    """What importing the export will do, in a sentence."""
    rows = checked.rows
    if rows.empty:
        return ""
    kabs = sorted({str(c)[:5] for c in rows["kode_desa"]})
    lookup = names.Names(db.query(con, "names_wilayah", {"tingkat": 2}))
    where = ", ".join(lookup.name_of(k) for k in kabs[:6]) + (" …" if len(kabs) > 6 else "")
    provinces = ", ".join(sorted({lookup.name_of(k[:2]) for k in kabs}))
    counts = rows["klasifikasi"].value_counts()
    classes = " · ".join(f"{c} {int(counts.get(c, 0))}" for c in CLASSES)
    differ = int((rows["klasifikasi"] != rows["klasifikasi_tercetak"]).sum())
    synthetic = int(q(con, "import_count_synthetic", {"kabs": kabs})["n"].iloc[0])
    said = (
        f"Rekap klasifikasi Portal Kampung KB (admin): {len(rows)} Kampung KB di {len(kabs)} kab/kota "
        f"({where}) Provinsi {provinces}, periode {checked.periode}. Kelas menurut aturan portal dari "
        f"12 skor: {classes}. "
    )
    said += (
        f"{differ} kelas tercetak tidak sesuai skornya; keduanya disimpan dan ditampilkan. "
        if differ
        else "Setiap kelas tercetak sesuai skornya. "
    )
    said += (
        "Nilai mentah indikator tidak ada di berkas ini, jadi pemeriksaan mutu data tidak dapat dilakukan."
    )
    if synthetic:
        said += f" Menggantikan {synthetic} Kampung KB sintetis di sana."
    return said


def apply(checked: Checked, live: Path, user: str, progress: Progress | None = None) -> Result:
    """Write the checked export in one step (see ``kkb.ingest.writing``)."""
    if not checked.ok:
        raise ImportRejected(checked)
    return replace(live, lambda con, n, say: _write(con, n, checked, say), user, progress, KEEP_BACKUPS)


def _write(con: db.Connection, import_id: int, checked: Checked, say: Progress) -> Change:
    rows = checked.rows.reset_index(drop=True)
    periode = str(checked.periode)
    kabs = sorted({str(c)[:5] for c in rows["kode_desa"]})
    removed = drop_synthetic(con, kabs)
    say(0.3, "mencocokkan Kampung KB")
    desa = sorted({str(c) for c in rows["kode_desa"]})
    existing = q(con, "klasifikasi_existing", {"desa": desa})
    ids, claimed, new = matching.match(rows, existing)
    for taken in claimed:
        con.execute(db.sql("klasifikasi_claim"), taken)
    if new:
        centres = q(con, "import_desa").set_index("kode")
        made = set(new)
        fresh = rows[[i in made for i in ids]]
        codes = fresh["kode_desa"].astype(str)
        db.insert_frame(
            con,
            "kampung_kb",
            pd.DataFrame(
                {
                    "id": [i for i in ids if i in made],
                    "nama": fresh["nama_kampung"].to_numpy(),
                    "kode_desa": codes.to_numpy(),
                    "kode_kec": codes.str[:8].to_numpy(),
                    "kode_kab": codes.str[:5].to_numpy(),
                    "kode_prov": codes.str[:2].to_numpy(),
                    "tanggal_pencanangan": None,
                    "dikenal_sejak": periode,
                    "cakupan_wilayah": "",  # not in the export: unknown
                    "is_active": True,
                    "lat": centres.reindex(codes)["lat"].to_numpy(),
                    "lng": centres.reindex(codes)["lng"].to_numpy(),
                    "sumber": "impor",
                    "import_id": import_id,
                }
            ),
        )
    say(0.5, "menulis skor dan kelas")
    keys = pd.DataFrame({"kampung_id": ids, "periode": periode})
    con.register("_keys", keys)
    replaced = int(q(con, "import_count_replaced")["n"].iloc[0])
    con.execute(db.sql("import_delete_replaced_klasifikasi"))
    con.execute(db.sql("import_delete_replaced_snapshot"))
    con.unregister("_keys")
    snaps = keys.assign(klasifikasi_impor=rows["klasifikasi_tercetak"], sumber="impor", import_id=import_id)
    db.insert_frame(con, "snapshot", snaps)
    scores = rows[list(SCORE_COLUMNS)].to_numpy(dtype=np.int64)
    ours = from_scores(scores)
    printed = ours.copy()
    for column, given in zip(INDEX_COLUMNS, PRINTED_INDEX, strict=True):
        printed[column] = rows[given].fillna(ours[column])
    printed["klasifikasi"] = rows["klasifikasi_tercetak"]
    printed["mandiri_plus"] = printed["klasifikasi"].isin(MANDIRI_PLUS)
    printed["langkah_ke_kelas_berikut"] = pd.NA
    for method, frame in (("portal-2021", ours), ("impor", printed)):
        frame = frame.assign(kampung_id=ids, periode=periode, metode=method)
        for column in (*VALUE_COLUMNS, *DQ_FLAGS, "dq_jumlah"):
            frame[column] = None  # the raw figures are not in the file: unknown, not clean
        db.insert_frame(con, "klasifikasi", frame[["kampung_id", "periode", "metode", *RESULT_COLUMNS]])
    say(0.7, "menghitung ringkasan bulanan")
    store.rebuild_rekap(con, kabs)
    last = max(db.meta(con).get("data_as_of", ""), periode)
    db.set_meta(con, {"data_as_of": last, "last_import": str(import_id)})
    differ = int((rows["klasifikasi"] != rows["klasifikasi_tercetak"]).sum())
    result = Result(import_id, len(rows) - replaced, replaced, len(new), removed, Path())
    note = (
        f"klasifikasi portal periode {periode}: {len(rows)} Kampung KB ({len(new)} baru, "
        f"{len(claimed)} dari rekap SIGA); {differ} kelas tercetak tidak sesuai skornya; "
        f"{removed} Kampung KB sintetis dihapus"
    )
    return Change(result, checked.file, checked.sha256, note, LOGGED, periode, tuple(kabs))
