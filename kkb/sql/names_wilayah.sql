-- Regions down to $tingkat with what their names are compared by (kkb.ingest.names).
SELECT kode, tingkat, kode_induk, nama, nama_singkat, jenis FROM wilayah WHERE tingkat <= $tingkat
