-- Row count and an order-independent hash of every row, per content table.
SELECT 'wilayah' AS tabel, count(*), coalesce(bit_xor(hash(t)), 0) FROM wilayah t
UNION ALL SELECT 'kampung_kb', count(*), coalesce(bit_xor(hash(t)), 0) FROM kampung_kb t
UNION ALL SELECT 'snapshot', count(*), coalesce(bit_xor(hash(t)), 0) FROM snapshot t
UNION ALL SELECT 'klasifikasi', count(*), coalesce(bit_xor(hash(t)), 0) FROM klasifikasi t
UNION ALL SELECT 'target', count(*), coalesce(bit_xor(hash(t)), 0) FROM target t
UNION ALL SELECT 'import_log', count(*), coalesce(bit_xor(hash(t)), 0) FROM import_log t
UNION ALL SELECT 'siga_bulanan', count(*), coalesce(bit_xor(hash(t)), 0) FROM siga_bulanan t
UNION ALL SELECT 'siga_poktan', count(*), coalesce(bit_xor(hash(t)), 0) FROM siga_poktan t
