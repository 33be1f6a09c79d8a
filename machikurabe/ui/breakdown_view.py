"""The 指標の内訳 page's words and view builders: labels of groups, segments, bodies and size bands in the reader's
language, the targets and share tables as shown, the 出典 line, the files offered; each view builder is cached by
ui.state.cached_view on its parameters alone and reads its frames through st_data, so the page passes choices, never
frames plus a hand-written key."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from machikurabe.analysis import breakdown as bd
from machikurabe.analysis import indicators, similarity, target_rules
from machikurabe.analysis.filters import Filters, apply_filters
from machikurabe.i18n import id_label, kind_label, programme_label, t
from machikurabe.i18n.breakdown import DOCUMENTS, document_label
from machikurabe.i18n.prefectures import PREFECTURES_EN
from machikurabe import urls
from machikurabe.ui import files, st_data
from machikurabe.ui.charts import (
    FONT_FAMILY,
    OKABE_ITO,
    add_source,
    bar_chart,
    chart_title,
    wrap_source,
)
from machikurabe.ui.state import cached_view

OTHER_GREY = "#BBBBBB"


# --- words ---------------------------------------------------------------------------------------------------

def size_band_label(key: str, lang: str = "ja") -> str:
    if key == "prefecture":
        return "都道府県（規模の区分外）" if lang != "en" else "Prefectures (not banded)"
    for k, _, _, ja, en in bd.SIZE_BANDS:
        if k == key:
            return en if lang == "en" else ja
    return t("bd_unknown", lang)


def group_label(group: str, value: str, lang: str = "ja") -> str:
    if value in (bd.UNKNOWN, None) or (isinstance(value, float) and pd.isna(value)):
        return t("bd_unknown", lang)
    if group == "programme":
        return t("bd_not_programme", lang) if value == "none" else programme_label(value, lang, short=True)
    if group == "body_kind":
        return kind_label(value, lang)
    if group == "size_band":
        return size_band_label(value, lang)
    if group == "document_id":
        return document_label(value, lang)
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


def source_text(document_ids, lang: str = "ja") -> str:
    docs = [document_label(d, lang) for d in sorted(set(document_ids)) if d in DOCUMENTS]
    sep = "; " if lang == "en" else "、"
    return t("bd_source", lang, docs=sep.join(docs) or "—")


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
    return pd.DataFrame({
        t("col_group", lang): [group_label(group, g, lang) for g in table[group]],
        t("col_segment", lang): [dimension_label(dimension, v, lang) for v in table[dimension]],
        t("col_n", lang): table["n"],
        t("col_share", lang): table["share_pct"],
    })


def indicator_type_coverage(lang: str = "ja") -> pd.DataFrame:
    """Rows: comparisons on this page; columns: indicator types; ✓ where they speak to the same aspect."""
    types = indicators.TYPES
    sep = ", " if lang == "en" else "、"
    names = {typ: sep.join(ind.name(lang) for ind in indicators.INDICATORS if ind.type == typ) for typ in types}
    rows = []
    for key, covered in bd.COMPARISON_TYPES.items():
        if key.startswith("category:"):
            label = t("bd_dim_category", lang) + (": " if lang == "en" else "：") + dimension_label(
                "category", key.split(":", 1)[1], lang)
        else:
            label = t(f"bd_group_{key}", lang)
        row = {t("col_group", lang): label}
        for typ in types:
            # the type in words (issue 19: the Japanese page showed the ids demography, welfare, …)
            type_name = id_label("indicator_type", typ, lang)
            row[f"{type_name} ({names[typ]})" if lang == "en" else f"{type_name}（{names[typ]}）"] = \
                "✓" if typ in covered else "—"
        rows.append(row)
    return pd.DataFrame(rows)


# --- files --------------------------------------------------------------------------------------------------------

# the year each source document speaks of, from its title (000 and 004 print none)
DOCUMENT_YEARS = {
    "001": ("平成21年度基準・平成27年度目標", "baseline FY2009, targets for FY2015"),
    "002": ("令和6年度（2024年度）", "FY2024"),
    "003": ("令和元年度（2019年度）", "FY2019"),
}


def years_text(document_ids, lang: str = "ja") -> str:
    """The year(s) of the documents behind a table, one per document: 「003：令和元年度（2019年度）」."""
    en = lang == "en"
    parts = []
    for doc in sorted(set(d for d in document_ids if isinstance(d, str))):
        year = DOCUMENT_YEARS.get(doc)
        text = (year[1] if en else year[0]) if year else t("bd_file_no_year", lang)
        parts.append(f"{doc}: {text}" if en else f"{doc}：{text}")
    return ("; " if en else "、").join(parts) or "—"


def rebuild_url(filter_key: tuple, lang: str) -> str:
    """The page with the sidebar filters of the view (the page's own choices are written in the file's notes)."""
    prefectures, kinds, programme = filter_key
    return urls.page_url("breakdown", lang, pref=",".join(prefectures) or None, kind=",".join(kinds) or None,
                         prog=programme)


def choices_note(scope: tuple, group: str, dimension: str, lang: str) -> str:
    """The page's own choices in words (the link carries only the sidebar filters)."""
    _, only_plans, pillar, low_only = scope
    return t("bd_file_choices", lang, dim=t(f"bd_dim_{dimension}", lang), group=t(f"bd_group_{group}", lang),
             pillar=t("bd_all", lang) if pillar is None else dimension_label("pillar", pillar, lang),
             plans=t("bd_file_plans_only" if only_plans else "bd_file_all_documents", lang),
             low=t("bd_file_low_only" if low_only else "bd_file_any_confidence", lang))


def file_units(frame: pd.DataFrame, lang: str) -> dict[str, str]:
    """Units of the page's tables: counts in targets, shares in %, line numbers, the similarity score; text else."""
    units = {c: t("np_unit_text", lang) for c in frame.columns}
    known = {t("col_n", lang): t("bd_file_unit_targets", lang), t("col_share", lang): "%",
             t("col_line", lang): t("bd_file_unit_line", lang), t("col_similarity", lang): "0–1"}
    units.update({c: u for c, u in known.items() if c in units})
    return units


def breakdown_file(frame: pd.DataFrame, title: str, lang: str, *, scope: tuple, group: str, dimension: str,
                   document_ids, source: str) -> files.FileTable:
    """A table of this page as a file: its numbers as numbers, units row, 出典, the documents' years, date, the link
    with the sidebar filters and the page's choices in words."""
    return files.FileTable(frame=frame, title=title, units=file_units(frame, lang), sources=(source,),
                           years=years_text(document_ids, lang), rebuild_url=rebuild_url(scope[0], lang),
                           notes=(choices_note(scope, group, dimension, lang),))


def peer_table(shown_peer: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The body-against-peers comparison as a table: who, segment, count and share (no ids)."""
    return pd.DataFrame({t("col_body", lang): shown_peer["who"], t("col_segment", lang): shown_peer["segment"],
                         t("col_n", lang): shown_peer["n"], t("col_share", lang): shown_peer["share_pct"]})


# --- charts and views ------------------------------------------------------------------------------------------


def segment_colour(dimension: str, position: int, value: str) -> str:
    """Okabe-Ito by position; 'other' is grey so it never shares a colour with a real category
    (nine categories, eight Okabe-Ito colours)."""
    if value == "other":
        return OTHER_GREY
    if dimension == "kind":
        return ["#0072B2", "#56B4E9", "#E69F00"][position]  # quantitative, indicator, qualitative
    return OKABE_ITO[position % len(OKABE_ITO)]


def hover_value(value, measure: str, lang: str = "ja") -> str:
    """A bar segment's value in its tooltip: 「8.3%」 for a share, 「12件」 / "12 targets" for a count."""
    if value is None or pd.isna(value):
        return "—"
    if measure == "share":
        return f"{float(value):.1f}%"
    return f"{int(value):,} targets" if lang == "en" else f"{int(value):,}件"


def share_chart(table: pd.DataFrame, group: str, dimension: str, lang: str = "ja", measure: str = "share",
                source: str = "") -> go.Figure:
    """Horizontal stacked bars, one per group, one Okabe-Ito colour per dimension value.

    Each bar point carries customdata [group value, dimension value] so a click can be mapped back.
    """
    fig = go.Figure()
    groups = list(dict.fromkeys(table[group]))
    labels = [group_label(group, g, lang) for g in groups]
    totals = table.drop_duplicates(group).set_index(group)["group_total"]
    for i, value in enumerate(bd.DIMENSIONS[dimension]):
        part = table[table[dimension] == value].set_index(group).reindex(groups)
        x = part["share_pct"] if measure == "share" else part["n"]
        fig.add_trace(go.Bar(
            y=[f"{lab}（{int(totals[g])}）" if lang != "en" else f"{lab} ({int(totals[g])})"
               for lab, g in zip(labels, groups)],
            x=x, orientation="h", name=dimension_label(dimension, value, lang),
            marker_color=segment_colour(dimension, i, value),
            # the value as read, written here: plotly adds the axis's ticksuffix (%) to %{x}, so a literal % after it
            # showed 「8%%」
            customdata=np.array([[g, value, hover_value(v, measure, lang)] for g, v in zip(groups, x)], dtype=object),
            hovertemplate="%{y}<br>" + dimension_label(dimension, value, lang) + ": %{customdata[2]}<extra></extra>",
        ))
    n = int(table.drop_duplicates(group)["group_total"].sum())
    title = t("bd_chart_title", lang, dim=t(f"bd_dim_{dimension}", lang),
                   group=t(f"bd_group_{group}", lang), n=f"{n:,}")
    title_text, title_lines = chart_title(title)
    fig.update_layout(
        barmode="stack", title=dict(text=title_text, x=0, xanchor="left"),
        font=dict(family=FONT_FAMILY),
        xaxis_title=t("bd_axis_share" if measure == "share" else "bd_axis_count", lang),
        yaxis_title=t(f"bd_group_{group}", lang) + ("（目標数）" if lang != "en" else " (targets)"),
    )
    # pixel layout below the plot: x-axis title, the 出典 lines, then the legend. The legend goes last because its
    # row count depends on the screen (one entry a row on a phone, several on a desktop): room is kept for the phone,
    # and on a wide screen the spare room is at the very bottom, not between the legend and the source.
    source_lines = len(wrap_source(source)) if source else 0
    entries = len(bd.DIMENSIONS[dimension])
    legend_rows = entries if lang == "en" else -(-entries // 2)  # English entries are long: one a row at 390 px
    plot_height = max(200, 46 * len(groups) + 40)
    source_px = 14 * source_lines
    bottom = 80 + source_px + 24 * legend_rows
    top = 38 + 22 * title_lines
    fig.update_layout(
        height=plot_height + top + bottom, margin=dict(l=60, r=20, t=top, b=bottom),
        legend=dict(orientation="h", yanchor="top", y=-(70 + source_px + 8) / plot_height, xanchor="left", x=0,
                    traceorder="normal"),
    )
    fig.update_yaxes(autorange="reversed")
    if measure == "share":
        fig.update_xaxes(range=[0, 100], ticksuffix="%")
    add_source(fig, source, anchor="right")
    fig.layout.annotations[-1].update(yshift=-62)
    fig.update_layout(margin=dict(b=bottom))  # add_source sized the margin for the caption alone
    return fig


def scope(filter_key: tuple, only_plans: bool, pillar: str | None, low_only: bool) -> tuple:
    """Which targets the page looks at: sidebar filters, plans only, one pillar, low-confidence only."""
    return filter_key, bool(only_plans), pillar, bool(low_only)


@cached_view(64)
def filtered_targets(scope: tuple) -> pd.DataFrame:
    """Targets with their bodies, narrowed by the sidebar filters (targets without a body only when none is set),
    and by the page's own scope choices."""
    filter_key, only_plans, pillar, low_only = scope
    prefectures, kinds, programme = filter_key
    bodies = st_data.query("municipalities")
    targets = bd.attach_bodies(st_data.query("targets_all"), bodies, gazetteer=st_data.query("places"))
    filters = Filters(list(prefectures), list(kinds), programme)
    if not filters.is_empty():
        codes = set(apply_filters(bodies, filters, st_data.query("programmes"))["code"])
        targets = targets[targets["municipality_code"].isin(codes)]
        if filters.programme:
            targets = targets[targets["programme"] == filters.programme]
    if only_plans:
        targets = targets[targets["document_id"] == "003"]
    if pillar:
        targets = targets[targets["pillar"] == pillar]
    if low_only:
        targets = targets[targets["confidence"] == "low"]
    return targets


@cached_view(256)
def share_view(scope: tuple, group: str, dimension: str, measure: str, lang: str):
    targets = filtered_targets(scope)
    table = bd.share_table(targets, group, dimension)
    source = source_text(targets["document_id"], lang)
    return table, source, share_chart(table, group, dimension, lang, measure, source)


@cached_view(256)
def segment_view(scope: tuple, group: str, pick_group, dimension: str, pick_value, lang: str):
    """The targets behind one bar segment and their table as shown."""
    rows = bd.segment(filtered_targets(scope), group, pick_group, dimension, pick_value)
    return rows, (segment_table(rows, lang) if not rows.empty else None)


@cached_view(64)
def bodies_with_targets(scope: tuple, lang: str):
    """Codes of the bodies that have targets, their picker labels, and their rows (name, prefecture, size band)."""
    targets = filtered_targets(scope)
    with_body = targets[targets["municipality_code"].notna() & targets["body_name"].notna()]
    label_of = with_body.drop_duplicates("municipality_code").set_index("municipality_code").sort_index()
    labels = {code: f"{group_label('prefecture', pref, lang)} {body_label(name, name_en, lang)}"
              for code, pref, name, name_en in zip(label_of.index, label_of["prefecture"], label_of["body_name"],
                                                   label_of["body_name_en"])}
    return list(label_of.index), labels, label_of


@cached_view(256)
def peer_view(scope: tuple, mine: str, dimension: str, same_kind: bool, lang: str):
    """The chosen body's target mix against its size-band peers: (table as shown, chart), or None without peers."""
    targets = filtered_targets(scope)
    label_of = bodies_with_targets(scope, lang)[2]
    peer_table, n_peers = bd.peer_comparison(targets, mine, dimension, same_kind)
    if n_peers == 0:
        return None
    name = body_label(label_of.loc[mine, "body_name"], label_of.loc[mine, "body_name_en"], lang)
    n_own = int(peer_table.loc[peer_table["who"] == "body", "n"].sum())
    n_peer_targets = int(peer_table.loc[peer_table["who"] == "peers", "n"].sum())
    series_names = {"body": t("bd_peer_series_body", lang, name=name, n=n_own),
                    "peers": t("bd_peer_series_peers", lang, k=n_peers, n=n_peer_targets)}
    shown_peer = peer_table.assign(
        who=peer_table["who"].map(series_names),
        segment=[dimension_label(dimension, v, lang) for v in peer_table[dimension]])
    band = size_band_label(label_of.loc[mine, "size_band"], lang)
    peer_fig = bar_chart(shown_peer, "segment", "share_pct", series="who",
                         series_order=[series_names["body"], series_names["peers"]],
                         title=t("bd_peer_chart_title", lang, dim=t(f"bd_dim_{dimension}", lang), name=name, band=band),
                         category_title=t(f"bd_dim_{dimension}", lang), value_title=t("bd_axis_share", lang),
                         source=source_text(targets["document_id"], lang))
    return shown_peer, peer_fig


@cached_view(4)
def design_index():
    """The tf-idf index of every design, fitted once per database file and shared by all sessions."""
    frame = st_data.query("similar_designs")
    if frame.empty:
        return None
    frame["design_text"] = frame.apply(similarity.design_text, axis=1)
    return similarity.build_index(frame)


@cached_view(4)
def design_choices(lang: str = "ja"):
    """Bodies that have a design (in table order), their picker labels (name and prefecture, romanised in English)
    and their programmes."""
    designs = design_index().designs
    names = designs.drop_duplicates("municipality_code")
    known = st_data.body_labels("name_prefecture", lang)
    labels = {code: known.get(code, f"{pref} {name}") for code, pref, name in
              zip(names["municipality_code"], names["prefecture"], names["name"])}
    programmes_of = designs.groupby("municipality_code", sort=False)["programme"].agg(list).to_dict()
    return list(names["municipality_code"]), labels, programmes_of


@cached_view(256)
def similar_table(body: str, programme: str, same_programme_only: bool, lang: str) -> pd.DataFrame:
    """The designs most like one body's programme, as shown and exported."""
    result = similarity.most_similar(design_index(), body, programme, top_n=8, same_programme_only=same_programme_only)
    if result.empty:
        return result
    known = st_data.body_labels("name_prefecture", lang)
    return pd.DataFrame({
        t("col_body", lang): [known.get(code, f"{pref} {name}") for code, pref, name
                              in zip(result["municipality_code"], result["prefecture"], result["name"])],
        t("col_programme", lang): [programme_label(p, lang) for p in result["programme"]],
        t("col_similarity", lang): result["similarity"].round(3),
        t("col_shared_terms", lang): result["shared_terms"],
        t("field_programme_name", lang): result["programme_name"].fillna(""),
        t("col_line", lang): result["section_line"].astype("Int64"),
    })
