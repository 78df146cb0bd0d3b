-- The per-desa counts an earlier SIGA recap gave for these desa ($desa).
DELETE FROM siga_desa WHERE list_contains($desa, kode_desa)
