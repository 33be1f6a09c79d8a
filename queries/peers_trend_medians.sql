-- 比較 推移: the median over every place of one level for each indicator and year: municipalities (the
-- 1,741: codes not ending in 000) when $prefectures is false, the 47 prefectures (PP000) when true.
SELECT indicator, year, median(value) AS median, count(*) AS n
FROM national_values
WHERE list_contains($indicators, indicator) AND value IS NOT NULL
  AND (code LIKE '__000') = $prefectures
GROUP BY indicator, year
ORDER BY indicator, year
