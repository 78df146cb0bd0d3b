-- Monthly totals per child region of $prefix (children grouped by the first $n characters of the
-- kecamatan code), for pace and projection of every child at once.
SELECT left(kode_kec, $n) AS kode,
       periode,
       sum(pembentukan)::BIGINT AS pembentukan,
       sum(desa_terbentuk)::BIGINT AS desa_terbentuk
FROM rekap
WHERE metode = $metode AND starts_with(kode_kec, $prefix)
GROUP BY 1, 2
ORDER BY 1, 2
