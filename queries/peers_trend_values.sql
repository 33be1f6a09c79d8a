-- 比較 推移: every year of a list of national indicators ($indicators) for a list of places ($codes: the place and
-- its peers, today's membership). Missing values stay out (a gap, never a zero); the status is in national_values.
SELECT code, indicator, year, value
FROM national_values
WHERE list_contains($indicators, indicator) AND list_contains($codes, code) AND value IS NOT NULL
ORDER BY indicator, year, code
