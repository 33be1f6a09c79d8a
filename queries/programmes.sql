-- All programmes with the body's name, prefecture and kind, for tables and filters.
SELECT p.*,
       m.name, m.prefecture, m.kind, m.name_kana, m.name_romaji, m.source_file
FROM programmes AS p
JOIN municipalities AS m ON m.code = p.municipality_code
ORDER BY p.municipality_code,
         CASE p.programme WHEN 'community_capacity' THEN 1 WHEN 'multi_agency' THEN 2 ELSE 3 END
