DELETE FROM kampung_kb WHERE sumber = 'sintetis' AND list_contains($kabs, kode_kab)
