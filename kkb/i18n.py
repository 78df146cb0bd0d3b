"""Every UI string, Bahasa Indonesia first, English second: ``t(key, lang, **values)``.

Words only: this room imports nothing of the rules. The sentences that need the rules' types (a
step to the next class, an attainment, a projection, a source line) are in ``kkb.sentences``.
"""

from __future__ import annotations

LANGS = ("id", "en")
DEFAULT_LANG = "id"

STRINGS: dict[str, tuple[str, str]] = {
    # app and navigation
    "app_title": ("Dasbor Kampung KB", "Kampung KB Dashboard"),
    "app_subtitle": (
        "Kampung Keluarga Berkualitas: pembentukan, klasifikasi, dan capaian target",
        "Kampung Keluarga Berkualitas: formation, classification and target attainment",
    ),
    "lang_label": ("Bahasa", "Language"),
    "region_label": ("Wilayah", "Region"),
    "cli_error": ("Kesalahan", "Error"),
    "cli_interrupted": ("Dibatalkan; berkas lama tidak diubah.", "Cancelled; the old file is unchanged."),
    "cli_pack_written": ("Bahan paparan ({n} salindia): {out}", "Briefing pack ({n} slides): {out}"),
    "province": ("Provinsi", "Province"),
    "kabkota": ("Kabupaten/kota", "Regency/city"),
    "kecamatan": ("Kecamatan", "District"),
    "all_provinces": ("Semua provinsi (nasional)", "All provinces (national)"),
    "all_kabkota": ("Semua kabupaten/kota", "All regencies/cities"),
    "all_kecamatan": ("Semua kecamatan", "All districts"),
    "periode_label": ("Periode", "Period"),
    "method_label": ("Metode klasifikasi", "Classification method"),
    "page_ringkasan": ("Ringkasan", "Overview"),
    "page_peta": ("Peta", "Map"),
    "page_perbandingan": ("Perbandingan", "Comparison"),
    "page_target": ("Target", "Targets"),
    "page_jelajah": ("Jelajah", "Explore"),
    "page_profil": ("Profil Kampung KB", "Kampung KB profile"),
    "page_metodologi": ("Metodologi & data", "Methodology & data"),
    "page_simulasi": ("Simulasi klasifikasi", "Classification simulator"),
    # events marked on time charts
    "event_legend": ("Penanda pada grafik:", "Marks on the chart:"),
    "event_inpres": (
        "pita abu-abu = tahun 2022, Inpres No. 3 Tahun 2022 (Kampung KB di setiap desa/kelurahan pada 2024)",
        "grey band = the year 2022, Inpres No. 3 of 2022 (a Kampung KB in every village by 2024)",
    ),
    "event_demo": (
        "garis titik = awal registri demo sintetis ({periode})",
        "dotted line = start of the synthetic demo registry ({periode})",
    ),
    "event_import": (
        "garis putus = periode berkas impor {periode} ({files})",
        "dashed line = periode of an imported file {periode} ({files})",
    ),
    "event_inpres_short": ("Inpres 3/2022", "Inpres 3/2022"),
    "event_demo_short": ("data demo", "demo data"),
    "event_impor_short": ("impor", "import"),
    # briefing packs for every region under one
    "bulk_progress": ("{region} ({n} dari {of})", "{region} ({n} of {of})"),
    "bulk_zipping": ("Menyatukan semua berkas dalam satu zip", "Putting every file into one zip"),
    "bulk_done": (
        "{n} paket dibuat, {skipped} wilayah dilewati",
        "{n} packs made, {skipped} regions skipped",
    ),
    "bulk_skipped_file": ("dilewati.txt", "skipped.txt"),
    "bulk_title": ("Satu paket per wilayah di bawahnya", "One pack per region below"),
    "bulk_make": ("Buat paket per {each} ({n}) dalam satu zip", "Make one pack per {each} ({n}) in one zip"),
    "bulk_each_kabkota": ("kab/kota", "regency/city"),
    "bulk_each_provinsi": ("provinsi", "province"),
    "bulk_ready": (
        "{n} paket siap ({files} berkas, {size}); {skipped} wilayah dilewati.",
        "{n} packs ready ({files} files, {size}); {skipped} regions skipped.",
    ),
    "bulk_download": ("Unduh zip", "Download the zip"),
    "bulk_skipped": ("Dilewati: {label} — {reason}", "Skipped: {label} — {reason}"),
    "bulk_cli_hint": (
        "Dari baris perintah: `python -m kkb paparan --region {code} --each {each} --periode {periode} "
        "--out-dir FOLDER`",
        "From the command line: `python -m kkb paparan --region {code} --each {each} --periode {periode} "
        "--out-dir FOLDER`",
    ),
    "cli_bulk_written": (
        "{n} paket ditulis ke {out} ({files} berkas), zip: {archive}",
        "{n} packs written to {out} ({files} files), zip: {archive}",
    ),
    "cli_bulk_skipped": ("dilewati: {label} ({code}): {reason}", "skipped: {label} ({code}): {reason}"),
    # the classification simulator
    "sim_intro": (
        "Isi atau ubah nilai sebuah Kampung KB dan lihat skor, indeks dan klasifikasinya berubah, "
        "dihitung dengan aturan portal yang sama dengan halaman Profil.",
        "Enter or change a Kampung KB's values and watch its scores, indices and class change, "
        "computed with the same portal rules as the Profile page.",
    ),
    "sim_start": ("Mulai dari Kampung KB (ID, opsional)", "Start from a Kampung KB (ID, optional)"),
    "sim_start_help": (
        "Nilai diambil dari snapshot terakhir Kampung KB ini pada periode terpilih; ubah sesuka Anda.",
        "Values are taken from this Kampung KB's latest snapshot at the chosen periode; change them freely.",
    ),
    "search_label": ("Cari Kampung KB", "Find a Kampung KB"),
    "search_placeholder": ("nama, desa, kecamatan atau kab/kota", "name, village, district or regency"),
    "search_none": (
        "Tidak ada Kampung KB yang mirip dengan “{query}”. Periksa ejaannya atau coba nama desanya.",
        "No Kampung KB is like “{query}”. Check the spelling or try its village or district name.",
    ),
    "search_found": ("{n} paling mirip:", "{n} closest:"),
    "sim_try": ("Coba ubah nilainya di Simulasi klasifikasi", "Try changing its values in the simulator"),
    "sim_reset": ("Kembalikan ke nilai awal", "Back to the starting values"),
    "sim_clear": ("Kosongkan semua", "Clear everything"),
    "sim_from": (
        "Simulasi dari {name} ({id}), snapshot {periode} ({source}); {n} nilai diubah.",
        "Simulation from {name} ({id}), snapshot {periode} ({source}); {n} value(s) changed.",
    ),
    "sim_from_blank": (
        "Simulasi dari nilai yang diisi sendiri, bukan dari data terdaftar.",
        "Simulation from values entered by hand, not from registered data.",
    ),
    "sim_changed": ("Nilai yang diubah: {fields}", "Values changed: {fields}"),
    "sim_unknown_start": (
        "Kampung KB {id} tidak ditemukan; simulasi dimulai dari nilai kosong.",
        "Kampung KB {id} was not found; the simulation starts from empty values.",
    ),
    "sim_no_snapshot": (
        "{name} belum punya snapshot pada {periode}; simulasi dimulai dari nilai kosong.",
        "{name} has no snapshot by {periode}; the simulation starts from empty values.",
    ),
    "sim_bad_link": (
        "Bagian tautan ini tidak terbaca dan diabaikan: {parts}",
        "These parts of the link could not be read and were left out: {parts}",
    ),
    "sim_empty_hint": (
        "Kosong = tidak dilaporkan (berbeda dengan 0: unmet need kosong berskor 1, unmet need 0 berskor 4).",
        "Empty = not reported (not the same as 0: an empty unmet need scores 1, a reported 0 scores 4).",
    ),
    "sim_result": ("Hasil simulasi", "Simulation result"),
    "sim_pass": ("lulus", "passes"),
    "sim_fail": ("belum lulus", "does not pass"),
    "sim_index_of": ("{value} ({verdict}, batas 3,00)", "{value} ({verdict}, pass mark 3.00)"),
    "sim_scores_title": ("Skor 12 indikator (simulasi)", "The twelve scores (simulation)"),
    "sim_plan_pdf": ("Unduh rencana (PDF)", "Download the plan (PDF)"),
    "sim_plan_title": ("Rencana menuju kelas berikutnya", "Plan towards the next class"),
    "sim_plan_notes": (
        "Catatan rapat Pokja: siapa, apa, kapan",
        "Notes of the Pokja meeting: who, what, by when",
    ),
    "sim_plan_made": ("Dibuat {date} dengan Dasbor Kampung KB", "Made {date} with the Kampung KB Dashboard"),
    "sim_group_pokja": ("Pokja", "Working group (Pokja)"),
    "sim_group_sumber_dana": ("Sumber dana", "Funding sources"),
    "sim_group_poktan": ("Poktan yang ada", "Activity groups that exist"),
    "sim_group_sarana": ("Sarana", "Facilities"),
    "sim_group_pkb": ("PKB/PLKB dan regulasi", "Field officer and regulation"),
    "sim_group_penggunaan_data": ("Penggunaan data", "Use of data"),
    "sim_group_mekanisme_operasional": ("Mekanisme operasional", "Operational mechanisms"),
    "sim_group_lintas_sektor": ("Lintas sektor", "Cross-sector"),
    "sim_group_partisipasi_poktan": ("Sasaran dan peserta poktan", "Poktan target families and members"),
    "sim_group_cpr": ("PUS dan peserta KB per metode (CPR, MKJP)", "Couples and users by method (CPR, MKJP)"),
    "sim_group_unmet_need": ("PUS tidak ber-KB (unmet need)", "Couples not using (unmet need)"),
    "compare_synthetic": ("Sintetis di sini: {regions}.", "Synthetic here: {regions}."),
    "synthetic_notice": (
        "Data sintetis: registri demo buatan di atas 83.762 desa/kelurahan nyata, dikalibrasi ke angka "
        "terbitan resmi. Bukan data resmi Kampung KB.",
        "Synthetic data: a made-up demo registry over the real 83,762 villages, calibrated to published "
        "figures. Not official Kampung KB data.",
    ),
    "as_of": ("Data per {periode}", "Data as of {periode}"),
    "source_caption": (
        "Sumber: {source} · data per {periode} · metode {method}",
        "Source: {source} · data as of {periode} · method {method}",
    ),
    "source_demo": ("registri demo sintetis", "synthetic demo registry"),
    "source_registry": ("registri Kampung KB", "Kampung KB registry"),
    "source_import": ("{shape} (impor #{id}, {file}, {when})", "{shape} (import #{id}, {file}, {when})"),
    "source_import_periode": (
        "{shape}, periode {periode} (impor #{id}, {file}, {when})",
        "{shape}, periode {periode} (import #{id}, {file}, {when})",
    ),
    "shape_rekap_siga": ("New SIGA, rekap Kampung KB per desa", "New SIGA, Kampung KB recap per village"),
    "shape_rekap_siga_bulanan": ("New SIGA, rekap bulanan per desa", "New SIGA, monthly recap per village"),
    "shape_rekap_siga_poktan": (
        "New SIGA, rekap bulanan poktan dan Rumah DataKu per desa",
        "New SIGA, monthly poktan and Rumah DataKu recap per village",
    ),
    "shape_klasifikasi_portal": (
        "Portal Kampung KB, rekap klasifikasi (admin)",
        "Kampung KB portal, classification export (admin)",
    ),
    "printed_class": ("Kelas tercetak", "Printed class"),
    "printed_class_help": (
        "Kelas seperti dicetak berkas sumber, bila berkas itu memberi kelas",
        "The class as the source file printed it, where the file gives one",
    ),
    "printed_differs": (
        "Berkas sumber mencetak kelas **{printed}** (indeks {printed_indices}); aturan portal dari 12 skor "
        "yang sama memberi **{ours}** (indeks {indices}). Keduanya disimpan: metode *impor* memakai kelas "
        "tercetak.",
        "The source file printed the class **{printed}** (indices {printed_indices}); the portal's rules "
        "give **{ours}** for the same 12 scores (indices {indices}). Both are kept: the *impor* method "
        "uses the printed class.",
    ),
    "dq_unknown": (
        "Tidak dapat diperiksa: sumber laporan ini memberi skor, bukan angka mentah indikator.",
        "Cannot be checked: this report's source gives scores, not the indicators' raw figures.",
    ),
    "values_unknown": (
        "Angka mentah indikator tidak ada di sumber laporan ini; skor seperti dicetak sumbernya.",
        "The indicators' raw figures are not in this report's source; scores as the source printed them.",
    ),
    "shape_statistik_portal": (
        "Portal Kampung KB, statistik klasifikasi",
        "Kampung KB portal, classification statistics",
    ),
    "source_label": ("Sumber", "Source"),
    "context_label": ("Sumber konteks KB", "Family-planning context source"),
    "context_title": ("Konteks KB (New SIGA)", "Family-planning context (New SIGA)"),
    "published_title": ("Konteks provinsi: angka terbit", "Province context: published figures"),
    "published_indicator": ("Indikator", "Indicator"),
    "published_instrument": ("Instrumen", "Instrument"),
    "published_year": ("Tahun", "Year"),
    "published_source": ("Dibaca dari", "Read from"),
    "published_link": ("Tautan", "Link"),
    "published_stunting": ("Prevalensi stunting balita (%)", "Stunting among under-fives (%)"),
    "published_tfr": ("Angka kelahiran total (TFR)", "Total fertility rate (TFR)"),
    "published_note": (
        "Tiap baris satu instrumen (survei SSGI, SKI, Long Form SP2020): angka dari instrumen berbeda "
        'tidak sebanding dan tidak digambar pada satu sumbu. "tidak ada data": tidak ada angka terbit '
        "yang ditemukan, bukan nol.",
        "Each row is one instrument (the SSGI and SKI surveys, the SP2020 Long Form): figures of different "
        'instruments are not comparable and are never drawn on one axis. "no data": no published '
        "figure was found, not zero.",
    ),
    "pack_context": ("Konteks KB {region} (New SIGA)", "Family-planning context of {region} (New SIGA)"),
    "pack_context_group": ("Kelompok desa", "Villages"),
    "context_compare_title": (
        "Konteks KB (New SIGA): CPR, mCPR, MKJP dan unmet need, sampai {periode}",
        "Family-planning context (New SIGA): CPR, mCPR, MKJP and unmet need, up to {periode}",
    ),
    "context_missing_some": (
        "Belum ada angka New SIGA sampai {periode} untuk: {regions}.",
        "No New SIGA figures up to {periode} yet for: {regions}.",
    ),
    "cpr": ("CPR (New SIGA)", "CPR (New SIGA)"),
    "mcpr": ("mCPR (New SIGA)", "mCPR (New SIGA)"),
    "mkjp": ("MKJP (New SIGA)", "MKJP (New SIGA)"),
    "unmet_need_persen": ("Unmet need (New SIGA)", "Unmet need (New SIGA)"),
    "context_desa_title": ("Konteks KB desa {desa} (New SIGA)", "Family planning in {desa} (New SIGA)"),
    "context_desa_missing": (
        "Belum ada angka New SIGA untuk desa {desa} sampai {periode}.",
        "No New SIGA figures for {desa} up to {periode} yet.",
    ),
    "context_desa_chart": (
        "CPR dan unmet need desa {desa} per bulan",
        "CPR and unmet need of {desa} by month",
    ),
    "context_desa_source": ("{system}, sampai {last}", "{system}, up to {last}"),
    "context_desa_pus": ("PUS {periode}: {pus}", "PUS {periode}: {pus}"),
    "context_missing": (
        "Belum ada angka konteks KB dari New SIGA untuk {region} sampai {periode}. Impor rekap bulanan "
        "SIGA (PUS dan unmet need, peserta KB per metode) di halaman Kelola data.",
        "No New SIGA family-planning figures for {region} up to {periode} yet. Import SIGA's monthly "
        "recaps (PUS and unmet need, users by method) on the Manage data page.",
    ),
    "context_division": ("{top} ÷ {bottom}", "{top} ÷ {bottom}"),
    "context_desa": ("{n} desa", "{n} villages"),
    "context_as_of": ("bulan terakhir yang ada sampai {asked}", "the latest month there is up to {asked}"),
    "context_no_groups": (
        "Semua desa {region} yang melapor ke New SIGA punya Kampung KB, atau tidak satu pun: tidak ada "
        "kelompok pembanding.",
        "Every village of {region} reporting to New SIGA has a Kampung KB, or none does: there is no group "
        "to compare with.",
    ),
    "context_with": ("Desa dengan Kampung KB ({n})", "Villages with a Kampung KB ({n})"),
    "context_desa_metric": ("Warnai desa menurut", "Colour the villages by"),
    "context_desa_map": (
        "{metric} per desa, {region}, {periode}",
        "{metric} by village, {region}, {periode}",
    ),
    "context_desa_map_note": (
        "{n} dari {total} desa/kelurahan punya angka ini di New SIGA; yang lain tidak digambar.",
        "{n} of {total} villages have this figure in New SIGA; the others are not drawn.",
    ),
    "context_unclassified": ("Kampung KB belum terklasifikasi ({n})", "Kampung KB not yet classified ({n})"),
    "context_classes_title": (
        "Desa menurut kelas tertinggi Kampung KB-nya · {region} · {periode}",
        "Villages by the highest class of their Kampung KB · {region} · {periode}",
    ),
    "context_classes_note": (
        "Kelas tertinggi di antara Kampung KB aktif desa itu (metode {method}). Sama seperti di atas: "
        "perbandingan kelompok, bukan bukti bahwa kelas yang lebih tinggi menyebabkan angka KB yang lebih "
        "baik.",
        "The highest class among the village's active Kampung KB (method {method}). As above: a comparison "
        "of groups, not proof that a higher class causes better family-planning figures.",
    ),
    "context_without": ("Desa tanpa Kampung KB ({n})", "Villages without a Kampung KB ({n})"),
    "context_groups_title": (
        "Desa dengan dan tanpa Kampung KB · {region} · {periode}",
        "Villages with and without a Kampung KB · {region} · {periode}",
    ),
    "context_caveat": (
        "Ini perbandingan, bukan bukti pengaruh: desa yang mendapat Kampung KB tidak dipilih secara acak, "
        "dan perbedaan dapat berasal dari hal lain (ukuran desa, akses layanan, waktu pembentukan).",
        "This is a comparison, not proof of an effect: villages did not get a Kampung KB at random, and a "
        "difference can come from other things (village size, access to services, when it was formed).",
    ),
    "context_synthetic": (
        "Kampung KB di {n} desa pembanding ini adalah data sintetis (registri demo): pengelompokan desa "
        "belum mencerminkan Kampung KB yang sebenarnya.",
        "The Kampung KB of {n} of these villages are synthetic (the demo registry): the grouping does not "
        "yet reflect real Kampung KB.",
    ),
    "context_no_data": ("tidak ada data", "no data"),
    "poktan_title": ("Poktan dan Rumah DataKu", "Poktan and Rumah DataKu"),
    "poktan_having": ("desa dengan kelompok", "villages with a group"),
    "poktan_reported": ("kelompok yang melapor", "groups reporting"),
    "poktan_chart": (
        "Poktan di {region}: desa dengan kelompok dan kelompok yang melapor",
        "Poktan in {region}: villages with a group and groups reporting",
    ),
    "poktan_note": (
        "Desa dengan kelompok: dari desa/kelurahan dalam rekap poktan itu (desa yang tidak ada dalam "
        "rekap tidak diketahui, bukan tanpa kelompok). Melapor: jumlah yang lapor ÷ jumlah yang ada, "
        "dijumlahkan dulu lalu dibagi.",
        "Villages with a group: of the villages in that poktan recap (a village missing from the recap "
        "is unknown, not without one). Reporting: groups reporting ÷ groups existing, summed first, "
        "divided last.",
    ),
    "dataku_count": ("Rumah DataKu", "Rumah DataKu"),
    "dataku_desa": ("Desa dengan Rumah DataKu", "Villages with a Rumah DataKu"),
    "dataku_desa_help": (
        "{n} dari {total} desa/kelurahan dalam rekap",
        "{n} of {total} villages in the recap",
    ),
    "dataku_with_sk": ("Rumah DataKu ber-SK", "Rumah DataKu with a decree (SK)"),
    "poktan_presence": (
        "ada di {n} dari {total} desa/kelurahan dalam rekap ({pct})",
        "in {n} of {total} villages in the recap ({pct})",
    ),
    "poktan_line": ("{n} kelompok, {having}", "{n} groups, {having}"),
    "poktan_reporting": ("{n} melapor ({pct})", "{n} reporting ({pct})"),
    "dataku_line": ("{n} Rumah DataKu, {having}", "{n} Rumah DataKu, {having}"),
    "dataku_sk": ("{n} ber-SK ({pct})", "{n} with a decree ({pct})"),
    "context_reporting": ("{n} dari {total} desa/kelurahan melapor", "{n} of {total} villages reporting"),
    "context_source": ("{system} ({files}), {periode}", "{system} ({files}), {periode}"),
    "context_none": ("{system}: tidak ada data sampai {periode}", "{system}: no data up to {periode}"),
    "import_regions": ("Wilayah", "Regions"),
    "import_recognised": ("Bentuk berkas dikenali: {shape}", "File recognised as: {shape}"),
    "import_periode": ("Periode tabel ini", "Periode of this table"),
    "import_periode_hint": (
        "Nama berkas ini menunjukkan diekspor pada {periode}: bila datanya keadaan saat itu, pilih "
        "{periode}.",
        "This file's name shows it was exported in {periode}: if its data is as of then, choose {periode}.",
    ),
    "import_periode_pick": ("pilih bulan yang digambarkan tabel", "choose the month the table describes"),
    "import_year": ("Tahun bulan-bulan rekap ini", "Year of this recap's months"),
    "import_year_pick": ("pilih tahun", "choose the year"),
    "import_poktan": ("Jenis poktan rekap ini", "Kind of poktan of this recap"),
    "import_poktan_pick": ("pilih jenis poktan", "choose the kind of poktan"),
    "import_poktan_hint": (
        "Nama berkas ini menyebut {poktan}: bila rekapnya memang rekap {poktan}, pilih {poktan}.",
        "This file's name says {poktan}: if the recap is indeed of {poktan}, choose {poktan}.",
    ),
    "import_poktan_needed": (
        "Rekap poktan SIGA tidak menyebut jenis poktannya (BKB, BKR, BKL, UPPKA, PIK-R). Pilih jenisnya; "
        "berkas baru diperiksa sesudah itu, dan jenisnya tidak pernah ditebak.",
        "New SIGA's poktan recap does not say which kind of poktan it counts (BKB, BKR, BKL, UPPKA, PIK-R). "
        "Choose the kind; the file is checked after that, and the kind is never guessed.",
    ),
    "import_year_needed": (
        "Rekap bulanan SIGA hanya menyebut nama bulan (JANUARI … DESEMBER), tanpa tahun. Pilih tahunnya; "
        "berkas baru diperiksa sesudah itu, dan tahun tidak pernah ditebak.",
        "New SIGA's monthly recap names its months only (JANUARI … DESEMBER), without a year. Choose the "
        "year; the file is checked after that, and a year is never guessed.",
    ),
    "import_periode_needed": (
        "Berkas ini tidak selalu mencantumkan tanggalnya (tabel statistik portal, rekap SIGA). Pilih "
        "periode (bulan) yang digambarkannya; berkas baru diperiksa sesudah itu.",
        "This file does not always print its date (the portal's statistics table, a SIGA recap). Choose "
        "the periode (month) it describes; the file is checked after that.",
    ),
    "only_parent_notice": (
        "Angka wilayah ini tidak diketahui: sumber datanya hanya memberi angka {parent} secara keseluruhan.",
        "This region's figures are unknown: its source gives only the totals of {parent}.",
    ),
    "before_data_notice": (
        "Data wilayah ini baru ada sejak periode {since}; angka periode sebelumnya tidak diketahui, "
        "bukan nol.",
        "This region's data starts at periode {since}; earlier figures are unknown, not zero.",
    ),
    "carried_notice": (
        "Angka dari tabel periode {periode}, periode terakhir yang dilaporkan sampai periode ini.",
        "Figures from the table of periode {periode}, the latest reported up to this periode.",
    ),
    "children_unknown_short": (
        "Angka per {level} di {region} tidak diketahui: sumber datanya hanya memberi angka {region} secara "
        "keseluruhan.",
        "The figures per {level} in {region} are unknown: its source gives only the totals of {region}.",
    ),
    "children_unknown_notice": (
        "Sumber data wilayah ini hanya memberi angka per wilayah: cakupan desa/kelurahan, laju, dan rincian "
        "wilayah di bawahnya yang tidak punya data sendiri tidak diketahui (kosong di peta dan tabel).",
        "This region's source gives totals only: village coverage, pace, and the regions below it without "
        "data of their own are unknown (blank on maps and tables).",
    ),
    "data_label": ("Data", "Data"),
    "before_data": (
        "belum ada sebelum periode {since}: angka periode ini tidak diketahui, bukan nol",
        "none before periode {since}: this periode's figures are unknown, not zero",
    ),
    "source_mixed": ("campuran: {parts}", "mixed: {parts}"),
    "shape_daftar_portal": ("Portal Kampung KB, daftar kampung", "Kampung KB portal, kampung list"),
    "shape_templat": ("templat impor", "import template"),
    "shape_target": ("templat target", "targets template"),
    "shape_impor": ("impor", "import"),
    "no_data": (
        "Belum ada Kampung KB di {region} pada periode {periode}.",
        "No Kampung KB in {region} in {periode}.",
    ),
    "no_rows": ("Tidak ada baris yang cocok dengan filter.", "No rows match the filters."),
    "download_csv": ("Unduh CSV", "Download CSV"),
    "download_xlsx": ("Unduh Excel", "Download Excel"),
    "data_table": ("Tabel data", "Data table"),
    # pages
    "first_build": (
        "Menyiapkan basis data untuk pertama kali…",
        "Preparing the database for the first time…",
    ),
    "per_year": ("dalam 1 tahun", "in 1 year"),
    "ringkasan_title": ("Ringkasan · {region}", "Overview · {region}"),
    "cakupan_help": (
        "{n} dari {of} desa/kelurahan (Kemendagri 2025) memiliki Kampung KB",
        "{n} of {of} villages (Kemendagri 2025) have a Kampung KB",
    ),
    "mandiri_plus_help": (
        "{n} dari {of} Kampung KB terklasifikasi berkelas Mandiri atau Berkelanjutan",
        "{n} of {of} classified Kampung KB are Mandiri or Berkelanjutan",
    ),
    "belum_terklasifikasi": ("Belum terklasifikasi", "Not yet classified"),
    "belum_terklasifikasi_n": ("{n} belum terklasifikasi", "{n} not yet classified"),
    "trend_title": (
        "Kampung KB menurut klasifikasi per bulan, {region}",
        "Kampung KB by class per month, {region}",
    ),
    "mix_title": ("Komposisi klasifikasi, {region}", "Class mix, {region}"),
    "mix_children_title": (
        "Komposisi klasifikasi per {level}, {region}",
        "Class mix by {level}, {region}",
    ),
    "no_classified": (
        "Belum ada Kampung KB terklasifikasi di {region} pada {periode}.",
        "No classified Kampung KB in {region} in {periode}.",
    ),
    "learned_title": (
        "Nama wilayah yang dipelajari dari berkas ({n})",
        "Region names learned from files ({n})",
    ),
    "learned_help": (
        "Ejaan nama yang ditemui di berkas berkode (rekap New SIGA) beserta kode yang ditunjuknya. Berkas "
        "tanpa kode berikutnya membaca nama itu dengan cara yang sama. Dibatalkan bersama impornya.",
        "Spellings met in files with codes (New SIGA's recap) and the code each stands for. Later files "
        "without codes read those names the same way. Undone with their import.",
    ),
    "learned_level": ("Tingkat", "Level"),
    "learned_parent": ("Di dalam", "Within"),
    "learned_name": ("Nama di berkas (dinormalkan)", "Name in the file (normalised)"),
    "learned_code": ("Kode", "Code"),
    "learned_reference": ("Nama Kemendagri 2025", "Kemendagri 2025 name"),
    "learned_file": ("Berkas", "File"),
    "level_1": ("provinsi", "province"),
    "level_2": ("kabupaten/kota", "regency/city"),
    "level_3": ("kecamatan", "district"),
    "level_4": ("desa/kelurahan", "village"),
    "rank_by": ("Urutkan menurut", "Rank by"),
    "rank_title": ("{metric} per {level}, {region}", "{metric} by {level}, {region}"),
    "leading_lagging": (
        "**Terdepan:** {leading}. **Tertinggal:** {lagging}.",
        "**Leading:** {leading}. **Lagging:** {lagging}.",
    ),
    "tied_at": ("{n} wilayah sama-sama {value}", "{n} regions tied at {value}"),
    "all_close": (
        "Semua wilayah berdekatan: {low}–{high} (selisih di bawah 1 poin); tidak ada yang disebut terdepan "
        "atau tertinggal.",
        "Every region is close: {low}–{high} (less than 1 point apart); none is called leading or lagging.",
    ),
    "spread": ("Rentang: {low}–{high} ({width}).", "Range: {low}–{high} ({width})."),
    "points": ("poin", "points"),
    "class_table_title": (
        "Jumlah Kampung KB menurut klasifikasi per {level}, {region}, {periode}",
        "Kampung KB by class per {level}, {region}, {periode}",
    ),
    "class_table_note": (
        "Seperti tabel statistik portal: jumlah dan persentase tiap kelas (dari yang terklasifikasi), "
        "baris Total adalah angka wilayah itu sendiri dan sama dengan jumlah baris di atasnya.",
        "As the portal's statistics table: each class's count and share (of those classified); the Total "
        "row is the region's own figure and equals the sum of the rows above.",
    ),
    "total": ("Total", "Total"),
    "import_number": ("Impor #", "Import #"),
    "import_shape": ("Jenis berkas", "Kind of file"),
    "imports_title": ("Data yang diimpor", "Imported data"),
    "imports_none": (
        "Belum ada impor: semua angka berasal dari registri demo sintetis.",
        "No imports yet: every figure comes from the synthetic demo registry.",
    ),
    "imports_note": (
        "Setiap impor: jenis berkasnya, periode dan wilayah yang dicakupnya, berkas, baris yang ditambah dan "
        "diganti, kapan dan oleh siapa. Keterangan "
        "sumber di bawah setiap grafik menyebut impor yang menjadi dasar angkanya.",
        "Every import: its kind of file, the periode and regions it covers, the file, the rows added and "
        "replaced, when and by whom. The source line "
        "under each chart names the imports its figures come from.",
    ),
    "shape_hapus_sintetis": ("hapus data sintetis", "synthetic data removed"),
    "link_bad_lang": (
        'Tautan meminta bahasa "{value}", yang tidak dikenal (pakai lang=id atau lang=en); ditampilkan '
        "Bahasa Indonesia.",
        'The link asks for the language "{value}", which is not known (use lang=id or lang=en); shown in '
        "Indonesian.",
    ),
    "link_bad_region": (
        'Tautan menyebut {what} "{value}", yang tidak ditemukan (yang mirip: {close}); ditampilkan: {shown}.',
        'The link names the {what} "{value}", which was not found (similar: {close}); shown: {shown}.',
    ),
    "link_bad_periode": (
        'Tautan menyebut periode "{value}", yang tidak ada dalam data ({first} s.d. {shown}); ditampilkan '
        "periode terbaru, {shown}.",
        'The link names the periode "{value}", which the data does not hold ({first} to {shown}); shown: '
        "the latest, {shown}.",
    ),
    "class_count": ("{klass} · jumlah", "{klass} · count"),
    "class_share": ("{klass} · %", "{klass} · %"),
    "all_equal": ("Semua wilayah bernilai sama: {value}.", "Every region has the same value: {value}."),
    "share_of_classified": ("% dari Kampung KB terklasifikasi", "% of classified Kampung KB"),
    "unit_kampung": ("Jumlah Kampung KB", "Number of Kampung KB"),
    "capaian_axis": ("Capaian (% dari target)", "Attainment (% of target)"),
    "aktual": ("Aktual", "Actual"),
    "target_line": ("Target", "Target"),
    "pass_line": ("batas lulus 3", "pass mark 3"),
    "skor_axis": ("Skor (1 kurang … 4 baik sekali)", "Score (1 poor … 4 very good)"),
    "capaian_persen": ("Capaian target", "Target attainment"),
    "all_classes": ("Semua kelas", "All classes"),
    "attainment_help": (
        "Nilai aktual dibagi target × 100. Sumber target di bawahnya.",
        "Actual value divided by the target × 100. The target's source is below.",
    ),
    "target_card": ("Aktual {actual} · {detail}", "Actual {actual} · {detail}"),
    "target_title": ("Target · {region}", "Targets · {region}"),
    "no_target_region": (
        "Belum ada target tercatat untuk {region}. Target yang tercatat ada di halaman Metodologi & data.",
        "No target on record for {region}. The targets on record are listed on the Methodology & data page.",
    ),
    "projection_title": (
        "{metric}: aktual, target, dan proyeksi, {region} (tenggat {deadline})",
        "{metric}: actual, target and projection, {region} (deadline {deadline})",
    ),
    "projection_note": (
        "Proyeksi: laju rata-rata 12 bulan terakhir diteruskan lurus sampai target tercapai. "
        "Target cakupan desa dihitung sebagai jumlah desa/kelurahan (persen × jumlah desa Kemendagri 2025).",
        "Projection: the average pace of the last 12 months carried forward in a straight line until the "
        "target is met. A village coverage target is counted in villages "
        "(percent × Kemendagri 2025 village count).",
    ),
    "schedule_title": ("Jadwal per {level}, {region}", "Schedule by {level}, {region}"),
    "slip_title": ("Tertinggal dari target: {level}, {region}", "Behind target: {level}, {region}"),
    "slip_summary": (
        "{n} target {level} tidak tercapai tepat waktu pada laju 12 bulan terakhir "
        "(atau tenggatnya sudah lewat).",
        "{n} {level} targets will not be met in time at the pace of the last 12 months (or are past due).",
    ),
    "slip_none": (
        "Tidak ada {level} yang tertinggal dari target pembentukan atau mandiri plus-nya.",
        "No {level} is behind its formation or mandiri plus target.",
    ),
    "slip_note": (
        "Kurang = target dikurangi capaian, dalam satuan target (Kampung KB, atau poin persen). "
        "Laju = rata-rata 12 bulan terakhir; laju perlu = kurang dibagi bulan tersisa sampai akhir "
        "tahun target.",
        "Gap = target minus the figure, in the target's unit (Kampung KB, or percentage points). "
        "Pace = the average of the last 12 months; pace needed = the gap over the months left to the end "
        "of the target year.",
    ),
    "slip_more": (
        "{n} wilayah lain juga tertinggal: daftar lengkap di halaman Target.",
        "{n} more regions are behind too: the whole list is on the Targets page.",
    ),
    "slip_passed": ("tenggat lewat", "past due"),
    "slip_per_month": ("{value}/bulan", "{value}/month"),
    "goal_pembentukan": ("Pembentukan", "Formation"),
    "goal_mandiri_plus": ("Mandiri plus", "Mandiri plus"),
    "pack_slipping": ("Wilayah yang tertinggal dari target", "Regions behind target"),
    "schedule_chart_title": (
        "Capaian target utama per {level}, {region}, {periode} (tertinggal di atas)",
        "Attainment of the main target by {level}, {region}, {periode} (behind schedule on top)",
    ),
    "schedule_summary": (
        "**{behind}** dari {total} wilayah ber-target tidak tercapai sebelum tenggatnya pada laju saat ini. "
        "Target utama: target pembentukan wilayah itu sendiri, atau target cakupan desa "
        "(juga warisan nasional).",
        "**{behind}** of {total} regions with a target will not meet it by its deadline at the current pace. "
        "Main target: the region's own formation target, else the village coverage target (also inherited).",
    ),
    "schedule_more": ("{n} wilayah lain ada di unduhan CSV.", "{n} more regions are in the CSV download."),
    "on_track": ("sesuai jadwal", "on track"),
    "behind": ("tertinggal", "behind"),
    "status": ("Status", "Status"),
    "year": ("Tahun", "Year"),
    "deadline": ("Tenggat", "Deadline"),
    "peta_title": ("Peta · {region}", "Map · {region}"),
    "up_level": ("⬆ Naik ke {region}", "⬆ Up to {region}"),
    "map_metric": ("Metrik peta", "Map metric"),
    "open_region": ("Buka {level}", "Open {level}"),
    "map_title": ("{metric} per {level}, {region}, {periode}", "{metric} by {level}, {region}, {periode}"),
    "capaian_map_note": (
        "Capaian target utama: target pembentukan wilayah itu sendiri, atau target cakupan desa "
        "(termasuk target nasional 100 % pada 2024, Inpres 3/2022).",
        "Attainment of the main target: the region's own formation target, else the village coverage target "
        "(including the national 100% by 2024 goal, Inpres 3/2022).",
    ),
    "map_click_hint": (
        "Klik wilayah pada peta untuk membukanya; wilayah kecil lebih mudah dipilih di daftar di atas. "
        "Arahkan kursor ke wilayah untuk melihat nama dan nilainya.",
        "Click a region on the map to open it; small regions are easier to pick in the list above. "
        "Hover over a region for its name and value.",
    ),
    "points_title": (
        "{n} Kampung KB menurut klasifikasi, {region}, {periode}",
        "{n} Kampung KB by class, {region}, {periode}",
    ),
    "points_note": (
        "Titik: pusat desa/kelurahan tiap Kampung KB; nama kecamatan di tengah titik-titiknya "
        "(batas kecamatan tidak tersedia). Klik sebuah titik untuk membuka profilnya.",
        "Points: the centre of each Kampung KB's village; district names sit amid their points (district "
        "boundaries are not available). Click a point to open its profile.",
    ),
    "compare_pick": ("Wilayah yang dibandingkan (2–4)", "Regions to compare (2–4)"),
    "compare_need_two": ("Pilih dua sampai empat wilayah.", "Choose two to four regions."),
    "compare_headline": ("Angka utama", "Headline figures"),
    "compare_diff_note": ("Selisih dihitung terhadap {first}.", "Differences are against {first}."),
    "selisih": ("Selisih", "Difference"),
    "metrik_col": ("Metrik", "Metric"),
    "compare_mix_title": ("Komposisi klasifikasi, {periode}", "Class mix, {periode}"),
    "per_100_toggle": ("Per 100 desa/kelurahan", "Per 100 villages"),
    "compare_formation_title": ("Pembentukan dari waktu ke waktu: {unit}", "Formation over time: {unit}"),
    "compare_targets": (
        "Capaian terhadap target masing-masing",
        "Attainment against each region's own targets",
    ),
    "compare_attainment_title": (
        "Capaian target masing-masing wilayah, {periode}",
        "Attainment of each region's own targets, {periode}",
    ),
    "compare_denominators": (
        "Target wilayah-wilayah ini tidak mengukur hal yang sama, jadi capaiannya tidak setara: {details}",
        "These regions' targets do not measure the same thing, so their attainments are not like for like: "
        "{details}",
    ),
    "jelajah_title": ("Jelajah Kampung KB · {region}", "Explore Kampung KB · {region}"),
    "formation_year": ("Tahun pencanangan", "Year declared"),
    "dq_filter": ("Kualitas data", "Data quality"),
    "dqf_semua": ("Semua", "All"),
    "dqf_ada": ("Ada catatan kualitas data", "With a data-quality flag"),
    "dqf_tidak_ada": ("Tanpa catatan", "Without flags"),
    "search": ("Cari", "Search"),
    "search_hint": ("nama, ID, desa, kecamatan…", "name, ID, village, district…"),
    "jelajah_count": (
        "{n} dari {of} Kampung KB di {region} ditampilkan.",
        "Showing {n} of {of} Kampung KB in {region}.",
    ),
    "jelajah_first_rows": (
        "Tabel memuat {n} baris pertama (urut kode desa) dari {of} yang cocok, agar halaman tetap cepat; "
        "pengurutan berlaku pada baris itu saja. Persempit dengan wilayah atau filter, atau unduh CSV "
        "untuk semuanya.",
        "The table holds the first {n} rows (by village code) of the {of} that match, so the page stays "
        "fast; sorting applies to those rows only. Narrow it by region or filters, or download the CSV "
        "for all of them.",
    ),
    "jelajah_hint": (
        "Klik judul kolom untuk mengurutkan; pilih satu baris untuk membuka profilnya.",
        "Click a column header to sort; select a row to open its profile.",
    ),
    "kampung_name": ("Nama Kampung KB", "Kampung KB name"),
    "desa": ("Desa/kelurahan", "Village"),
    "dq_count": ("Catatan DQ", "DQ flags"),
    "dq_count_help": ("Jumlah catatan kualitas data", "Number of data-quality flags"),
    "open_profile": ("Buka profil: {name}", "Open profile: {name}"),
    "xlsx_too_many": (
        "Excel tersedia sampai 20.000 baris; persempit filter atau unduh CSV.",
        "Excel is offered up to 20,000 rows; narrow the filters or download CSV.",
    ),
    "short_pokja": ("Pokja", "Pokja"),
    "short_sumber_dana": ("Dana", "Funds"),
    "short_poktan": ("Poktan", "Poktan"),
    "short_sarana": ("Sarana", "Facil."),
    "short_pkb": ("PKB", "PKB"),
    "short_penggunaan_data": ("Data", "Data"),
    "short_mekanisme_operasional": ("Mekop", "Mechan."),
    "short_lintas_sektor": ("Lintas", "Cross"),
    "short_partisipasi_poktan": ("Part.", "Part."),
    "short_cpr": ("CPR", "CPR"),
    "short_mkjp": ("MKJP", "MKJP"),
    "short_unmet_need": ("Unmet", "Unmet"),
    "kampung_id": ("ID Kampung KB", "Kampung KB ID"),
    "kampung_pick": ("Atau pilih Kampung KB di {region}", "Or choose a Kampung KB in {region}"),
    "profil_empty": (
        "Cari Kampung KB dengan nama, desa, kecamatan atau kab/kotanya (salah ketik tidak apa), masukkan "
        "ID-nya, pilih satu baris di halaman Jelajah, atau pilih kabupaten/kota di samping.",
        "Find a Kampung KB by its name, village, district or regency (typos are fine), enter its ID, "
        "select a row on the Explore page, or choose a regency/city in the sidebar.",
    ),
    "profil_unknown": ("Tidak ada Kampung KB dengan ID {id}.", "There is no Kampung KB with ID {id}."),
    "profil_identity": (
        "**ID** {id} · **Lokasi** {place} ({code}) · **Dicanangkan** {date} · **Cakupan** {scope} · "
        "**Sumber** {source}",
        "**ID** {id} · **Location** {place} ({code}) · **Declared** {date} · **Scope** {scope} · "
        "**Source** {source}",
    ),
    "profil_no_snapshot": (
        "Kampung KB ini belum punya laporan pada atau sebelum {periode}.",
        "This Kampung KB has no report on or before {periode}.",
    ),
    "profil_snapshot_of": ("Laporan terakhir: {periode}", "Latest report: {periode}"),
    "indeks_input": ("Indeks input", "Input index"),
    "indeks_proses": ("Indeks proses", "Process index"),
    "indeks_output": ("Indeks output", "Output index"),
    "history_title": ("Riwayat klasifikasi, {name}", "Class history, {name}"),
    "location_title": ("Lokasi di {region}", "Location in {region}"),
    "scores_title": ("12 skor indikator, {name}, {periode}", "The 12 indicator scores, {name}, {periode}"),
    "path_title": ("Jalan ke kelas berikutnya", "The path to the next class"),
    "path_note": (
        "Rencana ini menghitung tiap indikator secara terpisah: misalnya, menambah peserta KB jangka pendek "
        "untuk menaikkan CPR dapat menurunkan persentase MKJP.",
        "This plan treats each indicator on its own: for example, adding short-method users to raise CPR can "
        "lower the MKJP share.",
    ),
    "dq_title": ("Catatan kualitas data", "Data-quality flags"),
    "dq_none": ("Tidak ada catatan kualitas data pada laporan ini.", "No data-quality flags on this report."),
    "synthetic_more": (
        "Registri demo dibuat dengan benih acak tetap; kelas tiap Kampung KB dihitung mesin klasifikasi dari "
        "isian mentahnya, seperti data nyata.",
        "The demo registry is made with a fixed random seed; each Kampung KB's class is computed by the "
        "classification engine from its raw fields, as for real data.",
    ),
    "data_state": (
        "**Data per** {as_of} · **dibuat** {built} · **{n} Kampung KB** · **wilayah** {reference}",
        "**Data as of** {as_of} · **built** {built} · **{n} Kampung KB** · **regions** {reference}",
    ),
    "method_classes": ("Bagaimana kelas dihitung", "How the class is computed"),
    "method_intro": (
        "Metode **{name}**. Tiap indikator diberi skor 1 (kurang) sampai 4 (baik sekali) menurut rentang "
        "nilainya. Indeks sebuah dimensi adalah rata-rata skor indikatornya (2 desimal); dimensi **lulus** "
        "bila indeksnya paling sedikit {passmark}. Kelas ditentukan oleh dimensi yang lulus.",
        "Method **{name}**. Each indicator gets a score from 1 (poor) to 4 (very good) by the range its "
        "value falls in. A dimension's index is the mean of its indicators' scores (2 decimals); a dimension "
        "**passes** when its index is at least {passmark}. The class follows from which dimensions pass.",
    ),
    "bands_title": ("Rentang nilai tiap skor", "Value range of each score"),
    "bands_note": (
        "Tabel ini dibaca langsung dari mesin klasifikasi (kkb.indicators.INDICATORS). Persentase "
        "dibulatkan ke bilangan bulat terdekat (setengah ke genap) seperti di portal.",
        "This table is read straight from the classification engine (kkb.indicators.INDICATORS). "
        "Percentages are rounded to whole numbers (half to even) as the portal does.",
    ),
    "indikator": ("Indikator", "Indicator"),
    "dimensi": ("Dimensi", "Dimension"),
    "skor_1_label": ("Skor 1", "Score 1"),
    "skor_2_label": ("Skor 2", "Score 2"),
    "skor_3_label": ("Skor 3", "Score 3"),
    "skor_4_label": ("Skor 4", "Score 4"),
    "decision_title": ("Dari dimensi yang lulus ke kelas", "From passing dimensions to the class"),
    "decision_note": (
        "Dihitung dengan menjalankan aturan kelas mesin klasifikasi pada tiap kombinasi lulus/tidak lulus.",
        "Computed by running the engine's class rule on every pass/fail combination.",
    ),
    "passes": ("lulus", "passes"),
    "fails": ("tidak lulus", "fails"),
    "method_title_portal-2021": ("Portal Kampung KB (12 indikator)", "Kampung KB portal (12 indicators)"),
    "method_desc_portal-2021": (
        "Perhitungan portal kampungkb.bkkbn.go.id: 12 indikator, 3 indeks, kelas dari dimensi yang lulus.",
        "The computation of the kampungkb.bkkbn.go.id portal: 12 indicators, 3 indices, the class from "
        "the dimensions that pass.",
    ),
    "method_title_impor": ("Klasifikasi impor", "Imported classification"),
    "method_desc_impor": (
        "Kelas diambil apa adanya dari data yang diimpor (Paripurna → Berkelanjutan).",
        "The class is taken as it stands in the imported data (Paripurna → Berkelanjutan).",
    ),
    "methods_title": ("Metode yang tersedia", "Available methods"),
    "metrics_title": ("Definisi metrik", "Metric definitions"),
    "def_pembentukan": (
        "Kampung KB aktif yang dicanangkan sampai akhir periode.",
        "Active Kampung KB declared by the end of the period.",
    ),
    "def_cakupan_desa_persen": (
        "Desa/kelurahan yang memiliki minimal satu Kampung KB ÷ jumlah desa/kelurahan Kemendagri 2025 × 100.",
        "Villages with at least one Kampung KB ÷ the Kemendagri 2025 village count × 100.",
    ),
    "def_cakupan_kec_persen": (
        "Kecamatan yang memiliki minimal satu Kampung KB ÷ jumlah kecamatan × 100.",
        "Districts with at least one Kampung KB ÷ the district count × 100.",
    ),
    "def_mandiri_plus_persen": (
        "Kampung KB berkelas Mandiri atau Berkelanjutan ÷ Kampung KB terklasifikasi × 100.",
        "Kampung KB classed Mandiri or Berkelanjutan ÷ classified Kampung KB × 100.",
    ),
    "def_per_100_desa": (
        "Kampung KB terbentuk ÷ jumlah desa/kelurahan × 100; membandingkan wilayah besar dan kecil.",
        "Kampung KB formed ÷ village count × 100; compares large and small regions.",
    ),
    "def_capaian_persen": (
        "Nilai aktual ÷ target × 100. Target wilayah itu sendiri untuk tahun itu, atau tahun terdekat "
        "sesudahnya, atau terakhir sebelumnya; hanya target cakupan nasional yang berlaku juga untuk "
        "wilayah di bawahnya.",
        "Actual ÷ target × 100. The region's own target for that year, else the nearest later year, else the "
        "latest earlier one; only the national coverage target also applies to the regions below.",
    ),
    "def_laju": (
        "Rata-rata Kampung KB baru per bulan selama 12 bulan terakhir.",
        "Average new Kampung KB per month over the last 12 months.",
    ),
    "def_proyeksi": (
        "Bulan target tercapai bila laju saat ini bertahan; dibandingkan dengan akhir tahun target.",
        "The month the target is met if the current pace holds, compared with the end of the target year.",
    ),
    "sources_title": ("Sumber", "Sources"),
    "sources_reference": (
        "Kode dan nama wilayah: Kepmendagri No. 300.2.2-2430 Tahun 2025, dengan batas wilayah yang "
        "disederhanakan (atribusi lengkap di `data/README.md`). Target dan angka terbitan resmi, "
        "masing-masing dengan sumbernya:",
        "Region codes and names: Kepmendagri No. 300.2.2-2430 of 2025, with simplified boundaries (full "
        "attribution in `data/README.md`). Targets and published figures, each with its source:",
    ),
    "link": ("Tautan", "Link"),
    "copy_link": ("Salin tautan", "Copy link"),
    "copy_link_hint": (
        "Tautan ini membuka tampilan yang sama (bahasa, wilayah, periode, pilihan halaman) di peramban lain.",
        "This link opens the same view (language, region, periode, page choices) in another browser.",
    ),
    "present_start": ("Mode presentasi", "Presentation mode"),
    "present_keys": (
        "Tombol: → / PageDown / Spasi berikutnya, ← / PageUp sebelumnya, Esc keluar.",
        "Keys: → / PageDown / Space next, ← / PageUp previous, Esc exit.",
    ),
    "pack_waiting": ("Menunggu giliran…", "Waiting for its turn…"),
    "pack_writing": ("Menulis PPTX dan PDF…", "Writing the PPTX and the PDF…"),
    "pack_failed": (
        "Bahan paparan gagal dibuat ({error}). Coba lagi.",
        "The pack could not be made ({error}). Try again.",
    ),
    "pack_running": (
        "Bahan paparan sedang dibuat; menekan tombol lagi tidak memulai yang kedua.",
        "The pack is being made; pressing the button again does not start a second one.",
    ),
    "pembentukan_help_short": ("aktif, dicanangkan s.d. periode ini", "active, declared by this periode"),
    "share_axis": ("Persentase", "Percentage"),
    "present_prev": ("Sebelumnya", "Previous"),
    "present_next": ("Berikutnya", "Next"),
    "present_exit": ("Keluar", "Exit"),
    "present_attainment_title": (
        "Capaian target, {region}, {periode}",
        "Target attainment, {region}, {periode}",
    ),
    "synthetic_short": (
        "Data sintetis (registri demo), bukan data resmi Kampung KB.",
        "Synthetic data (demo registry), not official Kampung KB data.",
    ),
    # chart and table export (#6)
    "download_png": ("PNG (2×)", "PNG (2×)"),
    "download_svg": ("SVG", "SVG"),
    "export_unavailable": (
        "Grafik tidak dapat digambar ke berkas di server ini: Chromium tidak terpasang "
        "(Debian: apt install chromium, atau tetapkan BROWSER_PATH).",
        "Charts cannot be drawn to files on this server: Chromium is not installed "
        "(Debian: apt install chromium, or set BROWSER_PATH).",
    ),
    "export_fallback": (
        "Unduhan PNG/SVG dari server tidak tersedia (Chromium tidak terpasang). Gunakan ikon kamera di "
        "bilah alat grafik untuk mengunduh PNG dari peramban.",
        "PNG/SVG downloads from the server are unavailable (Chromium is not installed). Use the camera "
        "icon in the chart's toolbar to download a PNG from the browser.",
    ),
    "excel_about_sheet": ("keterangan", "about"),
    "excel_title": ("Judul", "Title"),
    "excel_source": ("Sumber", "Source"),
    "excel_made": ("Dibuat", "Made"),
    # briefing pack (#6)
    "page_paparan": ("Bahan paparan", "Briefing pack"),
    "pack_title": ("Bahan paparan Kampung KB", "Kampung KB briefing pack"),
    "pack_intro": (
        "Satu klik menyiapkan bahan paparan untuk wilayah dan periode di bilah samping: berkas PowerPoint "
        "(PPTX) yang dapat disunting dan PDF yang siap dibagikan. Isinya: sampul, angka utama, peta, "
        "komposisi kelas dan trennya, capaian target dengan proyeksi, perbandingan dengan wilayah "
        "pembanding, Kampung KB yang paling dekat ke kelas berikutnya, serta sumber dan metode.",
        "One click prepares a briefing pack for the region and periode in the sidebar: an editable "
        "PowerPoint deck (PPTX) and a PDF ready to share. It holds a cover, the headline figures, the map, "
        "the class mix and its trend, target attainment with the projection, a comparison with a peer "
        "region, the Kampung KB closest to the next class, and the sources and method.",
    ),
    "pack_peer_pick": ("Wilayah pembanding", "Peer region"),
    "pack_peer_default": ("{region} (satu tingkat di atas)", "{region} (one level up)"),
    "pack_make": ("Buat bahan paparan", "Make the briefing pack"),
    "pack_download_pptx": ("Unduh PPTX", "Download PPTX"),
    "pack_download_pdf": ("Unduh PDF", "Download PDF"),
    "pack_ready": ("Bahan paparan siap: {n} salindia.", "The briefing pack is ready: {n} slides."),
    "pack_preview": ("Isi salindia", "Slides"),
    "pack_cli_hint": (
        "Dari baris perintah: `python -m kkb paparan --region {code} --periode {periode} --out paparan.pptx`",
        "From the command line: `python -m kkb paparan --region {code} --periode {periode} --out pack.pptx`",
    ),
    "pack_map": ("Peta", "Map"),
    "pack_trend": ("Tren klasifikasi", "Classification trend"),
    "pack_mix": ("Komposisi kelas per wilayah", "Class mix by region"),
    "pack_attainment": ("Capaian terhadap target", "Attainment against targets"),
    "pack_projection": ("Laju dan proyeksi", "Pace and projection"),
    "pack_peer": ("Perbandingan", "Comparison"),
    "pack_peer_title": ("{region} dibandingkan dengan {peer}", "{region} compared with {peer}"),
    "pack_peer_mix": ("Komposisi kelas: {region} dan {peer}", "Class mix: {region} and {peer}"),
    "pack_closest": ("Kampung KB terdekat ke kelas berikutnya", "Kampung KB closest to the next class"),
    "pack_closest_title": (
        "Kampung KB terdekat ke kelas berikutnya, {region}",
        "Kampung KB closest to the next class, {region}",
    ),
    "pack_closest_none": (
        "Tidak ada Kampung KB terklasifikasi yang dapat naik kelas pada periode ini.",
        "No classified Kampung KB can move up a class at this periode.",
    ),
    "pack_closest_note": (
        "Diurutkan menurut jumlah indikator yang perlu dinaikkan (paling sedikit dahulu), lalu indeks "
        "tertinggi. Rencana dihitung dengan aturan klasifikasi portal yang sama dengan dasbor.",
        "Ordered by how many indicators must rise (fewest first), then by the highest indices. The plans use "
        "the same portal classification rules as the dashboard.",
    ),
    "pack_steps": ("Indikator", "Indicators"),
    "pack_raise": ("Yang perlu dinaikkan", "To raise"),
    "pack_sources": ("Sumber dan metode", "Sources and method"),
    "pack_source_data": (
        "Data: {source}, periode {periode}.",
        "Data: {source}, periode {periode}.",
    ),
    "pack_source_target": ("Target: {source}, {date} ({url})", "Target: {source}, {date} ({url})"),
    "pack_source_tool": (
        "Dibuat dengan Kampung KB Dashboard (sumber terbuka); angka dapat diperiksa ulang di dasbor.",
        "Made with the Kampung KB Dashboard (open source); every figure can be checked in the dashboard.",
    ),
    "pack_pace": ("Kampung KB baru per bulan", "New Kampung KB per month"),
    "pack_pace_detail": (
        "rata-rata 12 bulan terakhir · proyeksi: {projection}",
        "average of the last 12 months · projection: {projection}",
    ),
    "pack_headline": ("Angka utama, {region}", "Headline figures, {region}"),
    "pack_of_desa": ("{n} dari {of} desa/kelurahan", "{n} of {of} villages"),
    "pack_of_classified": ("{n} dari {of} terklasifikasi", "{n} of {of} classified"),
    "pack_classes": ("Klasifikasi: ", "Classes: "),
    "pack_cover_periode": ("Periode data: {periode}", "Data as of: {periode}"),
    "pack_cover_made": ("Dibuat: {date}", "Made: {date}"),
    "pack_cover_method": ("Metode klasifikasi: {method}", "Classification method: {method}"),
    "pack_progress": ("Menyiapkan: {what} …", "Preparing: {what} …"),
    "pack_done": ("Selesai: {n} salindia.", "Done: {n} slides."),
    "page_kelola": ("Kelola data", "Manage data"),
    "kelola_intro": (
        "Impor data Kampung KB Anda sendiri (ekspor portal, formulir SIGA, atau spreadsheet) dengan templat "
        "di bawah. Berkas diperiksa seluruhnya dulu; bila ada satu kesalahan saja, tidak ada yang ditulis. "
        "Data sintetis di kabupaten/kota yang dicakup berkas diganti oleh data Anda.",
        "Import your own Kampung KB data (portal exports, SIGA forms or spreadsheets) with the template "
        "below. The whole file is checked first; with a single error nothing is written. Synthetic rows in "
        "the regencies/cities the file covers are replaced by your data.",
    ),
    "kelola_templates": ("Templat impor", "Import template"),
    "template_csv": ("Templat CSV", "CSV template"),
    "template_xlsx": ("Templat Excel (dengan petunjuk)", "Excel template (with instructions)"),
    "template_targets_csv": ("Templat target CSV", "Targets template CSV"),
    "template_targets_xlsx": (
        "Templat target Excel (dengan petunjuk)",
        "Targets template Excel (with instructions)",
    ),
    "template_columns": ("Kolom templat dan isinya", "Template columns and what they hold"),
    "kelola_history": ("Riwayat impor", "Import history"),
    "kelola_no_imports": ("Belum ada impor.", "No imports yet."),
    "kelola_admin": ("Impor dan pembatalan (admin)", "Import and undo (admin)"),
    "admin_not_configured": (
        "Impor lewat web nonaktif karena belum ada kata sandi admin. Buat hash dengan "
        "`python -m kkb hash-password`, lalu simpan sebagai variabel lingkungan `{env}` atau "
        "`admin_password_hash` di `.streamlit/secrets.toml`. Impor lewat baris perintah tetap bisa: "
        "`python -m kkb import BERKAS`.",
        "Web import is off because no admin password is set. Make a hash with "
        "`python -m kkb hash-password`, then store it as the environment variable `{env}` or as "
        "`admin_password_hash` in `.streamlit/secrets.toml`. The command line still imports: "
        "`python -m kkb import FILE`.",
    ),
    "admin_password": ("Kata sandi admin", "Admin password"),
    "admin_login": ("Masuk", "Sign in"),
    "admin_wrong": ("Kata sandi salah.", "Wrong password."),
    "admin_locked": (
        "Terlalu banyak percobaan gagal; coba lagi dalam {seconds} detik.",
        "Too many failed attempts; try again in {seconds} seconds.",
    ),
    "import_file": ("Berkas impor (CSV atau Excel)", "Import file (CSV or Excel)"),
    "import_mapped": ("Kolom dibaca sebagai: {pairs}", "Columns read as: {pairs}"),
    "import_problems": (
        "{errors} kesalahan, {warnings} peringatan. Berkas hanya diimpor bila tidak ada kesalahan.",
        "{errors} errors, {warnings} warnings. The file is imported only when there are no errors.",
    ),
    "download_problems": ("Unduh daftar masalah (CSV)", "Download the problems (CSV)"),
    "import_ready": ("{rows} baris siap diimpor.", "{rows} rows ready to import."),
    "import_go": ("Impor sekarang", "Import now"),
    "import_done": (
        "Impor #{id} selesai: {added} baris baru, {changed} baris diganti, {removed} Kampung KB sintetis "
        "dihapus. Semua halaman kini memakai data baru.",
        "Import #{id} done: {added} new rows, {changed} rows replaced, {removed} synthetic Kampung KB "
        "removed. Every page now uses the new data.",
    ),
    "clear_title": ("Hapus data sintetis", "Remove synthetic data"),
    "clear_pick_region": (
        "Pilih provinsi atau kabupaten/kota di samping untuk menghapus data sintetisnya.",
        "Choose a province or regency/city in the sidebar to remove its synthetic data.",
    ),
    "clear_confirm": (
        "Ya, hapus semua Kampung KB sintetis di {region} (dapat dibatalkan)",
        "Yes, remove every synthetic Kampung KB in {region} (can be undone)",
    ),
    "clear_go": ("Hapus data sintetis {region}", "Remove synthetic data of {region}"),
    "clear_done": ("{n} Kampung KB sintetis dihapus.", "{n} synthetic Kampung KB removed."),
    "undo_title": ("Batalkan impor terakhir", "Undo the last import"),
    "undo_none": ("Tidak ada impor yang dapat dibatalkan.", "There is no import to undo."),
    "undo_confirm": (
        "Ya, batalkan impor #{id} ({file}, {when}): basis data kembali seperti sebelum impor itu",
        "Yes, undo import #{id} ({file}, {when}): the database goes back to how it was before it",
    ),
    "undo_no_backup": (
        "Impor #{id} ({file}) tidak dapat dibatalkan: cadangan dari sebelum impor itu tidak ada lagi "
        "(hanya {keep} cadangan terakhir disimpan).",
        "Import #{id} ({file}) cannot be undone: the backup from before it is no longer kept "
        "(only the last {keep} are).",
    ),
    "swept": (
        "Saat mulai, {n} berkas sisa proses yang terhenti dihapus ({mb} MB): {names}.",
        "Removed on start, left by stopped runs ({n}, {mb} MB): {names}.",
    ),
    "undo_go": ("Batalkan impor", "Undo import"),
    "undo_done": ("Impor #{id} ({file}) dibatalkan.", "Import #{id} ({file}) was undone."),
    "region": ("Wilayah", "Region"),
    "metric": ("Metrik", "Metric"),
    "kind": ("Jenis", "Kind"),
    "value": ("Nilai", "Value"),
    "denominator": ("Penyebut / satuan", "Denominator / unit"),
    "source": ("Sumber", "Source"),
    "source_date": ("Tanggal sumber", "Source date"),
    "jenis_target": ("Target", "Target"),
    "jenis_realisasi": ("Angka terbitan", "Published figure"),
    "klasifikasi_berkelanjutan_persen": ("Berkelanjutan (%)", "Berkelanjutan (%)"),
    "klasifikasi_dasar_persen": ("Dasar (%)", "Dasar (%)"),
    # metrics
    "pembentukan": ("Kampung KB terbentuk", "Kampung KB formed"),
    "pembentukan_desa": ("Desa/kel. ber-Kampung KB", "Villages with a Kampung KB"),
    "desa_terbentuk": ("Desa/kel. ber-Kampung KB", "Villages with a Kampung KB"),
    "cakupan_desa_persen": ("Cakupan desa/kelurahan", "Village coverage"),
    "cakupan_kec_persen": ("Cakupan kecamatan", "District coverage"),
    "mandiri_plus_persen": ("Mandiri plus", "Mandiri plus"),
    "mandiri_plus_jumlah": ("Mandiri plus (jumlah)", "Mandiri plus (count)"),
    "mandiri_plus": ("Mandiri plus (jumlah)", "Mandiri plus (count)"),
    "per_100_desa": ("Kampung KB per 100 desa/kel.", "Kampung KB per 100 villages"),
    "dasar_persen": ("Dasar", "Dasar"),
    "berkembang_persen": ("Berkembang", "Berkembang"),
    "mandiri_persen": ("Mandiri", "Mandiri"),
    "berkelanjutan_persen": ("Berkelanjutan", "Berkelanjutan"),
    "terklasifikasi": ("Terklasifikasi", "Classified"),
    "laju": ("Laju pembentukan", "Formation pace"),
    "laju_value": ("{value} per bulan (12 bulan terakhir)", "{value} per month (last 12 months)"),
    "unknown": ("tidak diketahui", "unknown"),
    "formed_year": ("tahun {year} (bulan tidak diketahui)", "in {year} (month unknown)"),
    "formed_one_of": (
        "salah satu dari tahun {years} menurut rekap desanya (tidak diketahui yang mana)",
        "one of {years} by its village's recap (unknown which)",
    ),
    "formed_known_since": (
        "tidak diketahui (tercatat sejak {periode})",
        "unknown (on record since {periode})",
    ),
    "formed_year_or_later": (
        "{year} atau sesudahnya (tanggal tidak diketahui)",
        "{year} or later (date unknown)",
    ),
    "laju_unknown": (
        "tidak diketahui: data wilayah ini tidak memberi pembentukan per bulan (angka satu periode, "
        "atau bulan pembentukan tidak diketahui)",
        "unknown: this region's data gives no formation per month (figures of one periode, or "
        "formation months unknown)",
    ),
    "proyeksi_unknown": ("tidak dapat dihitung tanpa laju", "cannot be computed without a pace"),
    "proyeksi": ("Proyeksi", "Projection"),
    "proyeksi_reached": ("sudah tercapai", "already reached"),
    "proyeksi_missed": (
        "target {deadline} tidak tercapai; pada {periode}: {actual} dari {target}",
        "the {deadline} target was missed; at {periode}: {actual} of {target}",
    ),
    "proyeksi_pace_zero": ("laju 0, tidak akan tercapai", "pace 0, it will not be reached"),
    "attainment_words": (
        "{actual} dari target {target} ({year}) — capaian {percent}",
        "{actual} of the {target} target ({year}) — {percent} attained",
    ),
    "target_other_year": (
        "target tahun {year}, bukan tahun {now}",
        "the target is for {year}, not {now}",
    ),
    "proyeksi_month": ("tercapai {month} pada laju ini", "reached {month} at this pace"),
    "proyeksi_never": (
        "tidak tercapai sebelum {deadline} (laju 0)",
        "not reached before {deadline} (pace 0)",
    ),
    "proyeksi_late": (
        "tidak tercapai sebelum {deadline}; pada laju ini baru {month}",
        "not reached before {deadline}; at this pace only by {month}",
    ),
    "capaian": ("Capaian target", "Target attainment"),
    "no_target": ("belum ada target tercatat", "no target on record"),
    "target_of": ("target {year}: {value}", "{year} target: {value}"),
    "target_inherited": ("(target nasional Inpres 3/2022)", "(national target, Inpres 3/2022)"),
    "rank": ("Peringkat", "Rank"),
    "rank_value": ("{rank} dari {of}", "{rank} of {of}"),
    "yoy": ("Perubahan 1 tahun", "Change over 1 year"),
    "kelas": ("Klasifikasi", "Classification"),
    # indicators
    "ind_pokja": ("Pokja", "Working group (Pokja)"),
    "ind_sumber_dana": ("Sumber dana", "Funding sources"),
    "ind_poktan": ("Kepemilikan poktan", "Activity groups (poktan)"),
    "ind_sarana": ("Sarana (sekretariat, Rumah DataKu)", "Facilities (office, Rumah DataKu)"),
    "ind_pkb": ("PKB/PLKB pendamping & regulasi", "Field officer & local regulation"),
    "ind_penggunaan_data": ("Penggunaan data", "Use of data"),
    "ind_mekanisme_operasional": ("Mekanisme operasional", "Operational mechanisms"),
    "ind_lintas_sektor": ("Keterlibatan lintas sektor", "Cross-sector agencies"),
    "ind_partisipasi_poktan": ("Partisipasi poktan", "Poktan participation"),
    "ind_cpr": ("CPR (peserta KB ÷ PUS)", "CPR (contraceptive users ÷ couples)"),
    "ind_mkjp": ("MKJP (metode jangka panjang)", "Long-acting methods (MKJP)"),
    "ind_unmet_need": ("Unmet need", "Unmet need"),
    "dim_input": ("Input", "Input"),
    "dim_proses": ("Proses", "Process"),
    "dim_output": ("Output", "Output"),
    # data-quality flags
    "dq_unmet_tanpa_pus": (
        "Unmet need dinilai dari PUS kosong/0 (skor 4 karena aturan portal)",
        "Unmet need scored from an empty/zero PUS (score 4 by the portal's rule)",
    ),
    "dq_pus_kosong": ("PUS kosong atau 0", "PUS empty or zero"),
    "dq_peserta_melebihi_sasaran": (
        "Peserta poktan melebihi sasarannya",
        "Poktan participants exceed their denominator",
    ),
    "dq_pengguna_melebihi_pus": ("Peserta KB melebihi PUS", "Contraceptive users exceed PUS"),
    "dq_tidak_kb_melebihi_pus": (
        "Peserta KB + PUS tidak ber-KB melebihi PUS",
        "Users plus non-users exceed PUS",
    ),
    "dq_flag_di_luar_0_1": (
        "Isian ada/tidak bernilai selain 0/1",
        "A yes/no field holds a value other than 0/1",
    ),
    "dq_hitungan_di_luar_rentang": (
        "Jumlah sumber dana/penggunaan data/mekanisme melebihi daftar",
        "Count of funding/data use/mechanisms exceeds the list",
    ),
    "dq_laporan_kosong": ("Belum ada laporan output (KKBPK)", "No output (KKBPK) report yet"),
    # the simulator's fields (SPEC §4.1 columns)
    "in_pokja": ("Pokja terbentuk", "A Pokja is formed"),
    "in_pokja_anggota": ("Jumlah anggota Pokja", "Pokja members"),
    "in_pokja_terlatih": ("Pokja sudah dilatih", "The Pokja is trained"),
    "in_sumber_dana": ("Jumlah sumber dana (0–6)", "Funding sources (0–6)"),
    "in_bkb": ("BKB (Bina Keluarga Balita)", "BKB (families with toddlers)"),
    "in_bkr": ("BKR (Bina Keluarga Remaja)", "BKR (families with teenagers)"),
    "in_bkl": ("BKL (Bina Keluarga Lansia)", "BKL (families with elderly)"),
    "in_uppka": ("UPPKA", "UPPKA (family income group)"),
    "in_pikr": ("PIK-R", "PIK-R (youth centre)"),
    "in_sekretariat": ("Ada sekretariat", "Has an office"),
    "in_rumah_dataku": ("Ada Rumah DataKu", "Has a Rumah DataKu"),
    "in_plkb_pendamping": ("Ada PKB/PLKB pendamping", "Has a field officer (PKB/PLKB)"),
    "in_regulasi": ("Ada regulasi (SK/Perdes)", "Has a local regulation"),
    "in_penggunaan_data": ("Jenis penggunaan data (0–5)", "Kinds of data use (0–5)"),
    "in_mekanisme_operasional": ("Mekanisme operasional berjalan (0–5)", "Operational mechanisms (0–5)"),
    "in_instansi_terlibat": ("Instansi yang terlibat", "Agencies involved"),
    "in_keluarga_balita": ("Keluarga dengan balita", "Families with toddlers"),
    "in_peserta_bkb": ("Peserta BKB", "BKB members"),
    "in_keluarga_remaja": ("Keluarga dengan remaja", "Families with teenagers"),
    "in_peserta_bkr": ("Peserta BKR", "BKR members"),
    "in_keluarga_lansia": ("Keluarga dengan lansia", "Families with elderly"),
    "in_peserta_bkl": ("Peserta BKL", "BKL members"),
    "in_jumlah_keluarga": ("Jumlah keluarga", "Families"),
    "in_peserta_uppka": ("Peserta UPPKA", "UPPKA members"),
    "in_jumlah_remaja": ("Jumlah remaja", "Teenagers"),
    "in_peserta_pikr": ("Peserta PIK-R", "PIK-R members"),
    "in_pus": ("PUS (pasangan usia subur)", "Couples of reproductive age (PUS)"),
    "in_kb_iud": ("Peserta IUD", "IUD users"),
    "in_kb_mow": ("Peserta MOW (tubektomi)", "Tubectomy"),
    "in_kb_mop": ("Peserta MOP (vasektomi)", "Vasectomy"),
    "in_kb_implan": ("Peserta implan", "Implant users"),
    "in_kb_suntik": ("Peserta suntik", "Injectable users"),
    "in_kb_pil": ("Peserta pil", "Pill users"),
    "in_kb_kondom": ("Peserta kondom", "Condom users"),
    "in_tidak_kb_iat": ("Tidak ber-KB, ingin anak ditunda (IAT)", "Not using, want to delay a child (IAT)"),
    "in_tidak_kb_tial": (
        "Tidak ber-KB, tidak ingin anak lagi (TIAL)",
        "Not using, want no more children (TIAL)",
    ),
    # path to next class
    "path_none": (
        "Sudah di kelas tertinggi (Berkelanjutan).",
        "Already in the highest class (Berkelanjutan).",
    ),
    "reason": (
        "{klass}: lulus (indeks ≥ 3,00) {passing}; belum lulus {failing}.",
        "{klass}: passing (index ≥ 3.00) {passing}; not passing {failing}.",
    ),
    "reason_none": ("tidak ada", "none"),
    "reason_printed": (
        "{klass}: kelas seperti tercetak di sumbernya, tanpa indeks untuk menjelaskannya.",
        "{klass}: the class as its source printed it, with no indices to explain it.",
    ),
    "path_head": (
        "Untuk naik dari {current} ke {target}: {n} perubahan",
        "To move from {current} to {target}: {n} change(s)",
    ),
    "step_score": ("skor {old} → {new}", "score {old} → {new}"),
    "step_pokja_1": ("bentuk Pokja", "form a Pokja"),
    "step_pokja_2": (
        "lengkapi Pokja dengan anggota atau pelatihan",
        "give the Pokja members or training",
    ),
    "step_pokja_3": (
        "lengkapi Pokja dengan anggota dan pelatihan",
        "give the Pokja members and training",
    ),
    "step_count": ("{label}: {old} → minimal {new}", "{label}: {old} → at least {new}"),
    "step_pct": ("{label}: {old} → minimal {new}", "{label}: {old} → at least {new}"),
    "step_pct_down": ("{label}: {old} → paling tinggi {new}", "{label}: {old} → at most {new}"),
    "more_users": ("+{n} peserta KB", "+{n} contraceptive users"),
    "more_mkjp": ("+{n} peserta beralih ke MKJP", "+{n} users switching to long-acting methods"),
    "fewer_unmet": ("−{n} PUS unmet need", "−{n} couples with unmet need"),
    "report_pus": ("laporkan PUS", "report PUS"),
    "report_unmet": ("laporkan PUS tidak ber-KB (IAT, TIAL)", "report couples not using (IAT, TIAL)"),
    "report_poktan": ("laporkan sasaran dan peserta poktan", "report poktan families and members"),
}


#: headers of data columns in tables and downloads (``kkb.export.column_label`` reads these first)
COLUMNS: dict[str, tuple[str, str]] = {
    "kode": ("Kode", "Code"),
    "sasaran": ("Sasaran", "Goal"),
    "kurang": ("Kurang", "Gap"),
    "laju_perlu": ("Perlu/bulan", "Needed/month"),
    "bulan_tersisa": ("Bulan tersisa", "Months left"),
    "laju_12_bulan": ("Laju/bulan (12 bln)", "Pace/month (12 mo.)"),
    "indikator_label": ("Indikator", "Indicator"),
    "nilai_teks": ("Nilai", "Value"),
    "skor": ("Skor", "Score"),
    "skor_maks": ("Skor tertinggi", "Highest score"),
    "rentang_skor": ("Rentang nilai skor ini", "Value range of this score"),
    # New SIGA's counts (FORMATS §D) and what the dashboard divides them into
    "pus": ("PUS", "PUS (couples of reproductive age)"),
    "pa": ("PA (peserta KB aktif)", "PA (active contraceptive users)"),
    "kb_modern": ("KB modern", "Modern methods"),
    "kb_mkjp": (
        "MKJP (IUD, implan, vasektomi, tubektomi)",
        "Long-acting (IUD, implant, vasectomy, tubectomy)",
    ),
    "unmet_need": ("Unmet need (jumlah)", "Unmet need (count)"),
    "desa_pus": ("Desa melaporkan PUS", "Villages reporting PUS"),
    "periode_siga": ("Bulan New SIGA", "New SIGA month"),
    "kelompok": ("Kelompok", "Group"),
    "ada": ("Yang ada", "Existing"),
    "lapor": ("Yang lapor", "Reporting"),
    "desa_ada": ("Desa dengan kelompok", "Villages with a group"),
    "persen_desa_ada": ("Desa dengan kelompok (%)", "Villages with a group (%)"),
    "persen_lapor": ("Melapor (%)", "Reporting (%)"),
    "ubah_desa_ada": (
        "Perubahan 1 tahun, desa dengan kelompok (poin)",
        "Change over 1 year, villages with a group (points)",
    ),
    "ubah_lapor": ("Perubahan 1 tahun, melapor (poin)", "Change over 1 year, reporting (points)"),
    "dari_periode": ("Angka dari tabel periode", "Figures from the table of"),
    "tanpa_tanggal": ("Kampung KB tanpa tanggal pembentukan", "Kampung KB without a formation date"),
    "nama": ("Nama", "Name"),
    "wilayah": ("Wilayah", "Region"),
    "periode": ("Periode", "Period"),
    "kec_terbentuk": ("Kecamatan ber-Kampung KB", "Districts with a Kampung KB"),
    "baru": ("Baru bulan ini", "New this month"),
    "dasar": ("Dasar", "Dasar"),
    "berkembang": ("Berkembang", "Berkembang"),
    "mandiri": ("Mandiri", "Mandiri"),
    "berkelanjutan": ("Berkelanjutan", "Berkelanjutan"),
    "dasar_persen": ("Dasar (%)", "Dasar (%)"),
    "berkembang_persen": ("Berkembang (%)", "Berkembang (%)"),
    "mandiri_persen": ("Mandiri (%)", "Mandiri (%)"),
    "berkelanjutan_persen": ("Berkelanjutan (%)", "Berkelanjutan (%)"),
    "mandiri_plus_persen": ("Mandiri plus (%)", "Mandiri plus (%)"),
    "cakupan_desa_persen": ("Cakupan desa/kelurahan (%)", "Village coverage (%)"),
    "cakupan_kec_persen": ("Cakupan kecamatan (%)", "District coverage (%)"),
    "capaian_persen": ("Capaian (% dari target)", "Attainment (% of target)"),
    "dq_kampung": ("Kampung KB dengan catatan mutu data", "Kampung KB with data-quality flags"),
    "sintetis": ("Kampung KB sintetis", "Synthetic Kampung KB"),
    "jml_desa_kel": ("Jumlah desa/kelurahan", "Villages"),
    "jml_kecamatan": ("Jumlah kecamatan", "Districts"),
    "target_metrik": ("Target untuk", "Target of"),
    "target_tahun": ("Tahun target", "Target year"),
    "target_nilai": ("Nilai target", "Target value"),
    "target_sumber": ("Sumber target", "Target source"),
    "target_dari": ("Target ditetapkan oleh", "Target set by"),
    "tenggat": ("Tenggat", "Deadline"),
    "tepat_waktu": ("Tepat waktu", "On schedule"),
    "id": ("ID Kampung KB", "Kampung KB ID"),
    "klasifikasi": ("Klasifikasi", "Class"),
    "tahun_pencanangan": ("Tahun pencanangan", "Year declared"),
    "lat": ("Lintang", "Latitude"),
    "lng": ("Bujur", "Longitude"),
    "metrik": ("Metrik", "Metric"),
    "label": ("Label", "Label"),
    "tahun": ("Tahun", "Year"),
    "target": ("Target", "Target"),
    "penyebut": ("Penyebut", "Denominator"),
    "sumber": ("Sumber", "Source"),
    "diwarisi_dari": ("Target dari wilayah", "Target from region"),
    "sejak": ("Sejak", "Since"),
    "skor_1": ("Skor 1", "Score 1"),
    "skor_2": ("Skor 2", "Score 2"),
    "skor_3": ("Skor 3", "Score 3"),
    "skor_4": ("Skor 4", "Score 4"),
    "kode_wilayah": ("Kode wilayah", "Region code"),
    "nilai": ("Nilai", "Value"),
    "jenis": ("Jenis", "Kind"),
    "sumber_url": ("Tautan sumber", "Source link"),
    "sumber_tanggal": ("Tanggal sumber", "Source date"),
    "catatan": ("Catatan", "Note"),
    "waktu": ("Waktu", "Time"),
    "pengguna": ("Pengguna", "User"),
    "nama_file": ("Nama berkas", "File name"),
    "sha256": ("SHA-256", "SHA-256"),
    "baris_ditambah": ("Baris ditambah", "Rows added"),
    "baris_diubah": ("Baris diubah", "Rows changed"),
}


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """Return the UI string ``key`` in ``lang`` with ``values`` filled in (the key itself if unknown)."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text
