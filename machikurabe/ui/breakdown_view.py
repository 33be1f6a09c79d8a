"""View builders of the 指標の内訳 page: each one is cached by ui.state.cached_view on its parameters alone and reads
its frames through st_data, so the page passes choices, never frames plus a hand-written key."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from machikurabe.analysis import breakdown as bd
from machikurabe.analysis import similarity
from machikurabe.analysis.filters import Filters, apply_filters
from machikurabe.i18n import programme_label, t
from machikurabe.ui import st_data
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
    labels = [bd.group_label(group, g, lang) for g in groups]
    totals = table.drop_duplicates(group).set_index(group)["group_total"]
    for i, value in enumerate(bd.DIMENSIONS[dimension]):
        part = table[table[dimension] == value].set_index(group).reindex(groups)
        x = part["share_pct"] if measure == "share" else part["n"]
        fig.add_trace(go.Bar(
            y=[f"{lab}（{int(totals[g])}）" if lang != "en" else f"{lab} ({int(totals[g])})"
               for lab, g in zip(labels, groups)],
            x=x, orientation="h", name=bd.dimension_label(dimension, value, lang),
            marker_color=segment_colour(dimension, i, value),
            customdata=np.array([[g, value] for g in groups], dtype=object),
            hovertemplate="%{y}<br>" + bd.dimension_label(dimension, value, lang) + ": %{x}"
                          + ("%" if measure == "share" else "") + "<extra></extra>",
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
    source = bd.source_text(targets["document_id"], lang)
    return table, source, share_chart(table, group, dimension, lang, measure, source)


@cached_view(256)
def segment_view(scope: tuple, group: str, pick_group, dimension: str, pick_value, lang: str):
    """The targets behind one bar segment and their table as shown."""
    rows = bd.segment(filtered_targets(scope), group, pick_group, dimension, pick_value)
    return rows, (bd.segment_table(rows, lang) if not rows.empty else None)


@cached_view(64)
def bodies_with_targets(scope: tuple, lang: str):
    """Codes of the bodies that have targets, their picker labels, and their rows (name, prefecture, size band)."""
    targets = filtered_targets(scope)
    with_body = targets[targets["municipality_code"].notna() & targets["body_name"].notna()]
    label_of = with_body.drop_duplicates("municipality_code").set_index("municipality_code").sort_index()
    labels = {code: f"{bd.group_label('prefecture', pref, lang)} {bd.body_label(name, name_en, lang)}"
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
    name = bd.body_label(label_of.loc[mine, "body_name"], label_of.loc[mine, "body_name_en"], lang)
    n_own = int(peer_table.loc[peer_table["who"] == "body", "n"].sum())
    n_peer_targets = int(peer_table.loc[peer_table["who"] == "peers", "n"].sum())
    series_names = {"body": t("bd_peer_series_body", lang, name=name, n=n_own),
                    "peers": t("bd_peer_series_peers", lang, k=n_peers, n=n_peer_targets)}
    shown_peer = peer_table.assign(
        who=peer_table["who"].map(series_names),
        segment=[bd.dimension_label(dimension, v, lang) for v in peer_table[dimension]])
    band = bd.size_band_label(label_of.loc[mine, "size_band"], lang)
    peer_fig = bar_chart(shown_peer, "segment", "share_pct", series="who",
                         series_order=[series_names["body"], series_names["peers"]],
                         title=t("bd_peer_chart_title", lang, dim=t(f"bd_dim_{dimension}", lang), name=name, band=band),
                         category_title=t(f"bd_dim_{dimension}", lang), value_title=t("bd_axis_share", lang),
                         source=bd.source_text(targets["document_id"], lang))
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
