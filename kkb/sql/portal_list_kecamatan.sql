-- Every kecamatan with its name (to say where an unknown desa code of a portal list points).
SELECT kode, nama FROM wilayah WHERE tingkat = 3
