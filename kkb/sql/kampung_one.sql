-- One Kampung KB with the names of its desa, kecamatan, kab/kota and provinsi.
SELECT k.id, k.nama, k.kode_desa, d.nama AS desa, d.jenis AS jenis_desa, k.kode_kec, kc.nama AS kecamatan,
       k.kode_kab, kb.nama AS kabkota, k.kode_prov, p.nama AS provinsi,
       CAST(k.tanggal_pencanangan AS DATE) AS tanggal_pencanangan, k.cakupan_wilayah, k.is_active,
       k.lat, k.lng, k.sumber, k.import_id
FROM kampung_kb k
LEFT JOIN wilayah d ON d.kode = k.kode_desa
LEFT JOIN wilayah kc ON kc.kode = k.kode_kec
LEFT JOIN wilayah kb ON kb.kode = k.kode_kab
LEFT JOIN wilayah p ON p.kode = k.kode_prov
WHERE k.id = $id
