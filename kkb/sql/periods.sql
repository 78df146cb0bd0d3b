SELECT DISTINCT periode FROM rekap ORDER BY periode
