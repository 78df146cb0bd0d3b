-- The names of the regions an import covered ($kode: their codes), in code order.
SELECT nama FROM wilayah WHERE list_contains($kode, kode) ORDER BY kode
