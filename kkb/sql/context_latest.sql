-- The latest month at or before $periode for which New SIGA has counts of any desa of $prefix (NULL: none).
SELECT max(periode) AS periode FROM siga_bulanan WHERE starts_with(kode_desa, $prefix) AND periode <= $periode
