SELECT DISTINCT periode FROM rekap_wilayah WHERE tingkat = 0 ORDER BY periode
