"""Write the portal statistics tables of tests/data (FORMATS.md §A) as the portal's browser export does.

Every cell is text, numbers in Indonesian format (``1.095``, ``30,43``), a title merged across the
table, class groups each merged over two columns, empty count cells for a region with no Kampung KB,
and a ``Total`` row merged over the first two columns. Run from the repository root:
``.venv/bin/python tests/data/make_statistik.py``. The numbers are made up.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
CLASSES = ("Dasar", "Berkembang", "Mandiri", "Berkelanjutan")
BANTEN = [  # name as the portal prints it, then Dasar, Berkembang, Mandiri, Berkelanjutan
    ("KOTA CILEGON", 7, 9, 6, 1),
    ("KOTA SERANG", 20, 15, 5, 0),
    ("KOTA TANGERANG", 50, 30, 20, 4),
    ("KOTA TANGERANG SELATAN", 0, 0, 0, 0),
    ("LEBAK", 300, 120, 40, 2),
    ("PANDEGLANG", 250, 100, 30, 1),
    ("SERANG", 200, 90, 36, 0),
    ("TANGERANG", 600, 300, 190, 5),
]


def number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def percent(part: int, whole: int) -> str:
    if not whole:
        return "0"
    text = f"{part / whole * 100:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def write(
    path: Path, scope: str, rows: list[tuple[str, int, int, int, int]], title: str, total_off: int = 0
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet 1"
    sheet.append([title] + [""] * 10)
    sheet.merge_cells("A1:K1")
    sheet.append(["", "", "Dasar", "", "Berkembang", "", "Mandiri", "", "Berkelanjutan", "", ""])
    for start in ("C2:D2", "E2:F2", "G2:H2", "I2:J2"):
        sheet.merge_cells(start)
    sheet.append(["No", scope, "Jumlah", "%", "Jumlah", "%", "Jumlah", "%", "Jumlah", "%", "Total"])
    sums = [0, 0, 0, 0, 0]
    for i, (name, *counts) in enumerate(rows, start=1):
        total = sum(counts)
        cells: list[str] = [str(i), name]
        for count in counts:
            cells += ["" if not total else number(count), percent(count, total)]
        cells.append("" if not total else number(total))
        sheet.append(cells)
        for j, count in enumerate([*counts, total]):
            sums[j] += count
    sums[-1] += total_off
    sums[0] += total_off
    last = sheet.max_row + 1
    cells = ["Total", ""]
    for count in sums[:4]:
        cells += [number(count), percent(count, sums[-1])]
    cells.append(number(sums[-1]))
    sheet.append(cells)
    sheet.merge_cells(f"A{last}:B{last}")
    book.save(path)


def main() -> None:
    title = "Jumlah Kampung KB Menurut Klasifikasi Periode : "
    write(HERE / "statistik_klasifikasi_banten.xlsx", "Provinsi - BANTEN", BANTEN, title)
    write(HERE / "statistik_total_salah.xlsx", "Provinsi - BANTEN", BANTEN, title, total_off=1)
    misspelled = [("PANDEGELANG" if r[0] == "PANDEGLANG" else r[0], *r[1:]) for r in BANTEN]
    misspelled[0] = ("KOTA CILEGONG BARAT", *BANTEN[0][1:])
    write(HERE / "statistik_nama_salah.xlsx", "Provinsi - BANTEN", misspelled, title)
    nation = [
        ("BALI", 500, 150, 50, 16),
        ("BANTEN", 1427, 664, 327, 13),
        ("KEP. RIAU", 120, 80, 30, 2),
        ("RIAU", 900, 500, 160, 9),
    ]
    write(HERE / "statistik_provinsi_2024-06.xlsx", "Provinsi", nation, title + "Juni 2024")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Jumlah Kampung KB Menurut Kepemilikan Poktan Periode : "])
    sheet.append(["", "", "BKB", "", "BKR", "", ""])
    sheet.append(["No", "Provinsi", "Ada", "Tidak Ada", "Ada", "Tidak Ada", "Total"])
    sheet.append(["1", "BANTEN", "1.200", "1.231", "900", "1.531", "2.431"])
    sheet.append(["Total", "", "1.200", "1.231", "900", "1.531", "2.431"])
    book.save(HERE / "statistik_poktan.xlsx")


if __name__ == "__main__":
    main()
