-- The whole data-quality table with the body's name.
SELECT q.municipality_code, m.name, m.prefecture, q.field, q.raw_value, q.value, q.rule, q.source_line, q.note
FROM data_quality AS q
LEFT JOIN municipalities AS m ON m.code = q.municipality_code
ORDER BY q.municipality_code NULLS LAST, q.source_line NULLS LAST, q.field
