-- Schema version 8: New SIGA's monthly poktan (BKB, BKR, BKL, UPPKA, PIK-R) and Rumah DataKu recaps
-- per desa (FORMATS §D), each count as reported. One row per desa, month, group (bkb … pikr, dataku)
-- and measure (ada, lapor; jumlah, sk_ada, sk_tidak, apbn, apbd, add, swadaya, csr, lainnya).
CREATE TABLE IF NOT EXISTS siga_poktan (
    kode_desa VARCHAR NOT NULL,
    periode VARCHAR NOT NULL,
    kelompok VARCHAR NOT NULL,
    ukuran VARCHAR NOT NULL,
    nilai BIGINT NOT NULL,
    import_id INTEGER NOT NULL
);
