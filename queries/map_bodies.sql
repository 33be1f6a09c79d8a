-- Bodies with the map's indicators and coordinates; promoter_count summed over the body's programmes (NULL when none stated).
SELECT m.code, m.prefecture, m.name, m.name_romaji, m.kind,
       m.population, m.households, m.ageing_rate_pct, m.welfare_rate_pct, m.association_rate_pct,
       m.area_km2, m.density_per_km2, m.programme_count,
       p.promoter_count,
       m.lat, m.lon, m.source_file, m.source_line
FROM municipalities AS m
LEFT JOIN (
    SELECT municipality_code, sum(promoter_count) AS promoter_count
    FROM programmes
    WHERE promoter_count IS NOT NULL
    GROUP BY municipality_code
) AS p ON p.municipality_code = m.code
ORDER BY m.code
