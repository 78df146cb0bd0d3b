-- The imports the monthly SIGA counts of a region ($prefix) at one month come from, newest first.
SELECT l.id, l.nama_file, l.waktu, count(DISTINCT s.kode_desa)::BIGINT AS desa
FROM siga_bulanan s
JOIN import_log l ON l.id = s.import_id
WHERE starts_with(s.kode_desa, $prefix) AND s.periode = $periode
GROUP BY l.id, l.nama_file, l.waktu
ORDER BY l.id DESC
