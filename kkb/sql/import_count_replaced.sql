-- Snapshots the import replaces (_keys: the imported kampung_id and periode pairs).
SELECT count(*) AS n FROM snapshot s JOIN _keys k USING (kampung_id, periode)
