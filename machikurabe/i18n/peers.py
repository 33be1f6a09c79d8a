"""UI strings of the 比較 page, its exports and the report."""

from machikurabe.stat_table import MAX_UPLOAD_MB

STRINGS: dict[str, dict[str, str]] = {
    # page
    "peers_title": {"ja": "比較：類似団体とくらべる", "en": "Peer comparison"},
    "peers_intro": {
        "ja": "選んだ自治体（**太字**・朱色）を、似た自治体の集まり（比較グループ）や全体・同じ都道府県の中央値とくらべます。"
              "**比較グループは「似ている場所」の集まりであり、成績や良し悪しの判定ではありません。**",
        "en": "Compare the chosen body (**bold**, vermillion) with a group of similar places (its peer group) and with "
              "the medians of all bodies and of its prefecture. **A peer group is a set of similar places, "
              "not a judgement of performance.**"},
    "peers_pick_town": {"ja": "自治体を選ぶ", "en": "Choose a body"},
    "peers_group_kind": {"ja": "比較グループの作り方", "en": "How to form the peer group"},
    "group_size": {"ja": "同じ種類・同じ人口規模", "en": "Same kind and size band"},
    "group_prefecture": {"ja": "同じ都道府県", "en": "Same prefecture"},
    "group_nearest": {"ja": "類似団体（最近傍）", "en": "Nearest neighbours"},
    "group_hand": {"ja": "手で選ぶ", "en": "Hand-picked"},
    "peers_k": {"ja": "類似団体の数 k", "en": "Number of neighbours k"},
    "peers_weights": {"ja": "指標の重み（0で除外）", "en": "Indicator weights (0 drops one)"},
    "peers_weights_reset": {"ja": "既定の重みに戻す", "en": "Reset to default weights"},
    "peers_hand_pick": {"ja": "くらべる自治体", "en": "Bodies to compare with"},
    "peers_level_note": {"ja": "都道府県は都道府県どうし、市区町村は市区町村どうしでのみ比較します。",
                         "en": "Prefectures are compared only with prefectures, municipalities only with municipalities."},
    "peers_link_note": {"ja": "選んだ自治体・グループ・重みはURLに保存されます。リンクを共有すると同じ比較を再現できます。",
                        "en": "The chosen body, group and weights are kept in the URL: a copied link reproduces this comparison."},
    "peers_filters_note": {"ja": "サイドバーの絞り込みは、このページの比較グループや中央値には影響しません（比較の基準が変わらないように）。",
                           "en": "The sidebar filters do not change the peer groups or medians on this page (so the benchmarks stay fixed)."},
    "peers_definition": {"ja": "比較グループの定義", "en": "Peer group definition"},
    "def_size": {"ja": "{kind}で人口が{band}の団体（{n}団体）",
                 "en": "{kind} bodies with a population of {band} ({n} bodies)"},
    "def_prefecture": {"ja": "{pref}内の他の市区町村（{n}団体）", "en": "Other municipalities in {pref} ({n} bodies)"},
    "def_prefecture_block": {"ja": "都道府県には同じ都道府県内の比較相手がありません。別の作り方を選んでください。",
                             "en": "A prefecture has no peers within itself. Choose another way to form the group."},
    "def_nearest": {"ja": "指標の標準化距離が最も近い{k}団体（重み：{weights}）",
                    "en": "The {k} bodies nearest in standardised distance (weights: {weights})"},
    "def_hand": {"ja": "手で選んだ{n}団体", "en": "{n} hand-picked bodies"},
    "peers_empty": {"ja": "比較グループに団体がありません。別の作り方を選んでください。",
                    "en": "The peer group is empty. Choose another way to form it."},
    "peers_small_group": {"ja": "比較グループが{n}団体と少ないため、四分位などは参考値です。",
                          "en": "The peer group has only {n} bodies; quartiles are indicative only."},
    "peers_dropped": {"ja": "比較できない団体を除きました：{codes}", "en": "Left out (not comparable): {codes}"},
    "peers_list": {"ja": "比較グループの団体", "en": "Bodies in the peer group"},
    "method_nn": {
        "ja": "**方法**：CIPFAの類似団体モデルやNHSイングランドの成人社会ケア比較モデルと同じ考え方です。"
              "各指標を同じ階層（市区町村または都道府県）の全団体でzスコアに標準化し（人口と人口密度は対数をとってから）、"
              "重みをかけたユークリッド距離が近い順にk団体を選びます。距離²＝Σ 重み×(zの差)²。"
              "「寄与」は距離²のうち各指標が占める割合です。",
        "en": "**Method**: as in CIPFA's nearest-neighbour model and NHS England's adult social care peer model. "
              "Each indicator is standardised to a z-score over all bodies of the same level (municipalities or "
              "prefectures; population and density are logged first), and the k bodies with the smallest weighted "
              "Euclidean distance are chosen. distance² = Σ weight × (z difference)². "
              "“Contribution” is each indicator's share of distance²."},
    "method_missing": {
        "ja": "**欠損値**：記載のない値は、英国統計局（ONS）の類似団体の方法と同様に、同じ階層の団体の**中央値で補完**して"
              "距離を計算しています。補完した値は下の表に示します。補完が多い団体との距離は実際より近く見えることがあります。",
        "en": "**Missing values**: as in the ONS method, values a body did not print are **replaced by the median** of "
              "its level before computing distances. The table below shows which values were filled in. A body with "
              "many filled values may look closer than it is."},
    "sparse_note": {"ja": "{names}は、同じ階層の団体の半数以上が記載していないため、距離の計算に使っていません（ほとんどが中央値になり、団体を区別できないため）。",
                    "en": "{names}: printed by fewer than half the bodies of this level, so not used for the distance "
                          "(mostly medians would tell no body apart)."},
    "pref_median_na": {"ja": "都道府県を選んだときは「都道府県内の中央値」はありません（自分自身との比較になるため）。",
                       "en": "For a prefecture there is no “median within the prefecture” (it would be itself)."},
    "imputed_title": {"ja": "中央値で補完した値", "en": "Values filled by the median"},
    "col_median_used": {"ja": "補完に使った中央値", "en": "Median used"},
    "imputed_none": {"ja": "この比較では補完した値はありません。", "en": "No value was filled in for this comparison."},
    "stability_title": {"ja": "グループの安定性（重みを±50%変えたとき残る団体数）",
                        "en": "Stability (peers kept when one weight changes by ±50 %)"},
    "stability_note": {"ja": "重みを1つずつ半分・1.5倍にしても、k団体のうち何団体が残るかを示します。多く残るほど重みの選び方に左右されにくいグループです。",
                       "en": "Each weight in turn is halved and raised by half; the columns count how many of the k peers stay. "
                             "The more stay, the less the group hinges on the exact weights."},
    "col_weight": {"ja": "重み", "en": "Weight"},
    "col_kept_lower": {"ja": "−50%で残る数", "en": "Kept at −50 %"},
    "col_kept_higher": {"ja": "+50%で残る数", "en": "Kept at +50 %"},
    "col_distance": {"ja": "距離", "en": "Distance"},
    "col_contribution": {"ja": "寄与：{name}", "en": "Contribution: {name}"},
    "col_imputed": {"ja": "補完した指標", "en": "Filled indicators"},
    "col_population": {"ja": "人口", "en": "Population"},
    "col_promoters": {"ja": "推進員（予定）", "en": "Planned promoters"},
    # benchmark views
    "tab_spine": {"ja": "スパインチャート", "en": "Spine chart"},
    "tab_bar": {"ja": "順位グラフ", "en": "Ranked bars"},
    "tab_scatter": {"ja": "散布図", "en": "Scatter"},
    "tab_table": {"ja": "比較表", "en": "Table"},
    "tab_programmes": {"ja": "実施事業", "en": "Programmes"},
    "tab_report": {"ja": "レポート", "en": "Report"},
    "tab_upload": {"ja": "独自の指標", "en": "Your own indicators"},
    "peer_range": {"ja": "グループの最小〜最大", "en": "Peer min–max"},
    "peer_iqr": {"ja": "グループの四分位範囲", "en": "Peer interquartile range"},
    "peer_median": {"ja": "グループ中央値", "en": "Peer median"},
    "level_median": {"ja": "全団体の中央値", "en": "Median, all bodies of the level"},
    "prefecture_median": {"ja": "都道府県内の中央値", "en": "Median within the prefecture"},
    "peers_legend": {"ja": "比較グループ", "en": "Peer group"},
    "other_bodies": {"ja": "その他の団体", "en": "Other bodies"},
    "spine_title": {"ja": "{town}と比較グループ：指標ごとの位置", "en": "{town} against its peers, indicator by indicator"},
    "spine_x": {"ja": "グループ中央値からの差（指標ごとの尺度）", "en": "Distance from the peer median (scaled per indicator)"},
    "spine_low": {"ja": "小さい", "en": "Lower"},
    "spine_high": {"ja": "大きい", "en": "Higher"},
    "spine_colour_note": {
        "ja": "色は有意差を表しません。指標の多くは大小に良し悪しがなく（例：生活保護受給率は困窮と制度利用の程度）、"
              "良し悪しの向きがある地縁組織加入率も、出典に標本の大きさや信頼区間がないため有意差を判断できません。"
              "そのため選んだ自治体は一色（朱色）で示しています。各行の尺度は、グループ中央値を中央に、最も離れた値が端に来るようにそろえています。",
        "en": "Colours do not show significance. Most indicators have no good or bad direction (e.g. the public "
              "assistance rate reflects need and take-up), and for the one that has (association membership) the "
              "source gives no sample size or confidence interval, so significance cannot be judged: the body is "
              "drawn in one neutral colour. Each row is scaled so the peer median sits in the centre and the "
              "furthest value at the edge."},
    "bar_title": {"ja": "{indicator}：比較グループ内の順位", "en": "{indicator}: ranked within the peer group"},
    "bar_indicator": {"ja": "グラフにする指標", "en": "Indicator to chart"},
    "scatter_title": {"ja": "{x}と{y}", "en": "{x} and {y}"},
    "scatter_x": {"ja": "横軸の指標", "en": "Indicator on the x axis"},
    "scatter_y": {"ja": "縦軸の指標", "en": "Indicator on the y axis"},
    "axis_body": {"ja": "自治体", "en": "Body"},
    "programme_chart_title": {"ja": "実施事業と推進員（予定）：選んだ自治体と比較グループ",
                              "en": "Programmes run and planned promoters: the body and its peers"},
    "programme_note": {"ja": "✓は実施事業欄に印があるか、事業の設計が記載されていることを示します。推進員は④配置予定人数の合計です。",
                       "en": "✓: the programme is marked on the plan or its design is written. Promoters: item ④, summed."},
    "programme_refs": {"ja": "推進員（予定）：{town} {value}／グループ中央値 {peers}／全団体の中央値 {level}／都道府県内の中央値 {pref}",
                       "en": "Planned promoters: {town} {value}; peer median {peers}; median of all bodies {level}; "
                             "median within the prefecture {pref}"},
    # table
    "col_town_value": {"ja": "{town}の値", "en": "{town}"},
    "col_peer_median": {"ja": "グループ中央値", "en": "Peer median"},
    "col_difference": {"ja": "差（値−中央値）", "en": "Difference (value − median)"},
    "col_percentile": {"ja": "グループ内パーセンタイル", "en": "Percentile within peers"},
    "col_peer_n": {"ja": "値のある団体数", "en": "Peers with a value"},
    "col_level_median": {"ja": "全団体の中央値", "en": "Median, same level"},
    "col_pref_median": {"ja": "都道府県内の中央値", "en": "Median, prefecture"},
    "col_peer_q1": {"ja": "第1四分位", "en": "Lower quartile"},
    "col_peer_q3": {"ja": "第3四分位", "en": "Upper quartile"},
    "col_flags": {"ja": "注", "en": "Notes"},
    "flag_small": {"ja": "小規模（5,000人未満）", "en": "Small body (under 5,000 people)"},
    "flag_quality": {"ja": "補正・注記あり：{rules}（記載：{raw}）", "en": "Corrected / noted: {rules} (printed: {raw})"},
    "flag_peer_quality": {"ja": "グループ内{n}団体に補正・注記", "en": "{n} peers with corrected/noted values"},
    "values_title": {"ja": "比較グループの値（全指標）", "en": "Values of the body and its peers (all indicators)"},
    "table_note": {"ja": "パーセンタイルは比較グループ内で値が選んだ自治体以下の割合（同値は半分と数える）。四分位は線形補間（ExcelのQUARTILE.INCと同じ）。",
                   "en": "Percentile: share of peers at or below the body (ties count half). Quartiles by linear interpolation (as Excel QUARTILE.INC)."},
    "small_flag_note": {"ja": "＊ 人口5,000人未満の団体の値は少人数にもとづくため、割合が大きく振れやすい点に注意してください。",
                        "en": "＊ Values of bodies under 5,000 people rest on few people and swing easily."},
    "quality_flag_note": {"ja": "⚠ 補正・概数の値（データ品質表）：", "en": "⚠ Corrected or approximate values (data-quality table):"},
    "chart_marks_note": {"ja": "＊人口5,000人未満（少人数のため値が振れやすい）　⚠補正・概数の値（データ品質表）",
                         "en": "＊ under 5,000 people (small numbers swing easily)  ⚠ corrected or approximate value (data-quality table)"},
    "bar_quality_caption": {"ja": "⚠の付いた値は出典の記載を補正したか概数です。規則はグラフにマウスを重ねると表示されます。",
                            "en": "Values marked ⚠ were corrected from the print or are approximate; hover to see the rule."},
    # exports
    "export_format": {"ja": "図の保存形式（グラフ右上のカメラで保存）", "en": "Image format (camera icon at the chart's top right)"},
    "download_csv": {"ja": "CSV（UTF-8 BOM付き）", "en": "CSV (UTF-8 with BOM)"},
    "download_xlsx": {"ja": "Excel（xlsx）", "en": "Excel (xlsx)"},
    "download_report": {"ja": "比較レポート（HTML・1ファイル）をダウンロード", "en": "Download the comparison report (one HTML file)"},
    "report_note": {"ja": "図はすべて操作でき、オフラインでも開けます。ブラウザの印刷でA4に出力できます。",
                    "en": "All charts stay interactive and work offline. Print from the browser for A4."},
    "report_title": {"ja": "比較レポート：{town}", "en": "Comparison report: {town}"},
    "report_created": {"ja": "作成日", "en": "Created"},
    "report_vintage": {"ja": "データの時点", "en": "Data vintage"},
    "report_sources": {"ja": "出典", "en": "Sources"},
    "report_peer_list": {"ja": "比較グループの団体", "en": "Bodies in the peer group"},
    "report_disclaimer": {"ja": "比較グループは似ている場所の集まりであり、成績の判定ではありません。",
                          "en": "A peer group is a set of similar places, not a judgement of performance."},
    "sheet_source": {"ja": "出典", "en": "Source"},
    "sheet_created": {"ja": "作成日", "en": "Created"},
    "sheet_unit": {"ja": "単位", "en": "Unit"},
    # uploads
    "upload_title": {"ja": "独自の指標を追加（このセッションのみ）", "en": "Add your own indicators (this session only)"},
    "upload_help": {
        "ja": f"CSVまたはExcel（xlsx、{MAX_UPLOAD_MB}MBまで）。団体コード（5桁・6桁・R01100形式）か、「都道府県」と「市区町村名」の列、"
              "残りの列に数値を入れてください。見出しが複数行（表題・コード・年次・項目名）の統計表も読めます。"
              "全国の1,741市区町村と47都道府県に対応。文字コードはUTF-8・UTF-8（BOM付き）・Shift_JIS・UTF-16に対応。"
              "追加した指標は比較グループ・スパインチャート・地図でこのセッションの間だけ使え、データベースには保存されません。",
        "en": f"CSV or Excel (xlsx, up to {MAX_UPLOAD_MB} MB). One column with the code (5 or 6 digits, or R01100), or "
              "columns for prefecture and name; the other columns numeric. Statistics tables with several header rows "
              "(title, codes, years, labels) are read; all 1,741 municipalities and 47 prefectures can be keyed. "
              "UTF-8, UTF-8 with BOM, Shift_JIS and UTF-16 are read. "
              "Added indicators join the peer groups, spine chart and map for this session only; nothing is saved "
              "to the database."},
    "upload_file": {"ja": "自分の指標のファイル", "en": "Your indicator file"},
    "upload_preview": {"ja": "プレビュー（先頭10行）", "en": "Preview (first 10 rows)"},
    "upload_report": {"ja": "検証結果", "en": "Validation report"},
    "upload_accept": {"ja": "この指標を追加する", "en": "Add these indicators"},
    "upload_accepted": {"ja": "{n}個の指標を追加しました：{names}", "en": "Added {n} indicators: {names}"},
    "upload_clear": {"ja": "追加した指標を消す", "en": "Remove added indicators"},
    # why an uploaded place has no number (stat_table's status kinds), shown in tables, tooltips and files
    "np_status_dash": {"ja": "「-」（数値なし）", "en": "“-” (no figure)"},
    "np_status_dash_zero": {"ja": "「-」を0として読む（計数のない場合）", "en": "“-” read as 0 (no count)"},
    "np_status_not_available": {"ja": "「…」（数値が得られない）", "en": "“…” (not available)"},
    "np_status_confidential": {"ja": "「x」（秘匿）", "en": "“x” (confidential)"},
    "np_status_invalid": {"ja": "数値でないセル", "en": "not a number in the file"},
    "np_col_status": {"ja": "値の注記", "en": "Note on the value"},
    "np_col_status_of": {"ja": "{name}（注記）", "en": "{name} (note)"},
    # ranks and medians of an uploaded indicator that does not cover every place of the level
    "np_among_uploaded": {"ja": "取り込んだ{n}団体中", "en": "among the {n} uploaded places"},
    "np_col_japan_scope": {"ja": "全国順位・中央値の範囲", "en": "Japan rank and median cover"},
    "np_scope_all": {"ja": "全団体", "en": "every place"},
    "np_upload_median": {"ja": "取り込んだ団体の中央値", "en": "Median of the uploaded places"},
    "upload_current": {"ja": "このセッションで追加済みの指標：{names}", "en": "Indicators added in this session: {names}"},
}

# --- 比較 over the whole country (issue 12): keys start with np_ so they cannot clash with another table ---------
NATIONAL: dict[str, dict[str, str]] = {
    "np_intro": {
        "ja": "全国1,741市区町村（都道府県は47都道府県どうし）のどこでも、似た自治体の集まり（比較グループ）とくらべます。"
              "全国の統計（各指標の最新年）と、モデル事業の63団体では実施計画に記載された値も使います。"
              "**比較グループは「似ている場所」の集まりであり、成績や良し悪しの判定ではありません。**",
        "en": "Compare any of Japan's 1,741 municipalities (a prefecture with the 47 prefectures) with a group of similar "
              "places (its peer group), on national statistics (latest year of each) and, for the 63 model-project "
              "bodies, the figures their plans print. **A peer group is a set of similar places, not a judgement of "
              "performance.**"},
    "np_group_nearest": {"ja": "最も近い団体（最近傍）", "en": "Nearest neighbours"},
    "np_group_type": {"ja": "類似団体区分（総務省）", "en": "Official type group (類似団体区分)"},
    "np_group_prefecture": {"ja": "同じ都道府県", "en": "Same prefecture"},
    "np_group_size": {"ja": "同じ種類・人口規模", "en": "Same kind and size band"},
    "np_group_hand": {"ja": "手で選ぶ", "en": "Hand-picked"},
    "np_k": {"ja": "近い団体の数 k（5〜50）", "en": "Number of neighbours k (5–50)"},
    "np_def_nearest": {"ja": "全国の{level}のうち、指標の標準化距離が最も近い{k}団体（重み：{weights}）",
                       "en": "The {k} {level} nearest in standardised distance among all in Japan (weights: {weights})"},
    "np_def_nearest_short": {"ja": "全国の{level}で指標が最も近い{k}団体", "en": "the {k} nearest {level} in Japan"},
    "np_group_line": {"ja": "比較グループ：{group}", "en": "Peer group: {group}"},
    "np_def_type": {"ja": "類似団体区分「{type}」の他の市区町村（{n}団体）",
                    "en": "Other municipalities of the official type group 「{type}」 ({n})"},
    "np_def_type_none": {"ja": "都道府県には類似団体区分がありません。別の作り方を選んでください。",
                         "en": "Prefectures have no official type group. Choose another way to form the group."},
    "np_def_prefecture": {"ja": "{pref}内の他の市区町村（{n}団体）", "en": "Other municipalities in {pref} ({n})"},
    "np_def_size": {"ja": "{kind}で人口が{band}の他の団体（{n}団体）",
                    "en": "Other {kind} places with a population of {band} ({n})"},
    "np_def_hand": {"ja": "手で選んだ{n}団体", "en": "{n} hand-picked places"},
    "np_level_muni": {"ja": "市区町村", "en": "municipalities"},
    "np_level_pref": {"ja": "都道府県", "en": "prefectures"},
    "np_hand_pick": {"ja": "くらべる団体（全国から選ぶ）", "en": "Places to compare with (any in Japan)"},
    "np_indicators": {"ja": "表示する指標（分野ごと）", "en": "Indicators shown (by topic)"},
    "np_indicators_help": {"ja": "スパインチャートと比較表に出す指標。既定は13指標です。",
                           "en": "What the spine chart and the table show. The default is 13 indicators."},
    "np_indicators_reset": {"ja": "既定の指標に戻す", "en": "Default indicators"},
    "np_topic": {"ja": "分野：{topic}", "en": "Topic: {topic}"},
    "np_plan_topic": {"ja": "実施計画の記載値（63団体）", "en": "Plan figures (63 bodies)"},
    "np_japan_median": {"ja": "全国中央値", "en": "Japan median"},
    "np_japan_median_pref": {"ja": "47都道府県の中央値", "en": "Median of the 47 prefectures"},
    "np_pref_median": {"ja": "県内市町村の中央値", "en": "Median, municipalities of the prefecture"},
    "np_group_median": {"ja": "グループ中央値", "en": "Group median"},
    "np_group_range": {"ja": "グループの最小〜最大", "en": "Group min–max"},
    "np_group_iqr": {"ja": "グループの四分位範囲", "en": "Group interquartile range"},
    "np_reading_much_lower": {"ja": "低い（下位5分の1）", "en": "lower (bottom fifth)"},
    "np_reading_lower": {"ja": "やや低い", "en": "somewhat lower"},
    "np_reading_similar": {"ja": "同程度", "en": "similar"},
    "np_reading_higher": {"ja": "やや高い", "en": "somewhat higher"},
    "np_reading_much_higher": {"ja": "高い（上位5分の1）", "en": "higher (top fifth)"},
    "np_reading_none": {"ja": "グループに値なし", "en": "no values in the group"},
    "np_reading_note": {
        "ja": "色はグループ内での位置（5分の1ずつ：青＝低い側、灰＝同程度、橙＝高い側）。多くの指標には良い・悪いの向きが"
              "ないため、良し悪しの色分けはしていません。",
        "en": "Colour is the place's position within the group by fifths (blue = lower, grey = similar, orange = "
              "higher). Most indicators have no good or bad direction, so nothing is coloured as good or bad."},
    "np_spine_title": {"ja": "{town}と比較グループ：指標ごとの位置", "en": "{town} against its peer group"},
    "np_spine_x": {"ja": "グループ中央値からの差（指標ごとの尺度）", "en": "Distance from the group median (scaled per indicator)"},
    "np_low": {"ja": "小さい", "en": "Lower"},
    "np_high": {"ja": "大きい", "en": "Higher"},
    "np_values_in_chart": {"ja": "値", "en": "Value"},
    "np_bar_title": {"ja": "{indicator}（{year}年）", "en": "{indicator} ({year})"},
    "np_bar_subtitle": {"ja": "{town}と比較グループ", "en": "{town} and its peers"},
    "np_scatter_title": {"ja": "{x} × {y}", "en": "{x} × {y}"},
    "np_scatter_subtitle": {"ja": "全国の{level}", "en": "All {level} in Japan"},
    "np_model_marker": {"ja": "◆ はモデル事業の実施団体。", "en": "◆ marks model-project bodies."},
    "np_scatter_lines": {"ja": "基準線は縦・横とも同じ種類（グループ・全国・県内の中央値）です。",
                         "en": "The reference lines mean the same on both axes (group, Japan and prefecture medians)."},
    "np_other_places": {"ja": "全国のその他", "en": "Rest of Japan"},
    "np_peers_legend": {"ja": "比較グループ", "en": "Peer group"},
    "np_axis_place": {"ja": "団体", "en": "Place"},
    "np_col_indicator": {"ja": "指標", "en": "Indicator"},
    "np_col_year": {"ja": "年", "en": "Year"},
    "np_col_unit": {"ja": "単位", "en": "Unit"},
    "np_col_value": {"ja": "{town}の値", "en": "{town}"},
    "np_col_group_median": {"ja": "グループ中央値", "en": "Group median"},
    "np_col_difference": {"ja": "中央値との差", "en": "Difference from group median"},
    "np_col_diff_unit": {"ja": "差の単位", "en": "Unit of the difference"},
    "np_col_reading": {"ja": "グループ内の位置", "en": "Within the group"},
    "np_col_group_rank": {"ja": "グループ内順位（高い順）", "en": "Rank in group (1 = highest)"},
    "np_col_japan_rank": {"ja": "全国順位（高い順）", "en": "Rank in Japan (1 = highest)"},
    "np_col_japan_n": {"ja": "全国の値のある団体数", "en": "Places in Japan with a value"},
    "np_col_japan_median": {"ja": "全国中央値", "en": "Japan median"},
    "np_col_pref_median": {"ja": "県内市町村の中央値", "en": "Median, prefecture's municipalities"},
    "np_col_group_n": {"ja": "グループ内順位の対象数（この団体を含む）", "en": "Ranked in group (this place included)"},
    "np_col_code": {"ja": "コード", "en": "Code"},
    "np_col_place": {"ja": "団体", "en": "Place"},
    "np_col_prefecture": {"ja": "都道府県", "en": "Prefecture"},
    "np_col_kind": {"ja": "種類", "en": "Kind"},
    "np_col_type": {"ja": "類似団体区分", "en": "Type group"},
    "np_col_population": {"ja": "総人口（{year}年）", "en": "Population ({year})"},
    "np_col_model": {"ja": "モデル事業", "en": "Model project"},
    "np_col_design": {"ja": "事業設計", "en": "Programme design"},
    "np_design_link": {"ja": "事業設計を見る", "en": "See the design"},
    "np_col_distance": {"ja": "距離", "en": "Distance"},
    "np_col_share": {"ja": "寄与：{name}", "en": "Share: {name}"},
    "np_points": {"ja": "ポイント", "en": "points"},
    "np_unit_bodies": {"ja": "団体", "en": "places"},
    "np_unit_rank": {"ja": "位", "en": "rank"},
    "np_unit_text": {"ja": "（文字）", "en": "(text)"},
    "np_unit_each_row": {"ja": "各行の単位", "en": "unit of each row"},
    "np_model_mark": {"ja": "✓ 実施", "en": "✓ yes"},
    "np_peer_list": {"ja": "比較グループの団体（{n}）", "en": "Places in the peer group ({n})"},
    "np_model_count": {"ja": "うちモデル事業の実施団体：{n}", "en": "Of these, model-project bodies: {n}"},
    "np_table_title": {"ja": "{town}：比較グループとの比較表", "en": "{town}: comparison with the peer group"},
    "np_values_title": {"ja": "{town}と比較グループの値", "en": "{town} and its peers: values"},
    "np_table_note": {
        "ja": "全国の値は指標ごとの最新年（全団体で同じ年）。順位は値の高い順で、良し悪しではありません。率（%）の差はポイント。"
              "実施計画の記載値（生活保護受給率・地縁組織加入率・推進員）は63団体のみ。",
        "en": "National figures are the latest year of each indicator (the same year for every place). Ranks count from "
              "the highest value and are not a verdict. Differences of rates (%) are in points. Plan figures (public "
              "assistance, association membership, promoters) exist for the 63 bodies only."},
    "np_stamp": {"ja": "データ：{vintage}／比較の方法：{method}／作成日：{date}／この表示を再現するURL：{url}",
                 "en": "Data: {vintage} / Peer method: {method} / Created: {date} / URL that rebuilds this view: {url}"},
    "np_vintage": {"ja": "SSDSE-A {editions}年版（データベース作成 {built}）",
                   "en": "SSDSE-A editions {editions} (database built {built})"},
    "np_plan_source": {"ja": "実施計画の記載値：厚生労働省「令和元年度 地域共生社会の実現に向けた包括的支援体制構築事業」実施計画",
                       "en": "Plan figures: MHLW, FY2019 implementation plans of the model projects"},
    "np_upload_source": {"ja": "利用者がアップロードした指標（このセッションのみ）：{name}",
                         "en": "Indicators uploaded by the user (this session only): {name}"},
    "np_report_title": {"ja": "{town}の比較レポート", "en": "Comparison report: {town}"},
    "np_spine_values_note": {"ja": "値は下の比較表にあります。", "en": "The values are in the table below."},
    "np_link": {"ja": "この表示へのリンク：", "en": "Link to this view: "},
    "np_pref_note": {"ja": "都道府県は47都道府県どうしでくらべます（都道府県の値は市区町村の合計から計算）。",
                     "en": "A prefecture is compared with the 47 prefectures (its figures are computed from its "
                           "municipalities' totals)."},
    "np_small_group": {"ja": "比較グループが{n}団体と少ないため、位置（5分の1）の読みは粗くなります。",
                       "en": "The group has only {n} places: the reading by fifths is coarse."},
    "np_timing": {"ja": "計算時間：{ms} ms", "en": "Computed in {ms} ms"},
    "np_bar_pick": {"ja": "順位グラフの指標", "en": "Indicator of the ranked bars"},
    "np_x_pick": {"ja": "横軸の指標", "en": "x indicator"},
    "np_y_pick": {"ja": "縦軸の指標", "en": "y indicator"},
    "np_csv_note": {"ja": "CSV：見出し、単位の行、データ、最後に出典と作成情報。",
                    "en": "CSV: header, a units row, the data, then the source and the stamp."},
    "np_topic_population": {"ja": "人口", "en": "Population"},
    "np_topic_households": {"ja": "世帯", "en": "Households"},
    "np_topic_labour": {"ja": "労働", "en": "Labour"},
    "np_topic_finance": {"ja": "財政", "en": "Public finance"},
    "np_topic_health": {"ja": "医療", "en": "Health"},
    "np_topic_welfare": {"ja": "福祉", "en": "Welfare"},
    "np_topic_education": {"ja": "教育", "en": "Education"},
    "np_topic_economy": {"ja": "経済", "en": "Economy"},
    "np_topic_land": {"ja": "国土", "en": "Land"},
    "np_topic_living": {"ja": "生活", "en": "Living"},
    "np_topic_culture": {"ja": "文化", "en": "Culture"},
    "np_topic_plan": {"ja": "実施計画", "en": "Plan"},
}
_clash = set(NATIONAL) & set(STRINGS)
if _clash:
    raise ValueError(f"i18n.peers: keys defined twice: {sorted(_clash)}")
STRINGS.update(NATIONAL)
