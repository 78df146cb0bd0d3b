-- Whether the methods in rekap are exactly those in klasifikasi.
SELECT (SELECT list(DISTINCT metode ORDER BY metode) FROM rekap)
     = (SELECT list(DISTINCT metode ORDER BY metode) FROM klasifikasi) AS sama
