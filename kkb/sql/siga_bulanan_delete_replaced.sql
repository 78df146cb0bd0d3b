-- Remove the counts a monthly SIGA recap (registered as _baru) gives anew: same desa, month and measure.
DELETE FROM siga_bulanan s
USING _baru b
WHERE s.kode_desa = b.kode_desa AND s.periode = b.periode AND s.ukuran = b.ukuran
