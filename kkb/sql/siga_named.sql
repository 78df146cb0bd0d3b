-- Names the Kampung KB of an earlier SIGA recap took from a later file ($desa), kept by a new recap.
SELECT id, nama FROM kampung_kb WHERE starts_with(id, 'S') AND list_contains($desa, kode_desa)
