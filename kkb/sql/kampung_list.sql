-- Kampung KB of one region ($prefix: '' for the nation, else its code) that are active and declared by
-- the end of $periode (or known to exist by then), each with its latest classification at or before $periode under $metode.
WITH chosen AS (
    SELECT *
    FROM kampung_kb
    WHERE is_active AND starts_with(kode_kec, $prefix)
      AND coalesce(strftime(tanggal_pencanangan, '%Y-%m'), dikenal_sejak) <= $periode
),
latest AS (
    SELECT c.kampung_id, max(c.periode) AS periode
    FROM klasifikasi c
    JOIN chosen k ON k.id = c.kampung_id
    WHERE c.metode = $metode AND c.periode <= $periode
    GROUP BY c.kampung_id
)
SELECT k.id, k.nama, k.kode_desa, d.nama AS desa, k.kode_kec, kc.nama AS kecamatan,
       k.kode_kab, kb.nama AS kabkota, k.kode_prov, p.nama AS provinsi,
       CAST(k.tanggal_pencanangan AS DATE) AS tanggal_pencanangan,
       -- the year a source gives when the date is not known ("2020+" counts as 2020; "2017/2019",
       -- one of several, is not known)
       coalesce(
           year(k.tanggal_pencanangan),
           CASE WHEN NOT contains(k.tahun_pencanangan, '/') THEN TRY_CAST(left(k.tahun_pencanangan, 4) AS INTEGER) END
       )::INTEGER AS tahun_pencanangan,
       k.cakupan_wilayah, k.sumber, k.lat, k.lng,
       l.periode AS periode_data, c.klasifikasi, p.klasifikasi AS klasifikasi_tercetak, c.mandiri_plus,
       c.skor_pokja, c.skor_sumber_dana, c.skor_poktan, c.skor_sarana, c.skor_pkb,
       c.skor_penggunaan_data, c.skor_mekanisme_operasional, c.skor_lintas_sektor,
       c.skor_partisipasi_poktan, c.skor_cpr, c.skor_mkjp, c.skor_unmet_need,
       c.indeks_input, c.indeks_proses, c.indeks_output,
       c.dq_unmet_tanpa_pus, c.dq_pus_kosong, c.dq_peserta_melebihi_sasaran, c.dq_pengguna_melebihi_pus,
       c.dq_tidak_kb_melebihi_pus, c.dq_flag_di_luar_0_1, c.dq_hitungan_di_luar_rentang,
       c.dq_laporan_kosong, (CASE WHEN c.kampung_id IS NULL THEN 0 ELSE c.dq_jumlah END)::INTEGER AS dq_jumlah,  -- NULL: not checkable
       c.langkah_ke_kelas_berikut
FROM chosen k
LEFT JOIN latest l ON l.kampung_id = k.id
LEFT JOIN klasifikasi c ON c.kampung_id = l.kampung_id AND c.periode = l.periode AND c.metode = $metode
LEFT JOIN klasifikasi p ON p.kampung_id = l.kampung_id AND p.periode = l.periode AND p.metode = 'impor'
LEFT JOIN wilayah d ON d.kode = k.kode_desa
LEFT JOIN wilayah kc ON kc.kode = k.kode_kec
LEFT JOIN wilayah kb ON kb.kode = k.kode_kab
LEFT JOIN wilayah p ON p.kode = k.kode_prov
ORDER BY k.kode_desa, k.id
