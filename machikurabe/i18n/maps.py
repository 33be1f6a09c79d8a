"""UI strings of the 地図 page: indicator box, legend, tooltips, boundary and tile messages."""

STRINGS: dict[str, dict[str, str]] = {
    "title": {"ja": "地図", "en": "Map"},
    "intro": {
        "ja": "モデル事業に参加した市区町村を、選んだ指標の値で色分けして地図に示します。"
              "都道府県の計画（6団体）は右の棒グラフでくらべます。",
        "en": "Municipalities in the model projects, coloured by the chosen indicator. "
              "The six prefectural plans are compared in the bar chart on the right.",
    },
    "indicator": {"ja": "指標", "en": "Indicator"},
    "online_tiles": {"ja": "背景地図（オンライン）", "en": "Background map (online)"},
    "online_tiles_help": {
        "ja": "オンの場合、CARTO/OpenStreetMapの地図タイルをインターネットから読み込みます。オフでも都道府県の輪郭で位置がわかります。",
        "en": "When on, map tiles are loaded from CARTO/OpenStreetMap over the internet. "
              "Without them, prefecture outlines still show where bodies are.",
    },
    "use_boundaries": {"ja": "市区町村の境界で塗り分け", "en": "Fill municipal boundaries"},
    "map_title": {"ja": "{indicator}（市区町村, {n}団体）", "en": "{indicator} (municipalities, {n} bodies)"},
    "legend_title": {"ja": "{label}", "en": "{label}"},
    "legend_log": {"ja": "対数目盛", "en": "log scale"},
    "legend_missing": {"ja": "データなし", "en": "No data"},
    "legend_equal": {"ja": "全団体が同じ値", "en": "All bodies share one value"},
    "missing_list": {"ja": "データなし（灰色）：{names}", "en": "No data (grey): {names}"},
    "missing_list_blocks": {"ja": "データなし：{names}", "en": "No data: {names}"},
    "missing_none": {"ja": "この指標はすべての団体に値があります。", "en": "Every body has a value for this indicator."},
    "corrected_note": {
        "ja": "⚠ は記載どおりでない値（換算・補正・注記あり）です。記載どおりの値は地図のツールチップと「データと方法」のデータ品質表にあります。",
        "en": "⚠ marks values stored differently from the print (converted, corrected or annotated); the printed text is in "
              "the tooltip and in the data-quality table on Data and method.",
    },
    "corrected_tooltip": {"ja": "⚠ 記載どおり：{raw}", "en": "⚠ as printed: {raw}"},
    "no_municipalities": {
        "ja": "絞り込みの条件に合う市区町村がないため、地図は表示しません。",
        "en": "No municipality matches the filters, so there is no map.",
    },
    "no_prefectures": {
        "ja": "絞り込みの条件に合う都道府県の計画がないため、棒グラフは表示しません。",
        "en": "No prefectural plan matches the filters, so there is no bar chart.",
    },
    "no_points": {
        "ja": "該当する団体の位置（緯度・経度）がないため、地図に描けません。",
        "en": "The matching bodies have no coordinates, so nothing can be drawn.",
    },
    "map_bar_title": {"ja": "{indicator}（都道府県の計画, {n}団体）", "en": "{indicator} (prefectural plans, {n} bodies)"},
    "bar_x": {"ja": "都道府県", "en": "Prefecture"},
    "bar_missing": {"ja": "データなし", "en": "No data"},
    "boundaries_on": {
        "ja": "市区町村の境界：{path}（{n}団体を塗り分け）",
        "en": "Municipal boundaries: {path} ({n} bodies filled)",
    },
    "boundaries_shipped": {"ja": "国土数値情報（行政区域データ）2021年1月1日時点を簡略化したもの",
                           "en": "国土数値情報（行政区域データ） as of 1 January 2021, simplified"},
    "boundaries_own": {"ja": "ご自分で置いた境界ファイル（国土数値情報 行政区域データ）",
                       "en": "your own boundary file (国土数値情報, 行政区域データ)"},
    "boundaries_partial": {
        "ja": "境界ファイルにない団体は点で表示：{names}",
        "en": "Bodies not in the boundary file are shown as points: {names}",
    },
    "boundaries_howto": {
        "ja": "市区町村の境界を表示するには、国土数値情報ダウンロードサイト（{url}）→「行政区域データ（N03）」から"
              "全国または都道府県のファイル（GeoJSON・シェープファイル・そのZIP）をダウンロードし、"
              "`geo/N03.geojson`（または `.zip`/`.shp`）に置くか、環境変数 `MACHIKURABE_N03` でパスを指定してください。"
              "大きな全国ファイルは `python -m machikurabe.ui.boundaries <ダウンロードしたファイル>` で軽くできます。"
              "今は市区町村役場の位置を点で表示しています。",
        "en": "To draw municipal boundaries, download a national or prefecture file (GeoJSON, shapefile, or its ZIP) from "
              "the 国土数値情報 download site ({url}) → 行政区域データ (N03), and save it as `geo/N03.geojson` "
              "(or `.zip`/`.shp`), or point the environment variable `MACHIKURABE_N03` at it. Shrink a large national "
              "file with `python -m machikurabe.ui.boundaries <downloaded file>`. For now, municipal offices are drawn as points.",
    },
    "boundary_error": {
        "ja": "境界ファイル {path} を使えません：{reason}。市区町村役場の位置を点で表示しています。",
        "en": "The boundary file {path} cannot be used: {reason}. Municipal offices are drawn as points instead.",
    },
    "reason_missing": {"ja": "ファイルがありません", "en": "the file does not exist"},
    "reason_unsupported": {
        "ja": "対応していない形式です（.geojson・.shp・.zip に対応）",
        "en": "unsupported format (use .geojson, .shp or .zip)",
    },
    "reason_unreadable": {"ja": "読み込めません（壊れているか、地理データではありません）",
                          "en": "it cannot be read (damaged, or not geographic data)"},
    "reason_not_n03": {
        "ja": "行政区域データ（N03）ではありません（N03_007 列がありません）",
        "en": "it is not 行政区域データ (N03): there is no N03_007 column",
    },
    "reason_empty": {"ja": "地物が1件もありません", "en": "it has no features"},
    "credits_title": {"ja": "地図の出典・クレジット", "en": "Map sources and credits"},
    "credit_outlines": {
        "ja": "都道府県の輪郭：japanmap 0.6.0（Apache-2.0）を簡略化",
        "en": "Prefecture outlines: simplified from japanmap 0.6.0 (Apache-2.0)",
    },
    "credit_points": {
        "ja": "市区町村の位置：市区町村役場の座標 JpGeocode 0.3.1（MIT）、団体コード：総務省 全国地方公共団体コード",
        "en": "Municipal positions: office coordinates from JpGeocode 0.3.1 (MIT); codes: MIC local-government code list",
    },
    "credit_deck": {"ja": "地図描画：deck.gl / pydeck（MIT）", "en": "Map rendering: deck.gl / pydeck (MIT)"},
    "credit_tiles": {"ja": "背景地図：© CARTO, © OpenStreetMap contributors", "en": "Base map: © CARTO, © OpenStreetMap contributors"},
    "tooltip_value": {"ja": "{label}：{value}", "en": "{label}: {value}"},
    "missing_value": {"ja": "データなし", "en": "No data"},
    "uploaded_mark": {"ja": "（アップロード）", "en": " (uploaded)"},
    "uploaded_help": {
        "ja": "「比較」ページでアップロードしたファイル（{file}）の列「{name}」です。このセッションの間だけ使われ、"
              "共有のデータベースには保存されません。値はまちくらべでは確認していません。\n\n単位：{unit}",
        "en": "Column “{name}” of the file you uploaded on the Peers page ({file}). It is used for this session only and "
              "is not saved to the shared database. machikurabe has not checked its values.\n\nUnit: {unit}",
    },
    "uploaded_unit_none": {"ja": "（ファイルに記載なし）", "en": "(not stated in the file)"},
    "uploaded_source": {
        "ja": "出典：利用者がアップロードしたファイル「{file}」（このセッションのみ。まちくらべでは未確認）",
        "en": "Source: file uploaded by the user, “{file}” (this session only; not checked by machikurabe)",
    },
    "no_prefecture_values_uploaded": {
        "ja": "アップロードしたファイルには都道府県の計画（{names}）の値がないため、棒グラフは表示しません。",
        "en": "The uploaded file has no values for the prefectural plans ({names}), so there is no bar chart.",
    },

    # --- national choropleth (mapn_*) and the two modes -----------------------------------------------------------
    "mapn_intro": {
        "ja": "全国1,741市区町村を、選んだ統計指標（SSDSE）の値で5つの区分（五分位）に色分けします。"
              "オレンジの枠はモデル事業（2019年度）に参加した市区町村、黒い太枠は選んだ場所です。",
        "en": "All 1,741 municipalities of Japan, coloured in five classes (quintiles) of the chosen national "
              "indicator (SSDSE). Orange outlines mark the towns in the FY2019 model projects; the thick black "
              "outline is the place you chose.",
    },
    "mapn_mode": {"ja": "地図の種類", "en": "Map"},
    "mapn_mode_national": {"ja": "全国の市区町村（統計）", "en": "All municipalities (national statistics)"},
    "mapn_mode_plan": {"ja": "モデル事業の計画の数値", "en": "Plan figures of the model projects"},
    "mapn_indicator": {"ja": "指標（分野｜指標名）", "en": "Indicator (topic | name)"},
    "mapn_indicator_help": {
        "ja": "分野ごとに並んでいます。分野名や指標名の一部を入力して絞り込めます。",
        "en": "Grouped by topic; type part of a topic or indicator name to narrow the list.",
    },
    "mapn_year": {"ja": "年", "en": "Year"},
    "mapn_year_option": {"ja": "{year}年", "en": "{year}"},
    "mapn_title": {"ja": "{label}・{year}年（全国 {n}市区町村）", "en": "{label}, {year} ({n} municipalities)"},
    "mapn_class": {"ja": "{lo}以上 {hi}未満", "en": "{lo} to under {hi}"},
    "mapn_class_last": {"ja": "{lo}以上 {hi}以下", "en": "{lo} to {hi}"},
    "mapn_legend_title": {"ja": "凡例（五分位）", "en": "Legend (quintiles)"},
    "mapn_legend_heading": {"ja": "{label}・{year}年", "en": "{label}, {year}"},
    "mapn_legend_source": {"ja": "出典：統計センター「SSDSE-A」を加工して作成",
                           "en": "Source: National Statistics Center, SSDSE-A; processed"},
    "mapn_legend_count": {"ja": "（{n}）", "en": "({n})"},
    "mapn_legend_model": {"ja": "モデル事業の参加市区町村", "en": "Model-project municipality"},
    "mapn_legend_chosen": {"ja": "選んだ場所", "en": "Chosen place"},
    "mapn_legend_note": {
        "ja": "各区分の団体数をかっこ内に示します。区分の境目は小数点以下を表示の桁で丸めた値です。",
        "en": "Municipalities per class in brackets. Breaks are rounded to the decimals shown.",
    },
    "mapn_tooltip_value": {"ja": "{label}：{value}（{year}年）", "en": "{label}: {value} ({year})"},
    "mapn_tooltip_model": {"ja": "モデル事業（2019年度）に参加", "en": "In the FY2019 model projects"},
    "mapn_rank": {"ja": "全国 {rank}位 / {n}", "en": "Rank {rank} of {n} in Japan"},
    "mapn_chosen": {"ja": "選んだ場所：{name}（{pref}）— {value}{rank}", "en": "Chosen place: {name} ({pref}) — {value}{rank}"},
    "mapn_chosen_prefecture": {
        "ja": "選んだ場所（{name}）は都道府県のため、市区町村の地図では枠を付けません。",
        "en": "The chosen place ({name}) is a prefecture, so no municipality is outlined.",
    },
    "mapn_missing": {
        "ja": "この年の値がない市区町村：{n}（灰色）",
        "en": "Municipalities without a value for this year: {n} (grey)",
    },
    "mapn_controls": {
        "ja": "操作：ドラッグで移動、ホイール・ダブルクリック・ピンチ・キーボードの＋／−、または地図の上のボタンで拡大縮小（オフラインで使えます）。ボタンで拡大すると選んだ場所が中心になります。",
        "en": "Drag to pan; zoom with the wheel, a double click, a pinch, the + / − keys or the buttons above the map (works offline). The buttons zoom in on the chosen place.",
    },
    "mapn_zoom": {"ja": "拡大・縮小", "en": "Zoom"},
    "mapn_controls_plan": {
        "ja": "操作：ドラッグで移動、ホイール・ダブルクリック・ピンチ・キーボードの＋／−で拡大縮小（オフラインで使えます）。",
        "en": "Drag to pan; zoom with the wheel, a double click, a pinch or the + / − keys (works offline).",
    },
    "mapn_zoom_in": {"ja": "＋ 拡大", "en": "+ Zoom in"},
    "mapn_zoom_out": {"ja": "− 縮小", "en": "− Zoom out"},
    "mapn_zoom_reset": {"ja": "全国を表示", "en": "Whole country"},
    "mapn_about": {"ja": "この指標について", "en": "About this indicator"},
    "mapn_definition": {"ja": "定義：{text}", "en": "Definition: {text}"},
    "mapn_formula": {"ja": "計算式：{text}", "en": "Formula: {text}"},
    "mapn_source": {"ja": "出典の統計：{text}", "en": "Statistic: {text}"},
    "mapn_table": {"ja": "表示している値を表で見る", "en": "Show the values as a table"},
    "mapn_col_code": {"ja": "団体コード", "en": "Code"},
    "mapn_col_name": {"ja": "市区町村", "en": "Municipality"},
    "mapn_col_prefecture": {"ja": "都道府県", "en": "Prefecture"},
    "mapn_col_rank": {"ja": "全国順位", "en": "Rank in Japan"},
    "mapn_unit_text": {"ja": "（文字）", "en": "(text)"},
    "mapn_unit_rank": {"ja": "位", "en": "rank"},
    "mapn_file_rank_note": {
        "ja": "全国順位：値の大きい順（1位が最大）、同じ値は同じ順位。値のない市区町村は順位なし。",
        "en": "Rank in Japan: highest value first (1 = highest); equal values share a rank; no rank without a value.",
    },
    "mapn_file_missing": {"ja": "この年の値がない市区町村：{n}", "en": "Municipalities without a value for this year: {n}"},
    "mapn_fnote_population_same_year": {"ja": "（人口は同じ年の値）", "en": " (population of the same year)"},
    "mapn_fnote_same_year_2020": {"ja": "（いずれも2020年の値）", "en": " (both of 2020)"},
    "mapn_fnote_same_year": {"ja": "（同じ年の値）", "en": " (same year)"},
    "mapn_fnote_ha_km2": {"ja": "（ha を km² に換算）", "en": " (ha to km²)"},
    "mapn_fnote_stored_2020": {"ja": "（2020年の値として表示）", "en": ", shown as 2020"},
    "mapn_fnote_year": {"ja": "（{year}年）", "en": " ({year})"},
    "mapn_credits_title": {"ja": "クレジット", "en": "Credits"},
    "mapn_unavailable": {
        "ja": "このデータベースには全国の統計がないため、モデル事業の計画の数値を表示します。",
        "en": "This database has no national figures, so the plan figures of the model projects are shown.",
    },
    "mapn_no_years": {"ja": "この指標には値のある年がありません。", "en": "This indicator has no year with values."},
    "mapn_topic_population": {"ja": "人口", "en": "Population"},
    "mapn_topic_households": {"ja": "世帯", "en": "Households"},
    "mapn_topic_labour": {"ja": "労働", "en": "Labour"},
    "mapn_topic_economy": {"ja": "経済", "en": "Economy"},
    "mapn_topic_finance": {"ja": "財政", "en": "Finance"},
    "mapn_topic_welfare": {"ja": "福祉", "en": "Welfare"},
    "mapn_topic_health": {"ja": "保健・医療", "en": "Health"},
    "mapn_topic_culture": {"ja": "文化", "en": "Culture"},
    "mapn_topic_living": {"ja": "生活環境", "en": "Living environment"},
    "mapn_topic_land": {"ja": "土地", "en": "Land"},
    # --- national choropleth: change between two years (mapc_*) ---------------------------------------------------
    "mapc_view": {"ja": "表示", "en": "Show"},
    "mapc_view_level": {"ja": "1年の値", "en": "Value in one year"},
    "mapc_view_diff": {"ja": "2時点の変化（{unit}）", "en": "Change between two years ({unit})"},
    "mapc_view_pct": {"ja": "2時点の増減率（%）", "en": "Percent change between two years (%)"},
    "mapc_year_from": {"ja": "前の年", "en": "From"},
    "mapc_year_to": {"ja": "後の年", "en": "To"},
    "mapc_one_year": {
        "ja": "この指標は1年分の値しかないため、2時点の変化は表示できません。",
        "en": "This indicator has values for one year only, so no change can be shown.",
    },
    "mapc_intro": {
        "ja": "変化の地図：後の年の値から前の年の値を引いた変化を、0を中心に減少は赤、増加は青、変化なしは白に近い色で塗り分けます。"
              "どちらかの年の値がない市区町村は灰色です。黒い細枠はモデル事業（2019年度）に参加した市区町村、白黒の太枠は選んだ場所です。",
        "en": "Change map: the later year's value minus the earlier year's, centred on 0: red for a fall, blue "
              "for a rise, near-white for no change; grey without a value in either year. Thin black outlines mark the "
              "towns in the FY2019 model projects; the thick black-and-white outline is the place you chose.",
    },
    "mapc_points": {"ja": "ポイント", "en": "points"},
    "mapc_label": {"ja": "{name}の増減（{unit}）", "en": "Change in {name} ({unit})"},
    "mapc_label_rate": {"ja": "{name}の変化（{unit}）", "en": "Change in {name} ({unit})"},
    "mapc_label_pct": {"ja": "{name}の増減率（{unit}）", "en": "Percent change in {name} ({unit})"},
    "mapc_heading": {"ja": "{label}・{y0}→{y1}年", "en": "{label}, {y0}→{y1}"},
    "mapc_title": {"ja": "{label}・{y0}→{y1}年（全国 {n}市区町村）", "en": "{label}, {y0}→{y1} ({n} municipalities)"},
    "mapc_legend_title": {"ja": "凡例（0を中心に対称な区分）", "en": "Legend (classes symmetric around 0)"},
    "mapc_legend_note": {
        "ja": "各区分の団体数をかっこ内に示します。区分の境目は、0でない変化の大きさの三分位を有効数字2桁に丸めた値で、"
              "増加と減少に同じ境目を使います。変化は丸める前の値から計算しています。",
        "en": "Municipalities per class in brackets. The breaks are the terciles of the size of the non-zero changes, "
              "rounded to two significant figures, the same for rises and falls. Changes are computed before rounding.",
    },
    "mapc_class_zero": {"ja": "{zero}（変化なし）", "en": "{zero} (no change)"},
    "mapc_class_low": {"ja": "{hi}以下", "en": "{hi} or less"},
    "mapc_class_neg": {"ja": "{lo}超 {hi}以下", "en": "over {lo} to {hi}"},
    "mapc_class_neg_inner": {"ja": "{lo}超 0未満", "en": "over {lo} to under 0"},
    "mapc_class_pos_inner": {"ja": "0超 {hi}未満", "en": "over 0 to under {hi}"},
    "mapc_class_pos": {"ja": "{lo}以上 {hi}未満", "en": "{lo} to under {hi}"},
    "mapc_class_high": {"ja": "{lo}以上", "en": "{lo} or more"},
    "mapc_missing_either": {"ja": "データなし（どちらかの年の値がない）", "en": "No data (a year without a value)"},
    "mapc_zero_base": {"ja": "計算できない（前の年が0）", "en": "Not computed (0 in the earlier year)"},
    "mapc_tooltip_values": {"ja": "{label}：{a}（{y0}年）→ {b}（{y1}年）", "en": "{label}: {a} ({y0}) → {b} ({y1})"},
    "mapc_tooltip_diff": {"ja": "変化：{diff}", "en": "Change: {diff}"},
    "mapc_tooltip_pct": {"ja": "増減率：{pct}（差 {diff}）", "en": "Percent change: {pct} (difference {diff})"},
    "mapc_tooltip_zero_base": {
        "ja": "増減率：計算できません（前の年が0、差 {diff}）",
        "en": "Percent change: not computed (0 in the earlier year; difference {diff})",
    },
    "mapc_tooltip_none": {"ja": "変化：データなし", "en": "Change: no data"},
    "mapc_chosen": {
        "ja": "選んだ場所：{name}（{pref}）— {a}（{y0}年）→ {b}（{y1}年）、{change}",
        "en": "Chosen place: {name} ({pref}) — {a} ({y0}) → {b} ({y1}), {change}",
    },
    "mapc_missing": {
        "ja": "{y0}年か{y1}年の値がない市区町村：{n}（灰色）",
        "en": "Municipalities without a value in {y0} or {y1}: {n} (grey)",
    },
    "mapc_col_value": {"ja": "{name}（{year}年）", "en": "{name} ({year})"},
    "mapc_col_diff": {"ja": "変化（{y0}→{y1}年）", "en": "Change ({y0}→{y1})"},
    "mapc_col_pct": {"ja": "増減率（{y0}→{y1}年）", "en": "Percent change ({y0}→{y1})"},
    "mapc_years": {"ja": "{y0}年・{y1}年", "en": "{y0} and {y1}"},
    "mapc_file_note": {
        "ja": "変化：後の年の値 − 前の年の値（丸める前の値から計算。% の指標はポイント差）。",
        "en": "Change: the later year's value minus the earlier year's (computed before rounding; for a % indicator "
              "in percentage points).",
    },
    "mapc_file_note_pct": {
        "ja": "増減率：（後の年の値 − 前の年の値）÷ 前の年の値 × 100。前の年が0の場合は計算しません。",
        "en": "Percent change: (later − earlier) ÷ earlier × 100; not computed where the earlier value is 0.",
    },
    "mapc_file_missing": {
        "ja": "{y0}年か{y1}年の値がない市区町村：{n}",
        "en": "Municipalities without a value in {y0} or {y1}: {n}",
    },
    "mapc_file_zero_base": {
        "ja": "{y0}年の値が0で増減率を計算できない市区町村：{n}",
        "en": "Municipalities with 0 in {y0} (no percent change): {n}",
    },
    "tiles_unreachable": {
        "ja": "背景地図のタイルを読み込めませんでした：タイルの配信元（{host}）に接続できません（オフライン）。"
              "背景地図なしで、都道府県の輪郭だけを表示しています。",
        "en": "The background map tiles could not be loaded: the tile server ({host}) cannot be reached (offline). "
              "The map is drawn without them, with prefecture outlines only.",
    },
    "boundaries_more": {
        "ja": "自分の境界ファイル（国土数値情報 N03）を使う方法は「データと方法」ページにあります。",
        "en": "How to use your own boundary file (国土数値情報 N03) is explained on the Data and method page.",
    },
    "printed_tooltip": {"ja": "記載：{raw}", "en": "As printed: {raw}"},
}
