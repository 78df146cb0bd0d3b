-- Recompute the monthly per-kecamatan summary from kampung_kb and klasifikasi.
-- $awal / $akhir: first and last month (YYYY-MM) of the grid; $kabs: only these kab/kota, or NULL for all.
INSERT INTO rekap
WITH months AS (
    SELECT strftime(m, '%Y-%m') AS periode
    FROM range(strptime($awal || '-01', '%Y-%m-%d'), strptime($akhir || '-01', '%Y-%m-%d') + INTERVAL 1 MONTH, INTERVAL 1 MONTH) r(m)
),
grid AS (
    SELECT k.id, k.kode_desa, k.kode_kec, k.sumber, m.periode,
           strftime(k.tanggal_pencanangan, '%Y-%m') = m.periode AS baru,
           k.tanggal_pencanangan IS NULL AS tanpa_tanggal
    FROM kampung_kb k
    -- a Kampung KB without a formation date counts from the periode it is known to exist
    JOIN months m ON m.periode >= coalesce(strftime(k.tanggal_pencanangan, '%Y-%m'), k.dikenal_sejak)
    WHERE k.is_active AND ($kabs IS NULL OR list_contains($kabs, k.kode_kab))
),
methods AS (SELECT DISTINCT metode FROM klasifikasi),
status AS (
    SELECT g.*, x.metode, c.klasifikasi, c.dq_jumlah
    FROM grid g
    CROSS JOIN methods x
    ASOF LEFT JOIN (SELECT kampung_id, periode, metode, klasifikasi, dq_jumlah FROM klasifikasi) c
        ON g.id = c.kampung_id AND x.metode = c.metode AND g.periode >= c.periode
)
SELECT periode, kode_kec, metode,
       count(*)::INTEGER AS pembentukan,
       count(DISTINCT kode_desa)::INTEGER AS desa_terbentuk,
       count(*) FILTER (WHERE baru)::INTEGER AS baru,
       count(klasifikasi)::INTEGER AS terklasifikasi,
       count(*) FILTER (WHERE klasifikasi = 'Dasar')::INTEGER AS dasar,
       count(*) FILTER (WHERE klasifikasi = 'Berkembang')::INTEGER AS berkembang,
       count(*) FILTER (WHERE klasifikasi = 'Mandiri')::INTEGER AS mandiri,
       count(*) FILTER (WHERE klasifikasi = 'Berkelanjutan')::INTEGER AS berkelanjutan,
       count(*) FILTER (WHERE dq_jumlah > 0)::INTEGER AS dq_kampung,
       count(*) FILTER (WHERE sumber = 'sintetis')::INTEGER AS sintetis,
       count(*) FILTER (WHERE tanpa_tanggal)::INTEGER AS tanpa_tanggal
FROM status
GROUP BY periode, kode_kec, metode
ORDER BY periode, kode_kec, metode;
