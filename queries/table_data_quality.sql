-- The whole data_quality table as stored, for downloads.
SELECT * FROM data_quality
