-- Each word of each name of each Kampung KB (names: search_names.sql, registered as "names"),
-- lower-case, without "Kampung KB", with how much a match on it counts: a place's own name a little
-- more than the larger region it lies in, so "serang" finds Kampung KB named Serang before all of
-- Kab. Serang.
WITH fields AS (
    SELECT id, 1.0 AS weight, trim(regexp_replace(lower(nama), '^kampung\s+kb\s*', '')) AS name FROM names
    UNION ALL SELECT id, 1.0, lower(desa) FROM names
    UNION ALL SELECT id, 0.99, lower(kecamatan) FROM names
    UNION ALL SELECT id, 0.98, lower(kabkota_singkat) FROM names
    UNION ALL SELECT id, 0.97, lower(provinsi) FROM names
)
SELECT id, word, max(weight) AS weight
FROM (SELECT id, weight, unnest(regexp_split_to_array(name, '[^0-9a-z]+')) AS word FROM fields)
WHERE word <> ''
GROUP BY id, word
