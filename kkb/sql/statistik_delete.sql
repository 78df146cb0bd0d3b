-- Totals of the same regions at the same periode as the statistics table being imported are replaced.
DELETE FROM angka_wilayah WHERE periode = $periode AND list_contains($kodes, kode)
