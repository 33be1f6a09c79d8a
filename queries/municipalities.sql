-- Every body with its indicators; promoter_count is summed over the body's programmes (NULL when none is stated).
SELECT m.*,
       p.promoter_count
FROM municipalities AS m
LEFT JOIN (
    SELECT municipality_code, sum(promoter_count) AS promoter_count
    FROM programmes
    WHERE promoter_count IS NOT NULL
    GROUP BY municipality_code
) AS p ON p.municipality_code = m.code
ORDER BY m.code
