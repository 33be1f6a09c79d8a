-- Every extracted target with its classification, in document and line order.
SELECT * FROM targets ORDER BY document_id, source_line, target_id
