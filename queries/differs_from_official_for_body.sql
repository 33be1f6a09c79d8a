-- The plan's printed figures that differ from the official statistics of the nearest year (rule differs_from_official).
SELECT field, raw_value, value, note, source_line
FROM data_quality
WHERE municipality_code = $code AND rule = 'differs_from_official'
ORDER BY field
