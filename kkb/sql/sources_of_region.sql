-- The imports behind a region's active Kampung KB ($prefix: '' for the nation, else the region's
-- code): those that registered them and those that reported their snapshots, newest first.
-- Synthetic rows come from no import.
WITH k AS (
    SELECT id, import_id FROM kampung_kb WHERE is_active AND starts_with(kode_kec, $prefix)
),
used AS (
    SELECT import_id FROM k WHERE import_id IS NOT NULL
    UNION
    SELECT s.import_id FROM (SELECT kampung_id, import_id FROM snapshot WHERE import_id IS NOT NULL) s
    JOIN k ON k.id = s.kampung_id
)
SELECT l.id, l.nama_file, l.bentuk, l.waktu
FROM import_log l JOIN used u ON u.import_id = l.id
ORDER BY l.id DESC
