"""What a database file holds, as a readable text (``python -m kkb info``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kkb import db
from kkb.fmt import number


@dataclass(frozen=True)
class Summary:
    """What a database holds: its counts (``sql/info.sql``) and the build's notes (``meta``)."""

    provinsi: int
    kabkota: int
    kecamatan: int
    desa_kel: int
    kampung_kb: int
    kampung_kb_sintetis: int
    kampung_kb_impor: int
    desa_dengan_kampung_kb: int
    snapshot: int
    snapshot_sintetis: int
    jumlah_periode: int
    periode_awal: str | None
    periode_akhir: str | None
    klasifikasi: int
    metode: str | None
    target: int
    angka_terbit: int
    impor: int
    schema_version: str | None = None
    built_at: str | None = None
    data_as_of: str | None = None
    reference_edition: str | None = None

    @property
    def synthetic(self) -> bool:
        """Whether any Kampung KB is of the synthetic demo registry."""
        return self.kampung_kb_sintetis > 0


_TEXT = {"periode_awal", "periode_akhir", "metode"}
_NOTES = ("schema_version", "built_at", "data_as_of", "reference_edition")


def summary(con: db.Connection) -> Summary:
    """The counts of ``sql/info.sql`` and the ``meta`` notes of the database ``con`` reads."""
    row = db.query(con, "info").iloc[0].to_dict()
    counts: dict[str, Any] = {
        str(k): (None if v is None or v != v else str(v)) if k in _TEXT else int(v) for k, v in row.items()
    }
    notes = db.meta(con)
    counts.update({k: notes.get(k) for k in _NOTES})
    return Summary(**counts)


def describe(con: db.Connection, path: Path) -> str:
    """Describe the database at ``path`` in Bahasa Indonesia."""
    s = summary(con)
    n = number
    lines = [
        f"Berkas            : {path}",
        f"Versi skema       : {s.schema_version}",
        f"Dibuat            : {s.built_at or '-'}",
        f"Data per          : {s.data_as_of or '-'}",
        f"Wilayah           : {n(s.provinsi)} provinsi, {n(s.kabkota)} kab/kota, "
        f"{n(s.kecamatan)} kecamatan, {n(s.desa_kel)} desa/kelurahan",
        f"Kampung KB        : {n(s.kampung_kb)} ({n(s.kampung_kb_sintetis)} sintetis, "
        f"{n(s.kampung_kb_impor)} impor) di {n(s.desa_dengan_kampung_kb)} desa/kelurahan",
        f"Snapshot          : {n(s.snapshot)} ({n(s.snapshot_sintetis)} sintetis), "
        f"{n(s.jumlah_periode)} periode {s.periode_awal or '-'} s.d. {s.periode_akhir or '-'}",
        f"Klasifikasi       : {n(s.klasifikasi)} baris, metode {s.metode or '-'}",
        f"Target            : {n(s.target)} target, {n(s.angka_terbit)} angka terbitan resmi",
        f"Impor             : {n(s.impor)}",
    ]
    if s.synthetic:
        lines.append("Catatan           : DATA SINTETIS — registri demo buatan, bukan data resmi Kampung KB.")
    return "\n".join(lines)
