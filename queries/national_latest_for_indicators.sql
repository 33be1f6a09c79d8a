-- The given indicators in their newest year with municipal values, for every place (the nearest-neighbour model).
WITH latest AS (
    SELECT v.indicator, max(v.year) AS year
    FROM national_values AS v
    JOIN places AS p USING (code)
    WHERE p.kind <> 'prefecture' AND v.value IS NOT NULL AND list_contains($indicators, v.indicator)
    GROUP BY v.indicator
)
SELECT v.code, v.indicator, v.year, v.value
FROM national_values AS v
JOIN latest USING (indicator, year)
ORDER BY v.indicator, v.code
