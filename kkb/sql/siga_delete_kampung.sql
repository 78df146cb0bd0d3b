-- The Kampung KB an earlier SIGA recap made in these desa ($desa).
DELETE FROM kampung_kb WHERE starts_with(id, 'S') AND list_contains($desa, kode_desa)
