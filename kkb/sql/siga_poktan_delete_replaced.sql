-- Remove the counts a poktan or Rumah DataKu recap (registered as _baru) gives anew: same desa, month,
-- group and measure.
DELETE FROM siga_poktan s
USING _baru b
WHERE s.kode_desa = b.kode_desa AND s.periode = b.periode AND s.kelompok = b.kelompok AND s.ukuran = b.ukuran
