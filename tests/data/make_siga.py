"""Write the New SIGA Kampung KB recaps of tests/data (FORMATS.md §C) from the bundled Kemendagri codes.

One row per desa/kelurahan of Banten, ``;``-separated with CRLF line ends as SIGA's "Cetak Excel"
CSV: upper-case names, kabupaten without a prefix beside ``KOTA …``, ``KODE`` the last four digits
of the desa code, counts by formation year with ``> 2019``. Quirks: a desa spelled otherwise than
Kemendagri (``TOYOMERTHO``), one under another name (``MARGATANI BARU``), a kecamatan written in
two words (``KRAMAT WATU`` for Kramatwatu), a desa with two Kampung KB. The counts are made up.
Run from the repository root: ``.venv/bin/python tests/data/make_siga.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
HEADER = (
    "PROVINSI;KABUPATEN;KECAMATAN;KODE;KELURAHAN;JUMLAH KELURAHAN/DESA;JUMLAH KAMPUNG KB;"
    "2016;2017;2018;2019;> 2019;KAMPUNG KB MANDIRI;KAMPUNG KB PERCONTOHAN"
)


def _names(path: Path, code: str, name: str) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        return {row[code]: row[name] for row in csv.DictReader(handle)}


def rows(province: str) -> list[str]:
    data = ROOT / "data"
    kabs = {}
    with (data / "wilayah_kabkota.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            short = row["nama_kab_singkat"].upper()
            kabs[row["kode_kab"]] = f"KOTA {short}" if row["jenis"] == "Kota" else short
    kecs = _names(data / "wilayah_kecamatan.csv", "kode_kec", "nama_kec")
    provinces = _names(data / "wilayah_provinsi.csv", "kode_prov", "nama_prov")
    out = [HEADER]
    with (data / "wilayah_desa_kelurahan.csv").open(encoding="utf-8") as handle:
        desa = [r for r in csv.DictReader(handle) if r["kode_prov"] == province]
    for i, row in enumerate(desa):
        code = row["kode_desa"]
        kec = kecs[row["kode_kec"]].upper()
        name = row["nama_desa"].upper()
        if code == "36.04.05.2004":
            name = "TOYOMERTHO"  # Toyomerto, spelled otherwise: the code decides
        if code == "36.04.05.2015":
            name = "MARGATANI BARU"  # Margatani under a name no spelling rule reaches: the code decides
        if row["kode_kec"] == "36.04.05":
            kec = "KRAMAT WATU"  # Kramatwatu in two words
        n = 2 if code == "36.04.05.2001" else (1 if i % 3 == 0 else 0)
        years = [0, 0, 0, 0, 0]
        for k in range(n):
            years[(i + k) % 5] += 1
        mandiri = 1 if n and i % 7 == 0 else 0
        counts = [n, *years, mandiri, 1 if n and i % 11 == 0 else 0]
        out.append(
            ";".join(
                [
                    provinces[province].upper(),
                    kabs[row["kode_kab"]],
                    kec,
                    code[-4:],
                    name,
                    "1",
                    *map(str, counts),
                ]
            )
        )
    return out


def main() -> None:
    good = rows("36")
    (HERE / "siga_kampung_kb_banten.csv").write_bytes(("\r\n".join(good) + "\r\n").encode("utf-8"))
    bad = [
        HEADER,
        "BANTEN;SERANG;KRAMATWATU;2001;KRAMATWATU;1;1;0;1;0;0;0;0;0",
        "BANTEN;SERANG;KRAMAT JATI BARU;2001;KRAMAT;1;1;0;1;0;0;0;0;0",  # no such kecamatan in Kab. Serang
        "BANTEN;SERANG;KRAMATWATU;2099;PEJATEN BARU;1;1;0;0;1;0;0;0;0",  # no desa 36.04.05.2099
        "BANTEN;SERANG;KRAMATWATU;2003;PEJATEN;1;2;1;0;0;0;0;0;0",  # 2 Kampung KB, 1 by year
    ]
    (HERE / "siga_kampung_kb_salah.csv").write_bytes(("\r\n".join(bad) + "\r\n").encode("utf-8"))


if __name__ == "__main__":
    main()
