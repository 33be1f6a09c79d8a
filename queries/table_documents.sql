-- The whole documents table as stored, for downloads.
SELECT * FROM documents
