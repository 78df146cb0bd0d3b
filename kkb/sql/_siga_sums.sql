-- The counts of a group of desa-months (a CTE of _siga_pivot), each ratio's parts summed over the desa
-- that report both (included where "-- include: _siga_sums" stands).
       count(pus)::BIGINT AS desa_pus,
       sum(pus)::BIGINT AS pus,
       count(*) FILTER (WHERE pa IS NOT NULL AND pus IS NOT NULL)::BIGINT AS desa_cpr,
       sum(pa) FILTER (WHERE pus IS NOT NULL)::BIGINT AS pa,
       sum(pus) FILTER (WHERE pa IS NOT NULL)::BIGINT AS pus_cpr,
       count(*) FILTER (WHERE kb_modern IS NOT NULL AND pus IS NOT NULL)::BIGINT AS desa_mcpr,
       sum(kb_modern) FILTER (WHERE pus IS NOT NULL)::BIGINT AS kb_modern,
       sum(pus) FILTER (WHERE kb_modern IS NOT NULL)::BIGINT AS pus_mcpr,
       count(*) FILTER (WHERE kb_mkjp IS NOT NULL AND kb_modern IS NOT NULL)::BIGINT AS desa_mkjp,
       sum(kb_mkjp) FILTER (WHERE kb_modern IS NOT NULL)::BIGINT AS kb_mkjp,
       sum(kb_modern) FILTER (WHERE kb_mkjp IS NOT NULL)::BIGINT AS modern_mkjp,
       count(*) FILTER (WHERE unmet_need IS NOT NULL AND pus IS NOT NULL)::BIGINT AS desa_unmet,
       sum(unmet_need) FILTER (WHERE pus IS NOT NULL)::BIGINT AS unmet_need,
       sum(pus) FILTER (WHERE unmet_need IS NOT NULL)::BIGINT AS pus_unmet
