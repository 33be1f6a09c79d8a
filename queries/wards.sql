-- Designated-city wards (行政区): recognised in uploaded tables, folded into their city on the map.
SELECT code, name, prefecture, parent_code FROM wards ORDER BY code
