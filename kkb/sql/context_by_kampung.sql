-- The desa of a region ($prefix) at one month ($bulan) of New SIGA's counts, in two groups: those
-- with a Kampung KB on record at $periode (active, formed or known by then) and those without; each
-- group's counts summed as in context_sums. ``sintetis``: how many of the group's Kampung KB desa
-- have only synthetic (demo) Kampung KB.
WITH desa AS (
    SELECT kode_desa,
-- include: _siga_pivot
    FROM siga_bulanan
    WHERE starts_with(kode_desa, $prefix) AND periode = $bulan
    GROUP BY kode_desa
),
kampung AS (
    SELECT kode_desa, bool_and(sumber = 'sintetis') AS sintetis
    FROM kampung_kb
    WHERE is_active AND starts_with(kode_desa, $prefix)
      AND coalesce(strftime(tanggal_pencanangan, '%Y-%m'), dikenal_sejak) <= $periode
    GROUP BY kode_desa
)
SELECT k.kode_desa IS NOT NULL AS ada_kampung_kb,
       count(*)::BIGINT AS desa,
       count(*) FILTER (WHERE k.sintetis)::BIGINT AS sintetis,
-- include: _siga_sums
FROM desa d
LEFT JOIN kampung k USING (kode_desa)
GROUP BY 1
ORDER BY 1 DESC
