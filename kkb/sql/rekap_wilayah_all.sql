-- The whole of rekap_wilayah (63,413 rows at national scale), in the order kkb.store looks it up.
SELECT tingkat, metode, kode, periode, pembentukan, desa_terbentuk, kec_terbentuk, baru, terklasifikasi,
       dasar, berkembang, mandiri, berkelanjutan, dq_kampung, sintetis,
       dari_periode, tanpa_tanggal
FROM rekap_wilayah
ORDER BY tingkat, metode, kode, periode
