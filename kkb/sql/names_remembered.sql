-- The names earlier files with codes taught (kkb.ingest.names), newest import last.
SELECT tingkat, kode_induk, nama, kode FROM nama_wilayah ORDER BY import_id
