-- Schema version 5: Kampung KB known by their formation year only (New SIGA's recap, FORMATS §C).
-- A Kampung KB whose formation month is not known (New SIGA's recap gives a year, or "2020 or
-- later"): no date, the year as given (``2017``, ``2020+``), and the periode from which it is
-- counted as formed (the end of its year, or the recap's periode).
ALTER TABLE kampung_kb ALTER COLUMN tanggal_pencanangan DROP NOT NULL;
ALTER TABLE kampung_kb ADD COLUMN IF NOT EXISTS tahun_pencanangan VARCHAR;
ALTER TABLE kampung_kb ADD COLUMN IF NOT EXISTS dikenal_sejak VARCHAR;
-- New SIGA's counts per desa at a periode: Kampung KB, those marked mandiri, the model ones.
CREATE TABLE IF NOT EXISTS siga_desa (
    kode_desa   VARCHAR NOT NULL,
    periode     VARCHAR NOT NULL,
    jumlah      INTEGER NOT NULL,
    mandiri     INTEGER NOT NULL,
    percontohan INTEGER NOT NULL,
    import_id   INTEGER NOT NULL
);
-- How many of a month's Kampung KB are counted without a formation month: while that number
-- changes, the month-by-month formation (pace, change over a year) is not known.
ALTER TABLE rekap ADD COLUMN IF NOT EXISTS tanpa_tanggal INTEGER;
ALTER TABLE rekap_wilayah ADD COLUMN IF NOT EXISTS tanpa_tanggal BIGINT;
