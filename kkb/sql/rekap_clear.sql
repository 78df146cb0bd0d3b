-- Remove the monthly summary of these kab/kota ($kabs), or all of it ($kabs NULL).
DELETE FROM rekap WHERE $kabs IS NULL OR list_contains($kabs, substr(kode_kec, 1, 5))
