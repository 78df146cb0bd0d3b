-- How many of these Kampung KB ($ids) an earlier portal list already registered.
SELECT count(*) AS n FROM kampung_kb WHERE list_contains($ids, id)
