-- The whole build_info table as stored, for downloads.
SELECT * FROM build_info
