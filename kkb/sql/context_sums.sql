-- New SIGA's monthly counts summed per region and month: regions are the first $n characters of the
-- desa code below $prefix (0 the nation, 2 provinsi, 5 kab/kota, 8 kecamatan, 13 desa). Each ratio's
-- numerator and denominator are summed over the desa that report both, so that a desa missing from
-- one recap does not lower the rate of its region; ``desa_*`` counts the desa behind each.
WITH desa AS (
    SELECT kode_desa, periode,
           max(nilai) FILTER (WHERE ukuran = 'pus') AS pus,
           max(nilai) FILTER (WHERE ukuran = 'unmet_need') AS unmet_need,
           max(nilai) FILTER (WHERE ukuran = 'pa') AS pa,
           max(nilai) FILTER (WHERE ukuran = 'kb_modern') AS kb_modern,
           max(nilai) FILTER (WHERE ukuran = 'iud') + max(nilai) FILTER (WHERE ukuran = 'implan')
             + max(nilai) FILTER (WHERE ukuran = 'vasektomi')
             + max(nilai) FILTER (WHERE ukuran = 'tubektomi') AS kb_mkjp
    FROM siga_bulanan
    WHERE starts_with(kode_desa, $prefix)
    GROUP BY kode_desa, periode
)
SELECT left(kode_desa, $n) AS kode, periode,
       count(pus)::BIGINT AS desa_pus,
       sum(pus)::BIGINT AS pus,
       count(*) FILTER (WHERE pa IS NOT NULL AND pus IS NOT NULL)::BIGINT AS desa_cpr,
       sum(pa) FILTER (WHERE pus IS NOT NULL)::BIGINT AS pa,
       sum(pus) FILTER (WHERE pa IS NOT NULL)::BIGINT AS pus_cpr,
       count(*) FILTER (WHERE kb_modern IS NOT NULL AND pus IS NOT NULL)::BIGINT AS desa_mcpr,
       sum(kb_modern) FILTER (WHERE pus IS NOT NULL)::BIGINT AS kb_modern,
       sum(pus) FILTER (WHERE kb_modern IS NOT NULL)::BIGINT AS pus_mcpr,
       count(*) FILTER (WHERE kb_mkjp IS NOT NULL AND kb_modern IS NOT NULL)::BIGINT AS desa_mkjp,
       sum(kb_mkjp) FILTER (WHERE kb_modern IS NOT NULL)::BIGINT AS kb_mkjp,
       sum(kb_modern) FILTER (WHERE kb_mkjp IS NOT NULL)::BIGINT AS modern_mkjp,
       count(*) FILTER (WHERE unmet_need IS NOT NULL AND pus IS NOT NULL)::BIGINT AS desa_unmet,
       sum(unmet_need) FILTER (WHERE pus IS NOT NULL)::BIGINT AS unmet_need,
       sum(pus) FILTER (WHERE unmet_need IS NOT NULL)::BIGINT AS pus_unmet
FROM desa
GROUP BY 1, 2
ORDER BY 1, 2
