-- Build metadata (build time, source hashes, versions).
SELECT * FROM build_info ORDER BY key
