-- How often each normalisation rule fired.
SELECT rule, count(*) AS n, count(DISTINCT municipality_code) AS bodies
FROM data_quality
GROUP BY rule
ORDER BY n DESC, rule
