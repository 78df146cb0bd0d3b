-- Schema version 6: each import names the regions it covered (kab/kota, or provinsi for a table of
-- provinces), for Metodologi & data. Imports made before get the regions their rows still hold.
ALTER TABLE import_log ADD COLUMN IF NOT EXISTS wilayah VARCHAR;
UPDATE import_log SET wilayah = s.nama
FROM (
    SELECT x.import_id, string_agg(DISTINCT w.nama, ', ' ORDER BY w.nama) AS nama
    FROM (
        SELECT import_id, kode_kab AS kode FROM kampung_kb WHERE import_id IS NOT NULL
        UNION SELECT import_id, kode FROM angka_wilayah
        UNION SELECT import_id, left(kode_desa, 5) FROM siga_desa
    ) x
    JOIN wilayah w ON w.kode = x.kode
    GROUP BY x.import_id
) s
WHERE s.import_id = import_log.id AND import_log.wilayah IS NULL;
