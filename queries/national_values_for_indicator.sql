-- One indicator in one year over every place (1,741 municipalities and the 47 prefectures).
SELECT v.code, p.name, p.prefecture, p.kind, p.municipal_type, v.value, v.vintage, v.status, v.aggregated
FROM national_values AS v
JOIN places AS p USING (code)
WHERE v.indicator = $indicator AND v.year = $year
ORDER BY v.code
