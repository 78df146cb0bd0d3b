-- The kab/kota a portal list covers, as "Kabupaten Serang · Banten" ($kabs: their codes).
SELECT k.kode, k.nama || ' · ' || p.nama AS label
FROM wilayah k JOIN wilayah p ON p.kode = k.kode_induk
WHERE k.tingkat = 2 AND list_contains($kabs, k.kode)
