-- First month a Kampung KB was declared and the last reported month: the span of the rekap grid.
SELECT strftime(min(k.tanggal_pencanangan), '%Y-%m') AS awal,
       (SELECT max(periode) FROM snapshot) AS akhir
FROM kampung_kb k
