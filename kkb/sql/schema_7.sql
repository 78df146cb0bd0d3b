-- Schema version 7: New SIGA's monthly recaps per desa (FORMATS §D), each count as reported: PUS and
-- unmet need, peserta KB by method. One row per desa, month and measure; the import that gave it.
CREATE TABLE IF NOT EXISTS siga_bulanan (
    kode_desa VARCHAR NOT NULL,
    periode VARCHAR NOT NULL,
    ukuran VARCHAR NOT NULL,
    nilai BIGINT NOT NULL,
    import_id INTEGER NOT NULL
);
