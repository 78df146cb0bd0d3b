-- The imports a region's ($prefix) poktan or Rumah DataKu counts of one group ($kelompok) at one month
-- come from, newest first.
SELECT l.id, l.nama_file, count(DISTINCT s.kode_desa)::BIGINT AS desa
FROM siga_poktan s
JOIN import_log l ON l.id = s.import_id
WHERE starts_with(s.kode_desa, $prefix) AND s.kelompok = $kelompok AND s.periode = $periode
GROUP BY l.id, l.nama_file
ORDER BY l.id DESC
