-- Which programmes each body marked or designed, for the shared programme filter (no design texts).
SELECT municipality_code, programme, marked, has_content
FROM programmes
ORDER BY municipality_code, programme
