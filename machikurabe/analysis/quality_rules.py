"""The normalisation and doubt rules of the build, one entry per `data_quality.rule` id, for the UI and the README.

Each entry: what was printed, what the build stored, and a short bilingual explanation.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    ja: str
    en: str
    action: str  # stored | null | text | flag — what happened to the value


RULES: dict[str, Rule] = {r.id: r for r in [
    Rule("missing_empty", "空欄（単位のみ印字）→ 欠損", "cell printed empty (unit only) → missing", "null"),
    Rule("missing_not_tallied", "「未集計」→ 欠損", "printed 未集計 (not tallied) → missing", "null"),
    Rule("missing_unknown", "「不明」→ 欠損", "printed 不明 (unknown) → missing", "null"),
    Rule("missing_dash", "「-」「—」→ 欠損", "printed a dash → missing", "null"),
    Rule("missing_section", "基本情報の表が見つからない → 欠損", "no basic-info table in the block → missing", "null"),
    Rule("label_missing", "項目名が印字されていない → 欠損", "the label is not printed → missing", "null"),
    Rule("approximate", "「約」付きの値 → 数値を保存し概数と表示", "printed with 約 (approx.) → number kept, shown as approximate", "stored"),
    Rule("trailing_period", "数値の後の余分な「.」（39.0.）を無視", "stray period after the number (39.0.) ignored", "stored"),
    Rule("footnote_mark", "数値に「※」注記 → 数値を保存し注記を表示", "a ※ note mark with the number → number kept, note shown", "stored"),
    Rule("date_note", "時点の注記（H31.4.1 現在 など）→ 注記として保存", "an as-of date printed with the value → kept as a note", "stored"),
    Rule("extra_text", "数値の横に文字 → 最初の数値を保存", "text printed beside the number → first number kept", "stored"),
    Rule("unit_mismatch", "項目と異なる単位 → 要確認", "a unit that is not this field's → doubtful", "flag"),
    Rule("out_of_range", "0–100 の範囲外の割合 → 要確認", "a percentage outside 0–100 → doubtful", "flag"),
    Rule("per_mille_converted", "‰ 表記 → 10 で割って % に", "printed in ‰ → divided by 10 into %", "stored"),
    Rule("per_mille_labelled_percent", "% 表記だが 6 超 → ‰ とみなし 10 で割る", "printed % but above 6 → read as ‰, divided by 10", "stored"),
    Rule("fraction_labelled_percent", "% 表記だが 0.01 未満 → 比率とみなし 100 倍", "printed % but below 0.01 → a fraction, multiplied by 100", "stored"),
    Rule("template_text", "記入例の文言がそのまま → 欠損", "the form's instruction text left in the cell → missing", "null"),
    Rule("unparsed", "読み取れない行・値 → 原文のまま記録", "a line or value that could not be read → kept as text", "text"),
    Rule("duplicate_label", "同じ項目が 2 度 → 最初を採用", "a label printed twice → the first kept", "stored"),
    Rule("doubtful", "値は印字どおりだが解釈に疑問", "stored as printed but the reading is doubtful", "flag"),
    Rule("name_alias", "OCR の誤字 → 正式名称に対応付け", "an OCR misprint of the name → matched to the official name", "stored"),
    Rule("repeated_header", "同じ自治体の見出しが再掲 → 1 団体として扱う", "the body's header printed again (a caption) → not a new body", "flag"),
    Rule("marks_missing", "実施事業の行がない", "no 実施事業 line in the block", "flag"),
    Rule("mark_radio_input", "○ の代わりに HTML のラジオボタン → 印とみなす", "an HTML radio button where ○ stands → read as a mark", "stored"),
    Rule("section_without_mark", "実施事業に印はないが計画の記載あり → 実施とみなす", "not marked, but its section carries a design → counted as run", "stored"),
    Rule("mark_without_section", "印はあるが計画の記載なし → 実施とみなす", "marked, but its section carries no design → counted as run", "stored"),
    Rule("duplicate_section", "同じ事業の節が 2 度 → 最初を採用", "the same section printed twice → the first kept", "stored"),
    Rule("promoter_count_summed", "推進員数の内訳を合計", "promoter headcount added up from the parts printed", "stored"),
    Rule("zero_from_text", "「配置は行わない」→ 0 人", "printed as no placement this year → 0", "stored"),
    Rule("differs_from_official", "計画の印字値が公式統計（SSDSE-A、最も近い年）と許容差を超えて異なる → 印字値のまま、差を記録",
         "the plan's printed figure differs from the official statistic (SSDSE-A, nearest year) beyond the tolerance "
         "→ kept as printed, the difference recorded", "flag"),
    Rule("fractional_headcount", "3.5 人などの常勤換算 → 人数は空欄", "a full-time equivalent (3.5人) → headcount left empty", "null"),
]}


def describe(rule_id: str, lang: str = "ja") -> str:
    rule = RULES.get(rule_id)
    if rule is None:
        return rule_id
    return rule.ja if lang == "ja" else rule.en
