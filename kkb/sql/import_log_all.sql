SELECT * FROM import_log ORDER BY id DESC
