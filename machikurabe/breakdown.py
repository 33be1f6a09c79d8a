"""Aggregations behind the page 指標の内訳: shares of target kinds, logic-model levels and categories by
programme, kind of body, prefecture and size band, the targets behind any bar segment, and exports."""
from __future__ import annotations

import functools

import io
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from machikurabe import i18n, indicators, target_rules
from machikurabe.charts import FONT_FAMILY, OKABE_ITO, add_source, wrap_source

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "geo" / "gazetteer.csv"

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
              "category": target_rules.CATEGORIES}
GROUPINGS = ("programme", "body_kind", "prefecture", "size_band", "document_id")

# Page strings, registered in the shared i18n table (entries already defined there win).
STRINGS = {
    "bd_title": {"ja": "指標の内訳：どんな成果目標が立てられているか", "en": "Indicator breakdown: what targets are set"},
    "bd_intro": {"ja": "各資料の成果目標・指標を1件ずつ取り出し、量的／質的、ロジックモデルの段階、分類で集計しました。"
                       "分類は決まった規則（キーワード）で自動的に付けたもので、どの規則が働いたかを一覧に示します。",
                 "en": "Every target or indicator in the sources, one row each, counted by kind, logic-model level and "
                       "category. Categories come from fixed keyword rules; the list shows which rule fired."},
    "bd_dimension": {"ja": "集計する項目", "en": "What to count"},
    "bd_group": {"ja": "くらべる単位", "en": "Compare by"},
    "bd_measure": {"ja": "表示", "en": "Show"},
    "bd_share": {"ja": "割合（%）", "en": "Share (%)"},
    "bd_count": {"ja": "件数", "en": "Count"},
    "bd_only_plans": {"ja": "2019年度モデル事業計画（003）の目標のみ", "en": "Only targets of the FY2019 plans (003)"},
    "bd_dim_kind": {"ja": "量的／質的", "en": "Quantitative / qualitative"},
    "bd_dim_logic_level": {"ja": "ロジックモデルの段階", "en": "Logic-model level"},
    "bd_dim_category": {"ja": "分類", "en": "Category"},
    "bd_group_programme": {"ja": "事業の種類", "en": "Programme type"},
    "bd_group_body_kind": {"ja": "自治体の種類", "en": "Kind of body"},
    "bd_group_prefecture": {"ja": "都道府県", "en": "Prefecture"},
    "bd_group_size_band": {"ja": "人口規模", "en": "Population band"},
    "bd_group_document_id": {"ja": "資料", "en": "Document"},
    "bd_unknown": {"ja": "不明", "en": "Unknown"},
    "bd_not_programme": {"ja": "003以外の資料", "en": "Other documents"},
    "bd_chart_title": {"ja": "{dim}の内訳（{group}別、{n}件）", "en": "{dim} by {group} ({n} targets)"},
    "bd_axis_share": {"ja": "目標に占める割合（%）", "en": "Share of targets (%)"},
    "bd_axis_count": {"ja": "目標の数（件）", "en": "Number of targets"},
    "bd_source": {"ja": "出典：{docs}。成果目標の分類は本アプリの規則（machikurabe/target_rules.py）による。",
                  "en": "Source: {docs}. Target classification by this app's rules (machikurabe/target_rules.py)."},
    "bd_select_help": {"ja": "棒の区分をクリックすると、その目標の一覧を表示します（下の選択欄でも選べます）。",
                       "en": "Click a bar segment to list its targets (or choose below)."},
    "bd_pick_group": {"ja": "一覧を表示する単位", "en": "Group to list"},
    "bd_pick_value": {"ja": "一覧を表示する区分", "en": "Segment to list"},
    "bd_all": {"ja": "すべて", "en": "All"},
    "bd_segment_title": {"ja": "選択した区分の目標：{group} × {value}（{n}件）", "en": "Targets in {group} × {value} ({n})"},
    "bd_segment_empty": {"ja": "この区分に該当する目標はありません。", "en": "No target falls in this segment."},
    "bd_no_targets": {"ja": "絞り込みに合う目標がありません。絞り込みを変更してください。",
                      "en": "No target matches the filters. Change the filters."},
    "bd_no_table": {"ja": "データベースに targets 表がありません。`make data` で作り直してください。",
                    "en": "The database has no targets table. Rebuild it with `make data`."},
    "bd_share_table": {"ja": "集計表", "en": "Summary table"},
    "bd_rules": {"ja": "分類の規則（上から順に試し、最初に当てはまったもの）", "en": "Classification rules (tried in order; first match wins)"},
    "bd_types_title": {"ja": "くらべる単位と指標の種別", "en": "Comparisons and indicator types"},
    "bd_types_note": {"ja": "✓＝その単位・分類が、その種別のプロフィール指標（indicators.py の type）と同じ側面を扱う。",
                      "en": "✓ = the comparison speaks to the same aspect as profile indicators of that type (indicators.py)."},
    "bd_similar_title": {"ja": "似た事業設計をさがす", "en": "Find similar programme designs"},
    "bd_similar_intro": {"ja": "選んだ事業の設計文（事業名・必要性・内容・成果目標）と、他の自治体の設計文の近さを"
                               "文字の2～3文字の組（n-gram）のTF-IDFで測ります。共通する特徴的な語も示します。",
                         "en": "Compares the chosen design's text (name, necessity, content, targets) with other bodies' "
                               "designs by character 2-3-gram TF-IDF cosine similarity, and shows shared distinctive terms."},
    "bd_similar_body": {"ja": "自治体", "en": "Body"},
    "bd_similar_programme": {"ja": "事業", "en": "Programme"},
    "bd_similar_same": {"ja": "同じ種類の事業だけ", "en": "Same programme type only"},
    "bd_similar_none": {"ja": "比べられる設計がありません。", "en": "No design to compare."},
    "bd_peer_title": {"ja": "わがまちと同じ規模の自治体の目標", "en": "Targets of bodies of my size"},
    "bd_peer_body": {"ja": "わがまち", "en": "My body"},
    "bd_peer_same_kind": {"ja": "自治体の種類も同じ団体だけ", "en": "Same kind of body only"},
    "bd_peer_series_body": {"ja": "{name}（{n}件）", "en": "{name} ({n} targets)"},
    "bd_peer_series_peers": {"ja": "同じ規模の{k}団体（{n}件）", "en": "{k} bodies of the same size ({n} targets)"},
    "bd_peer_chart_title": {"ja": "{dim}：{name}と{band}の自治体", "en": "{dim}: {name} and bodies of {band}"},
    "bd_peer_none": {"ja": "同じ人口規模の比較相手がいません（人口が不明か、該当する団体がありません）。",
                     "en": "No peers of the same population band (population unknown, or no such body)."},
    "col_similarity": {"ja": "類似度（0～1）", "en": "Similarity (0-1)"},
    "col_shared_terms": {"ja": "共通する語", "en": "Shared terms"},
    "col_target": {"ja": "目標（記載どおり）", "en": "Target (as printed)"},
    "col_kind_target": {"ja": "量／質", "en": "Kind"},
    "col_category": {"ja": "分類", "en": "Category"},
    "col_level": {"ja": "段階", "en": "Level"},
    "col_target_value": {"ja": "目標値", "en": "Value"},
    "col_document": {"ja": "資料", "en": "Document"},
    "col_why": {"ja": "分類の理由（規則）", "en": "Why (rule)"},
    "col_section": {"ja": "項目・見出し", "en": "Section"},
    "col_n": {"ja": "件数", "en": "Count"},
    "col_share": {"ja": "割合（%）", "en": "Share (%)"},
    "col_group": {"ja": "単位", "en": "Group"},
    "col_segment": {"ja": "区分", "en": "Segment"},
}
for _key, _entry in STRINGS.items():
    i18n.STRINGS.setdefault(_key, _entry)

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
    "category:people": ("programme_inputs", "community_participation"),
    "category:outreach": ("service_provision",),
    "category:systems": ("programme_inputs",),
    "category:participation": ("community_participation",),
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


def _gazetteer() -> pd.DataFrame:
    if not GAZETTEER.exists():
        return pd.DataFrame(columns=["code", "prefecture", "name", "kind"])
    return _read_gazetteer(GAZETTEER.stat().st_mtime_ns).copy()


@functools.lru_cache(maxsize=2)
def _read_gazetteer(mtime_ns: int) -> pd.DataFrame:
    return pd.read_csv(GAZETTEER, dtype=str)[["code", "prefecture", "name", "kind"]]


def attach_bodies(targets: pd.DataFrame, municipalities: pd.DataFrame,
                  gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Targets with the body's name, prefecture, kind, population and size band.

    Bodies outside the 2019 plans (長野市, 市川市) take name, prefecture and kind from the gazetteer;
    their population is not in the sources, so their size band is 'unknown'. 004 has no body.
    """
    gz = _gazetteer() if gazetteer is None else gazetteer
    cols = ["code", "prefecture", "name", "kind", "population"]
    bodies = municipalities[[c for c in cols if c in municipalities.columns]].copy()
    extra = gz[~gz["code"].isin(bodies["code"])].assign(population=np.nan)
    bodies = pd.concat([bodies, extra[cols]], ignore_index=True)
    bodies = bodies.rename(columns={"code": "municipality_code", "kind": "body_kind", "name": "body_name"})
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
    return str(value)


def dimension_label(dimension: str, value: str, lang: str = "ja") -> str:
    table = {"kind": target_rules.KIND_LABELS, "logic_level": target_rules.LEVEL_LABELS,
             "category": target_rules.CATEGORY_LABELS}[dimension]
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


OTHER_GREY = "#BBBBBB"


def segment_colour(dimension: str, position: int, value: str) -> str:
    """Okabe-Ito by position; 'other' is grey so it never shares a colour with a real category
    (nine categories, eight Okabe-Ito colours)."""
    if value == "other":
        return OTHER_GREY
    if dimension == "kind":
        return ["#0072B2", "#56B4E9", "#E69F00"][position]  # quantitative, indicator, qualitative
    return OKABE_ITO[position % len(OKABE_ITO)]


def share_chart(table: pd.DataFrame, group: str, dimension: str, lang: str = "ja", measure: str = "share",
                source: str = "") -> go.Figure:
    """Horizontal stacked bars, one per group, one Okabe-Ito colour per dimension value.

    Each bar point carries customdata [group value, dimension value] so a click can be mapped back.
    """
    fig = go.Figure()
    groups = list(dict.fromkeys(table[group]))
    labels = [group_label(group, g, lang) for g in groups]
    totals = table.drop_duplicates(group).set_index(group)["group_total"]
    for i, value in enumerate(DIMENSIONS[dimension]):
        part = table[table[dimension] == value].set_index(group).reindex(groups)
        x = part["share_pct"] if measure == "share" else part["n"]
        fig.add_trace(go.Bar(
            y=[f"{lab}（{int(totals[g])}）" if lang != "en" else f"{lab} ({int(totals[g])})"
               for lab, g in zip(labels, groups)],
            x=x, orientation="h", name=dimension_label(dimension, value, lang),
            marker_color=segment_colour(dimension, i, value),
            customdata=np.array([[g, value] for g in groups], dtype=object),
            hovertemplate="%{y}<br>" + dimension_label(dimension, value, lang) + ": %{x}"
                          + ("%" if measure == "share" else "") + "<extra></extra>",
        ))
    n = int(table.drop_duplicates(group)["group_total"].sum())
    title = i18n.t("bd_chart_title", lang, dim=i18n.t(f"bd_dim_{dimension}", lang),
                   group=i18n.t(f"bd_group_{group}", lang), n=f"{n:,}")
    fig.update_layout(
        barmode="stack", title=dict(text=title, x=0, xanchor="left"),
        font=dict(family=FONT_FAMILY),
        xaxis_title=i18n.t("bd_axis_share" if measure == "share" else "bd_axis_count", lang),
        yaxis_title=i18n.t(f"bd_group_{group}", lang) + ("（目標数）" if lang != "en" else " (targets)"),
    )
    # pixel layout: bars, then x-axis title, legend rows and the 出典 lines below the plot area
    rows_of_legend = -(-len(DIMENSIONS[dimension]) // 3)
    bottom = 90 + 24 * rows_of_legend
    plot_height = max(200, 46 * len(groups) + 40)
    fig.update_layout(
        height=plot_height + 60 + bottom, margin=dict(l=60, r=20, t=60, b=bottom),
        legend=dict(orientation="h", yanchor="top", y=-62 / plot_height, xanchor="left", x=0, traceorder="normal"),
    )
    fig.update_yaxes(autorange="reversed")
    if measure == "share":
        fig.update_xaxes(range=[0, 100], ticksuffix="%")
    width = 70 if lang != "en" else 140
    source_lines = len(wrap_source(source, width)) if source else 0
    add_source(fig, source, width)
    fig.layout.annotations[-1].update(yshift=-70 - 24 * rows_of_legend)
    fig.update_layout(margin=dict(b=bottom + 14 * source_lines), height=plot_height + 60 + bottom + 14 * source_lines)
    return fig


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
    for rule in target_rules.CATEGORY_RULES + target_rules.LEVEL_RULES:
        if rule.rule_id == rule_id:
            return rule.why_en if lang == "en" else rule.why_ja
    if rule_id in target_rules.KIND_RULES:
        ja, en = target_rules.KIND_RULES[rule_id]
        return en if lang == "en" else ja
    return "どの規則にも当てはまらない" if lang != "en" else "no rule matched"


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
        t("col_body", lang): rows["body_name"].fillna("—" if lang != "en" else "—"),
        t("col_prefecture", lang): [group_label("prefecture", p, lang) for p in rows["prefecture"]],
        t("col_programme", lang): [group_label("programme", p, lang) for p in rows["programme"]],
        t("col_target", lang): rows["text"],
        t("col_kind_target", lang): [dimension_label("kind", v, lang) for v in rows["kind"]],
        t("col_target_value", lang): [format_value(r, lang) for r in rows.reindex(
            columns=["value", "value_max", "unit", "bound", "period"]).to_dict("records")],
        t("col_category", lang): [dimension_label("category", v, lang) for v in rows["category"]],
        t("col_level", lang): [dimension_label("logic_level", v, lang) for v in rows["logic_level"]],
        t("col_why", lang): [f"{rule_explanation(c, lang)} ／ {rule_explanation(lv, lang)}（{c}; {lv}）"
                             for c, lv in zip(rows["rule_id"], rows["level_rule_id"])],
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


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An Excel workbook (openpyxl) with one sheet per table; Japanese text is stored as-is."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            for col_cells in sheet.columns:
                width = max(len(str(c.value or "")) for c in col_cells[:200])
                sheet.column_dimensions[col_cells[0].column_letter].width = min(60, max(8, width * 1.6))
    return buffer.getvalue()


def chart_config(filename: str, fmt: str = "png") -> dict:
    """Plotly modebar config: the camera button downloads ``fmt`` (png or svg) under ``filename``."""
    return {"displaylogo": False,
            "toImageButtonOptions": {"format": fmt, "filename": filename, "scale": 2 if fmt == "png" else 1}}
