-- Whole table for download (データと方法).
SELECT * FROM places
