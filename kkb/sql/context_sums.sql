-- New SIGA's monthly counts summed per region and month: regions are the first $n characters of the
-- desa code below $prefix (0 the nation, 2 provinsi, 5 kab/kota, 8 kecamatan, 13 desa). Each ratio's
-- numerator and denominator are summed over the desa that report both, so that a desa missing from
-- one recap does not lower the rate of its region; ``desa_*`` counts the desa behind each. Only the
-- months of $bulan (a list), or every month when it is NULL.
WITH desa AS (
    SELECT kode_desa, periode,
-- include: _siga_pivot
    FROM siga_bulanan
    WHERE starts_with(kode_desa, $prefix) AND ($bulan IS NULL OR list_contains($bulan, periode))
    GROUP BY kode_desa, periode
)
SELECT left(kode_desa, $n) AS kode, periode,
-- include: _siga_sums
FROM desa
GROUP BY 1, 2
ORDER BY 1, 2
