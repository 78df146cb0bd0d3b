-- The Kampung KB registry. Codes are Kemendagri dotted codes kept as text.
CREATE TABLE meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- All four region levels in one table; tingkat 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan.
CREATE TABLE wilayah (
    kode          VARCHAR PRIMARY KEY,
    tingkat       TINYINT NOT NULL,
    kode_induk    VARCHAR NOT NULL,
    nama          VARCHAR NOT NULL,
    nama_singkat  VARCHAR NOT NULL,
    jenis         VARCHAR NOT NULL,
    lat           DOUBLE,
    lng           DOUBLE,
    luas_km2      DOUBLE,
    penduduk      BIGINT,
    jml_desa_kel  INTEGER NOT NULL,
    jml_kecamatan INTEGER NOT NULL
);

CREATE TABLE kampung_kb (
    id                  VARCHAR PRIMARY KEY,
    nama                VARCHAR NOT NULL,
    kode_desa           VARCHAR NOT NULL,
    kode_kec            VARCHAR NOT NULL,
    kode_kab            VARCHAR NOT NULL,
    kode_prov           VARCHAR NOT NULL,
    tanggal_pencanangan DATE NOT NULL,
    cakupan_wilayah     VARCHAR NOT NULL,
    is_active           BOOLEAN NOT NULL,
    lat                 DOUBLE,
    lng                 DOUBLE,
    sumber              VARCHAR NOT NULL,   -- 'sintetis' or 'impor'
    import_id           INTEGER
);

-- One row per Kampung KB per periode (YYYY-MM): the SPEC §4.1 input columns, empty = not reported.
CREATE TABLE snapshot (
    kampung_id VARCHAR NOT NULL,
    periode    VARCHAR NOT NULL,
    pokja TINYINT, pokja_anggota INTEGER, pokja_terlatih TINYINT, pokja_sk TINYINT,
    sumber_dana SMALLINT,
    bkb TINYINT, bkr TINYINT, bkl TINYINT, uppka TINYINT, pikr TINYINT,
    sekretariat TINYINT, rumah_dataku TINYINT, plkb_pendamping TINYINT, regulasi TINYINT, rkm TINYINT,
    penggunaan_data SMALLINT, mekanisme_operasional SMALLINT, instansi_terlibat SMALLINT,
    pus INTEGER, jumlah_keluarga INTEGER, jumlah_remaja INTEGER,
    keluarga_balita INTEGER, keluarga_remaja INTEGER, keluarga_lansia INTEGER,
    peserta_bkb INTEGER, peserta_bkr INTEGER, peserta_bkl INTEGER, peserta_uppka INTEGER,
    peserta_pikr INTEGER,
    kb_iud INTEGER, kb_mow INTEGER, kb_mop INTEGER, kb_implan INTEGER, kb_suntik INTEGER,
    kb_pil INTEGER, kb_kondom INTEGER,
    tidak_kb_hamil INTEGER, tidak_kb_ingin_anak_segera INTEGER, tidak_kb_iat INTEGER,
    tidak_kb_tial INTEGER,
    klasifikasi_impor VARCHAR,
    sumber     VARCHAR NOT NULL,
    import_id  INTEGER
);

-- The classification of every snapshot, per method, stored so pages never recompute history.
CREATE TABLE klasifikasi (
    kampung_id VARCHAR NOT NULL,
    periode    VARCHAR NOT NULL,
    metode     VARCHAR NOT NULL,
    skor_pokja TINYINT, skor_sumber_dana TINYINT, skor_poktan TINYINT, skor_sarana TINYINT,
    skor_pkb TINYINT, skor_penggunaan_data TINYINT, skor_mekanisme_operasional TINYINT,
    skor_lintas_sektor TINYINT, skor_partisipasi_poktan TINYINT, skor_cpr TINYINT, skor_mkjp TINYINT,
    skor_unmet_need TINYINT,
    indeks_input DOUBLE, indeks_proses DOUBLE, indeks_output DOUBLE,
    klasifikasi VARCHAR NOT NULL,
    mandiri_plus BOOLEAN NOT NULL,
    nilai_pokja DOUBLE, nilai_sumber_dana DOUBLE, nilai_poktan DOUBLE, nilai_sarana DOUBLE,
    nilai_pkb DOUBLE, nilai_penggunaan_data DOUBLE, nilai_mekanisme_operasional DOUBLE,
    nilai_lintas_sektor DOUBLE, nilai_partisipasi_poktan DOUBLE, nilai_cpr DOUBLE,
    nilai_mkjp DOUBLE, nilai_unmet_need DOUBLE,
    dq_unmet_tanpa_pus BOOLEAN, dq_pus_kosong BOOLEAN, dq_peserta_melebihi_sasaran BOOLEAN,
    dq_pengguna_melebihi_pus BOOLEAN, dq_tidak_kb_melebihi_pus BOOLEAN,
    dq_flag_di_luar_0_1 BOOLEAN, dq_hitungan_di_luar_rentang BOOLEAN, dq_laporan_kosong BOOLEAN,
    dq_jumlah TINYINT,
    langkah_ke_kelas_berikut TINYINT
);

-- Targets and published figures (jenis 'target' or 'realisasi'), each with its source.
CREATE TABLE target (
    kode_wilayah  VARCHAR NOT NULL,
    tahun         INTEGER NOT NULL,
    metrik        VARCHAR NOT NULL,
    jenis         VARCHAR NOT NULL,
    nilai         DOUBLE NOT NULL,
    penyebut      VARCHAR NOT NULL,
    periode       VARCHAR,
    sumber        VARCHAR NOT NULL,
    sumber_url    VARCHAR NOT NULL,
    sumber_tanggal VARCHAR NOT NULL,  -- YYYY-MM-DD, or YYYY-MM / YYYY where the day is not known
    catatan       VARCHAR
);

CREATE TABLE import_log (
    id            INTEGER PRIMARY KEY,
    waktu         TIMESTAMP NOT NULL,
    pengguna      VARCHAR NOT NULL,
    nama_file     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    baris_ditambah INTEGER NOT NULL,
    baris_diubah  INTEGER NOT NULL,
    catatan       VARCHAR
);

-- Per month and kecamatan: Kampung KB formed (active, declared by the month's end) and the class
-- of each one's latest snapshot at or before that month. Rebuilt by every build and import.
CREATE TABLE rekap (
    periode          VARCHAR NOT NULL,
    kode_kec         VARCHAR NOT NULL,
    metode           VARCHAR NOT NULL,
    pembentukan      INTEGER NOT NULL,
    desa_terbentuk   INTEGER NOT NULL,
    baru             INTEGER NOT NULL,
    terklasifikasi   INTEGER NOT NULL,
    dasar            INTEGER NOT NULL,
    berkembang       INTEGER NOT NULL,
    mandiri          INTEGER NOT NULL,
    berkelanjutan    INTEGER NOT NULL,
    dq_kampung       INTEGER NOT NULL,
    sintetis         INTEGER NOT NULL
);
