-- First month a Kampung KB was declared and the last reported month: the span of the rekap grid.
-- A Kampung KB without a formation date counts from the periode it is known to exist.
SELECT least(strftime(min(k.tanggal_pencanangan), '%Y-%m'), min(k.dikenal_sejak)) AS awal,
       greatest((SELECT max(periode) FROM snapshot), max(k.dikenal_sejak)) AS akhir
FROM kampung_kb k
