-- One Kampung KB with the names of its desa, kecamatan, kab/kota and provinsi, and the import that
-- registered it (none for synthetic rows).
SELECT k.id, k.nama, k.kode_desa, d.nama AS desa, d.jenis AS jenis_desa, k.kode_kec, kc.nama AS kecamatan,
       k.kode_kab, kb.nama AS kabkota, k.kode_prov, p.nama AS provinsi,
       CAST(k.tanggal_pencanangan AS DATE) AS tanggal_pencanangan, k.tahun_pencanangan, k.dikenal_sejak,
       k.cakupan_wilayah, k.is_active, k.lat, k.lng, k.sumber, k.import_id,
       l.nama_file AS impor_berkas, l.bentuk AS impor_bentuk, l.periode AS impor_periode,
       CAST(l.waktu AS DATE)::VARCHAR AS impor_waktu
FROM kampung_kb k
LEFT JOIN wilayah d ON d.kode = k.kode_desa
LEFT JOIN wilayah kc ON kc.kode = k.kode_kec
LEFT JOIN wilayah kb ON kb.kode = k.kode_kab
LEFT JOIN wilayah p ON p.kode = k.kode_prov
LEFT JOIN import_log l ON l.id = k.import_id
WHERE k.id = $id
