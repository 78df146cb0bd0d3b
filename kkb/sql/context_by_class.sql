-- The desa of a region ($prefix) at one month ($bulan) of New SIGA's counts, grouped by the highest
-- class any of their active Kampung KB holds at $periode by $metode (its latest classification at or
-- before then): ``kelas`` is the class, 'belum' for Kampung KB never classified, NULL for desa
-- without a Kampung KB. Each group's counts summed as in context_sums.
WITH desa AS (
    SELECT kode_desa,
-- include: _siga_pivot
    FROM siga_bulanan
    WHERE starts_with(kode_desa, $prefix) AND periode = $bulan
    GROUP BY kode_desa
),
latest AS (
    SELECT kampung_id, arg_max(klasifikasi, periode) AS klasifikasi
    FROM klasifikasi
    WHERE metode = $metode AND periode <= $periode
    GROUP BY kampung_id
),
kampung AS (
    SELECT k.kode_desa,
           max(CASE l.klasifikasi WHEN 'Dasar' THEN 1 WHEN 'Berkembang' THEN 2 WHEN 'Mandiri' THEN 3
               WHEN 'Berkelanjutan' THEN 4 ELSE 0 END) AS tingkat,
           bool_and(k.sumber = 'sintetis') AS sintetis
    FROM kampung_kb k
    LEFT JOIN latest l ON l.kampung_id = k.id
    WHERE k.is_active AND starts_with(k.kode_desa, $prefix)
      AND coalesce(strftime(k.tanggal_pencanangan, '%Y-%m'), k.dikenal_sejak) <= $periode
    GROUP BY k.kode_desa
)
SELECT CASE k.tingkat WHEN 1 THEN 'Dasar' WHEN 2 THEN 'Berkembang' WHEN 3 THEN 'Mandiri'
           WHEN 4 THEN 'Berkelanjutan' WHEN 0 THEN 'belum' END AS kelas,
       coalesce(k.tingkat, -1) AS urutan,
       count(*)::BIGINT AS desa,
       count(*) FILTER (WHERE k.sintetis)::BIGINT AS sintetis,
-- include: _siga_sums
FROM desa d
LEFT JOIN kampung k USING (kode_desa)
GROUP BY 1, 2
ORDER BY 2
