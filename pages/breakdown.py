"""指標の内訳 (Indicator breakdown): what kinds of targets bodies set, the targets behind each bar, and similar designs."""
import streamlit as st

from machikurabe.analysis import breakdown as bd
from machikurabe.analysis import target_rules
from machikurabe.analysis.filters import PROGRAMMES, Filters
from machikurabe.i18n import programme_label, t
from machikurabe.ui import breakdown_view as view
from machikurabe.ui import exports, st_data, state

lang = state.current_lang()
st_data.stop_if_unavailable()
st.title(t("bd_title", lang))
st.caption(t("bd_intro", lang))


def offer(frame, title: str, stem: str, key: str, document_ids, source: str, named: bool = False) -> None:
    """CSV and XLSX of one table through ui.files: units row, 出典, the documents' years, date, link, choices
    (``named``: the table's title above the buttons, where a section offers two tables)."""
    if named:
        st.caption(title)
    state.offer_files(view.breakdown_file(frame, title, lang, scope=scope, group=group, dimension=dimension,
                                          document_ids=document_ids, source=source),
                      stem=stem, key=key, lang=lang)


filters = state.current_filters()
if filters.programme not in (None, *PROGRAMMES):
    # an unknown programme value (e.g. a label leaking from a language switch) must not hide everything
    filters = Filters(filters.prefectures, filters.kinds, None)
filter_key = filters.cache_key()

# --- controls ----------------------------------------------------------------------------------
c1, c2, c3 = st.columns(3)
dimension = state.choose(c1.radio, t("bd_dimension", lang), list(bd.DIMENSIONS), "bd_dimension",
                         lambda d: t(f"bd_dim_{d}", lang), lang)
group = state.choose(c2.selectbox, t("bd_group", lang), list(bd.GROUPINGS), "bd_group",
                     lambda g: t(f"bd_group_{g}", lang), lang)
measure = state.choose(c3.radio, t("bd_measure", lang), ["share", "count"], "bd_measure",
                       lambda m: t("bd_share" if m == "share" else "bd_count", lang), lang, horizontal=True)
only_plans = state.tick(c3, t("bd_only_plans", lang), "bd_only_plans", lang)
f1, f2 = st.columns([2, 1])
pillar = state.choose(f1.selectbox, t("bd_pillar_filter", lang), [None, *bd.DIMENSIONS["pillar"]], "bd_pillar",
                      lambda p: t("bd_all", lang) if p is None else view.dimension_label("pillar", p, lang), lang)
low_only = state.tick(f2, t("bd_low_only", lang), "bd_low_only", lang)
scope = view.scope(filter_key, only_plans, pillar, low_only)
if view.filtered_targets(scope).empty:
    st.info(t("bd_no_targets", lang))
    st.stop()

table, source, fig = view.share_view(scope, group, dimension, measure, lang)
chart_name = f"targets_{dimension}_by_{group}"
event = state.plotly_chart(fig, on_select="rerun", selection_mode="points", key="bd_chart",
                           config=exports.chart_config(chart_name, "png"), width="stretch")
st.caption(t("bd_select_help", lang) + " " + t("bd_export_help", lang))
if dimension == "pillar":
    st.caption(t("bd_pillar_note", lang))
# closed boxes build nothing: the SVG copy of the chart, the share table and the rules are made when opened
with state.lazy_expander("SVG", "bd_svg_open") as svg_box:
    if svg_box.open:
        state.plotly_chart(fig, key="bd_chart_svg", config=exports.chart_config(chart_name, "svg"), width="stretch")

# --- the targets behind a segment ----------------------------------------------------------------
clicked = bd.selection_from_event(event)
groups = list(dict.fromkeys(table[group]))
# a click is applied once (the chart keeps reporting its selection on every rerun); the boxes then show it
if clicked and clicked[0] in groups and clicked != st.session_state.get("bd_last_click"):
    st.session_state["bd_last_click"] = clicked
    st.session_state["bd_pick_group"], st.session_state["bd_pick_value"] = clicked
s1, s2 = st.columns(2)
pick_group = state.choose(s1.selectbox, t("bd_pick_group", lang), [None, *groups], "bd_pick_group",
                          lambda g: t("bd_all", lang) if g is None else view.group_label(group, g, lang), lang)
pick_value = state.choose(s2.selectbox, t("bd_pick_value", lang), [None, *bd.DIMENSIONS[dimension]], "bd_pick_value",
                          lambda v: t("bd_all", lang) if v is None else view.dimension_label(dimension, v, lang), lang)
rows, listing = view.segment_view(scope, group, pick_group, dimension, pick_value, lang)
group_text = t("bd_all", lang) if pick_group is None else view.group_label(group, pick_group, lang)
value_text = t("bd_all", lang) if pick_value is None else view.dimension_label(dimension, pick_value, lang)
st.subheader(t("bd_segment_title", lang, group=group_text, value=value_text, n=f"{len(rows):,}"))
if rows.empty:
    st.info(t("bd_segment_empty", lang))
else:
    st.dataframe(listing, hide_index=True, width="stretch", height=360)
    st.caption(source)
    offer(listing, t("bd_segment_title", lang, group=group_text, value=value_text, n=f"{len(rows):,}"),
          f"{chart_name}_targets", "bd_dl_rows", rows["document_id"], source)

with state.lazy_expander(t("bd_share_table", lang), "bd_share_open") as share_box:
    if share_box.open:
        summary = view.share_table_display(table, group, dimension, lang)
        st.dataframe(summary, hide_index=True, width="stretch")
        st.caption(source)
        targets = view.filtered_targets(scope)
        title = t("bd_chart_title", lang, dim=t(f"bd_dim_{dimension}", lang), group=t(f"bd_group_{group}", lang),
                  n=f"{len(targets):,}")
        offer(summary, title, chart_name, "bd_dl_sum", targets["document_id"], source)

with state.lazy_expander(t("bd_rules", lang), "bd_rules_open") as rules_box:
    if rules_box.open:
        st.dataframe(target_rules.rules_table(lang), hide_index=True, width="stretch")

st.subheader(t("bd_types_title", lang))
st.dataframe(view.indicator_type_coverage(lang), hide_index=True, width="stretch")
st.caption(t("bd_types_note", lang))

# --- towns like mine -------------------------------------------------------------------------------
st.subheader(t("bd_peer_title", lang))
peer_codes, peer_labels, _ = view.bodies_with_targets(scope, lang)
if not peer_codes:
    st.info(t("bd_no_targets", lang))
else:
    p1, p2 = st.columns([3, 2])
    mine = state.choose(p1.selectbox, t("bd_peer_body", lang), peer_codes, "bd_peer_body", peer_labels.get, lang)
    same_kind = state.tick(p2, t("bd_peer_same_kind", lang), "bd_peer_same_kind", lang)
    compared = view.peer_view(scope, mine, dimension, same_kind, lang)
    if compared is None:
        st.info(t("bd_peer_none", lang))
    else:
        shown_peer, peer_fig = compared
        state.plotly_chart(peer_fig, key="bd_peer_chart", width="stretch",
                           config=exports.chart_config(f"peers_{mine}_{dimension}", "png"))
        own, own_rows = view.segment_view(scope, "municipality_code", mine, dimension, None, lang)
        st.dataframe(own_rows, hide_index=True, width="stretch", height=260)
        name = peer_labels.get(mine, mine)
        offer(own_rows, t("bd_file_peer_targets", lang, name=name), f"targets_{mine}", "bd_dl_peer",
              own["document_id"], view.source_text(own["document_id"], lang), named=True)
        offer(view.peer_table(shown_peer, lang), t("bd_file_peer_title", lang, name=name), f"peers_{mine}_{dimension}",
              "bd_dl_peer_mix", view.filtered_targets(scope)["document_id"], source, named=True)

# --- similar programmes --------------------------------------------------------------------------
st.subheader(t("bd_similar_title", lang))
st.caption(t("bd_similar_intro", lang))
if view.design_index() is None:
    st.info(t("bd_similar_none", lang))
else:
    codes, design_labels, programmes_of = view.design_choices(lang)
    f1, f2, f3 = st.columns([2, 2, 1])
    body = state.choose(f1.selectbox, t("bd_similar_body", lang), codes, "bd_sim_body", design_labels.get, lang)
    prog = state.choose(f2.selectbox, t("bd_similar_programme", lang), programmes_of[body], "bd_sim_prog",
                        lambda p: programme_label(p, lang), lang)
    same = state.tick(f3, t("bd_similar_same", lang), "bd_sim_same", lang)
    shown = view.similar_table(body, prog, same, lang)
    if shown.empty:
        st.info(t("bd_similar_none", lang))
    else:
        st.dataframe(shown, hide_index=True, width="stretch")
        st.caption(t("bd_similar_source", lang))
        offer(shown, t("bd_similar_title", lang), f"similar_{body}_{prog}", "bd_dl_sim", ["003"],
              t("bd_similar_source", lang))
