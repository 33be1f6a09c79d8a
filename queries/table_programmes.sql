-- The whole programmes table as stored, for downloads.
SELECT * FROM programmes
