-- Kampung KB already registered in the desa an export names ($desa), with the year New SIGA gave.
SELECT id, nama, kode_desa, tahun_pencanangan FROM kampung_kb WHERE list_contains($desa, kode_desa) ORDER BY id
