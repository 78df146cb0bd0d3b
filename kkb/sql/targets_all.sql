SELECT kode_wilayah, tahun, metrik, jenis, nilai, penyebut, periode, sumber, sumber_url,
       sumber_tanggal, catatan
FROM target
ORDER BY kode_wilayah, tahun, metrik, jenis
