-- A Kampung KB New SIGA counted without a name takes the name an export gives it ($id, $nama), and
-- the formation year the recap gave, or the years of its desa when they differ ($tahun, "2017/2019").
UPDATE kampung_kb SET nama = $nama, tahun_pencanangan = $tahun WHERE id = $id
