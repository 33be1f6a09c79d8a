-- Every programme with a design, with the fields the similar-programme search reads and the body it belongs to.
SELECT p.municipality_code, p.programme, p.section_line,
       m.name, m.prefecture, m.kind, m.population,
       p.programme_name, p.necessity, p.support_target, p.support_content, p.hubs, p.training_target,
       p.training_content, p.overview, p.new_resources, p.prefectural_a, p.prefectural_b, p.outcome_targets
FROM programmes AS p
JOIN municipalities AS m ON m.code = p.municipality_code
WHERE p.has_content
ORDER BY p.municipality_code, p.programme
