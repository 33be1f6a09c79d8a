-- Design texts containing a literal substring (bound parameter; no pattern characters are interpreted).
SELECT t.municipality_code, t.programme, t.field, t.text, t.source_line,
       m.name, m.prefecture, m.kind, m.name_kana, m.name_romaji
FROM programme_texts AS t
JOIN municipalities AS m ON m.code = t.municipality_code
WHERE strpos(t.text, $needle) > 0
ORDER BY t.municipality_code, t.source_line
