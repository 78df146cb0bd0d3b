-- Every Kampung KB with the names it can be found by (search_words.sql splits them into words).
SELECT k.id, k.nama, d.nama AS desa, kc.nama AS kecamatan, kb.nama AS kabkota, p.nama AS provinsi,
       kb.nama_singkat AS kabkota_singkat
FROM kampung_kb k
LEFT JOIN wilayah d ON d.kode = k.kode_desa
LEFT JOIN wilayah kc ON kc.kode = k.kode_kec
LEFT JOIN wilayah kb ON kb.kode = k.kode_kab
LEFT JOIN wilayah p ON p.kode = k.kode_prov
