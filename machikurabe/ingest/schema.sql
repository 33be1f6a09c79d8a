-- Contract of data/municipal.duckdb. Later pages and external checks rely on these names.
-- Built by machikurabe.build from data/raw/ and geo/gazetteer.csv; never edited by hand.

CREATE TABLE municipalities (
    code                      VARCHAR PRIMARY KEY, -- 5-digit JIS X 0402 without check digit; prefectures PP000
    prefecture                VARCHAR NOT NULL,
    name                      VARCHAR NOT NULL,    -- official spelling (gazetteer), not the OCR'd print
    name_printed              VARCHAR,             -- as printed in the source, '' for prefecture blocks
    name_kana                 VARCHAR,
    name_romaji               VARCHAR,             -- from the kana, for the English UI
    kind                      VARCHAR NOT NULL,    -- prefecture | designated_city | city | ward | town | village
    population                BIGINT,              -- 人
    households                BIGINT,              -- 世帯
    ageing_rate_pct           DOUBLE,              -- 高齢化率, %
    welfare_rate_pct          DOUBLE,              -- 生活保護受給率, % (per-mille prints converted, see data_quality)
    association_rate_pct      DOUBLE,              -- 地縁組織加入率, %
    area_km2                  DOUBLE,
    density_per_km2           DOUBLE,              -- population / area_km2, derived
    elementary_schools        INTEGER,
    junior_high_schools       INTEGER,
    community_care_centres    VARCHAR,             -- 地域包括支援センター cell, as printed
    self_reliance_support     VARCHAR,             -- 生活困窮者自立相談支援事業 cell, as printed
    basic_info_notes          VARCHAR,             -- as-of dates and footnotes printed with the table
    local_features            VARCHAR,             -- 1-2. 地域の特徴
    vision_aim                VARCHAR,             -- 本事業に取り組む目的・狙い
    vision_change             VARCHAR,             -- 本事業を通じて人と地域に起こしたい変化
    lat                       DOUBLE,              -- municipal office (gazetteer); prefectural office for prefectures
    lon                       DOUBLE,
    coord_source              VARCHAR,             -- where lat/lon come from (gazetteer `source`; prefectures: host city's office)
    programme_count           INTEGER,             -- rows in programmes for this body
    source_file               VARCHAR NOT NULL,
    source_line               INTEGER NOT NULL     -- line of the block's 都道府県名 row
);

CREATE TABLE programmes (
    municipality_code         VARCHAR NOT NULL,
    programme                 VARCHAR NOT NULL,    -- community_capacity | multi_agency | prefectural
    marked                    BOOLEAN NOT NULL,    -- marked on the 実施事業※ line
    has_content               BOOLEAN NOT NULL,    -- its section 3/4/5 carries a design
    section_line              INTEGER,             -- line of the section heading
    implementer               VARCHAR,             -- ①実施主体(委託先), as printed
    contractor                VARCHAR,             -- the 委託先 part of it
    programme_name            VARCHAR,             -- ②事業名
    necessity                 VARCHAR,             -- ③事業実施の必要性(、体制等)
    target_area               VARCHAR,             -- (対象地域)
    target_area_scope         VARCHAR,             -- (対象地域の範囲)
    target_area_population    BIGINT,              -- (人口)
    support_target            VARCHAR,             -- (支援する対象)
    support_content           VARCHAR,             -- (支援の内容)
    hubs                      VARCHAR,             -- (拠点の場所)
    hub_operator              VARCHAR,             -- (運営主体)
    training_target           VARCHAR,             -- (研修の対象)
    training_content          VARCHAR,             -- (研修の内容)
    funding                   VARCHAR,             -- 財源等の確保 / 自主財源の確保
    linked_programmes         VARCHAR,             -- 連携する他の法定事業等
    consultation_place        VARCHAR,             -- (場所・機関等の名称) of イ
    outcome_targets           VARCHAR,             -- 事業の成果目標, all occurrences joined by newline
    promoter_count            INTEGER,             -- ④相談支援包括化推進員の配置予定人数, total persons
    promoter_count_raw        VARCHAR,
    promoter_backgrounds      VARCHAR,             -- ⑤相談支援包括化推進員の経歴等
    promoter_agency           VARCHAR,             -- ⑥ 配置する相談支援機関
    overview                  VARCHAR,             -- ⑦ア 取組の概要
    meeting_case_review       VARCHAR,             -- 相談支援包括化推進会議 (個別事例の検討)
    meeting_network           VARCHAR,             -- 相談支援包括化推進会議 (ネットワーク構築)
    new_resources             VARCHAR,             -- 新たな社会資源の創出
    prefectural_a             VARCHAR,             -- 都道府県事業 (ア) content
    prefectural_b             VARCHAR,             -- 都道府県事業 (イ) content
    PRIMARY KEY (municipality_code, programme)
);

-- Every design field occurrence with its own line, so each text traces to the line it came from.
CREATE TABLE programme_texts (
    municipality_code         VARCHAR NOT NULL,
    programme                 VARCHAR NOT NULL,
    field                     VARCHAR NOT NULL,    -- a programmes column name
    text                      VARCHAR NOT NULL,
    source_line               INTEGER NOT NULL
);

CREATE TABLE data_quality (
    municipality_code         VARCHAR,
    field                     VARCHAR NOT NULL,
    raw_value                 VARCHAR,             -- exactly as printed
    value                     VARCHAR,             -- what was stored (NULL when nothing was)
    rule                      VARCHAR NOT NULL,    -- stable id, see README
    source_line               INTEGER,
    note                      VARCHAR
);

CREATE TABLE documents (
    id                        VARCHAR PRIMARY KEY, -- '000' … '004', the file-name prefix
    title                     VARCHAR NOT NULL,
    municipality_code         VARCHAR,             -- body it belongs to (NULL for the multi-body 003)
    body_name                 VARCHAR,
    kind                      VARCHAR NOT NULL,    -- plans_compilation | csw_specification | welfare_plan | programme_overview | council_report
    file_name                 VARCHAR NOT NULL,
    note                      VARCHAR
);

CREATE TABLE build_info (
    key                       VARCHAR PRIMARY KEY,
    value                     VARCHAR
);

-- National baseline (issue 11): SSDSE-A 2018–2026 and MIC's 類似団体区分; built by machikurabe/ingest/national.py.
CREATE TABLE places (
    code                      VARCHAR PRIMARY KEY, -- 5-digit; prefectures PP000 (1,741 municipalities + 47 prefectures)
    name                      VARCHAR NOT NULL,
    name_kana                 VARCHAR,
    name_romaji               VARCHAR,
    prefecture                VARCHAR NOT NULL,
    prefecture_code           VARCHAR NOT NULL,    -- PP000
    kind                      VARCHAR NOT NULL,    -- prefecture | designated_city | city | ward (特別区) | town | village
    lat                       DOUBLE,
    lon                       DOUBLE,
    coord_source              VARCHAR,             -- gazetteer:<source> (office point) or boundary_centroid
    in_model_project          BOOLEAN NOT NULL,    -- one of the 63 bodies of `municipalities`
    municipal_type            VARCHAR,             -- 類似団体区分 as printed (都市Ⅱ－３, 中核市, …); NULL for prefectures
    type_size                 INTEGER,             -- Ⅰ..Ⅴ → 1..5 where the 区分 has one
    type_industry             INTEGER,             -- 0..3 where the 区分 has one
    type_not_selected         BOOLEAN              -- ※ 非選定
);

CREATE TABLE national_indicators (
    indicator                 VARCHAR PRIMARY KEY, -- SSDSE code (A1101) or a readable id for derived ones
    label_ja                  VARCHAR NOT NULL,    -- the newest vintage's label
    label_en                  VARCHAR NOT NULL,
    unit                      VARCHAR,             -- ja (人, 世帯, ha, 千円, %, …)
    unit_en                   VARCHAR,
    topic                     VARCHAR,             -- population, households, land, economy, labour, finance, education, health, welfare, …
    source                    VARCHAR,             -- the survey behind the SSDSE column
    definition                VARCHAR,
    formula                   VARCHAR,             -- derived only
    years                     VARCHAR,             -- comma-separated years with values
    derived                   BOOLEAN NOT NULL,
    decimals                  INTEGER,             -- display precision
    aggregate                 VARCHAR              -- sum | none | recomputed: how the prefecture rows are made
);

CREATE TABLE national_values (
    code                      VARCHAR NOT NULL,    -- places.code
    indicator                 VARCHAR NOT NULL,
    year                      INTEGER NOT NULL,    -- the year the figure refers to (SSDSE's 年度 row)
    value                     DOUBLE,              -- NULL with a status, never invented
    vintage                   INTEGER,             -- the SSDSE-A edition the value comes from (newest wins)
    status                    VARCHAR,             -- NULL (a number) | dash | not_available | confidential | blank | incomplete
    aggregated                BOOLEAN NOT NULL     -- prefecture row summed from its municipalities (or derived from such sums)
    -- one row per (code, indicator, year) by construction (tests check it); no PRIMARY KEY: its index cost 2.3 s of build
);

CREATE TABLE national_revisions (
    code                      VARCHAR NOT NULL,
    indicator                 VARCHAR NOT NULL,
    year                      INTEGER NOT NULL,
    old_vintage               INTEGER NOT NULL,
    old_value                 DOUBLE,
    old_status                VARCHAR,
    new_vintage               INTEGER NOT NULL,
    new_value                 DOUBLE,
    new_status                VARCHAR
);

CREATE TABLE national_code_changes (
    former_code               VARCHAR NOT NULL,
    former_name               VARCHAR,
    code                      VARCHAR NOT NULL,
    name                      VARCHAR,
    prefecture                VARCHAR,
    changed_on                VARCHAR,
    note                      VARCHAR,
    vintages_with_former_code VARCHAR              -- SSDSE-A editions that still print the former code
);

-- Designated-city wards (行政区, not Tokyo's 特別区, which are places): to recognise a ward row in a statistics table
-- and to fold a user's ward-level boundary file into its city, without reading the gazetteer at run time.
CREATE TABLE wards (
    code                      VARCHAR PRIMARY KEY, -- 5-digit ward code
    name                      VARCHAR NOT NULL,
    prefecture                VARCHAR NOT NULL,
    parent_code               VARCHAR              -- the designated city's code (the ward code's city part)
);
