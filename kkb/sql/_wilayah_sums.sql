-- The counts of a group of regions of rekap_wilayah (included where "-- include: _wilayah_sums"
-- stands): a sum with an unknown (NULL) part is unknown; the latest printed periode among the parts.
       sum(pembentukan)::BIGINT AS pembentukan,
       (CASE WHEN bool_or(desa_terbentuk IS NULL) THEN NULL ELSE sum(desa_terbentuk) END)::BIGINT AS desa_terbentuk,
       (CASE WHEN bool_or(kec_terbentuk IS NULL) THEN NULL ELSE sum(kec_terbentuk) END)::BIGINT AS kec_terbentuk,
       (CASE WHEN bool_or(baru IS NULL) THEN NULL ELSE sum(baru) END)::BIGINT AS baru,
       sum(terklasifikasi)::BIGINT AS terklasifikasi,
       sum(dasar)::BIGINT AS dasar,
       sum(berkembang)::BIGINT AS berkembang,
       sum(mandiri)::BIGINT AS mandiri,
       sum(berkelanjutan)::BIGINT AS berkelanjutan,
       sum(dq_kampung)::BIGINT AS dq_kampung,
       sum(sintetis)::BIGINT AS sintetis,
       max(dari_periode) AS dari_periode,
       sum(tanpa_tanggal)::BIGINT AS tanpa_tanggal
