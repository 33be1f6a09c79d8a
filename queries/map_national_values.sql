-- One national indicator in one year for every municipality (1,741; prefectures left out), a municipality without a
-- value kept with NULL so the map can grey it; the prefecture's romaji for English tooltips; the office point for the
-- few municipalities too small to keep a polygon in the shipped boundaries.
SELECT p.code, p.name, p.name_romaji, p.prefecture, pr.name_romaji AS prefecture_romaji, p.in_model_project, p.lat, p.lon,
       v.value
FROM places AS p
LEFT JOIN places AS pr ON pr.code = p.prefecture_code
LEFT JOIN national_values AS v ON v.code = p.code AND v.indicator = $indicator AND v.year = $year
WHERE p.kind <> 'prefecture'
ORDER BY p.code
