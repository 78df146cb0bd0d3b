-- New SIGA's poktan (bkb … pikr) and Rumah DataKu (dataku) counts of a region ($prefix), per group at
-- the latest month at or before $periode that the group has, and the same month a year before (the
-- change over the year). A desa counts as having a group when it reports one or more; the reporting
-- rate's parts are summed over the desa that report both, like the family-planning ratios.
WITH desa AS (
    SELECT kelompok, kode_desa, periode,
           max(nilai) FILTER (WHERE ukuran IN ('ada', 'jumlah')) AS ada,
           max(nilai) FILTER (WHERE ukuran = 'lapor') AS lapor,
           max(nilai) FILTER (WHERE ukuran = 'sk_ada') AS sk_ada
    FROM siga_poktan
    WHERE starts_with(kode_desa, $prefix) AND periode <= $periode
    GROUP BY kelompok, kode_desa, periode
),
latest AS (
    SELECT kelompok, max(periode) AS periode FROM desa GROUP BY kelompok
)
SELECT d.kelompok,
       d.periode,
       d.periode = l.periode AS terbaru,
       count(d.ada)::BIGINT AS desa,
       count(*) FILTER (WHERE d.ada > 0)::BIGINT AS desa_ada,
       sum(d.ada)::BIGINT AS ada,
       sum(d.lapor) FILTER (WHERE d.ada IS NOT NULL)::BIGINT AS lapor,
       sum(d.ada) FILTER (WHERE d.lapor IS NOT NULL)::BIGINT AS ada_lapor,
       sum(d.sk_ada) FILTER (WHERE d.ada IS NOT NULL)::BIGINT AS sk_ada,
       sum(d.ada) FILTER (WHERE d.sk_ada IS NOT NULL)::BIGINT AS ada_sk
FROM desa d
JOIN latest l ON d.kelompok = l.kelompok
WHERE d.periode = l.periode
   OR d.periode = lpad(CAST(CAST(left(l.periode, 4) AS INTEGER) - 1 AS VARCHAR), 4, '0') || substr(l.periode, 5)
GROUP BY d.kelompok, d.periode, l.periode
ORDER BY d.kelompok, d.periode
