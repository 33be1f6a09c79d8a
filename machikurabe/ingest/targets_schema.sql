-- Programme targets (成果目標・指標) from every source document, one row per target; built by
-- machikurabe.targets.build_targets and executed by machikurabe.build after schema.sql.
CREATE TABLE targets (
    target_id                 VARCHAR PRIMARY KEY, -- '<document_id>-<n>', n in line order within the document
    document_id               VARCHAR NOT NULL,    -- documents.id: '000' … '004'
    municipality_code         VARCHAR,             -- NULL for 004 (issuer doubtful: 宮崎県 printed, みやぎ slogan)
    programme                 VARCHAR,             -- community_capacity | multi_agency | prefectural; NULL outside 003
    section                   VARCHAR,             -- 002: I 相談支援 / II 参加支援 / III 地域づくり…; 001: 基本目標; 000: (1)…(4); 004: 事例
    context                   VARCHAR,             -- activity heading or 地域の目標 the target sits under
    source_line               INTEGER NOT NULL,    -- 1-based line in the document's file
    text                      VARCHAR NOT NULL,    -- the target as printed (one target of a field that may list several)
    kind                      VARCHAR NOT NULL,    -- quantitative (states a number to reach) | qualitative
    category                  VARCHAR NOT NULL,    -- consultation | meetings | places | training | people | outreach | systems | participation | other
    logic_level               VARCHAR NOT NULL,    -- structure | process | output | outcome
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
    rule_id                   VARCHAR NOT NULL,    -- category rule that fired (machikurabe/target_rules.py)
    level_rule_id             VARCHAR NOT NULL,    -- logic-level rule that fired
    kind_rule_id              VARCHAR NOT NULL,    -- kind.number | kind.no_number | kind.document
    matched_terms             VARCHAR,             -- the words the rules matched, comma-separated
    note                      VARCHAR              -- asides printed with the target (→ progress, ※ notes), doubts
);
