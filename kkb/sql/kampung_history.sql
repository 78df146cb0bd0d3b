-- Every snapshot of one Kampung KB with its classification under $metode, oldest first, and the
-- class and indices its source printed (method 'impor'), where the source gave a class.
SELECT s.*, c.* EXCLUDE (kampung_id, periode),
       p.klasifikasi AS klasifikasi_tercetak, p.indeks_input AS tercetak_indeks_input,
       p.indeks_proses AS tercetak_indeks_proses, p.indeks_output AS tercetak_indeks_output
FROM snapshot s
JOIN klasifikasi c ON c.kampung_id = s.kampung_id AND c.periode = s.periode AND c.metode = $metode
LEFT JOIN klasifikasi p ON p.kampung_id = s.kampung_id AND p.periode = s.periode AND p.metode = 'impor'
WHERE s.kampung_id = $id
ORDER BY s.periode
