"""Numbers behind the データと方法 page: normalisation rules with their counts, data-quality filtering, the tables
offered for download, and whether boundary data is present (so its credit is owed). Ids and counts only: the page's
words are in machikurabe.ui.data_method_view."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from machikurabe.analysis import quality_rules
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


def declared_rules() -> pd.DataFrame:
    """Rules as declared by the build (machikurabe.analysis.quality_rules, owned by the parser), one row per rule id:
    the id and what happened to the value (stored | null | text | flag)."""
    return pd.DataFrame([{"rule": rule.id, "action": rule.action} for rule in quality_rules.RULES.values()],
                        columns=["rule", "action"])


def rules_table(quality: pd.DataFrame) -> pd.DataFrame:
    """Every rule (declared by the build, or merely present in data_quality) with its action and how often it
    fired."""
    counts = rules_with_counts(quality)
    declared = declared_rules()
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
