-- The newest import on record (none: an empty result): what an undo would take back.
SELECT id, nama_file, waktu
FROM import_log
ORDER BY id DESC
LIMIT 1
