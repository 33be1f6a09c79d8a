-- Programme targets (成果目標・指標) from every source document, one row per target; built by
-- machikurabe.targets.build_targets and executed by machikurabe.build after schema.sql.
-- Rules and their reasons (ja/en): machikurabe/target_rules.py (classification) and
-- machikurabe.targets.EXTRACTION_RULES (what was kept, dropped or joined).
CREATE TABLE targets (
    target_id                 VARCHAR PRIMARY KEY, -- '<document_id>-<n>', n in line order within the document
    document_id               VARCHAR NOT NULL,    -- documents.id: '000' … '004'
    municipality_code         VARCHAR,             -- NULL for 004 (issuer doubtful: 宮崎県 printed, みやぎ slogan)
    programme                 VARCHAR,             -- community_capacity | multi_agency | prefectural; NULL outside 003
    section                   VARCHAR,             -- 002: I 相談支援 / II 参加支援 / III 地域づくり…; 001: 基本目標; 000: (1)…(4); 004: 事例
    context                   VARCHAR,             -- activity heading or 地域の目標 the target sits under
    source_line               INTEGER NOT NULL,    -- 1-based line in the document's file (exact: the line the printed words are on)
    text                      VARCHAR NOT NULL,    -- the target as a careful reader reads it: runs to the end of its sentence with
                                                   -- its bracketed figure ('…増える。(20%増)'); a bare count joined to the target it
                                                   -- belongs to ('…見守り活動へ取り組む。98自治会。'); a bare count under a heading
                                                   -- completed with the heading (002: '地域住民等に対する研修の実施 16回')
    text_printed              VARCHAR NOT NULL,    -- the words as printed on source_line (equals text except where a heading was added)
    extraction_rule           VARCHAR NOT NULL,    -- extract.split | extract.join_fragment | extract.join_bracket |
                                                   -- extract.join_heading | extract.fragment_no_context (targets.EXTRACTION_RULES)
    kind                      VARCHAR NOT NULL,    -- quantitative (a value to reach) | indicator (a counted measure, no value) | qualitative
    category                  VARCHAR NOT NULL,    -- primary subject: consultation | meetings | places | training | publicity | people |
                                                   -- outreach | watching | services | systems | individual_participation |
                                                   -- resident_participation | other
    secondary_category        VARCHAR,             -- a second subject joined to the first (懇談会・研修会); NULL when the target has one
    pillar                    VARCHAR NOT NULL,    -- 重層的支援体制整備事業 (社会福祉法 第106条の4): comprehensive_consultation |
                                                   -- participation_support | community_building | outreach | multi_agency | none
    logic_level               VARCHAR NOT NULL,    -- structure | process | output | outcome (decision rules in README)
    confidence                VARCHAR NOT NULL,    -- high | low (low: no category word, competing subjects, default level, completed text)
    value                     DOUBLE,              -- the number to reach (lower end of a range)
    value_max                 DOUBLE,              -- upper end of a range (25%～50% → 50)
    bound                     VARCHAR,             -- at_least | at_most | exactly | range | approx
    unit                      VARCHAR,             -- 回 件 人 箇所 地区 団体 % …  (名 → 人, か所 → 箇所)
    period                    VARCHAR,             -- per_year | per_month | per_day | total | by_year
    value_raw                 VARCHAR,             -- the printed span the value was read from
    baseline                  DOUBLE,              -- starting point where printed (001 現状値, '現状 7か所')
    baseline_raw              VARCHAR,
    baseline_year             INTEGER,
    target_year               INTEGER,
    rule_id                   VARCHAR NOT NULL,    -- category rule that fired (cat.*; '.context' when read from the heading)
    secondary_rule_id         VARCHAR,             -- sec.two_subjects when secondary_category is set
    pillar_rule_id            VARCHAR NOT NULL,    -- pillar.*
    level_rule_id             VARCHAR NOT NULL,    -- lvl.*
    kind_rule_id              VARCHAR NOT NULL,    -- kind.document | kind.number | kind.all | kind.indicator | kind.no_number
    confidence_rule_id        VARCHAR NOT NULL,    -- conf.*
    matched_terms             VARCHAR,             -- the words the rules matched, comma-separated
    note                      VARCHAR              -- asides printed with the target (→ progress, ※ notes, brackets without a figure), doubts
);

-- The targets classifier's agreement with the hand labels per field and method (analysis/target_agreement_report.py
-- computes it, minutes of refitting; the build copies its stored result so the app reads only the database).
CREATE TABLE target_agreement (
    field          VARCHAR NOT NULL,   -- kind | category | pillar | logic_level
    method         VARCHAR NOT NULL,   -- rules | model
    n              INTEGER NOT NULL,   -- labelled targets compared
    agreement      DOUBLE NOT NULL,    -- share of rows that agree, 0–1
    kappa          DOUBLE NOT NULL,    -- Cohen's kappa
    out_of_sample  BOOLEAN NOT NULL    -- false: the rules were tuned on these labels
);
