-- Recompute rekap_wilayah from rekap: the nation (code length 0), provinsi (2) and kab/kota (5).
-- Rows are stored in code order, so one region's months lie together.
DELETE FROM rekap_wilayah;
INSERT INTO rekap_wilayah
SELECT left(kode_kec, n) AS kode,
       tingkat,
       periode,
       metode,
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
       sum(sintetis)::BIGINT AS sintetis
FROM rekap
CROSS JOIN (VALUES (0, 0::TINYINT), (2, 1::TINYINT), (5, 2::TINYINT)) AS lengths(n, tingkat)
GROUP BY left(kode_kec, n), tingkat, periode, metode
ORDER BY kode, metode, periode;
