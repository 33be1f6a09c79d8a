-- Every design text occurrence with its source line and the body's names.
SELECT t.municipality_code, t.programme, t.field, t.text, t.source_line,
       m.name, m.prefecture, m.kind, m.name_kana, m.name_romaji, m.source_file
FROM programme_texts AS t
JOIN municipalities AS m ON m.code = t.municipality_code
ORDER BY t.municipality_code, t.source_line
