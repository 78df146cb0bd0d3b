-- Counts per child region of $prefix at one periode: children are grouped by the first $n
-- characters of the kecamatan code (2 provinsi, 5 kab/kota, 8 kecamatan).
SELECT left(kode_kec, $n) AS kode,
       sum(pembentukan)::BIGINT AS pembentukan,
       sum(desa_terbentuk)::BIGINT AS desa_terbentuk,
       count(*) FILTER (WHERE desa_terbentuk > 0)::BIGINT AS kec_terbentuk,
       sum(baru)::BIGINT AS baru,
       sum(terklasifikasi)::BIGINT AS terklasifikasi,
       sum(dasar)::BIGINT AS dasar,
       sum(berkembang)::BIGINT AS berkembang,
       sum(mandiri)::BIGINT AS mandiri,
       sum(berkelanjutan)::BIGINT AS berkelanjutan,
       sum(dq_kampung)::BIGINT AS dq_kampung,
       sum(sintetis)::BIGINT AS sintetis,
       sum(coalesce(tanpa_tanggal, 0))::BIGINT AS tanpa_tanggal
FROM rekap
WHERE periode = $periode AND metode = $metode AND starts_with(kode_kec, $prefix)
GROUP BY 1
ORDER BY 1
