"""指標の内訳 (Indicator breakdown): what kinds of targets bodies set, the targets behind each bar, and similar designs."""
from functools import partial

import pandas as pd
import streamlit as st

from machikurabe.analysis import breakdown as bd
from machikurabe.analysis import similarity, target_rules
from machikurabe.analysis.filters import PROGRAMMES, Filters, apply_filters
from machikurabe.i18n import programme_label, t
from machikurabe.ui import exports, st_data
from machikurabe.ui.charts import bar_chart
from machikurabe.ui.state import current_filters, current_lang

lang = current_lang()


def choose(widget, label, options, state, format_func=str, **kw):
    """A select widget whose choice survives a language switch: the widget key carries the language
    (its labels change with it), the choice itself is kept under ``state``."""
    current = st.session_state.get(state)
    if current not in options:
        current = options[0]
    value = widget(label, options, index=options.index(current), format_func=format_func, key=f"{state}__{lang}", **kw)
    st.session_state[state] = value
    return value


def tick(column, label, state):
    value = column.checkbox(label, value=bool(st.session_state.get(state, False)), key=f"{state}__{lang}")
    st.session_state[state] = value
    return value


st_data.stop_if_unavailable()
st.title(t("bd_title", lang))
st.caption(t("bd_intro", lang))

if int(st_data.query("targets_table_exists")["n"].iloc[0]) == 0:
    st.warning(t("bd_no_table", lang))
    st.stop()

@st.cache_resource(max_entries=64, show_spinner=False)
def _filtered_targets(data_version, prefectures: tuple, kinds: tuple, programme):
    """Targets with their bodies, narrowed by the sidebar filters; shared by all sessions (read-only use).

    Targets without a body (004) only show when no filter is set.
    """
    bodies = st_data.query("municipalities")
    targets = bd.attach_bodies(st_data.query("targets_all"), bodies)
    filters = Filters(list(prefectures), list(kinds), programme)
    if not filters.is_empty():
        codes = set(apply_filters(bodies, filters, st_data.query("programmes"))["code"])
        targets = targets[targets["municipality_code"].isin(codes)]
        if filters.programme:
            targets = targets[targets["programme"] == filters.programme]
    return targets


@st.cache_resource(max_entries=256, show_spinner=False)
def _share_view(data_version, filter_key, only_plans, group, dimension, measure, lang, _targets):
    table = bd.share_table(_targets, group, dimension)
    source = bd.source_text(_targets["document_id"], lang)
    return table, source, bd.share_chart(table, group, dimension, lang, measure, source)


@st.cache_resource(max_entries=256, show_spinner=False)
def _segment_view(data_version, filter_key, only_plans, group, pick_group, dimension, pick_value, lang, _targets):
    """The targets behind one bar segment and their table as shown."""
    rows = bd.segment(_targets, group, pick_group, dimension, pick_value)
    return rows, (bd.segment_table(rows, lang) if not rows.empty else None)


@st.cache_resource(max_entries=64, show_spinner=False)
def _bodies_with_targets(data_version, filter_key, only_plans, lang, _targets):
    """Codes of the bodies that have targets, with their picker labels (built once, not per option per run)."""
    with_body = _targets[_targets["municipality_code"].notna() & _targets["body_name"].notna()]
    label_of = with_body.drop_duplicates("municipality_code").set_index("municipality_code").sort_index()
    labels = {code: f"{bd.group_label('prefecture', pref, lang)} {name}"
              for code, pref, name in zip(label_of.index, label_of["prefecture"], label_of["body_name"])}
    return list(label_of.index), labels, label_of


filters = current_filters()
if filters.programme not in (None, *PROGRAMMES):
    # an unknown programme value (e.g. a label leaking from a language switch) must not hide everything
    filters = Filters(filters.prefectures, filters.kinds, None)
filter_key = filters.cache_key()
targets = _filtered_targets(st_data.data_version(), *filter_key)

# --- controls ----------------------------------------------------------------------------------
c1, c2, c3 = st.columns(3)
dimension = choose(c1.radio, t("bd_dimension", lang), list(bd.DIMENSIONS), "bd_dimension",
                   lambda d: t(f"bd_dim_{d}", lang))
group = choose(c2.selectbox, t("bd_group", lang), list(bd.GROUPINGS), "bd_group", lambda g: t(f"bd_group_{g}", lang))
measure = choose(c3.radio, t("bd_measure", lang), ["share", "count"], "bd_measure",
                 lambda m: t("bd_share" if m == "share" else "bd_count", lang), horizontal=True)
only_plans = tick(c3, t("bd_only_plans", lang), "bd_only_plans")
if only_plans:
    targets = targets[targets["document_id"] == "003"]

if targets.empty:
    st.info(t("bd_no_targets", lang))
    st.stop()

table, source, fig = _share_view(st_data.data_version(), filter_key, only_plans, group, dimension, measure, lang,
                                 targets)
chart_name = f"targets_{dimension}_by_{group}"
event = st.plotly_chart(fig, on_select="rerun", selection_mode="points", key="bd_chart",
                        config=exports.chart_config(chart_name, "png"), width="stretch")
st.caption(t("bd_select_help", lang) + " " + ("PNG: グラフ右上のカメラ。SVG は下のボタン。" if lang != "en"
                                               else "PNG: camera icon on the chart. SVG below."))
with st.expander("SVG"):
    st.plotly_chart(fig, key="bd_chart_svg", config=exports.chart_config(chart_name, "svg"), width="stretch")

# --- the targets behind a segment ----------------------------------------------------------------
clicked = bd.selection_from_event(event)
groups = list(dict.fromkeys(table[group]))
values = list(bd.DIMENSIONS[dimension])
# a click is applied once (the chart keeps reporting its selection on every rerun), then the
# selectboxes below stay free to change
if clicked and clicked[0] in groups and clicked != st.session_state.get("bd_last_click"):
    st.session_state["bd_last_click"] = clicked
    st.session_state["bd_pick_group"], st.session_state["bd_pick_value"] = clicked
    st.session_state.pop(f"bd_pick_group__{lang}", None)
    st.session_state.pop(f"bd_pick_value__{lang}", None)
s1, s2 = st.columns(2)
pick_group = choose(s1.selectbox, t("bd_pick_group", lang), [None, *groups], "bd_pick_group",
                    lambda g: t("bd_all", lang) if g is None else bd.group_label(group, g, lang))
pick_value = choose(s2.selectbox, t("bd_pick_value", lang), [None, *values], "bd_pick_value",
                    lambda v: t("bd_all", lang) if v is None else bd.dimension_label(dimension, v, lang))
rows, listing = _segment_view(st_data.data_version(), filter_key, only_plans, group, pick_group, dimension,
                              pick_value, lang, targets)
group_text = t("bd_all", lang) if pick_group is None else bd.group_label(group, pick_group, lang)
value_text = t("bd_all", lang) if pick_value is None else bd.dimension_label(dimension, pick_value, lang)
st.subheader(t("bd_segment_title", lang, group=group_text, value=value_text, n=f"{len(rows):,}"))
if rows.empty:
    st.info(t("bd_segment_empty", lang))
else:
    st.dataframe(listing, hide_index=True, width="stretch", height=360)
    st.caption(source)
    d1, d2 = st.columns(2)
    d1.download_button("CSV", partial(exports.csv_bytes, listing), file_name=f"{chart_name}_targets.csv",
                       mime=exports.CSV_MIME, key="bd_dl_rows_csv")
    d2.download_button("Excel (XLSX)", partial(exports.xlsx_sheets_bytes, {"targets": listing}), file_name=f"{chart_name}_targets.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="bd_dl_rows_xlsx")

with st.expander(t("bd_share_table", lang)):
    summary = bd.share_table_display(table, group, dimension, lang)
    st.dataframe(summary, hide_index=True, width="stretch")
    st.caption(source)
    e1, e2 = st.columns(2)
    e1.download_button("CSV", partial(exports.csv_bytes, summary), file_name=f"{chart_name}.csv", mime=exports.CSV_MIME,
                       key="bd_dl_sum_csv")
    e2.download_button("Excel (XLSX)", partial(exports.xlsx_sheets_bytes, {"summary": summary}), file_name=f"{chart_name}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="bd_dl_sum_xlsx")

with st.expander(t("bd_rules", lang)):
    st.dataframe(target_rules.rules_table(lang), hide_index=True, width="stretch")

st.subheader(t("bd_types_title", lang))
st.dataframe(bd.indicator_type_coverage(lang), hide_index=True, width="stretch")
st.caption(t("bd_types_note", lang))

@st.cache_resource(max_entries=256, show_spinner=False)
def _peer_view(data_version, filter_key, only_plans, mine, dimension, same_kind, lang, _targets, _label_of):
    """The chosen body's target mix against its size-band peers: (table as shown, chart), or None without peers."""
    peer_table, n_peers = bd.peer_comparison(_targets, mine, dimension, same_kind)
    if n_peers == 0:
        return None
    name = _label_of.loc[mine, "body_name"]
    n_own = int(peer_table.loc[peer_table["who"] == "body", "n"].sum())
    n_peer_targets = int(peer_table.loc[peer_table["who"] == "peers", "n"].sum())
    series_names = {"body": t("bd_peer_series_body", lang, name=name, n=n_own),
                    "peers": t("bd_peer_series_peers", lang, k=n_peers, n=n_peer_targets)}
    shown_peer = peer_table.assign(
        who=peer_table["who"].map(series_names),
        segment=[bd.dimension_label(dimension, v, lang) for v in peer_table[dimension]])
    band = bd.size_band_label(_label_of.loc[mine, "size_band"], lang)
    peer_fig = bar_chart(shown_peer, "segment", "share_pct", series="who",
                         series_order=[series_names["body"], series_names["peers"]],
                         title=t("bd_peer_chart_title", lang, dim=t(f"bd_dim_{dimension}", lang), name=name, band=band),
                         category_title=t(f"bd_dim_{dimension}", lang), value_title=t("bd_axis_share", lang),
                         source=bd.source_text(_targets["document_id"], lang))
    return shown_peer, peer_fig


# --- towns like mine -------------------------------------------------------------------------------
st.subheader(t("bd_peer_title", lang))
peer_codes, peer_labels, label_of = _bodies_with_targets(st_data.data_version(), filter_key, only_plans, lang, targets)
if not peer_codes:
    st.info(t("bd_no_targets", lang))
else:
    p1, p2 = st.columns([3, 2])
    mine = choose(p1.selectbox, t("bd_peer_body", lang), peer_codes, "bd_peer_body", peer_labels.get)
    same_kind = tick(p2, t("bd_peer_same_kind", lang), "bd_peer_same_kind")
    peer_view = _peer_view(st_data.data_version(), filter_key, only_plans, mine, dimension, same_kind, lang,
                           targets, label_of)
    if peer_view is None:
        st.info(t("bd_peer_none", lang))
    else:
        shown_peer, peer_fig = peer_view
        st.plotly_chart(peer_fig, key="bd_peer_chart", config=exports.chart_config(f"peers_{mine}_{dimension}", "png"),
                        width="stretch")
        own_rows = _segment_view(st_data.data_version(), filter_key, only_plans, "municipality_code", mine, dimension,
                                 None, lang, targets)[1]
        st.dataframe(own_rows, hide_index=True, width="stretch", height=260)
        h1, h2 = st.columns(2)
        h1.download_button("CSV", partial(exports.csv_bytes, own_rows), file_name=f"targets_{mine}.csv",
                           mime=exports.CSV_MIME, key="bd_dl_peer_csv")
        h2.download_button("Excel (XLSX)", partial(exports.xlsx_sheets_bytes, {"targets": own_rows, "comparison": shown_peer}),
                           file_name=f"targets_{mine}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="bd_dl_peer_xlsx")

# --- similar programmes --------------------------------------------------------------------------
st.subheader(t("bd_similar_title", lang))
st.caption(t("bd_similar_intro", lang))


@st.cache_resource(max_entries=4, show_spinner=False)
def _design_index(data_version, _designs):
    """The tf-idf index of every design, fitted once per database file and shared by all sessions."""
    frame = _designs.copy()
    frame["design_text"] = frame.apply(similarity.design_text, axis=1)
    return similarity.build_index(frame)


@st.cache_resource(max_entries=4, show_spinner=False)
def _design_choices(data_version, _index):
    """Bodies that have a design (in table order), their picker labels and their programmes."""
    designs = _index.designs
    names = designs.drop_duplicates("municipality_code")
    labels = {code: f"{pref} {name}" for code, pref, name in zip(names["municipality_code"], names["prefecture"],
                                                                 names["name"])}
    programmes_of = designs.groupby("municipality_code", sort=False)["programme"].agg(list).to_dict()
    return list(names["municipality_code"]), labels, programmes_of


@st.cache_resource(max_entries=256, show_spinner=False)
def _most_similar(data_version, body, prog, same, _index):
    return similarity.most_similar(_index, body, prog, top_n=8, same_programme_only=same)


designs = st_data.query("similar_designs")
if designs.empty:
    st.info(t("bd_similar_none", lang))
else:
    index = _design_index(st_data.data_version(), designs)
    codes, design_labels, programmes_of = _design_choices(st_data.data_version(), index)
    f1, f2, f3 = st.columns([2, 2, 1])
    body = choose(f1.selectbox, t("bd_similar_body", lang), codes, "bd_sim_body", design_labels.get)
    progs = programmes_of[body]
    prog = choose(f2.selectbox, t("bd_similar_programme", lang), progs, "bd_sim_prog",
                  lambda p: programme_label(p, lang))
    same = tick(f3, t("bd_similar_same", lang), "bd_sim_same")
    result = _most_similar(st_data.data_version(), body, prog, same, index)
    if result.empty:
        st.info(t("bd_similar_none", lang))
    else:
        shown = pd.DataFrame({
            t("col_body", lang): result["prefecture"] + " " + result["name"],
            t("col_programme", lang): [programme_label(p, lang) for p in result["programme"]],
            t("col_similarity", lang): result["similarity"].round(3),
            t("col_shared_terms", lang): result["shared_terms"],
            t("field_programme_name", lang): result["programme_name"].fillna(""),
            t("col_line", lang): result["section_line"].astype("Int64"),
        })
        st.dataframe(shown, hide_index=True, width="stretch")
        st.caption(("出典：令和元年度 モデル事業実施計画（003）の各事業の設計文。行＝事業の見出しの行。"
                    if lang != "en" else "Source: design texts of the FY2019 plans (003); line = the programme heading."))
        g1, g2 = st.columns(2)
        g1.download_button("CSV", partial(exports.csv_bytes, shown), file_name=f"similar_{body}_{prog}.csv",
                           mime=exports.CSV_MIME, key="bd_dl_sim_csv")
        g2.download_button("Excel (XLSX)", partial(exports.xlsx_sheets_bytes, {"similar": shown}), file_name=f"similar_{body}_{prog}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key="bd_dl_sim_xlsx")
