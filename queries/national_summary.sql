-- Headline counts of the national baseline for the overview page.
SELECT (SELECT count(*) FROM places WHERE kind <> 'prefecture') AS municipalities,
       (SELECT count(*) FROM places WHERE kind = 'prefecture') AS prefectures,
       (SELECT count(*) FROM national_indicators) AS indicators,
       (SELECT count(*) FROM national_indicators WHERE derived) AS derived,
       (SELECT min(year) FROM national_values) AS first_year,
       (SELECT max(year) FROM national_values) AS last_year,
       (SELECT count(DISTINCT municipal_type) FROM places WHERE municipal_type IS NOT NULL) AS type_groups
