-- Scores and classes of SIGA Kampung KB a new recap no longer counts (a desa with fewer of them).
DELETE FROM klasifikasi WHERE starts_with(kampung_id, 'S') AND kampung_id NOT IN (SELECT id FROM kampung_kb);
DELETE FROM snapshot WHERE starts_with(kampung_id, 'S') AND kampung_id NOT IN (SELECT id FROM kampung_kb);
