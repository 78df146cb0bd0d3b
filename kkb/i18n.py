"""Every UI string, Bahasa Indonesia first, English second: ``t(key, lang, **values)``."""

from __future__ import annotations

from kkb import fmt
from kkb.classification import Path, Step

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
    "no_data": (
        "Belum ada Kampung KB di {region} pada periode {periode}.",
        "No Kampung KB in {region} in {periode}.",
    ),
    "no_rows": ("Tidak ada baris yang cocok dengan filter.", "No rows match the filters."),
    "download_csv": ("Unduh CSV", "Download CSV"),
    "download_xlsx": ("Unduh Excel", "Download Excel"),
    "data_table": ("Tabel data", "Data table"),
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
    "proyeksi": ("Proyeksi", "Projection"),
    "proyeksi_reached": ("sudah tercapai", "already reached"),
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
    # path to next class
    "path_none": (
        "Sudah di kelas tertinggi (Berkelanjutan).",
        "Already in the highest class (Berkelanjutan).",
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
}


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """Return the UI string ``key`` in ``lang`` with ``values`` filled in (the key itself if unknown)."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text


def step_text(step: Step, lang: str = DEFAULT_LANG) -> str:
    """Describe one step of the path to the next class, e.g. ``CPR: 38 % → minimal 41 % (+9 peserta KB)``."""
    label = t(f"ind_{step.indicator}", lang)
    score = t("step_score", lang, old=step.score_from, new=step.score_to)
    if step.indicator == "pokja":
        return f"{label}: {t(f'step_pokja_{step.score_to - 1}', lang)} ({score})"
    percent_kind = step.indicator in ("partisipasi_poktan", "cpr", "mkjp", "unmet_need")
    if percent_kind:
        old = fmt.percent(step.value_from, lang, 0) if step.value_from is not None else t("report_pus", lang)
        new = fmt.percent(step.value_to, lang, 0)
        key = "step_pct_down" if step.indicator == "unmet_need" else "step_pct"
        text = t(key, lang, label=label, old=old, new=new)
        extra = {"cpr": "more_users", "mkjp": "more_mkjp", "unmet_need": "fewer_unmet"}.get(step.indicator)
        if extra and step.count_change is not None:
            text += f" ({t(extra, lang, n=fmt.number(abs(step.count_change), lang))})"
        return f"{text}; {score}"
    old_value = fmt.number(step.value_from, lang) if step.value_from is not None else "–"
    return (
        f"{t('step_count', lang, label=label, old=old_value, new=fmt.number(step.value_to, lang))}; {score}"
    )


def path_text(path: Path, lang: str = DEFAULT_LANG) -> list[str]:
    """Describe the whole path: a heading line, then one line per step."""
    if path.target is None:
        return [t("path_none", lang)]
    head = t("path_head", lang, current=path.current, target=path.target, n=len(path.steps))
    return [head, *(step_text(s, lang) for s in path.steps)]
