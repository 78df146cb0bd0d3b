-- Kampung KB whose name, desa, kecamatan, kab/kota or provinsi is like the words of $tokens, best first.
-- Each word of the search is scored against each word of each name (1 = the same, 0.97 a prefix, one
-- letter wrong ≈ 0.9); a Kampung KB's score is its words' mean, and every word must score $floor. Names are
-- compared lower-case, without "Kampung KB", and a place's own name counts a little more than the
-- larger region it lies in, so that "serang" finds Kampung KB named Serang before all of Kab. Serang.
WITH words AS (SELECT unnest($tokens) AS word),
names AS (
    SELECT k.id, k.nama, d.nama AS desa, kc.nama AS kecamatan, kb.nama AS kabkota, p.nama AS provinsi,
           string_split(trim(regexp_replace(lower(k.nama), '^kampung\s+kb\s*', '')), ' ') AS w_nama,
           string_split(lower(d.nama), ' ') AS w_desa,
           string_split(lower(kc.nama), ' ') AS w_kec,
           string_split(lower(kb.nama_singkat), ' ') AS w_kab,
           string_split(lower(p.nama), ' ') AS w_prov
    FROM kampung_kb k
    LEFT JOIN wilayah d ON d.kode = k.kode_desa
    LEFT JOIN wilayah kc ON kc.kode = k.kode_kec
    LEFT JOIN wilayah kb ON kb.kode = k.kode_kab
    LEFT JOIN wilayah p ON p.kode = k.kode_prov
),
scored AS (
    -- a word's likeness: 1 the same, 0.97 a prefix, else the mean of Jaro-Winkler (kind to a slip
    -- near the end) and the share of letters right by Damerau-Levenshtein (fair to one in the middle)
    SELECT n.id, w.word,
           list_max(list_transform(
               [{'weight': 1.0, 'words': n.w_nama}, {'weight': 1.0, 'words': n.w_desa},
                {'weight': 0.99, 'words': n.w_kec}, {'weight': 0.98, 'words': n.w_kab},
                {'weight': 0.97, 'words': n.w_prov}],
               lambda f: f.weight * coalesce(list_max(list_transform(f.words, lambda x:
                   CASE WHEN x = w.word THEN 1.0 WHEN starts_with(x, w.word) THEN 0.97
                   -- far apart already by the cheap measure: no mean of the two can reach the floor
                   WHEN jaro_winkler_similarity(x, w.word) < 2 * $floor - 1 THEN 0.0
                   ELSE (jaro_winkler_similarity(x, w.word)
                         + 1 - damerau_levenshtein(x, w.word) / greatest(length(x), length(w.word))) / 2
                   END)), 0)
           )) AS score
    FROM names n CROSS JOIN words w
),
ranked AS (
    SELECT id, avg(score) AS score FROM scored GROUP BY id HAVING min(score) >= $floor
)
SELECT r.id, n.nama, n.desa, n.kecamatan, n.kabkota, n.provinsi, round(r.score, 4) AS skor
FROM ranked r JOIN names n USING (id)
ORDER BY r.score DESC, n.nama, r.id
LIMIT $limit
