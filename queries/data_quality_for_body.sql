-- Corrections and gaps recorded for one body.
SELECT field, raw_value, value, rule, source_line, note
FROM data_quality
WHERE municipality_code = $code
ORDER BY source_line NULLS LAST, field
