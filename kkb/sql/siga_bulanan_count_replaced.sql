-- How many counts of a monthly SIGA recap (registered as _baru) replace counts already stored.
SELECT count(*)::BIGINT AS n
FROM siga_bulanan s
JOIN _baru b ON s.kode_desa = b.kode_desa AND s.periode = b.periode AND s.ukuran = b.ukuran
