-- Every provinsi, and the regions down to $tingkat inside the provinsi of $provinsi (codes): the
-- names a file of those provinsi is resolved against (kkb.ingest.names.index).
SELECT kode, tingkat, kode_induk, nama, nama_singkat, jenis
FROM wilayah
WHERE tingkat <= $tingkat AND (tingkat = 1 OR list_contains($provinsi, left(kode, 2)))
