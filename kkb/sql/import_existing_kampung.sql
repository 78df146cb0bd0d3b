-- Kampung KB already registered in the desa an import names ($desa: list of desa codes).
SELECT id, nama, kode_desa FROM kampung_kb WHERE list_contains($desa, kode_desa) ORDER BY id
