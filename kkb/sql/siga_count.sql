-- Kampung KB an earlier SIGA recap made in these desa ($desa), replaced by the new one.
SELECT count(*) AS n FROM kampung_kb WHERE starts_with(id, 'S') AND list_contains($desa, kode_desa)
