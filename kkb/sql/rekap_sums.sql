-- Counts of the regions below $prefix per month for one method: regions are grouped by the first $n
-- characters of the kecamatan code (2 provinsi, 5 kab/kota, 8 kecamatan; the length of $prefix for
-- the region itself), at $periode only, or every month when $periode is NULL.
SELECT left(kode_kec, $n) AS kode,
       periode,
-- include: _rekap_sums
       sum(coalesce(tanpa_tanggal, 0))::BIGINT AS tanpa_tanggal
FROM rekap
WHERE metode = $metode AND starts_with(kode_kec, $prefix) AND ($periode IS NULL OR periode = $periode)
GROUP BY 1, 2
ORDER BY 1, 2
