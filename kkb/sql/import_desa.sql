-- Every desa/kelurahan with its name and centre point: the codes an import may use.
SELECT kode, nama, lat, lng FROM wilayah WHERE tingkat = 4
