"""Aggregations behind the page 指標の内訳: shares of target kinds, logic-model levels and categories by
programme, kind of body, prefecture and size band, the targets behind any bar segment, and exports."""
from __future__ import annotations

import numpy as np
import pandas as pd

from machikurabe import i18n
from machikurabe.analysis import indicators, target_rules
from machikurabe.i18n.prefectures import PREFECTURES_EN

# Population bands (人). Edges are lower-inclusive: 10,000 falls in 1万～5万人.
SIZE_BANDS = [
    ("lt10k", 0, 10_000, "1万人未満", "<10k"),
    ("10k_50k", 10_000, 50_000, "1万～5万人", "10k–50k"),
    ("50k_200k", 50_000, 200_000, "5万～20万人", "50k–200k"),
    ("200k_500k", 200_000, 500_000, "20万～50万人", "200k–500k"),
    ("ge500k", 500_000, np.inf, "50万人以上", "≥500k"),
]
UNKNOWN = "unknown"

DIMENSIONS = {"kind": target_rules.KINDS, "logic_level": target_rules.LOGIC_LEVELS,
              "category": target_rules.CATEGORIES, "pillar": target_rules.PILLARS}
GROUPINGS = ("programme", "body_kind", "prefecture", "size_band", "document_id")


DOCUMENT_LABELS = {
    "000": ("市川市 CSW業務委託仕様書（000）", "Ichikawa CSW specification (000)"),
    "001": ("長野市 第二次地域福祉計画 指標（001）", "Nagano city welfare plan indicators (001)"),
    "002": ("調布市 令和6年度 地域福祉コーディネーター事業等の概要（002）", "Chofu FY2024 coordinator plan (002)"),
    "003": ("令和元年度 モデル事業実施計画（003）", "FY2019 model-project plans (003)"),
    "004": ("県社協レポート 第4号（004）", "Prefectural council report no.4 (004)"),
}

# Which indicator types (indicators.TYPES) each comparison on this page speaks to, and why.
COMPARISON_TYPES = {
    "size_band": ("demography",),                 # bands are cut from 人口
    "body_kind": (),                              # administrative status, not an indicator
    "prefecture": (),                             # geography, not an indicator
    "programme": ("programme_inputs",),           # which programme the body runs (cf. programme_count)
    "category:consultation": ("welfare", "service_provision"),
    "category:meetings": ("service_provision",),
    "category:places": ("community_participation", "service_provision"),
    "category:training": ("community_participation",),
    "category:publicity": ("community_participation",),
    "category:people": ("programme_inputs", "community_participation"),
    "category:outreach": ("service_provision",),
    "category:watching": ("community_participation", "welfare"),
    "category:services": ("service_provision",),
    "category:systems": ("programme_inputs",),
    "category:individual_participation": ("welfare", "community_participation"),
    "category:resident_participation": ("community_participation",),
}


def size_band(population) -> str:
    if population is None or pd.isna(population):
        return UNKNOWN
    for key, low, high, _, _ in SIZE_BANDS:
        if low <= population < high:
            return key
    return UNKNOWN


def size_band_label(key: str, lang: str = "ja") -> str:
    if key == "prefecture":
        return "都道府県（規模の区分外）" if lang != "en" else "Prefectures (not banded)"
    for k, _, _, ja, en in SIZE_BANDS:
        if k == key:
            return en if lang == "en" else ja
    return i18n.t("bd_unknown", lang)


def attach_bodies(targets: pd.DataFrame, municipalities: pd.DataFrame,
                  gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Targets with the body's name, prefecture, kind, population and size band.

    Bodies outside the 2019 plans (長野市, 市川市) take name, prefecture and kind from ``gazetteer`` (the database's
    places table on the page); their population is not in the plans, so their size band is 'unknown'. 004 has no body.
    """
    gz = pd.DataFrame(columns=["code", "prefecture", "name", "kind"]) if gazetteer is None else gazetteer
    cols = ["code", "prefecture", "name", "name_romaji", "kind", "population"]
    bodies = municipalities.reindex(columns=cols).copy()
    extra = gz[~gz["code"].isin(bodies["code"])].reindex(columns=cols).assign(population=np.nan)
    bodies = pd.concat([bodies, extra], ignore_index=True)
    bodies = bodies.rename(columns={"code": "municipality_code", "kind": "body_kind", "name": "body_name",
                                    "name_romaji": "body_name_en"})
    out = targets.merge(bodies, on="municipality_code", how="left")
    out["prefecture"] = out["prefecture"].fillna(UNKNOWN)
    out["body_kind"] = out["body_kind"].fillna(UNKNOWN)
    # prefectures are not municipalities of a size: they get a band of their own
    out["size_band"] = ["prefecture" if k == "prefecture" else size_band(p)
                        for k, p in zip(out["body_kind"], out["population"])]
    out["programme"] = out["programme"].fillna("none")
    return out


def group_label(group: str, value: str, lang: str = "ja") -> str:
    if value in (UNKNOWN, None) or (isinstance(value, float) and pd.isna(value)):
        return i18n.t("bd_unknown", lang)
    if group == "programme":
        return i18n.t("bd_not_programme", lang) if value == "none" else i18n.programme_label(value, lang, short=True)
    if group == "body_kind":
        return i18n.kind_label(value, lang)
    if group == "size_band":
        return size_band_label(value, lang)
    if group == "document_id":
        ja, en = DOCUMENT_LABELS.get(value, (value, value))
        return en if lang == "en" else ja
    if group == "prefecture" and lang == "en":
        return PREFECTURES_EN.get(value, str(value))
    return str(value)


def body_label(name, name_en, lang: str = "ja") -> str:
    """A body's name in the reader's language (the romaji the build stored; the kanji where none was)."""
    if lang == "en" and isinstance(name_en, str) and name_en:
        return name_en
    return name if isinstance(name, str) else "—"


def dimension_label(dimension: str, value: str, lang: str = "ja") -> str:
    table = {"kind": target_rules.KIND_LABELS, "logic_level": target_rules.LEVEL_LABELS,
             "category": target_rules.CATEGORY_LABELS, "pillar": target_rules.PILLAR_LABELS}[dimension]
    ja, en = table.get(value, (value, value))
    return en if lang == "en" else ja


def group_order(frame: pd.DataFrame, group: str) -> list[str]:
    present = list(dict.fromkeys(frame[group]))
    if group == "size_band":
        order = [k for k, *_ in SIZE_BANDS] + ["prefecture", UNKNOWN]
    elif group == "programme":
        order = ["community_capacity", "multi_agency", "prefectural", "none"]
    elif group == "body_kind":
        order = ["prefecture", "designated_city", "city", "ward", "town", "village", UNKNOWN]
    else:
        order = sorted(v for v in present if v != UNKNOWN) + [UNKNOWN]
    return [v for v in order if v in present]


def share_table(frame: pd.DataFrame, group: str, dimension: str) -> pd.DataFrame:
    """Counts and shares (% of the group's targets) of each ``dimension`` value in each ``group``,
    every combination present (zeros included) so a missing segment reads as 0, not as absent."""
    if group not in GROUPINGS or dimension not in DIMENSIONS:
        raise ValueError(f"unknown grouping {group!r} or dimension {dimension!r}")
    groups = group_order(frame, group)
    values = list(DIMENSIONS[dimension])
    counts = frame.groupby([group, dimension]).size()
    rows = []
    for g in groups:
        total = int(counts.loc[g].sum()) if g in counts.index.get_level_values(0) else 0
        for v in values:
            n = int(counts.get((g, v), 0))
            rows.append({group: g, dimension: v, "n": n, "group_total": total,
                         "share_pct": round(100 * n / total, 1) if total else 0.0})
    return pd.DataFrame(rows)


def segment(frame: pd.DataFrame, group: str, group_value: str | None, dimension: str,
            value: str | None) -> pd.DataFrame:
    """The targets behind one bar segment (None = any)."""
    mask = pd.Series(True, index=frame.index)
    if group_value is not None:
        mask &= frame[group] == group_value
    if value is not None:
        mask &= frame[dimension] == value
    return frame[mask]




def peer_comparison(frame: pd.DataFrame, code: str, dimension: str, same_kind: bool = False) -> tuple[pd.DataFrame, int]:
    """Shares of ``dimension`` values in one body's targets and in its peers' (other bodies of the same
    size band, and of the same kind when ``same_kind``). Returns the table and the number of peer bodies."""
    own = frame[frame["municipality_code"] == code]
    if own.empty:
        return pd.DataFrame(columns=["who", dimension, "n", "share_pct"]), 0
    band, kind = own["size_band"].iloc[0], own["body_kind"].iloc[0]
    peers = frame[(frame["municipality_code"] != code) & frame["municipality_code"].notna()
                  & (frame["size_band"] == band) & (band != UNKNOWN)]
    if same_kind:
        peers = peers[peers["body_kind"] == kind]
    rows = []
    for who, part in (("body", own), ("peers", peers)):
        total = len(part)
        for v in DIMENSIONS[dimension]:
            n = int((part[dimension] == v).sum())
            rows.append({"who": who, dimension: v, "n": n, "share_pct": round(100 * n / total, 1) if total else 0.0})
    return pd.DataFrame(rows), int(peers["municipality_code"].nunique())


def selection_from_event(event) -> tuple[str, str] | None:
    """(group value, dimension value) of the first clicked bar segment in a plotly selection event."""
    try:
        points = event["selection"]["points"] if isinstance(event, dict) else event.selection.points
    except (AttributeError, KeyError, TypeError):
        return None
    for point in points or []:
        data = point.get("customdata") if isinstance(point, dict) else None
        if data is not None and len(data) >= 2:
            return str(data[0]), str(data[1])
    return None


def source_text(document_ids, lang: str = "ja") -> str:
    docs = [DOCUMENT_LABELS[d][1 if lang == "en" else 0] for d in sorted(set(document_ids)) if d in DOCUMENT_LABELS]
    sep = "; " if lang == "en" else "、"
    return i18n.t("bd_source", lang, docs=sep.join(docs) or "—")


def rule_explanation(rule_id: str, lang: str = "ja") -> str:
    """The reason of any rule id a target carries (extraction, category, pillar, level, kind, confidence)."""
    reason = target_rules.rule_reason(rule_id, lang) if isinstance(rule_id, str) else ""
    return reason or ("どの規則にも当てはまらない" if lang != "en" else "no rule matched")


def format_value(row, lang: str = "ja") -> str:
    value = row.get("value")
    if value is None or pd.isna(value):
        return ""
    num = lambda v: f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"  # noqa: E731
    text = num(value)
    if row.get("value_max") is not None and not pd.isna(row.get("value_max")):
        text += "～" + num(row["value_max"])
    unit = row.get("unit") or ""
    text += unit
    bound = {"at_least": ("以上", " or more"), "at_most": ("以下", " or less"), "approx": ("程度", " approx.")}
    if row.get("bound") in bound:
        text += bound[row["bound"]][1 if lang == "en" else 0]
    period = {"per_year": ("／年", " per year"), "per_month": ("／月", " per month"), "per_day": ("／日", " per day"),
              "total": ("（延べ）", " (total)"), "by_year": ("（期限まで）", " (by deadline)")}
    if row.get("period") in period:
        text += period[row["period"]][1 if lang == "en" else 0]
    return text


def segment_table(rows: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """The listed targets with their source (document, line) and the rules that classified them."""
    t = i18n.t
    out = pd.DataFrame({
        t("col_body", lang): [body_label(n, e, lang) for n, e in
                              zip(rows["body_name"], rows.get("body_name_en", pd.Series([None] * len(rows))))],
        t("col_prefecture", lang): [group_label("prefecture", p, lang) for p in rows["prefecture"]],
        t("col_programme", lang): [group_label("programme", p, lang) for p in rows["programme"]],
        t("col_target", lang): rows["text"],
        t("col_kind_target", lang): [dimension_label("kind", v, lang) for v in rows["kind"]],
        t("col_target_value", lang): [format_value(r, lang) for r in rows.reindex(
            columns=["value", "value_max", "unit", "bound", "period"]).to_dict("records")],
        t("col_category", lang): [dimension_label("category", v, lang) for v in rows["category"]],
        t("col_secondary", lang): [dimension_label("category", v, lang) if isinstance(v, str) and v else ""
                                   for v in rows.get("secondary_category", pd.Series([None] * len(rows)))],
        t("col_pillar", lang): [dimension_label("pillar", v, lang) for v in rows["pillar"]],
        t("col_level", lang): [dimension_label("logic_level", v, lang) for v in rows["logic_level"]],
        t("col_confidence", lang): [t("conf_low" if c == "low" else "conf_high", lang) for c in rows["confidence"]],
        t("col_why", lang): [" ／ ".join(rule_explanation(r, lang) for r in (c, p_, lv) if isinstance(r, str))
                             for c, p_, lv in zip(rows["rule_id"], rows["pillar_rule_id"], rows["level_rule_id"])],
        t("col_matched", lang): rows["matched_terms"].fillna(""),
        t("col_document", lang): rows["document_id"],
        t("col_line", lang): rows["source_line"].astype("Int64"),
        t("col_section", lang): rows["section"].fillna(""),
        "target_id": rows["target_id"],
    })
    return out.reset_index(drop=True)


def share_table_display(table: pd.DataFrame, group: str, dimension: str, lang: str = "ja") -> pd.DataFrame:
    t = i18n.t
    return pd.DataFrame({
        t("col_group", lang): [group_label(group, g, lang) for g in table[group]],
        t("col_segment", lang): [dimension_label(dimension, v, lang) for v in table[dimension]],
        t("col_n", lang): table["n"],
        t("col_share", lang): table["share_pct"],
    })


def indicator_type_coverage(lang: str = "ja") -> pd.DataFrame:
    """Rows: comparisons on this page; columns: indicator types; ✓ where they speak to the same aspect."""
    types = indicators.TYPES
    names = {typ: ", ".join(ind.name(lang) for ind in indicators.INDICATORS if ind.type == typ) for typ in types}
    rows = []
    for key, covered in COMPARISON_TYPES.items():
        if key.startswith("category:"):
            label = i18n.t("bd_dim_category", lang) + "：" + dimension_label("category", key.split(":", 1)[1], lang)
        else:
            label = i18n.t(f"bd_group_{key}", lang)
        row = {i18n.t("col_group", lang): label}
        for typ in types:
            row[f"{typ} ({names[typ]})"] = "✓" if typ in covered else "—"
        rows.append(row)
    return pd.DataFrame(rows)


