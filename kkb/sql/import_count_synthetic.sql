-- Synthetic Kampung KB in the kab/kota an import covers ($kabs: list of kab/kota codes).
SELECT count(*) AS n FROM kampung_kb WHERE sumber = 'sintetis' AND list_contains($kabs, kode_kab)
