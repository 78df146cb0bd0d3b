-- The months the rekap table covers now (both NULL when it is empty).
SELECT min(periode) AS awal, max(periode) AS akhir FROM rekap
