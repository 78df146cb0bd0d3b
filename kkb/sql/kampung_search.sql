-- The Kampung KB whose names are like the words of $tokens, best first; over the search index of
-- kkb.search (registered as "names", "words" and "vocabulary": every distinct word once).
-- A word of the search against a word of a name: 1 the same, 0.97 a prefix, else the mean of
-- Jaro-Winkler (kind to a slip near the end) and the share of letters right by Damerau-Levenshtein
-- (fair to one in the middle). Each word of the search must reach $floor in some name; a Kampung
-- KB's score is its words' mean. Only the vocabulary is compared, once per word, not every name.
WITH asked AS (SELECT unnest($tokens) AS token),
likeness AS (
    SELECT a.token, v.word,
           CASE WHEN v.word = a.token THEN 1.0 WHEN starts_with(v.word, a.token) THEN 0.97
                -- far apart already by the cheap measure: no mean of the two can reach the floor
                WHEN jaro_winkler_similarity(v.word, a.token) < 2 * $floor - 1 THEN 0.0
                ELSE (jaro_winkler_similarity(v.word, a.token)
                      + 1 - damerau_levenshtein(v.word, a.token) / greatest(length(v.word), length(a.token))) / 2
           END AS likeness
    FROM vocabulary v CROSS JOIN asked a
),
close AS (SELECT token, word, likeness FROM likeness WHERE likeness >= $floor),
hits AS (
    SELECT w.id, c.token, max(w.weight * c.likeness) AS score
    FROM words w JOIN close c ON c.word = w.word
    GROUP BY w.id, c.token
),
ranked AS (
    SELECT id, avg(score) AS score FROM hits GROUP BY id
    HAVING count(*) = len($tokens) AND min(score) >= $floor
)
SELECT r.id, n.nama, n.desa, n.kecamatan, n.kabkota, n.provinsi, round(r.score, 4) AS skor
FROM ranked r JOIN names n USING (id)
ORDER BY r.score DESC, n.nama, r.id
LIMIT $limit
