-- Row counts of every table offered for download (counted in the database, no table is copied).
SELECT 'municipalities' AS name, count(*) AS n FROM municipalities
UNION ALL SELECT 'programmes' AS name, count(*) AS n FROM programmes
UNION ALL SELECT 'programme_texts' AS name, count(*) AS n FROM programme_texts
UNION ALL SELECT 'data_quality' AS name, count(*) AS n FROM data_quality
UNION ALL SELECT 'documents' AS name, count(*) AS n FROM documents
UNION ALL SELECT 'build_info' AS name, count(*) AS n FROM build_info
UNION ALL SELECT 'targets' AS name, count(*) AS n FROM targets
UNION ALL SELECT 'places' AS name, count(*) AS n FROM places
UNION ALL SELECT 'national_indicators' AS name, count(*) AS n FROM national_indicators
UNION ALL SELECT 'national_values' AS name, count(*) AS n FROM national_values
UNION ALL SELECT 'national_revisions' AS name, count(*) AS n FROM national_revisions
UNION ALL SELECT 'national_code_changes' AS name, count(*) AS n FROM national_code_changes
UNION ALL SELECT 'wards' AS name, count(*) AS n FROM wards
