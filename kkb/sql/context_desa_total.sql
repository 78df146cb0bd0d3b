-- How many desa/kelurahan Kemendagri holds in a region ($prefix: '' for the nation).
SELECT count(*)::BIGINT AS n FROM wilayah WHERE tingkat = 4 AND starts_with(kode, $prefix)
