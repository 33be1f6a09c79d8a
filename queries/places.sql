-- Every municipality (1,741) and prefecture (47) with its names, kind, coordinates and 類似団体区分.
SELECT code, name, name_kana, name_romaji, prefecture, prefecture_code, kind, lat, lon, coord_source,
       in_model_project, municipal_type, type_size, type_industry, type_not_selected
FROM places
ORDER BY code
