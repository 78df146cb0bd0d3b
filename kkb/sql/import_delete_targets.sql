DELETE FROM target t
WHERE EXISTS (
    SELECT 1 FROM _targets x
    WHERE x.kode_wilayah = t.kode_wilayah AND x.tahun = t.tahun AND x.metrik = t.metrik AND x.jenis = t.jenis
)
