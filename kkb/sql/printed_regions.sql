-- Regions known from printed totals (angka_wilayah): their level and the first periode printed.
SELECT kode, tingkat, min(periode) AS pertama FROM angka_wilayah GROUP BY kode, tingkat ORDER BY kode
