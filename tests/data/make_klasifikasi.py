"""Write the portal's admin classification exports of tests/data (FORMATS.md §B).

``No | Kampung KB | Provinsi | Kabupaten | Kecamatan | Desa | Input Pokja | … | Output Unmet Need |
Index Input | Index Proses | Index Output | Klasifikasi``, one row per Kampung KB, as the portal's
server-side export writes it: region names in upper case and no codes, no dates, ``No`` sometimes
empty, the twelve scores as numbers. The indices and classes below were worked out by hand from the
scores with the rules of SPEC.md (index = mean of its dimension's scores, passed at 3; the class from
which dimensions pass), as the portal prints them; one row prints a class its scores do not give.
Quirks: indices sometimes text with a decimal comma (``3,00``), a class in upper case, a kabupaten
without prefix beside ``KOTA SERANG`` (whose kecamatan and kelurahan are also called Serang), a desa
spelled otherwise than Kemendagri (``TOYOMERTHO``), two Kampung KB in one desa. The names of the
Kampung KB and the scores are made up. Run from the repository root:
``.venv/bin/python tests/data/make_klasifikasi.py``.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
GOOD = HERE / "classification-table_20251015093000.xlsx"
BAD = HERE / "classification-table_salah.xlsx"
HEADER = (
    "No",
    "Kampung KB",
    "Provinsi",
    "Kabupaten",
    "Kecamatan",
    "Desa",
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
    "Index Input",
    "Index Proses",
    "Index Output",
    "Klasifikasi",
)
KAB = ("BANTEN", "SERANG", "KRAMATWATU")
KOTA = ("BANTEN", "KOTA SERANG", "SERANG")
#: Kampung KB, (provinsi, kabupaten, kecamatan), desa, the twelve scores, the three indices, the class
ROWS: list[tuple[str, tuple[str, str, str], str, tuple[int, ...], tuple[object, object, object], str]] = [
    # input 15/5 = 3.00, proses 9/3 = 3.00, output 10/4 = 2.50: input and proses pass
    (
        "KAMPUNG KB KRAMATWATU",
        KAB,
        "KRAMATWATU",
        (4, 3, 3, 3, 2, 3, 3, 3, 2, 2, 3, 3),
        ("3,00", "3,00", "2,50"),
        "Berkembang",
    ),
    # the second in the same desa: 8/5 = 1.60, 5/3 = 1.67, 8/4 = 2.00, nothing passes
    ("KAMPUNG KB MAWAR", KAB, "KRAMATWATU", (2, 2, 2, 1, 1, 2, 1, 2, 1, 2, 1, 4), (1.6, 1.67, 2), "Dasar"),
    # 18/5 = 3.60, 11/3 = 3.67, 13/4 = 3.25: all three pass
    (
        "KAMPUNG KB TOYOMERTO",
        KAB,
        "TOYOMERTHO",
        (4, 4, 4, 3, 3, 4, 4, 3, 4, 3, 3, 3),
        ("3,60", "3,67", "3,25"),
        "BERKELANJUTAN",
    ),
    # 15/5 = 3.00, 6/3 = 2.00, 13/4 = 3.25: input and output pass
    ("KAMPUNG KB PEJATEN", KAB, "PEJATEN", (3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3, 4), (3, 2, 3.25), "Mandiri"),
    # 14/5 = 2.80, 9/3 = 3.00, 12/4 = 3.00: proses and output pass, which is Mandiri, printed Berkelanjutan
    (
        "KAMPUNG KB MARGASANA",
        KAB,
        "MARGASANA",
        (3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3),
        ("2,80", "3,00", "3,00"),
        "Berkelanjutan",
    ),
    # 12/5 = 2.40, 10/3 = 3.33, 8/4 = 2.00: proses alone passes
    (
        "KAMPUNG KB CIPARE",
        KOTA,
        "CIPARE",
        (2, 3, 3, 2, 2, 3, 4, 3, 2, 2, 2, 2),
        ("2,40", "3,33", "2,00"),
        "Dasar",
    ),
    # 18/5 = 3.60, 9/3 = 3.00, 4/4 = 1.00: input and proses pass
    (
        "KAMPUNG KB SERANG",
        KOTA,
        "SERANG",
        (4, 4, 4, 3, 3, 3, 3, 3, 1, 1, 1, 1),
        ("3,60", "3,00", "1,00"),
        "Berkembang",
    ),
]


def write(path: Path, rows: list[tuple[object, ...]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Worksheet"
    sheet.append(list(HEADER))
    for i, (kampung, (prov, kab, kec), desa, scores, indices, klass) in enumerate(rows, start=1):
        number = "" if i == 4 else i  # the export leaves some numbers empty
        sheet.append([number, kampung, prov, kab, kec, desa, *scores, *indices, klass])
    book.save(path)


def main() -> None:
    write(GOOD, list(ROWS))
    bad = [
        ROWS[0],
        # a desa no reference holds in Kramatwatu; the closest is Pejaten
        ("KAMPUNG KB PEJATEN BARU", KAB, "PEJATEN BARU", ROWS[3][3], ROWS[3][4], "Mandiri"),
        # sarana scores 1 to 3, not 4
        (
            "KAMPUNG KB HARJATANI",
            KAB,
            "HARJATANI",
            (4, 3, 3, 4, 2, 3, 3, 3, 2, 2, 3, 3),
            ("3,20", "3,00", "2,50"),
            "Berkembang",
        ),
        # a class the portal does not have
        ("KAMPUNG KB SERDANG", KAB, "SERDANG", ROWS[0][3], ROWS[0][4], "Maju"),
    ]
    write(BAD, bad)


if __name__ == "__main__":
    main()
