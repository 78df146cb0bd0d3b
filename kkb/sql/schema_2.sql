-- Schema version 2: monthly totals of the nation, every provinsi and every kab/kota, summed from
-- rekap. A region's trend or its children's counts then read a few hundred rows of this table
-- instead of scanning the whole kecamatan grid (742,039 rows at national scale).
CREATE TABLE rekap_wilayah (
    kode             VARCHAR NOT NULL,   -- '' for the nation, else the provinsi or kab/kota code
    tingkat          TINYINT NOT NULL,   -- 0 nation, 1 provinsi, 2 kab/kota
    periode          VARCHAR NOT NULL,
    metode           VARCHAR NOT NULL,
    pembentukan      BIGINT NOT NULL,
    desa_terbentuk   BIGINT NOT NULL,
    kec_terbentuk    BIGINT NOT NULL,
    baru             BIGINT NOT NULL,
    terklasifikasi   BIGINT NOT NULL,
    dasar            BIGINT NOT NULL,
    berkembang       BIGINT NOT NULL,
    mandiri          BIGINT NOT NULL,
    berkelanjutan    BIGINT NOT NULL,
    dq_kampung       BIGINT NOT NULL,
    sintetis         BIGINT NOT NULL
);
