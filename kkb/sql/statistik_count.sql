-- Totals already held for the regions ($kodes) at the periode of the statistics table being imported.
SELECT count(*) AS n FROM angka_wilayah WHERE periode = $periode AND list_contains($kodes, kode)
