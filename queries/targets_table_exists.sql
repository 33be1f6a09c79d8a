-- 1 when the database has the targets table (older builds do not), else 0.
SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'targets'
