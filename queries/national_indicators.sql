-- The catalogue of national indicators (SSDSE-A codes and derived ones) with labels, units and formulas, in reading
-- order: topics from people to places, derived rates before the counts they come from.
SELECT indicator, label_ja, label_en, unit, unit_en, topic, source, definition, formula, years, derived, decimals, aggregate
FROM national_indicators
ORDER BY CASE topic WHEN 'population' THEN 1 WHEN 'households' THEN 2 WHEN 'vital' THEN 3 WHEN 'welfare' THEN 4
                    WHEN 'health' THEN 5 WHEN 'labour' THEN 6 WHEN 'finance' THEN 7 WHEN 'economy' THEN 8
                    WHEN 'education' THEN 9 WHEN 'culture' THEN 10 WHEN 'living' THEN 11 WHEN 'land' THEN 12 ELSE 13 END,
         derived DESC, indicator
