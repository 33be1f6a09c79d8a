-- Whole table for download (データと方法).
SELECT * FROM national_code_changes
