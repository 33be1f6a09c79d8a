"""UI strings in Japanese (default) and English; pages call ``t(key, lang)`` and never hard-code labels."""
from __future__ import annotations

LANGS = ("ja", "en")
DEFAULT_LANG = "ja"

STRINGS: dict[str, dict[str, str]] = {
    # app shell
    "app_title": {"ja": "まちくらべ", "en": "Machikurabe"},
    "app_tagline": {"ja": "自治体の福祉プロフィールと地域共生社会のモデル事業計画をくらべる",
                    "en": "Compare municipalities' welfare profiles and community-welfare programme designs"},
    "language": {"ja": "言語 / Language", "en": "Language / 言語"},
    "filters": {"ja": "絞り込み", "en": "Filters"},
    "filter_prefecture": {"ja": "都道府県", "en": "Prefecture"},
    "filter_kind": {"ja": "自治体の種類", "en": "Kind of body"},
    "filter_programme": {"ja": "実施事業", "en": "Programme"},
    "filter_all": {"ja": "すべて", "en": "All"},
    "choose_placeholder": {"ja": "選んでください", "en": "Choose options"},
    "filter_help": {"ja": "絞り込みはURLに保存され、リンクを共有すると同じ表示になります。",
                    "en": "Filters are kept in the URL: a copied link reproduces this view."},
    "filter_count": {"ja": "{n}自治体が該当（全{total}）", "en": "{n} of {total} bodies match"},
    "filter_reset": {"ja": "絞り込みを解除", "en": "Clear filters"},
    "no_match": {"ja": "条件に合う自治体がありません。絞り込みを変更してください。",
                 "en": "No body matches the filters. Change the filters."},
    "source_prefix": {"ja": "出典", "en": "Source"},
    "db_unavailable_title": {"ja": "データベースを開けません", "en": "The database is not available"},
    # pages
    "page_overview": {"ja": "概要", "en": "Overview"},
    "page_map": {"ja": "地図", "en": "Map"},
    "page_profile": {"ja": "自治体プロフィール", "en": "Municipality profile"},
    "page_programmes": {"ja": "事業設計", "en": "Programme designs"},
    "page_peers": {"ja": "比較", "en": "Peer comparison"},
    "page_breakdown": {"ja": "指標の内訳", "en": "Indicator breakdown"},
    "page_data_method": {"ja": "データと方法", "en": "Data and method"},
    # kinds of body
    "kind_prefecture": {"ja": "都道府県", "en": "Prefecture"},
    "kind_designated_city": {"ja": "政令指定都市", "en": "Designated city"},
    "kind_city": {"ja": "市", "en": "City"},
    "kind_ward": {"ja": "特別区・行政区", "en": "Ward"},
    "kind_town": {"ja": "町", "en": "Town"},
    "kind_village": {"ja": "村", "en": "Village"},
    # programmes
    "programme_community_capacity": {"ja": "地域力強化推進事業", "en": "Community capacity building"},
    "programme_multi_agency": {"ja": "多機関の協働による包括的支援体制構築事業",
                               "en": "Multi-agency comprehensive support"},
    "programme_prefectural": {"ja": "都道府県事業", "en": "Prefectural programme"},
    "programme_short_community_capacity": {"ja": "地域力強化", "en": "Community capacity"},
    "programme_short_multi_agency": {"ja": "多機関協働", "en": "Multi-agency"},
    "programme_short_prefectural": {"ja": "都道府県事業", "en": "Prefectural"},
    # overview
    "overview_title": {"ja": "まちくらべ：地域共生社会のモデル事業をくらべる",
                       "en": "Machikurabe: comparing community-welfare model projects"},
    "overview_intro": {
        "ja": "厚生労働省の令和元年度（2019年度）「地域共生社会の実現に向けた包括的支援体制構築事業」に"
              "参加した{total}団体（市区町村{municipal}・都道府県{prefectural}）の実施計画から、人口・高齢化率・"
              "生活保護受給率などの基本情報と、各事業の設計（実施主体、拠点、研修、財源、成果目標、推進員など）を"
              "読み取り、くらべられるようにしたものです。",
        "en": "The FY2019 implementation plans of the MHLW model projects for building comprehensive support "
              "systems (chiiki kyosei shakai), from {total} bodies ({municipal} municipalities and "
              "{prefectural} prefectures): their basic figures (population, ageing rate, public assistance "
              "rate ...) and the design of each programme (implementer, hubs, training, funding, targets, "
              "promoters), made comparable."},
    "metric_bodies": {"ja": "参加団体", "en": "Participating bodies"},
    "metric_municipalities": {"ja": "市区町村", "en": "Municipalities"},
    "metric_prefectures": {"ja": "都道府県", "en": "Prefectures"},
    "metric_programmes": {"ja": "記載のある事業", "en": "Programme designs"},
    "metric_promoters": {"ja": "推進員（予定）合計", "en": "Planned promoters, total"},
    "unit_bodies": {"ja": "団体", "en": "bodies"},
    "unit_programmes": {"ja": "事業", "en": "programmes"},
    "chart_by_programme": {"ja": "事業別の団体数", "en": "Bodies by programme"},
    "chart_by_kind": {"ja": "種類別の団体数", "en": "Bodies by kind"},
    "axis_bodies": {"ja": "団体数（団体）", "en": "Bodies (count)"},
    "axis_programme": {"ja": "事業", "en": "Programme"},
    "axis_kind": {"ja": "自治体の種類", "en": "Kind of body"},
    "legend_with_design": {"ja": "設計の記載あり", "en": "With a design"},
    "how_to_read": {"ja": "このアプリの読み方", "en": "How to read this app"},
    "how_to_read_body": {
        "ja": "- 数値は各自治体が実施計画に記載したものです。基準日は自治体ごとに異なります（多くは2019年）。\n"
              "- 単位の誤りなどを補正した値には ⚠ を付け、記載どおりの値と補正の規則を示しています。\n"
              "- 都道府県の計画は都道府県どうしでのみ順位をくらべます。\n"
              "- サイドバーの絞り込みは全ページ共通で、URLに保存されます。",
        "en": "- Figures are as printed by each body in its plan; as-of dates vary by body (mostly 2019).\n"
              "- Corrected values (e.g. per-mille printed as percent) carry a ⚠ with the printed text and the rule.\n"
              "- Prefectural plans are ranked only against other prefectures.\n"
              "- Sidebar filters apply to every page and are kept in the URL."},
    "where_to_start": {"ja": "どこから見るか", "en": "Where to start"},
    "start_prefectural": {"ja": "**都道府県の職員**（ベンチマーク）：「比較」と「自治体プロフィール」",
                          "en": "**Prefectural staff** (benchmarking): Peer comparison and Municipality profile"},
    "start_students": {"ja": "**政策を学ぶ学生**：「地図」と「事業設計」",
                       "en": "**Policy students**: Map and Programme designs"},
    "start_councils": {"ja": "**社会福祉協議会**（資料づくり）：「比較」の図表・Excel書き出し、「データと方法」のCSV",
                       "en": "**Social-welfare councils** (reports): exports from Peer comparison, CSVs in Data and method"},
    # profile
    "profile_title": {"ja": "自治体プロフィール", "en": "Municipality profile"},
    "profile_pick": {"ja": "自治体を選ぶ（漢字・かな・ローマ字で検索できます）",
                     "en": "Choose a body (search by kanji, kana or romaji)"},
    "profile_unknown_code": {"ja": "URLの自治体コード「{code}」はデータにありません。一覧から選んでください。",
                             "en": "The body code “{code}” in the URL is not in the data. Choose one from the list."},
    "profile_filtered_out": {"ja": "選択中の自治体は現在の絞り込みに含まれていませんが、表示しています。",
                             "en": "The selected body is outside the current filters; it is shown anyway."},
    "profile_indicators": {"ja": "基本情報と順位", "en": "Basic figures and ranks"},
    "col_indicator": {"ja": "指標", "en": "Indicator"},
    "col_value": {"ja": "値", "en": "Value"},
    "col_rank_all": {"ja": "{group}中の順位", "en": "Rank among {group}"},
    "col_pct_all": {"ja": "{group}中のパーセンタイル", "en": "Percentile among {group}"},
    "group_municipalities": {"ja": "全市区町村", "en": "all municipalities"},
    "group_prefectures": {"ja": "全都道府県", "en": "all prefectures"},
    "col_rank_kind": {"ja": "同種の団体中の順位", "en": "Rank, same kind"},
    "col_pct_kind": {"ja": "同種の団体中のパーセンタイル", "en": "Percentile, same kind"},
    "col_flag": {"ja": "注", "en": "Note"},
    "rank_note": {"ja": "順位は値の大きい順（1位＝最大）。良し悪しではありません。同種＝{kind}。",
                  "en": "Ranks run from the largest value (1 = largest); not a judgement. Same kind = {kind}."},
    "quality_notes": {"ja": "⚠ 補正・欠損のある値（記載どおりの値と規則）", "en": "⚠ Corrected or missing values (as printed, and the rule)"},
    "col_field": {"ja": "項目", "en": "Field"},
    "col_raw": {"ja": "記載どおり", "en": "As printed"},
    "col_stored": {"ja": "格納値", "en": "Stored value"},
    "col_rule": {"ja": "規則", "en": "Rule"},
    "col_line": {"ja": "行", "en": "Line"},
    "col_note": {"ja": "説明", "en": "Note"},
    "no_quality_notes": {"ja": "この自治体の値に補正・欠損はありません。", "en": "No corrected or missing values for this body."},
    "vision": {"ja": "ビジョン", "en": "Vision"},
    "vision_aim": {"ja": "本事業に取り組む目的・狙い", "en": "Purpose and aim"},
    "vision_change": {"ja": "本事業を通じて人と地域に起こしたい変化", "en": "Change sought in people and the community"},
    "local_features": {"ja": "地域の特徴", "en": "Local features"},
    "basic_info_notes": {"ja": "基本情報の注記", "en": "Notes printed with the basic figures"},
    "community_care_centres": {"ja": "地域包括支援センター", "en": "Community comprehensive care centres"},
    "self_reliance_support": {"ja": "生活困窮者自立相談支援事業", "en": "Self-reliance consultation support"},
    "programme_designs": {"ja": "事業の設計", "en": "Programme designs"},
    "no_programmes": {"ja": "この自治体には事業の記載がありません。", "en": "This body's plan has no programme design."},
    "marked_no_design": {"ja": "実施事業欄に印がありますが、設計の記載はありません。",
                         "en": "Marked on the programme line, but no design is written."},
    "design_not_marked": {"ja": "設計の記載がありますが、実施事業欄に印はありません。",
                          "en": "A design is written, but the programme is not marked on the programme line."},
    "source_lines": {"ja": "出典：{file}　{line}行目から", "en": "Source: {file}, from line {line}"},
    "line_n": {"ja": "{n}行", "en": "line {n}"},
    "line_n_paren": {"ja": "（{n}行）", "en": " (line {n})"},
    "rows_n": {"ja": "{n}行", "en": "{n} rows"},
    "not_stated": {"ja": "記載なし", "en": "Not stated"},
    # programme fields
    "field_programme_name": {"ja": "事業名", "en": "Programme name"},
    "field_implementer": {"ja": "実施主体（委託先）", "en": "Implementer (contractor)"},
    "field_contractor": {"ja": "委託先", "en": "Contractor"},
    "field_necessity": {"ja": "事業実施の必要性", "en": "Why it is needed"},
    "field_target_area": {"ja": "対象地域", "en": "Target area"},
    "field_target_area_scope": {"ja": "対象地域の範囲", "en": "Scope of target area"},
    "field_target_area_population": {"ja": "対象地域の人口", "en": "Target area population"},
    "field_support_target": {"ja": "支援する対象", "en": "Who is supported"},
    "field_support_content": {"ja": "支援の内容", "en": "Support provided"},
    "field_hubs": {"ja": "拠点の場所", "en": "Hubs"},
    "field_hub_operator": {"ja": "拠点の運営主体", "en": "Hub operator"},
    "field_training_target": {"ja": "研修の対象", "en": "Training for"},
    "field_training_content": {"ja": "研修の内容", "en": "Training content"},
    "field_funding": {"ja": "財源等の確保", "en": "Funding"},
    "field_linked_programmes": {"ja": "連携する他の法定事業等", "en": "Linked statutory programmes"},
    "field_consultation_place": {"ja": "相談を受け止める場", "en": "Consultation place"},
    "field_outcome_targets": {"ja": "事業の成果目標", "en": "Outcome targets"},
    "field_promoter_count": {"ja": "相談支援包括化推進員の配置予定人数", "en": "Planned promoters"},
    "field_promoter_count_raw": {"ja": "推進員数（記載どおり）", "en": "Promoters (as printed)"},
    "field_promoter_backgrounds": {"ja": "推進員の経歴等", "en": "Promoters' backgrounds"},
    "field_promoter_agency": {"ja": "推進員を配置する相談支援機関", "en": "Agency hosting the promoters"},
    "field_overview": {"ja": "取組の概要", "en": "Overview of the work"},
    "field_meeting_case_review": {"ja": "推進会議（個別事例の検討）", "en": "Promotion meeting (case review)"},
    "field_meeting_network": {"ja": "推進会議（ネットワーク構築）", "en": "Promotion meeting (networking)"},
    "field_new_resources": {"ja": "新たな社会資源の創出", "en": "Creating new social resources"},
    "field_prefectural_a": {"ja": "都道府県事業（ア）", "en": "Prefectural programme (a)"},
    "field_prefectural_b": {"ja": "都道府県事業（イ）", "en": "Prefectural programme (b)"},
    "field_other": {"ja": "その他", "en": "Other"},
    "field_publicity_method": {"ja": "相談の場の周知方法", "en": "How the consultation place is publicised"},
    "field_early_detection_method": {"ja": "地域生活課題の早期把握の方法", "en": "Early detection of local issues"},
    "field_cross_reference": {"ja": "他の事業計画への参照", "en": "Cross-reference to another plan"},
    "field_content": {"ja": "事業内容", "en": "Programme content"},
    "field_content_heading": {"ja": "事業内容の見出し", "en": "Content heading"},
    "field_prefectural_a_heading": {"ja": "都道府県事業（ア）見出し", "en": "Prefectural programme (a) heading"},
    "field_prefectural_target": {"ja": "都道府県事業の対象", "en": "Prefectural programme target"},
    "field_prefectural_process": {"ja": "都道府県事業の進め方", "en": "Prefectural programme process"},
    "field_prefectural_activities": {"ja": "都道府県事業の取組", "en": "Prefectural programme activities"},
    "field_preamble": {"ja": "前文", "en": "Preamble"},
    "field_target_area_population_raw": {"ja": "対象地域の人口（記載どおり）", "en": "Target area population (as printed)"},
    "field_consultation_staff": {"ja": "相談を受け止める人", "en": "Who receives consultations"},
    "field_backup_content": {"ja": "バックアップの内容", "en": "Back-up support"},
    "field_backup_staff": {"ja": "バックアップする人", "en": "Who backs up"},
    "field_meeting_existing_name": {"ja": "既存の会議の名称", "en": "Existing meeting used"},
    "field_marked": {"ja": "実施事業欄の印", "en": "Marked"},
    "field_has_content": {"ja": "設計の記載", "en": "Has a design"},
    # programmes page
    "programmes_title": {"ja": "事業設計", "en": "Programme designs"},
    "programmes_table": {"ja": "全事業の一覧", "en": "All programmes"},
    "programmes_table_note": {"ja": "列見出しをクリックすると並べ替えられます。", "en": "Click a column header to sort."},
    "programmes_only_design": {"ja": "設計の記載がある事業のみ", "en": "Only programmes with a design"},
    "col_body": {"ja": "自治体", "en": "Body"},
    "col_prefecture": {"ja": "都道府県", "en": "Prefecture"},
    "col_kind": {"ja": "種類", "en": "Kind"},
    "col_programme": {"ja": "事業", "en": "Programme"},
    "col_code": {"ja": "コード", "en": "Code"},
    "search_title": {"ja": "設計の本文を検索", "en": "Search the design texts"},
    "search_box": {"ja": "検索語（部分一致）", "en": "Search term (substring)"},
    "search_placeholder": {"ja": "例：居場所、社会福祉協議会、ひきこもり", "en": "e.g. 居場所, 社会福祉協議会, ひきこもり"},
    "search_hits": {"ja": "{n}件の記載がヒット（{bodies}団体）", "en": "{n} passages match ({bodies} bodies)"},
    "search_no_hits": {"ja": "「{q}」を含む記載はありません。", "en": "No design text contains “{q}”."},
    "search_hostile_note": {"ja": "検索語は文字どおりに扱われます。", "en": "The search term is matched literally."},
    "col_text": {"ja": "記載", "en": "Text"},
    "search_field_filter": {"ja": "項目で絞り込み", "en": "Filter by field"},
    "search_truncated": {"ja": "最初の{n}件を表示しています。", "en": "Showing the first {n}."},
    "compare_title": {"ja": "設計を並べてくらべる", "en": "Compare designs side by side"},
    "compare_pick": {"ja": "くらべる自治体（2〜3団体）", "en": "Bodies to compare (2-3)"},
    "compare_programme": {"ja": "くらべる事業", "en": "Programme to compare"},
    "compare_need_two": {"ja": "2〜3団体を選んでください。", "en": "Choose two or three bodies."},
    "compare_too_many": {"ja": "くらべられるのは3団体までです。最初の3団体を表示します。",
                         "en": "At most three bodies; showing the first three."},
    # data & method
    "data_title": {"ja": "データと方法", "en": "Data and method"},
    "documents": {"ja": "出典資料と時点", "en": "Sources and vintage"},
    "rules": {"ja": "正規化・補正の規則", "en": "Normalisation rules"},
    "rules_from_db": {"ja": "規則の一覧（ビルドの定義）と、データ品質表での件数・団体数・例。",
                      "en": "The rules as defined by the build, with their count, bodies and an example in the data-quality table."},
    "col_count": {"ja": "件数", "en": "Count"},
    "quality_table": {"ja": "データ品質表（補正・欠損の全記録）", "en": "Data-quality table (every correction and gap)"},
    "quality_filter_rule": {"ja": "規則で絞り込み", "en": "Filter by rule"},
    "quality_filter_field": {"ja": "項目で絞り込み", "en": "Filter by field"},
    "quality_filter_body": {"ja": "自治体で絞り込み", "en": "Filter by body"},
    "quality_empty": {"ja": "条件に合う記録はありません。", "en": "No record matches."},
    "downloads": {"ja": "データのダウンロード", "en": "Downloads"},
    "downloads_note": {"ja": "CSVはUTF-8（BOM付き）でExcelでもそのまま開けます。", "en": "CSV files are UTF-8 with BOM so Excel opens Japanese correctly."},
    "credits": {"ja": "クレジットとライセンス", "en": "Credits and licences"},
    "build_info": {"ja": "ビルド情報", "en": "Build information"},
    "indicator_definitions": {"ja": "指標の定義", "en": "Indicator definitions"},
    "col_unit": {"ja": "単位", "en": "Unit"},
    "col_definition": {"ja": "定義", "en": "Definition"},
    "col_type": {"ja": "種別", "en": "Type"},
    "col_polarity": {"ja": "向き", "en": "Polarity"},
    "yes": {"ja": "あり", "en": "Yes"},
    "no": {"ja": "なし", "en": "No"},
}


def t(key: str, lang: str = DEFAULT_LANG, **fmt) -> str:
    """The string for ``key`` in ``lang``; a missing key shows the key itself so a gap is visible, not fatal."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get(DEFAULT_LANG, key)
    return text.format(**fmt) if fmt else text



def kind_label(kind: str, lang: str = DEFAULT_LANG) -> str:
    return t(f"kind_{kind}", lang) if f"kind_{kind}" in STRINGS else kind


def programme_label(programme: str, lang: str = DEFAULT_LANG, short: bool = False) -> str:
    key = f"programme_short_{programme}" if short else f"programme_{programme}"
    return t(key, lang) if key in STRINGS else programme


def field_label(field: str, lang: str = DEFAULT_LANG) -> str:
    return t(f"field_{field}", lang) if f"field_{field}" in STRINGS else field
