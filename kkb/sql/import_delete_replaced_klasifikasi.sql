DELETE FROM klasifikasi k
WHERE EXISTS (SELECT 1 FROM _keys x WHERE x.kampung_id = k.kampung_id AND x.periode = k.periode)
