-- How many counts of a poktan or Rumah DataKu recap (registered as _baru) replace counts already stored.
SELECT count(*)::BIGINT AS n
FROM siga_poktan s
JOIN _baru b
  ON s.kode_desa = b.kode_desa AND s.periode = b.periode AND s.kelompok = b.kelompok AND s.ukuran = b.ukuran
