DELETE FROM snapshot s
WHERE EXISTS (SELECT 1 FROM _keys x WHERE x.kampung_id = s.kampung_id AND x.periode = s.periode)
