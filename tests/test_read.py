"""``kkb.ingest.read`` against a hostile corpus: files an attacker or a careless export makes, each
refused with its reason.

Every file is built here from the bytes that make it hostile (the ones issue 17 was found with are
held back). Each goes through the command line as an official would run it: the answer is a
sentence (``Kesalahan: …`` naming row and column where there is one), never a traceback, and the
database stays byte for byte as it was, with no backup made.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from kkb import __main__ as cli
from kkb import db, ingest
from kkb.ingest import read
from tests.helpers import digest, kelola_as_admin

HEADER = "kode_desa,nama_kampung,tanggal_pencanangan,cakupan_wilayah,periode,pokja,pus,kb_suntik"
ROW = "36.04.05.2001,Kampung KB Melati,2023-01-15,Desa,2023-10,1,120,40"


def _csv(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\n".join(lines) + "\n").encode(encoding)


def _xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for values in rows:
        sheet.append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_zip(sheet_xml: Callable[[zipfile.ZipFile], None]) -> bytes:
    """A real .xlsx whose first sheet is replaced by what ``sheet_xml`` writes."""
    source = zipfile.ZipFile(io.BytesIO(_xlsx([["kode_desa"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                sheet_xml(target)
            else:
                target.writestr(info, source.read(info))
    return out.getvalue()


def _bomb(target: zipfile.ZipFile) -> None:
    """A sheet that unpacks to 400 MB of one repeated cell: a few hundred kB packed."""
    with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
        part.write(
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        )
        chunk = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000
        for _ in range(400 * 1024 * 1024 // len(chunk)):
            part.write(chunk)
        part.write(b"</sheetData></worksheet>")


def _million_rows(target: zipfile.ZipFile) -> None:
    """A sheet of a million small rows (about 26 MB unpacked: within the size limit, not the rows')."""
    with target.open("xl/worksheets/sheet1.xml", "w") as part:
        part.write(
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        )
        part.write(b'<row><c t="inlineStr"><is><t>kode_desa</t></is></c></row>')
        part.write(b"<row><c><v>1</v></c></row>" * 1_000_000)
        part.write(b"</sheetData></worksheet>")


def _broken_sheet(target: zipfile.ZipFile) -> None:
    target.writestr("xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row><c><v>1</v></row>")


#: (file name, its bytes, what the refusal must say)
CORPUS: list[tuple[str, Callable[[], bytes], list[str]]] = [
    # finding 3: a ragged row, longer or shorter than the header
    ("baris_lebih.csv", lambda: _csv(HEADER, ROW, ROW + ",99"), ["baris 3 berisi 9 kolom", "judul 8"]),
    ("baris_kurang.csv", lambda: _csv(HEADER, ROW, "36.04.05.2001,Kampung KB Melati"), ["baris 3 berisi 2"]),
    # finding 6: one Windows-1252 byte in a UTF-8 file; bytes that are no plausible text at all
    (
        "campur_penyandian.csv",
        lambda: _csv(HEADER, ROW.replace("Melati", "Ré")) + ROW.replace("Melati", "Caf").encode() + b"\xe9\n",
        ["baris 3: byte 0xE9 bukan UTF-8", "baris 2 ditulis dalam UTF-8", "mencampur dua penyandian"],
    ),
    (
        "bukan_teks.csv",
        lambda: _csv(HEADER) + ROW.replace("Melati", "Mel").encode() + b"\x98ati\n",
        ["baris 2: byte 0x98", "bukan teks Windows-1252 atau Windows-1251"],
    ),
    # finding 6: text-direction overrides, DEL and other controls in a name
    (
        "arah_teks.csv",
        lambda: _csv(HEADER, ROW.replace("Melati", "Mel\u202eitaleM")),
        ["baris 2, kolom B", "pengubah arah teks U+202E"],
    ),
    ("del.csv", lambda: _csv(HEADER, ROW.replace("Melati", "Mel\x7fati")), ["baris 2, kolom B", "U+007F"]),
    ("bel.csv", lambda: _csv(HEADER, ROW.replace("Melati", "Mel\x07ati")), ["karakter kendali U+0007"]),
    # finding 6: one column under two names
    (
        "kolom_kembar.csv",
        lambda: _csv(HEADER + ",Kode Desa", ROW + ",36.04.05.2002"),
        ["'kode_desa' (A) dan 'Kode Desa' (I)", "sama-sama berarti"],
    ),
    # finding 7: a zip bomb, a million rows, a damaged workbook, a file that is no workbook
    ("bom.xlsx", lambda: _sheet_zip(_bomb), ["bila dibuka", "paling besar 300 MB"]),
    ("sejuta_baris.xlsx", lambda: _sheet_zip(_million_rows), ["lebih dari 200.000 baris data"]),
    ("lembar_rusak.xlsx", lambda: _sheet_zip(_broken_sheet), ["simpan ulang sebagai .xlsx"]),
    ("bukan_excel.xlsx", lambda: b"PK\x03\x04 bukan zip sama sekali", ["tidak dapat dibaca sebagai Excel"]),
    # limits on the shape of a table
    ("kolom_banyak.csv", lambda: _csv(",".join(f"k{i}" for i in range(600)), "1"), ["600 kolom", "500"]),
    (
        "sel_panjang.csv",
        lambda: _csv(HEADER, ROW.replace("Melati", "M" * 6_000)),
        ["baris 2, kolom B", "6.0", "paling panjang 5.000 karakter"],
    ),
    (
        "kutip_terbuka.csv",
        lambda: _csv(HEADER, '36.04.05.2001,"Kampung KB ' + "x" * 200_000),
        ["baris 2: isian yang tidak berakhir", "tanda kutip"],
    ),
]


@pytest.mark.parametrize(("name", "make", "said"), CORPUS, ids=[c[0] for c in CORPUS])
def test_a_hostile_file_is_refused_with_a_sentence_and_changes_nothing(
    live: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    make: Callable[[], bytes],
    said: list[str],
) -> None:
    source = tmp_path / name
    source.write_bytes(make())
    before = digest(live)
    status = cli.main(["import", str(source), "--db", str(live)])
    err = capsys.readouterr().err
    assert status == 2 and err.startswith("Kesalahan: ") and name in err, err[:500]
    for words in said:
        assert words in err, err[:500]
    assert "Traceback" not in err
    assert digest(live) == before and ingest.list_backups(live) == []


def test_an_alias_beside_its_column_is_refused_rather_than_one_of_them_ignored(
    live: Path, tmp_path: Path
) -> None:
    source = tmp_path / "alias_kembar.csv"
    source.write_bytes(_csv(HEADER + ",plkb_pendamping,PLKB", ROW + ",1,0"))
    con = db.connect(live)
    try:
        checked = ingest.check_any(source, con)
    finally:
        con.close()
    (problem,) = checked.errors
    assert (
        problem.column == "PLKB" and "'plkb_pendamping' sama-sama berarti plkb_pendamping" in problem.problem
    )


def test_names_that_differ_only_in_invisible_characters_are_one_kampung_kb(
    live: Path, tmp_path: Path
) -> None:
    spellings = [
        "Kampung KB Melati",
        "Kampung  KB Melati",
        "Kampung\u00a0KB Melati",
        "Kampung KB Mel\u200bati",
    ]
    lines = [
        f"36.04.05.2001,{name},2023-01-15,Desa,2023-{month:02d},1,120,40"
        for month, name in enumerate(spellings, start=7)
    ]
    source = tmp_path / "ejaan.csv"
    source.write_bytes(_csv(HEADER, *lines))
    _checked, result = ingest.import_any(source, live, "uji")
    con = db.connect(live)
    try:
        names = con.execute(
            "SELECT DISTINCT nama FROM kampung_kb WHERE kode_desa = '36.04.05.2001' AND sumber = 'impor'"
        ).fetchall()
    finally:
        con.close()
    assert result.kampung_added == 1 and names == [("Kampung KB Melati",)]


def test_a_legacy_file_is_read_in_the_encoding_its_bytes_show_and_says_so(live: Path, tmp_path: Path) -> None:
    source = tmp_path / "lama.csv"
    source.write_bytes(_csv(HEADER, ROW.replace("Melati", "Cempaka Ré"), encoding="cp1252"))
    assert read.decode(source.read_bytes(), source.name)[1] == "Windows-1252"
    con = db.connect(live)
    try:
        checked = ingest.check_any(source, con)
    finally:
        con.close()
    assert checked.ok and checked.rows.iloc[0]["nama_kampung"] == "Kampung KB Cempaka Ré"
    assert "dibaca sebagai Windows-1252" in checked.warnings[0].problem


def test_the_report_of_a_refused_file_holds_no_live_formula(live: Path, tmp_path: Path) -> None:
    source = tmp_path / "rumus.csv"
    formula = '"=HYPERLINK(""http://contoh.invalid"";""klik"")"'
    source.write_bytes(_csv(HEADER, ROW.replace("120", formula)))
    report = tmp_path / "masalah.csv"
    assert cli.main(["import", str(source), "--db", str(live), "--report", str(report)]) == 2
    text = report.read_text(encoding="utf-8-sig")
    assert "HYPERLINK" in text and ",=" not in text and "\n=" not in text


@pytest.mark.slow
def test_every_hostile_file_uploaded_on_kelola_gets_its_sentence_and_changes_nothing(
    live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    at = kelola_as_admin(monkeypatch, live)
    before = digest(live)
    for name, make, said in CORPUS:
        at.file_uploader[0].set_value((name, make(), "text/csv")).run()
        assert not at.exception, (name, [e.value for e in at.exception])
        shown = " ".join(e.value for e in at.error).replace("\\", "")  # plain text: signs escaped
        assert said[0] in shown, (name, shown[:400])
        assert not [b for b in at.button if b.label == "Impor sekarang"]
    assert digest(live) == before and ingest.list_backups(live) == []


def test_the_uploader_stops_what_the_reader_would_refuse_for_its_size() -> None:
    import tomllib

    config = tomllib.loads(
        (Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml").read_text()
    )
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == read.MAX_BYTES


def test_a_monthly_recap_longer_than_other_files_is_recognised_and_read_within_its_own_limit(
    tmp_path: Path,
) -> None:
    # a national year of New SIGA's monthly recap is a million rows: its shape is told from the
    # header alone, and only that shape reads past the 200,000 rows of every other file
    path = tmp_path / "siga_pus.csv"
    row = "1;BANTEN;SERANG;KRAMATWATU;KRAMATWATU;300;15;JULI\r\n"
    header = "NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PUS;UNMET NEED;BULAN\r\n"
    path.write_text(header + row * (read.MAX_ROWS + 1), encoding="utf-8")
    assert ingest.shape_of(path) == ingest.siga_bulanan.SHAPE and ingest.wants_year(path)
    with pytest.raises(read.DataFileError, match=r"lebih dari 200\.000 baris data"):
        read.read_table(path)
    assert len(read.read_table(path, limits=read.MONTHLY)) == read.MAX_ROWS + 1
    assert read.MONTHLY.rows >= 83_762 * 12  # every desa of the nation, twelve months
