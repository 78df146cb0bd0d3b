-- Every import, newest first: what, of when and where, first; the file, the counts and the note after.
SELECT id, waktu, bentuk, periode, wilayah, nama_file, baris_ditambah, baris_diubah, pengguna, catatan, sha256
FROM import_log
ORDER BY id DESC
