-- One indicator over every year it has, for every place (trend of a place against its prefecture, type and Japan).
SELECT code, indicator, year, value, aggregated
FROM national_values
WHERE indicator = $indicator AND value IS NOT NULL
ORDER BY year, code
