"""What a database file holds, as a readable text (``python -m kkb info``)."""

from __future__ import annotations

from pathlib import Path

from kkb import db
from kkb.fmt import number


def summary(con: db.Connection) -> dict[str, object]:
    """Return the counts of ``sql/info.sql`` and the ``meta`` values as one dict."""
    row = {str(k): v for k, v in db.query(con, "info").iloc[0].to_dict().items()}
    return {**db.meta(con), **row}


def describe(con: db.Connection, path: Path) -> str:
    """Describe the database at ``path`` in Bahasa Indonesia."""
    s = summary(con)

    def n(key: str) -> str:
        return number(int(str(s[key])), "id")

    synthetic = int(str(s["kampung_kb_sintetis"])) > 0
    lines = [
        f"Berkas            : {path}",
        f"Versi skema       : {s.get('schema_version')}",
        f"Dibuat            : {s.get('built_at', '-')}",
        f"Data per          : {s.get('data_as_of', '-')}",
        f"Wilayah           : {n('provinsi')} provinsi, {n('kabkota')} kab/kota, "
        f"{n('kecamatan')} kecamatan, {n('desa_kel')} desa/kelurahan",
        f"Kampung KB        : {n('kampung_kb')} ({n('kampung_kb_sintetis')} sintetis, "
        f"{n('kampung_kb_impor')} impor) di {n('desa_dengan_kampung_kb')} desa/kelurahan",
        f"Snapshot          : {n('snapshot')} ({n('snapshot_sintetis')} sintetis), "
        f"{n('jumlah_periode')} periode {s.get('periode_awal') or '-'} s.d. {s.get('periode_akhir') or '-'}",
        f"Klasifikasi       : {n('klasifikasi')} baris, metode {s.get('metode') or '-'}",
        f"Target            : {n('target')} target, {n('angka_terbit')} angka terbitan resmi",
        f"Impor             : {n('impor')}",
    ]
    if synthetic:
        lines.append("Catatan           : DATA SINTETIS — registri demo buatan, bukan data resmi Kampung KB.")
    return "\n".join(lines)
