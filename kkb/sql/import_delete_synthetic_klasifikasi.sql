DELETE FROM klasifikasi
WHERE kampung_id IN (SELECT id FROM kampung_kb WHERE sumber = 'sintetis' AND list_contains($kabs, kode_kab))
