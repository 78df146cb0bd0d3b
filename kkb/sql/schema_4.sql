-- Schema version 4: real data that is not one row per Kampung KB.
-- ``angka_wilayah``: a region's totals as a file printed them (the portal's statistics table, FORMATS
-- §A): Kampung KB formed and the count in each class at one periode, no Kampung KB names. From its
-- periode on, they are the region's figures in rekap_wilayah; what lies below the region is unknown.
CREATE TABLE IF NOT EXISTS angka_wilayah (
    kode          VARCHAR NOT NULL,
    tingkat       TINYINT NOT NULL,   -- 1 provinsi, 2 kab/kota
    periode       VARCHAR NOT NULL,
    metode        VARCHAR NOT NULL,   -- the rules whose classes the file printed
    terbentuk     INTEGER NOT NULL,
    dasar         INTEGER NOT NULL,
    berkembang    INTEGER NOT NULL,
    mandiri       INTEGER NOT NULL,
    berkelanjutan INTEGER NOT NULL,
    import_id     INTEGER NOT NULL
);
-- Names a file wrote for a region, learned from a file that also gave the code, so that a later
-- file with names only resolves them the same way. Undone with its import (the backup is put back).
CREATE TABLE IF NOT EXISTS nama_wilayah (
    tingkat    TINYINT NOT NULL,
    kode_induk VARCHAR NOT NULL,
    nama       VARCHAR NOT NULL,      -- as normalised by kkb.ingest.names.normal
    kode       VARCHAR NOT NULL,
    import_id  INTEGER NOT NULL
);
-- Counts a region total does not give are unknown, not zero: villages reached, kecamatan reached
-- and the month's new Kampung KB of a region known only from its totals.
ALTER TABLE rekap_wilayah ALTER COLUMN desa_terbentuk DROP NOT NULL;
ALTER TABLE rekap_wilayah ALTER COLUMN kec_terbentuk DROP NOT NULL;
ALTER TABLE rekap_wilayah ALTER COLUMN baru DROP NOT NULL;
-- The periode a month's figures were printed for, where they are carried on from an earlier
-- periode (a region known from its totals); NULL where they are the month's own. Pace needs the latter.
ALTER TABLE rekap_wilayah ADD COLUMN IF NOT EXISTS dari_periode VARCHAR;
-- The periode an import's figures describe (the latest one, for a file with a periode on every row).
ALTER TABLE import_log ADD COLUMN IF NOT EXISTS periode VARCHAR;
