"""The command line: ``python -m kkb build | info | classify | summary | paparan | import | undo | …``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kkb import db, fmt
from kkb.errors import KkbError
from kkb.i18n import t
from kkb.ingest import publish


def _progress_printer() -> object:
    last = {"pct": -1}

    def show(fraction: float, message: str) -> None:
        pct = int(fraction * 100)
        if pct == last["pct"] and fraction < 1:
            return
        last["pct"] = pct
        bar = "#" * (pct // 4) + "." * (25 - pct // 4)
        end = "\n" if fraction >= 1 else ""
        print(f"\r[{bar}] {pct:3d}%  {message:<45}", end=end, file=sys.stderr, flush=True)

    return show


def _cmd_build(args: argparse.Namespace) -> int:
    from kkb.build import build

    provinces = args.provinces.split(",") if args.provinces else None
    path = build(args.db, progress=_progress_printer(), provinces=provinces)  # type: ignore[arg-type]
    print(f"Basis data dibuat: {path}")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from kkb.info import describe

    path = Path(args.db) if args.db else db.default_db_path()
    con = db.connect(path, upgrade=False)  # info only reads: an older file is described, not upgraded
    try:
        version = db.schema_version(con)
        if version != str(db.SCHEMA_VERSION):
            print(f"Berkas            : {path}")
            print(f"Versi skema       : {version} (aplikasi ini memakai versi {db.SCHEMA_VERSION})")
            print(
                "Catatan           : berkas ini diperbarui ke versi baru saat pertama dibuka oleh dasbor "
                "atau oleh perintah import; info hanya membaca dan tidak mengubahnya."
            )
            return 0
        print(describe(con, path))
    finally:
        con.close()
    return 0


def _cmd_classify(args: argparse.Namespace) -> int:
    from kkb.cli_classify import classify_file, unused_missing

    text = classify_file(Path(args.input), args.method)
    missing = unused_missing(Path(args.input))
    if missing:
        print(
            f"catatan: kolom {', '.join(missing)} tidak ada; dianggap tidak dilaporkan "
            "(aturan klasifikasi tidak memakainya)",
            file=sys.stderr,
        )
    sys.stdout.write(text)
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    from kkb.summary import summary_text

    path = Path(args.db) if args.db else db.default_db_path()
    con = db.connect(path)
    try:
        print(summary_text(con, args.region, args.periode, args.method, args.lang))
    finally:
        con.close()
    return 0


def _cmd_paparan(args: argparse.Namespace) -> int:
    from kkb import paparan, slides, store
    from kkb.view import View

    if bool(args.out) == bool(args.out_dir) or bool(args.each) != bool(args.out_dir):
        raise KkbError(
            "pilih satu: --out BERKAS untuk satu paket, atau --each kabkota|provinsi --out-dir FOLDER "
            "untuk satu paket per wilayah"
        )
    outs = [paparan.check_out(Path(o)) for o in args.out or ()]
    path = Path(args.db) if args.db else db.default_db_path()
    con = db.connect(path)
    try:
        data = slides.Database(con)
        for code in filter(None, (args.region, args.banding)):
            data.regions.require(code)
        periode = store.require_periode(con, args.periode)
        wanted = View(args.lang, args.region, periode, args.method)
        if args.each:
            return _bulk(data, wanted, args)
        pack = paparan.build(data, wanted, args.banding, _progress_printer())  # type: ignore[arg-type]
    finally:
        con.close()
    for out in outs:
        partial = out.with_name(f".{out.stem}.sebagian{out.suffix}")
        paparan.write(pack, partial)
        partial.replace(out)
        print(t("cli_pack_written", args.lang, n=len(pack.slides), out=out))
    return 0


def _bulk(data: object, wanted: object, args: argparse.Namespace) -> int:
    from kkb import paparan_bulk

    formats = args.format or list(paparan_bulk.FORMATS)
    bundle = paparan_bulk.make(
        data,  # type: ignore[arg-type]
        data.regions,  # type: ignore[attr-defined]
        wanted,  # type: ignore[arg-type]
        args.each,
        Path(args.out_dir),
        formats,
        _progress_printer(),  # type: ignore[arg-type]
    )
    for s in bundle.skipped:
        print(t("cli_bulk_skipped", args.lang, label=s.label, code=s.code, reason=s.reason), file=sys.stderr)
    made = len(bundle.seconds)
    print(
        t(
            "cli_bulk_written",
            args.lang,
            n=made,
            out=args.out_dir,
            files=len(bundle.files),
            archive=bundle.archive,
        )
    )
    return 0 if made else 1


def _cmd_import(args: argparse.Namespace) -> int:
    from kkb import ingest

    path = Path(args.db) if args.db else publish.primary()  # behind nginx, the primary file
    source = Path(args.file)
    try:
        con = db.connect(path)
        try:
            checked = ingest.check_any(
                source, con, periode=args.periode, tahun=args.tahun, poktan=args.poktan
            )
            said = ingest.describe(checked, con) if checked.ok else ""
        finally:
            con.close()
        print(f"Bentuk berkas: {ingest.SHAPE_NAMES[checked.shape]}")
        if said:
            print(said)
        if not checked.ok:
            raise ingest.ImportRejected(checked)
        result = ingest.apply_any(checked, path, args.user, _progress_printer())  # type: ignore[arg-type]
    except ingest.ImportRejected as exc:
        if args.report:
            table = fmt.spreadsheet_safe(ingest.problems_frame(exc.checked.problems))  # no =HYPERLINK(…)
            Path(args.report).write_bytes(table.to_csv(index=False).encode("utf-8-sig"))
            print(f"Daftar masalah: {args.report}", file=sys.stderr)
        raise
    for name, column in checked.mapped.items():
        if name != column:
            print(f"kolom {name!r} dibaca sebagai {column!r}")
    for problem in checked.warnings:
        print(f"peringatan: {problem}")
    print(
        f"Impor #{result.import_id}: {result.added} baris baru, {result.changed} baris diganti, "
        f"{result.kampung_added} Kampung KB baru, {result.synthetic_removed} Kampung KB sintetis dihapus. "
        f"Cadangan: {result.backup}"
    )
    return 0


def _cmd_undo(args: argparse.Namespace) -> int:
    from kkb import ingest

    path = Path(args.db) if args.db else publish.primary()  # behind nginx, the primary file
    undone = ingest.undo(path)
    if undone.swept.paths:
        print(undone.swept)
    print(undone)
    return 0


def _cmd_clear_demo(args: argparse.Namespace) -> int:
    from kkb import ingest
    from kkb.regions import level_of

    if args.region != "ID" and level_of(args.region) not in (1, 2):
        raise KkbError(f"wilayah {args.region!r}: pakai kode provinsi (36), kab/kota (36.04) atau ID")
    path = Path(args.db) if args.db else publish.primary()  # behind nginx, the primary file
    result = ingest.clear_synthetic(path, args.region, args.user, _progress_printer())  # type: ignore[arg-type]
    print(f"{result.synthetic_removed} Kampung KB sintetis dihapus. Cadangan: {result.backup}")
    return 0


def _cmd_publish(args: argparse.Namespace) -> int:
    from kkb.ingest import backups

    path = Path(args.db) if args.db else publish.primary()
    targets = [Path(p) for p in args.to] if args.to else publish.copies()
    if not targets:
        raise KkbError(f"tidak ada salinan untuk diisi: sebut --to BERKAS … atau ${publish.ENV_COPIES}")
    db.connect(path).close()  # a file that does not open is not copied to every server
    with backups.writer_lock(path):
        for target in publish.publish(path, targets):
            print(f"Disalin ke {target}")
    return 0


def _cmd_template(args: argparse.Namespace) -> int:
    from kkb import ingest

    write = ingest.write_targets_template if args.targets else ingest.write_template
    print(f"Templat impor: {write(Path(args.out))}")
    return 0


def _cmd_hash_password(args: argparse.Namespace) -> int:
    import getpass

    from kkb import auth

    password = sys.stdin.readline().rstrip("\n") if args.stdin else getpass.getpass("Kata sandi admin: ")
    if not password.strip():
        raise KkbError("kata sandi kosong: ketik kata sandi admin yang akan dipakai untuk masuk")
    print(auth.make_hash(password))
    print(
        f'Simpan sebagai {auth.ENV}=... atau admin_password_hash = "..." di .streamlit/secrets.toml',
        file=sys.stderr,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m kkb", description="Kampung KB Dashboard")
    sub = parser.add_subparsers(dest="command", required=True)
    db_help = "berkas DuckDB (bawaan: $KKB_DB atau data/kkb.duckdb)"

    p = sub.add_parser("build", help="buat berkas DuckDB dari data/ (wilayah, target, data sintetis)")
    p.add_argument("--db", help=db_help)
    p.add_argument("--provinces", help="hanya provinsi ini untuk data sintetis, mis. 36,14")
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("info", help="tampilkan isi berkas DuckDB")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=_cmd_info)

    from kkb.classification import DEFAULT_METHOD, METHODS

    p = sub.add_parser("classify", help="klasifikasikan baris snapshot dari CSV ke stdout")
    p.add_argument("input", help="berkas CSV dengan kolom SPEC §4.1")
    p.add_argument("--method", default=DEFAULT_METHOD, choices=sorted(METHODS))
    p.set_defaults(func=_cmd_classify)

    region_help = "kode wilayah Kemendagri, mis. 36 atau 36.04; ID = nasional"
    p = sub.add_parser("summary", help="metrik satu wilayah sebagai tabel")
    p.add_argument("--region", required=True, help=region_help)
    p.add_argument("--periode", help="YYYY-MM (bawaan: periode data terakhir)")
    p.add_argument("--method", default=DEFAULT_METHOD, choices=sorted(METHODS))
    p.add_argument("--db", help=db_help)
    p.add_argument("--lang", default="id", choices=["id", "en"], help="bahasa tabel: id atau en")
    p.set_defaults(func=_cmd_summary)

    p = sub.add_parser("paparan", help="buat bahan paparan (PPTX dan/atau PDF) satu wilayah")
    p.add_argument("--region", required=True, help=region_help)
    p.add_argument("--periode", help="YYYY-MM (bawaan: periode data terakhir)")
    p.add_argument("--out", action="append", help="berkas .pptx atau .pdf (boleh dua kali: keduanya)")
    p.add_argument("--each", choices=["kabkota", "provinsi"], help="satu paket per kab/kota atau provinsi")
    p.add_argument("--out-dir", help="folder untuk paket per wilayah (dengan --each) dan zip-nya")
    p.add_argument(
        "--format",
        action="append",
        choices=["pptx", "pdf"],
        help="dengan --each: pptx, pdf (bawaan: keduanya)",
    )
    p.add_argument("--banding", help="kode wilayah pembanding (bawaan: wilayah satu tingkat di atasnya)")
    p.add_argument("--lang", default="id", choices=["id", "en"], help="bahasa bahan paparan")
    p.add_argument("--method", default=DEFAULT_METHOD, choices=sorted(METHODS))
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=_cmd_paparan)

    p = sub.add_parser("import", help="impor berkas CSV/Excel ke basis data (semua atau tidak sama sekali)")
    p.add_argument(
        "file",
        help="berkas CSV atau .xlsx: templat impor, target, tabel statistik portal, daftar Kampung KB portal",
    )
    p.add_argument("--db", help=db_help)
    p.add_argument("--user", default=os.environ.get("USER", "cli"), help="nama yang dicatat di log impor")
    p.add_argument("--report", help="tulis daftar masalah ke CSV ini bila berkas ditolak")
    p.add_argument(
        "--periode", help="bulan yang digambarkan berkas tanpa periode (tabel statistik portal), YYYY-MM"
    )
    p.add_argument("--tahun", help="tahun bulan-bulan rekap bulanan SIGA (BULAN tanpa tahun), YYYY")
    p.add_argument("--poktan", help="jenis poktan rekap poktan SIGA: BKB, BKR, BKL, UPPKA atau PIK-R")
    p.set_defaults(func=_cmd_import)

    p = sub.add_parser("undo", help="batalkan impor terakhir (kembalikan cadangan terbaru)")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=_cmd_undo)

    p = sub.add_parser("clear-demo", help="hapus data sintetis satu wilayah (dapat dibatalkan dengan undo)")
    p.add_argument("--region", required=True, help="kode provinsi atau kab/kota, atau ID untuk semua")
    p.add_argument("--db", help=db_help)
    p.add_argument("--user", default=os.environ.get("USER", "cli"), help="nama yang dicatat di log")
    p.set_defaults(func=_cmd_clear_demo)

    p = sub.add_parser("publish", help="salin basis data utama ke salinan setiap server di belakang nginx")
    primary_help = f"berkas utama (bawaan: ${publish.ENV_PRIMARY}, $KKB_DB atau data/kkb.duckdb)"
    p.add_argument("--db", help=primary_help)
    p.add_argument("--to", nargs="+", help=f"salinan tujuan (bawaan: ${publish.ENV_COPIES})")
    p.set_defaults(func=_cmd_publish)

    p = sub.add_parser("template", help="tulis templat impor (CSV, atau .xlsx dengan lembar petunjuk)")
    p.add_argument("out", help="berkas tujuan, .csv atau .xlsx")
    p.add_argument("--targets", action="store_true", help="templat target dan angka terbitan")
    p.set_defaults(func=_cmd_template)

    p = sub.add_parser("hash-password", help="buat hash kata sandi admin untuk impor lewat web")
    p.add_argument("--stdin", action="store_true", help="baca kata sandi dari stdin")
    p.set_defaults(func=_cmd_hash_password)

    args = parser.parse_args(argv)
    lang = getattr(args, "lang", "id")
    try:
        status = int(args.func(args))
        sys.stdout.flush()  # here, where a closed pipe can be caught, not at the interpreter's exit
        return status
    except BrokenPipeError:  # the reader stopped early (``… | head``): say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KkbError as exc:  # what the problem is stays in Indonesian (kkb's own sentences)
        print(f"{t('cli_error', lang)}: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:  # e.g. no Chromium to draw charts with
        print(f"{t('cli_error', lang)}: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("\n" + t("cli_interrupted", lang), file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
