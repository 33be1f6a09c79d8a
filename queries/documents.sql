-- Source documents and what they are.
SELECT * FROM documents ORDER BY id
