-- One place's national indicators over all years, with labels and units.
SELECT v.indicator, i.label_ja, i.label_en, i.unit, i.unit_en, i.decimals, v.year, v.value, v.vintage, v.status, v.aggregated
FROM national_values AS v
JOIN national_indicators AS i USING (indicator)
WHERE v.code = $code
ORDER BY v.indicator, v.year
