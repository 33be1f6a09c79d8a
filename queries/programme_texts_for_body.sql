-- One body's design texts with their source lines.
SELECT municipality_code, programme, field, text, source_line
FROM programme_texts
WHERE municipality_code = $code
ORDER BY source_line
