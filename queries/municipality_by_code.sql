-- One body by its code.
SELECT m.*,
       (SELECT sum(promoter_count) FROM programmes WHERE municipality_code = m.code) AS promoter_count
FROM municipalities AS m
WHERE m.code = $code
