-- One national indicator in two years for every municipality (1,741; prefectures left out), for 地図's change map:
-- the earlier and the later value side by side, NULL where a year has no value (the map greys and counts it); the
-- prefecture's romaji for English tooltips; the office point for the few municipalities without a polygon.
SELECT p.code, p.name, p.name_romaji, p.prefecture, pr.name_romaji AS prefecture_romaji, p.in_model_project, p.lat, p.lon,
       a.value AS value_from, b.value AS value_to
FROM places AS p
LEFT JOIN places AS pr ON pr.code = p.prefecture_code
LEFT JOIN national_values AS a ON a.code = p.code AND a.indicator = $indicator AND a.year = $year_from
LEFT JOIN national_values AS b ON b.code = p.code AND b.indicator = $indicator AND b.year = $year_to
WHERE p.kind <> 'prefecture'
ORDER BY p.code
