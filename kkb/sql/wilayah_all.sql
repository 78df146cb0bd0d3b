SELECT kode, tingkat, kode_induk, nama, nama_singkat, jenis, lat, lng, luas_km2, penduduk,
       jml_desa_kel, jml_kecamatan
FROM wilayah
WHERE tingkat <= $tingkat
ORDER BY kode
