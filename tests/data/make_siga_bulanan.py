"""Write the New SIGA monthly recaps of tests/data (FORMATS.md §D) from the bundled Kemendagri codes.

One row per desa/kelurahan of Kab. Serang and Kota Serang per month (Juli, Agustus, September),
``;``-separated with CRLF line ends, a ``NO`` column, upper-case names by name only, kabupaten
without a prefix beside ``KOTA SERANG``, ``BULAN`` the month's name and no year, no code. Quirks: a
kecamatan in two words (``KRAMAT WATU``), a desa spelled otherwise (``TOYOMERTHO``), one under a name
only the Kampung KB recap's codes resolve (``MARGATANI BARU``, see make_siga.py), a doubled letter
(``PEJATTEN``), a blank line at the end; in the method mix, ``PA`` on some rows that is not
``KB MODERN`` + ``KB TRADISIONAL``. The counts are made up. Run from the repository root:
``.venv/bin/python tests/data/make_siga_bulanan.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PLACE = "NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN"
PUS_HEADER = f"{PLACE};PUS;UNMET NEED;BULAN"
METHOD_HEADER = (
    f"{PLACE};PA;SUNTIK;PIL;KONDOM;IMPLAN;IUD;VASEKTOMI;TUBEKTOMI;MAL;KB MODERN;KB TRADISIONAL;BULAN"
)
MONTHS = ("JULI", "AGUSTUS", "SEPTEMBER")
KABS = ("36.04", "36.73")
RENAMED = {"36.04.05.2004": "TOYOMERTHO", "36.04.05.2015": "MARGATANI BARU", "36.04.05.2003": "PEJATTEN"}


def _places() -> list[tuple[str, str, str, str]]:
    """(desa code, kab/kota, kecamatan, desa) as SIGA writes them, in code order."""
    data = ROOT / "data"
    with (data / "wilayah_kabkota.csv").open(encoding="utf-8") as handle:
        kabs = {
            r["kode_kab"]: (
                f"KOTA {r['nama_kab_singkat'].upper()}"
                if r["jenis"] == "Kota"
                else r["nama_kab_singkat"].upper()
            )
            for r in csv.DictReader(handle)
        }
    with (data / "wilayah_kecamatan.csv").open(encoding="utf-8") as handle:
        kecs = {r["kode_kec"]: r["nama_kec"].upper() for r in csv.DictReader(handle)}
    out = []
    with (data / "wilayah_desa_kelurahan.csv").open(encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            if r["kode_kab"] in KABS:
                kec = "KRAMAT WATU" if r["kode_kec"] == "36.04.05" else kecs[r["kode_kec"]]
                name = RENAMED.get(r["kode_desa"], r["nama_desa"].upper())
                out.append((r["kode_desa"], kabs[r["kode_kab"]], kec, name))
    return out


def pus_rows() -> list[str]:
    lines = [PUS_HEADER]
    n = 0
    for month_index, month in enumerate(MONTHS):
        for i, (_code, kab, kec, desa) in enumerate(_places()):
            pus = 300 + (i * 37) % 1700 + 5 * month_index
            unmet = pus * (5 + i % 11) // 100
            n += 1
            lines.append(f"{n};BANTEN;{kab};{kec};{desa};{pus};{unmet};{month}")
    return [*lines, ";;;;;;;"]


def method_rows() -> list[str]:
    lines = [METHOD_HEADER]
    n = 0
    for month_index, month in enumerate(MONTHS):
        for i, (_code, kab, kec, desa) in enumerate(_places()):
            pus = 300 + (i * 37) % 1700 + 5 * month_index
            modern = pus * (45 + i % 20) // 100
            implan, iud, mow, mop = modern // 8, modern // 10, modern // 25, modern // 100
            pil, kondom = modern // 6, modern // 20
            suntik = modern - implan - iud - mow - mop - pil - kondom
            mal, traditional = i % 4, i % 6
            pa = modern + traditional + (3 if i % 17 == 0 else 0)  # PA as reported, not always the sum
            counts = (pa, suntik, pil, kondom, implan, iud, mop, mow, mal, modern, traditional)
            n += 1
            lines.append(f"{n};BANTEN;{kab};{kec};{desa};{';'.join(map(str, counts))};{month}")
    return lines


def bad_rows() -> list[str]:
    return [
        PUS_HEADER,
        "1;BANTEN;SERANG;KRAMATWATU;KRAMATWATU;1200;100;JULI",
        "2;BANTEN;SERANG;KRAMATWATU;PEJATEN BARU;800;40;JULI",  # no such desa in Kramatwatu
        "3;BANTEN;SERANG;KRAMATWATU;MARGASANA;900;-5;JULI",  # a negative count
        "4;BANTEN;SERANG;KRAMATWATU;SERDANG;12 KK;10;JULI",  # not a count
        "5;BANTEN;SERANG;KRAMATWATU;TERATE;700;30;JULY",  # not an Indonesian month name
        "6;BANTEN;SERANG;KRAMATWATU;KRAMATWATU;1210;90;JULI",  # the same desa and month again
    ]


def _write(name: str, lines: list[str]) -> None:
    (HERE / name).write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def main() -> None:
    _write("siga_pus_serang.csv", pus_rows())
    _write("siga_metode_serang.csv", method_rows())
    _write("siga_pus_salah.csv", bad_rows())


if __name__ == "__main__":
    main()
