-- Data-quality records of one indicator field, so the map can mark corrected values and show what was printed.
SELECT municipality_code, field, raw_value, value, rule, source_line, note
FROM data_quality
WHERE field = $field AND municipality_code IS NOT NULL
ORDER BY municipality_code
