-- 比較: the latest value of each of a list of national indicators ($indicators, a list of ids) for every place.
-- "Latest" is the newest year in which any municipality has a number for that indicator, one year for all places
-- (so a comparison is like with like); prefectures (PP000, aggregated) are read in the same year.
WITH wanted AS (
    SELECT v.indicator, max(v.year) AS year
    FROM national_values AS v
    WHERE list_contains($indicators, v.indicator) AND v.value IS NOT NULL AND v.code NOT LIKE '__000'
    GROUP BY v.indicator
)
SELECT v.code, v.indicator, v.year, v.value
FROM national_values AS v
JOIN wanted AS w ON v.indicator = w.indicator AND v.year = w.year
WHERE v.value IS NOT NULL
ORDER BY v.indicator, v.code
