-- The whole programme_texts table as stored, for downloads.
SELECT * FROM programme_texts
