-- The whole municipalities table as stored, for downloads.
SELECT * FROM municipalities
