-- Recompute rekap_wilayah: the nation (tingkat 0), provinsi (1) and kab/kota (2), per month and method.
-- Kab/kota are summed from rekap; a region known from its printed totals (angka_wilayah) takes them
-- from their periode on (the latest at or before each month), with villages, kecamatan and new
-- Kampung KB unknown (NULL); provinsi are their kab/kota summed unless they have totals of their
-- own; the nation is the provinsi summed. A sum with an unknown part is unknown. ``dari_periode`` says
-- from which periode a month's figures were carried (the latest printed periode among the parts).
-- Rows are stored in code order, so one region's months lie together.
DELETE FROM rekap_wilayah;
INSERT INTO rekap_wilayah
WITH bounds AS (
    SELECT min(p) AS lo, max(p) AS hi
    FROM (SELECT periode AS p FROM rekap UNION ALL SELECT periode FROM angka_wilayah)
),
months AS (
    SELECT strftime(m, '%Y-%m') AS periode
    FROM bounds, range(strptime(lo || '-01', '%Y-%m-%d'), strptime(hi || '-01', '%Y-%m-%d') + INTERVAL 1 MONTH,
                       INTERVAL 1 MONTH) r(m)
    WHERE lo IS NOT NULL
),
methods AS (SELECT DISTINCT metode FROM rekap UNION SELECT DISTINCT metode FROM angka_wilayah),
printed AS (
    SELECT a.kode, a.tingkat, m.periode, a.periode AS dari_periode, a.metode AS printed_by, a.terbentuk, a.dasar, a.berkembang,
           a.mandiri, a.berkelanjutan
    FROM (SELECT DISTINCT kode, tingkat FROM angka_wilayah) r
    CROSS JOIN months m
    ASOF JOIN angka_wilayah a ON a.kode = r.kode AND m.periode >= a.periode
),
totals AS (
    SELECT p.kode, p.tingkat, p.periode, x.metode,
           p.terbentuk::BIGINT AS pembentukan,
           (CASE WHEN p.terbentuk = 0 THEN 0 END)::BIGINT AS desa_terbentuk,
           (CASE WHEN p.terbentuk = 0 THEN 0 END)::BIGINT AS kec_terbentuk,
           (CASE WHEN p.periode = p.dari_periode AND p.terbentuk = 0 THEN 0 END)::BIGINT AS baru,
           (CASE WHEN x.metode = p.printed_by THEN p.terbentuk ELSE 0 END)::BIGINT AS terklasifikasi,
           (CASE WHEN x.metode = p.printed_by THEN p.dasar ELSE 0 END)::BIGINT AS dasar,
           (CASE WHEN x.metode = p.printed_by THEN p.berkembang ELSE 0 END)::BIGINT AS berkembang,
           (CASE WHEN x.metode = p.printed_by THEN p.mandiri ELSE 0 END)::BIGINT AS mandiri,
           (CASE WHEN x.metode = p.printed_by THEN p.berkelanjutan ELSE 0 END)::BIGINT AS berkelanjutan,
           0::BIGINT AS dq_kampung,
           0::BIGINT AS sintetis,
           p.dari_periode,
           0::BIGINT AS tanpa_tanggal
    FROM printed p CROSS JOIN methods x
),
kab_summed AS (
    SELECT left(kode_kec, 5) AS kode, periode, metode,
-- include: _rekap_sums
           NULL::VARCHAR AS dari_periode,
           sum(coalesce(tanpa_tanggal, 0))::BIGINT AS tanpa_tanggal
    FROM rekap
    GROUP BY ALL
),
kab AS (
    SELECT * FROM kab_summed s
    WHERE NOT EXISTS (
        SELECT 1 FROM totals t
        WHERE t.tingkat = 2 AND t.kode = s.kode AND t.periode = s.periode AND t.metode = s.metode
    )
    UNION ALL
    SELECT kode, periode, metode, pembentukan, desa_terbentuk, kec_terbentuk, baru, terklasifikasi, dasar,
           berkembang, mandiri, berkelanjutan, dq_kampung, sintetis, dari_periode,
           tanpa_tanggal
    FROM totals WHERE tingkat = 2
),
prov_summed AS (
    SELECT left(kode, 2) AS kode, periode, metode,
-- include: _wilayah_sums
    FROM kab
    GROUP BY ALL
),
prov AS (
    SELECT * FROM prov_summed s
    WHERE NOT EXISTS (
        SELECT 1 FROM totals t
        WHERE t.tingkat = 1 AND t.kode = s.kode AND t.periode = s.periode AND t.metode = s.metode
    )
    UNION ALL
    SELECT kode, periode, metode, pembentukan, desa_terbentuk, kec_terbentuk, baru, terklasifikasi, dasar,
           berkembang, mandiri, berkelanjutan, dq_kampung, sintetis, dari_periode,
           tanpa_tanggal
    FROM totals WHERE tingkat = 1
),
nation AS (
    SELECT '' AS kode, periode, metode,
-- include: _wilayah_sums
    FROM prov
    GROUP BY ALL
)
SELECT kode, tingkat::TINYINT AS tingkat, periode, metode, pembentukan, desa_terbentuk, kec_terbentuk, baru,
       terklasifikasi, dasar, berkembang, mandiri, berkelanjutan, dq_kampung, sintetis, dari_periode,
       tanpa_tanggal
FROM (
    SELECT *, 0 AS tingkat FROM nation
    UNION ALL SELECT *, 1 AS tingkat FROM prov
    UNION ALL SELECT *, 2 AS tingkat FROM kab
)
ORDER BY kode, metode, periode;
