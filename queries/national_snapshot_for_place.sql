-- For every indicator a place has, its newest year with a number; then every place's value of that indicator in
-- that year (the place's standing in Japan, its prefecture and its type group is read from these rows).
WITH latest AS (
    SELECT indicator, max(year) AS year
    FROM national_values
    WHERE code = $code AND value IS NOT NULL
    GROUP BY indicator
)
SELECT v.code, v.indicator, v.year, v.value, v.aggregated
FROM national_values AS v
JOIN latest USING (indicator, year)
WHERE v.value IS NOT NULL
ORDER BY v.indicator, v.code
