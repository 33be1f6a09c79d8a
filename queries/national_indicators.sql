-- The catalogue of national indicators (SSDSE-A codes and derived ones) with labels, units and formulas.
SELECT indicator, label_ja, label_en, unit, unit_en, topic, source, definition, formula, years, derived, decimals, aggregate
FROM national_indicators
ORDER BY derived, topic, indicator
