-- The names files with codes taught (nama_wilayah), with what they resolve to, for Kelola data.
SELECT n.import_id, n.tingkat, coalesce(p.nama, 'Indonesia') AS wilayah_induk, n.nama AS nama_di_berkas,
       n.kode, w.nama AS nama_kemendagri, l.nama_file
FROM nama_wilayah n
LEFT JOIN wilayah w ON w.kode = n.kode
LEFT JOIN wilayah p ON p.kode = n.kode_induk
LEFT JOIN import_log l ON l.id = n.import_id
ORDER BY n.import_id DESC, n.tingkat, p.nama, n.nama
