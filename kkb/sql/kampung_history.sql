-- Every snapshot of one Kampung KB with its classification under $metode, oldest first.
SELECT s.*, c.* EXCLUDE (kampung_id, periode)
FROM snapshot s
JOIN klasifikasi c ON c.kampung_id = s.kampung_id AND c.periode = s.periode AND c.metode = $metode
WHERE s.kampung_id = $id
ORDER BY s.periode
