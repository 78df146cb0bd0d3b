-- Targets an import replaces (_targets: the imported rows).
SELECT count(*) AS n FROM target t
JOIN _targets x ON x.kode_wilayah = t.kode_wilayah AND x.tahun = t.tahun AND x.metrik = t.metrik AND x.jenis = t.jenis
