-- One body's programmes in section order (3 community_capacity, 4 multi_agency, 5 prefectural).
SELECT *
FROM programmes
WHERE municipality_code = $code
ORDER BY CASE programme WHEN 'community_capacity' THEN 1 WHEN 'multi_agency' THEN 2 ELSE 3 END
