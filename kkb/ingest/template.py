"""Our own import template (``kkb template``): one row per Kampung KB per periode, the SPEC §4.1 columns.

``check`` maps the column names (case, spaces, the portal's Indonesian labels), then checks every
cell and collects every problem as file, row, column, value and what is accepted; ``apply`` writes
a file without errors (synthetic rows of each kab/kota it covers are removed; classifications are
computed for its snapshots; the monthly summary is rebuilt; the import is logged).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from kkb import db, store
from kkb.classification import DEFAULT_METHOD, RESULT_COLUMNS, classify, normalise_class
from kkb.columns import INPUT_COLUMNS
from kkb.errors import RowProblem
from kkb.ingest import checks, rules
from kkb.ingest.backups import KEEP_BACKUPS
from kkb.ingest.cells import column_key, parse_snapshot_columns
from kkb.ingest.read import read_table, sha256_of
from kkb.ingest.report import Checked, ImportRejected, Progress, Result
from kkb.ingest.writing import Change, drop_synthetic, q, replace

SHAPE = "kampung"


IDENTITY_COLUMNS = ("kode_desa", "nama_kampung", "tanggal_pencanangan", "cakupan_wilayah", "periode")
TEMPLATE_COLUMNS = (*IDENTITY_COLUMNS, *INPUT_COLUMNS, "klasifikasi")
REQUIRED_COLUMNS = ("kode_desa", "nama_kampung", "tanggal_pencanangan", "periode")

#: column names as the portal, SIGA forms and hand-made sheets write them (after ``column_key``)
ALIASES = {
    "kode_desa_kelurahan": "kode_desa",
    "kode_kelurahan": "kode_desa",
    "kode_wilayah": "kode_desa",
    "kode_desa_kel": "kode_desa",
    "nama_kampung_kb": "nama_kampung",
    "nama_kkb": "nama_kampung",
    "kampung_kb": "nama_kampung",
    "tgl_pencanangan": "tanggal_pencanangan",
    "tanggal_pencanangan_kampung_kb": "tanggal_pencanangan",
    "tanggal_dicanangkan": "tanggal_pencanangan",
    "cakupan": "cakupan_wilayah",
    "cakupan_kampung_kb": "cakupan_wilayah",
    "periode_laporan": "periode",
    "bulan_laporan": "periode",
    "bulan": "periode",
    "klasifikasi_kampung_kb": "klasifikasi",
    "kelas": "klasifikasi",
    "kategori": "klasifikasi",
    "pasangan_usia_subur": "pus",
    "jumlah_pus": "pus",
    "pik_r": "pikr",
    "sk_pokja": "pokja_sk",
    "rumah_data_ku": "rumah_dataku",
    "plkb": "plkb_pendamping",
    "pkb_plkb": "plkb_pendamping",
    "rencana_kegiatan_masyarakat": "rkm",
    "iud": "kb_iud",
    "mow": "kb_mow",
    "mop": "kb_mop",
    "implan": "kb_implan",
    "suntik": "kb_suntik",
    "pil": "kb_pil",
    "kondom": "kb_kondom",
    "iat": "tidak_kb_iat",
    "tial": "tidak_kb_tial",
    "hamil": "tidak_kb_hamil",
    "ingin_anak_segera": "tidak_kb_ingin_anak_segera",
}


def map_columns(columns: list[str]) -> tuple[dict[str, str], list[str], list[str]]:
    """Map file columns to template columns: ``{file: template}``, unknown ones, and repeats.

    A repeat means a column already mapped (``PLKB`` beside ``plkb_pendamping``); ``check``
    refuses a file with one, since which of the two holds the right figures is not ours to guess.
    """
    mapped: dict[str, str] = {}
    unknown: list[str] = []
    twice: list[str] = []
    for column in columns:
        target = _target_of(column)
        if target is None:
            unknown.append(column)
        elif target in mapped.values():
            twice.append(column)
        else:
            mapped[column] = target
    return mapped, unknown, twice


_KNOWN = frozenset(TEMPLATE_COLUMNS) | {"nama_desa"}


def _target_of(column: str) -> str | None:
    """The template column a file's column means (by name, alias or a ``jumlah_`` prefix)."""
    key = column_key(column)
    target = key if key in _KNOWN else ALIASES.get(key)
    if target is None and key.startswith("jumlah_") and key[7:] in _KNOWN:
        target = key[7:]
    return target


def check(path: Path, con: db.Connection, name: str | None = None, today: dt.date | None = None) -> Checked:
    """Read ``path`` and check every row against the template and the reference data in ``con``."""
    shown = name or path.name
    raw = read_table(path, shown)
    mapped, unknown, twice = map_columns(list(raw.columns))
    frame = raw[list(mapped)].rename(columns=mapped)
    result = Checked(shown, sha256_of(path), frame, mapped)
    problems = result.problems
    for column in unknown:
        problems.append(
            RowProblem(
                shown, 1, column, "", "kolom tidak dikenal, diabaikan", "kolom templat impor", "warning"
            )
        )
    first_of = {target: column for column, target in mapped.items()}
    for column in twice:
        meaning = str(_target_of(column))
        problems.append(
            RowProblem(
                shown,
                1,
                column,
                "",
                f"kolom ini dan kolom {first_of[meaning]!r} sama-sama berarti {meaning}",
                "satu kolom per isian: hapus salah satu",
            )
        )
    missing = [
        c
        for c in REQUIRED_COLUMNS
        if c not in frame.columns and not (c == "kode_desa" and "nama_desa" in frame.columns)
    ]
    for column in missing:
        problems.append(
            RowProblem(shown, 1, column, "", "kolom wajib tidak ada", "nama kolom sesuai templat impor")
        )
    if missing:
        return result
    for column in (*IDENTITY_COLUMNS, "klasifikasi", "nama_desa"):
        if column not in frame.columns:
            frame[column] = ""
    frame = frame.map(lambda x: str(x).strip())
    numbers, cell_problems = parse_snapshot_columns(frame, shown, required=())
    problems.extend(cell_problems)
    out = numbers.copy()
    ref = checks.Reference.of(_desa_table(con), today or dt.date.today())
    kode: list[str] = []
    values = {c: out[c].to_numpy(dtype=float) for c in INPUT_COLUMNS}
    for pos, (i, row) in enumerate(frame.iterrows()):
        line = pos + 2
        cells = {str(k): str(v) for k, v in row.items()}
        parsed = {c: float(values[c][pos]) for c in INPUT_COLUMNS}
        for found in checks.check_row(cells, parsed, ref):
            problems.append(
                RowProblem(
                    shown, line, found.column, found.value, found.problem, found.accepted, found.severity
                )
            )
        kode.append(checks.desa_code(cells, ref))
        date, periode = checks.dates(cells)
        out.loc[i, "periode"] = periode or ""
        out.loc[i, "tanggal_pencanangan"] = date.isoformat() if date else ""
        out.loc[i, "cakupan_wilayah"] = rules.parse_scope(cells["cakupan_wilayah"]) or ""
    out["kode_desa"] = kode
    out["nama_kampung"] = frame["nama_kampung"]
    out["klasifikasi"] = frame["klasifikasi"].map(lambda k: normalise_class(k) if k else None)
    key = out["kode_desa"] + "|" + out["nama_kampung"].str.casefold() + "|" + out["periode"]
    first_seen: dict[str, int] = {}
    for i, value in key.items():
        line = int(str(i)) + 2
        if value in first_seen:
            problems.append(
                RowProblem(
                    shown,
                    line,
                    "periode",
                    str(out.at[i, "periode"]),
                    f"baris ganda: Kampung KB dan periode yang sama dengan baris {first_seen[value]}",
                    "satu baris per Kampung KB per periode",
                )
            )
        else:
            first_seen[value] = line
    result.rows = out
    return result


def _desa_table(con: db.Connection) -> pd.DataFrame:
    return db.query(con, "import_desa")


def apply(
    checked: Checked, live: Path, user: str, progress: Progress | None = None, keep: int = KEEP_BACKUPS
) -> Result:
    """Write a checked file into the database at ``live`` in one step (see the module docstring)."""
    if not checked.ok:
        raise ImportRejected(checked)
    return replace(live, lambda con, n, say: _write(con, n, checked, say), user, progress, keep)


def _write(con: db.Connection, import_id: int, checked: Checked, say: Progress) -> Change:
    rows = checked.rows
    kabs = sorted({code[:5] for code in rows["kode_desa"]})
    removed = drop_synthetic(con, kabs)
    say(0.3, "mencocokkan Kampung KB")
    existing = q(con, "import_existing_kampung", {"desa": sorted(set(rows["kode_desa"]))})
    ids = {(r.kode_desa, str(r.nama).casefold()): str(r.id) for r in existing.itertuples()}
    per_desa = existing.groupby("kode_desa").size().to_dict()
    desa = q(con, "import_desa").set_index("kode")
    centres = {
        str(k): (float(a), float(b)) for k, a, b in zip(desa.index, desa["lat"], desa["lng"], strict=True)
    }
    new_kampung: list[dict[str, object]] = []
    kampung_ids: list[str] = []
    for code, name, date, scope in zip(
        rows["kode_desa"].astype(str),
        rows["nama_kampung"].astype(str),
        rows["tanggal_pencanangan"].astype(str),
        rows["cakupan_wilayah"].astype(str),
        strict=True,
    ):
        key = (code, name.casefold())
        if key not in ids:
            n = int(per_desa.get(code, 0)) + 1
            per_desa[code] = n
            ids[key] = f"K{code.replace('.', '')}-{n:02d}"
            lat, lng = centres.get(code, (float("nan"), float("nan")))
            new_kampung.append(
                {
                    "id": ids[key],
                    "nama": name,
                    "kode_desa": code,
                    "kode_kec": code[:8],
                    "kode_kab": code[:5],
                    "kode_prov": code[:2],
                    "tanggal_pencanangan": dt.date.fromisoformat(date),
                    "cakupan_wilayah": scope,
                    "is_active": True,
                    "lat": lat,
                    "lng": lng,
                    "sumber": "impor",
                    "import_id": import_id,
                }
            )
        kampung_ids.append(ids[key])
    if new_kampung:
        db.insert_frame(con, "kampung_kb", pd.DataFrame(new_kampung))
    snaps = rows[["periode", *INPUT_COLUMNS]].copy()
    snaps.insert(0, "kampung_id", kampung_ids)
    snaps["klasifikasi_impor"] = rows["klasifikasi"].to_numpy()
    snaps["sumber"] = "impor"
    snaps["import_id"] = import_id
    keys = pd.DataFrame({"kampung_id": snaps["kampung_id"], "periode": snaps["periode"]})
    con.register("_keys", keys)
    changed = int(q(con, "import_count_replaced")["n"].iloc[0])
    con.execute(db.sql("import_delete_replaced_klasifikasi"))
    con.execute(db.sql("import_delete_replaced_snapshot"))
    con.unregister("_keys")
    db.insert_frame(
        con,
        "snapshot",
        snaps.drop(columns=["klasifikasi_impor"]).assign(klasifikasi_impor=snaps["klasifikasi_impor"]),
    )
    say(0.5, "menghitung klasifikasi")
    _classify_into(con, snaps.reset_index(drop=True), DEFAULT_METHOD)
    with_class = snaps[snaps["klasifikasi_impor"].notna()].rename(
        columns={"klasifikasi_impor": "klasifikasi"}
    )
    if not with_class.empty:
        _classify_into(con, with_class.reset_index(drop=True), "impor")
    say(0.7, "menghitung ringkasan bulanan")
    store.rebuild_rekap(con, kabs)
    last = q(con, "import_last_periode")["periode"].iloc[0]
    db.set_meta(con, {"data_as_of": str(last), "last_import": str(import_id)})
    result = Result(import_id, len(snaps) - changed, changed, len(new_kampung), removed, Path())
    note = f"{len(new_kampung)} Kampung KB baru; {removed} Kampung KB sintetis dihapus"
    return Change(
        result, checked.file, checked.sha256, note, periode=str(rows["periode"].max()), regions=tuple(kabs)
    )


def _classify_into(con: db.Connection, snaps: pd.DataFrame, method: str) -> None:
    result = classify(snaps, method)
    result.insert(0, "metode", method)
    result.insert(0, "periode", snaps["periode"].to_numpy())
    result.insert(0, "kampung_id", snaps["kampung_id"].to_numpy())
    db.insert_frame(con, "klasifikasi", result[["kampung_id", "periode", "metode", *RESULT_COLUMNS]])


def import_file(
    path: Path,
    live: Path,
    user: str,
    progress: Progress | None = None,
    today: dt.date | None = None,
    name: str | None = None,
) -> tuple[Checked, Result]:
    """Check ``path`` and, when it has no errors, write it (``ImportRejected`` otherwise)."""
    con = db.connect(live)
    try:
        checked = check(path, con, name=name, today=today)
    finally:
        con.close()
    if not checked.ok:
        raise ImportRejected(checked)
    return checked, apply(checked, live, user, progress)


#: what each identity column holds (the "petunjuk" sheet of the Excel template)
COLUMN_HELP = {
    "kode_desa": "Kode desa/kelurahan Kemendagri 2025, mis. 36.04.05.2001 atau 3604052001. Wajib "
    "(atau kolom nama_desa bila namanya unik).",
    "nama_kampung": "Nama Kampung KB. Wajib. Teks biasa, tidak diawali = + - @.",
    "tanggal_pencanangan": "Tanggal pencanangan, YYYY-MM-DD atau DD/MM/YYYY. Wajib.",
    "cakupan_wilayah": "RW, Dusun, Desa atau Kelurahan (kosong = Desa).",
    "periode": "Bulan laporan, YYYY-MM. Wajib. Satu baris per Kampung KB per periode.",
    "klasifikasi": "Opsional: kelas menurut sumber data (Dasar, Berkembang, Mandiri, Berkelanjutan; "
    "Paripurna = Berkelanjutan). Disimpan sebagai metode 'impor'; kelas resmi tetap dihitung ulang.",
}
EXAMPLE = {
    "kode_desa": "36.04.05.2001",
    "nama_kampung": "Kampung KB Contoh",
    "tanggal_pencanangan": "2023-01-15",
    "cakupan_wilayah": "Desa",
    "periode": "2023-10",
    "klasifikasi": "",
}


def column_help(column: str) -> str:
    """What ``column`` of the template holds, in Bahasa Indonesia."""
    if column in COLUMN_HELP:
        return COLUMN_HELP[column]
    from kkb.columns import FLAG_COLUMNS

    if column in FLAG_COLUMNS:
        return "Ada (1) atau tidak ada (0); juga Ada/Tidak Ada, Ya/Tidak; kosong = tidak dilaporkan."
    return "Bilangan bulat ≥ 0; kosong = tidak dilaporkan (SPEC §4.1)."


def template_frame() -> pd.DataFrame:
    """The import template: every column, one filled-in example row (synthetic)."""
    from kkb.columns import FLAG_COLUMNS

    row: dict[str, object] = {}
    for column in TEMPLATE_COLUMNS:
        if column in EXAMPLE:
            row[column] = EXAMPLE[column]
        elif column in FLAG_COLUMNS:
            row[column] = 1
        elif column == "pus":
            row[column] = 250
        else:
            row[column] = 3
    return pd.DataFrame([row], columns=list(TEMPLATE_COLUMNS))


def help_frame() -> pd.DataFrame:
    """The template's columns with what each holds (the "petunjuk" sheet)."""
    return pd.DataFrame(
        {
            "kolom": list(TEMPLATE_COLUMNS),
            "wajib": ["ya" if c in REQUIRED_COLUMNS else "tidak" for c in TEMPLATE_COLUMNS],
            "isi": [column_help(c) for c in TEMPLATE_COLUMNS],
        }
    )


def write_template(path: Path) -> Path:
    """Write the template as CSV (UTF-8 with BOM) or Excel (with a "petunjuk" sheet)."""
    frame = template_frame()
    if path.suffix.lower() == ".xlsx":
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name="data")
            help_frame().to_excel(writer, index=False, sheet_name="petunjuk")
    else:
        path.write_bytes(frame.to_csv(index=False).encode("utf-8-sig"))
    return path
