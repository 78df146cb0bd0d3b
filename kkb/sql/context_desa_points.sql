-- The desa/kelurahan of a region ($prefix) with their name and centre point, for a map of desa values.
SELECT kode, nama, lat, lng FROM wilayah WHERE tingkat = 4 AND starts_with(kode, $prefix) ORDER BY kode
