-- The kab/kota codes within a region ($prefix: '' for the nation, '36.' for a province).
SELECT kode FROM wilayah WHERE tingkat = 2 AND starts_with(kode, $prefix)
