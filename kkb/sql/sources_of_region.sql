-- The imports behind a region's figures ($prefix: '' for the nation, else the region's code): those
-- that registered its active Kampung KB, those that reported their snapshots, and the statistics
-- tables that printed totals for it or for regions within it; newest first. Synthetic rows come
-- from no import.
WITH k AS (
    SELECT id, import_id FROM kampung_kb WHERE is_active AND starts_with(kode_kec, $prefix)
),
used AS (
    SELECT import_id FROM k WHERE import_id IS NOT NULL
    UNION
    SELECT s.import_id FROM (SELECT kampung_id, import_id FROM snapshot WHERE import_id IS NOT NULL) s
    JOIN k ON k.id = s.kampung_id
    UNION
    SELECT import_id FROM angka_wilayah WHERE starts_with(kode, $prefix)
)
SELECT l.id, l.nama_file, l.bentuk, l.waktu, l.periode
FROM import_log l JOIN used u ON u.import_id = l.id
ORDER BY l.id DESC
