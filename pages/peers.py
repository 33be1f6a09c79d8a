"""比較 page: the chosen body against a peer group (spine chart, ranked bars, scatter, table, programmes),
with CSV/XLSX/PNG/SVG downloads, a one-file HTML report and session-only uploaded indicators.
Layout only; the numbers come from machikurabe.analysis.peers / spine / peer_view.
"""
from __future__ import annotations

from functools import partial

import streamlit as st

from machikurabe.analysis import peers, uploads
from machikurabe.analysis.spine import indicator_label
from machikurabe.i18n import kind_label, t
from machikurabe.ui import exports, peer_view, st_data, state
from machikurabe.ui.state import current_lang

QP_VIEW = {"bar": "ind", "x": "x", "y": "y"}  # URL names of the chart choices

lang = current_lang()
st_data.stop_if_unavailable()

st.title(t("peers_title", lang))
st.markdown(t("peers_intro", lang))

session_upload = st.session_state.get(uploads.SESSION_KEY)
bodies, user_meta = uploads.merge_user_indicators(st_data.query("municipalities"), session_upload)
quality = st_data.query("data_quality")
programmes = st_data.query("programmes")
upload_name = (session_upload or {}).get("file_name")
codes = list(bodies["code"])
default_weights, log_keys = peer_view.all_default_weights(user_meta)
weight_keys = [k for k in default_weights if k in bodies.columns]

# the URL seeds each widget the first time it is drawn; afterwards the widgets write the URL
params = peers.parse_query_params(st.query_params, codes, peer_view.DEFAULT_TOWN, default_weights, weight_keys)
view_keys = [k for k in peer_view.VIEW_KEYS if k in bodies.columns] + list(user_meta)
seed = {"peers_code": params.code, "peers_group": params.group, "peers_k": params.k, "peers_hand": params.hand}
for name, default in (("bar", "ageing_rate_pct"), ("x", "ageing_rate_pct"), ("y", "welfare_rate_pct")):
    wanted_key = st.query_params.get(QP_VIEW[name])
    seed[f"peers_{name}"] = wanted_key if wanted_key in view_keys else default
seed.update({f"peers_w_{k}": float(params.weights.get(k, 0.0)) for k in weight_keys})
for key, value in seed.items():
    st.session_state.setdefault(key, value)
for name in QP_VIEW:
    # an uploaded indicator removed in this session leaves a choice that is no longer an option
    if st.session_state[f"peers_{name}"] not in view_keys:
        st.session_state[f"peers_{name}"] = seed[f"peers_{name}"] if seed[f"peers_{name}"] in view_keys else view_keys[0]


@st.cache_resource(max_entries=128, show_spinner=False)
def _page_view(data_key, params_key, lang, bar_key, x_key, y_key, _bodies, _programmes, _quality, _user_meta,
               _log_keys, _upload_name) -> peer_view.PageView:
    """One comparison's tables and figures, shared by every session asking the same question (read-only use).

    data_key (database file version, upload fingerprint, upload file name) stands for the frames, which are
    then not hashed on every run.
    """
    code, group, k, weights, hand = params_key
    params = peers.PeerParams(code=code, group=group, k=k, weights=dict(weights), hand=list(hand))
    return peer_view.page_view(_bodies, _programmes, _quality, params, lang, _user_meta, _log_keys, bar_key, x_key,
                               y_key, _upload_name)


def _town_row_bold(frame):
    """The town is the first row of these tables; bold, as in the charts."""
    return frame.style.apply(lambda row: ["font-weight: bold" if row.name == 0 else ""] * len(row), axis=1)


def _reset_weights():
    for k in weight_keys:
        st.session_state[f"peers_w_{k}"] = float(default_weights.get(k, 0.0))


data_key = (st_data.data_version(), uploads.session_digest(session_upload), upload_name)
labels = st_data.body_labels("name_prefecture", lang)
top = st.columns([2, 3])
with top[0]:
    code = st.selectbox(t("peers_pick_town", lang), codes, key="peers_code",
                        format_func=labels.get)
with top[1]:
    group = st.radio(t("peers_group_kind", lang), peers.GROUP_KINDS, key="peers_group", horizontal=True,
                     format_func=lambda g: t(f"group_{g}", lang))
st.caption(t("peers_level_note", lang) + " " + t("peers_link_note", lang) + " " + t("peers_filters_note", lang))

level = peers.same_level(bodies, code)
# choices of the group kinds not shown now stay in the URL, so switching back restores them
weights = {key: float(st.session_state.get(f"peers_w_{key}", params.weights.get(key, 0.0))) for key in weight_keys}
hand = list(st.session_state.get("peers_hand", params.hand))
k = st.session_state["peers_k"]
if group == "nearest":
    k_max = max(2, min(peers.MAX_K, len(level) - 1))
    # switching to a level with fewer bodies (the prefectures) must not leave k above what exists
    st.session_state["peers_k"] = min(max(int(st.session_state["peers_k"]), 1), k_max)
    k = st.slider(t("peers_k", lang), 1, k_max, key="peers_k")
    with st.expander(t("peers_weights", lang)):
        cols = st.columns(4)
        for i, key in enumerate(weight_keys):
            with cols[i % 4]:
                weights[key] = st.number_input(indicator_label(key, lang, user_meta), 0.0, 10.0, step=0.5,
                                               key=f"peers_w_{key}")
        st.button(t("peers_weights_reset", lang), on_click=_reset_weights)
elif group == "hand":
    options = [c for c in level["code"] if c != code]
    st.session_state["peers_hand"] = [c for c in st.session_state.get("peers_hand", []) if c in options]
    hand = st.multiselect(t("peers_hand_pick", lang), options, key="peers_hand",
                          format_func=labels.get)

current = peers.PeerParams(code=code, group=group, k=int(k), weights=weights, hand=list(hand))
wanted = current.to_query_params(default_weights)
for name in (peers.QP_CODE, peers.QP_GROUP, peers.QP_K, peers.QP_WEIGHTS, peers.QP_HAND):
    if name in wanted and st.query_params.get(name) != wanted[name]:
        st.query_params[name] = wanted[name]
    elif name not in wanted and name in st.query_params:
        del st.query_params[name]

# the chart pickers sit in the tabs further down; their current values are already in the session state
view = _page_view(data_key,
                  (current.code, current.group, current.k, tuple(sorted(current.weights.items())), tuple(current.hand)),
                  lang, st.session_state["peers_bar"], st.session_state["peers_x"], st.session_state["peers_y"],
                  bodies, programmes, quality, user_meta, tuple(log_keys), upload_name)
comparison = view.comparison

st.subheader(t("peers_definition", lang))
town_kind = bodies.set_index("code").at[code, "kind"]
kind_text = kind_label(town_kind, lang)
st.markdown(f"**{comparison.town_name}** ({kind_text}): {comparison.definition}" if lang == "en"
            else f"**{comparison.town_name}**（{kind_text}）：{comparison.definition}")
if comparison.dropped:
    st.caption(t("peers_dropped", lang, codes=", ".join(comparison.dropped)))
if not comparison.peer_codes:
    st.warning(t("peers_empty", lang))
    st.stop()
if len(comparison.peer_codes) < 4:
    st.info(t("peers_small_group", lang, n=len(comparison.peer_codes)))
if town_kind == "prefecture":
    st.caption(t("pref_median_na", lang))

with st.expander(t("peers_list", lang), expanded=group == "nearest"):
    st.dataframe(_town_row_bold(view.peer_list), hide_index=True)
    if comparison.nearest is not None:
        st.markdown(t("method_nn", lang))
        st.markdown(t("method_missing", lang))
        if peer_view.sparse_note(comparison, lang):
            st.info(peer_view.sparse_note(comparison, lang))
        imputed = view.imputed
        st.markdown(f"**{t('imputed_title', lang)}**")
        if imputed.empty:
            st.caption(t("imputed_none", lang))
        else:
            st.dataframe(imputed, hide_index=True)
        st.markdown(f"**{t('stability_title', lang)}**")
        st.caption(t("stability_note", lang))
        st.dataframe(view.stability, hide_index=True)

table = view.table
image_format = st.radio(t("export_format", lang), exports.IMAGE_FORMATS, horizontal=True, key="peers_image_format",
                        format_func=str.upper)
label_of = lambda key: indicator_label(key, lang, user_meta)  # noqa: E731

tabs = st.tabs([t(f"tab_{name}", lang) for name in ("spine", "bar", "scatter", "table", "programmes", "report",
                                                      "upload")])
with tabs[1]:
    bar_key = st.selectbox(t("bar_indicator", lang), view_keys, key="peers_bar", format_func=label_of)
with tabs[2]:
    cx, cy = st.columns(2)
    x_key = cx.selectbox(t("scatter_x", lang), view_keys, key="peers_x", format_func=label_of)
    y_key = cy.selectbox(t("scatter_y", lang), view_keys, key="peers_y", format_func=label_of)
for name, value in (("bar", bar_key), ("x", x_key), ("y", y_key)):
    if st.query_params.get(QP_VIEW[name]) != value:
        st.query_params[QP_VIEW[name]] = value
figs = view.figs


def _config(indicator: str) -> dict:
    return exports.plotly_config(comparison.town_name, indicator, image_format)


with tabs[0]:
    state.plotly_chart(figs["spine"], theme=None, config=_config(t("tab_spine", lang)))
    st.caption(t("spine_colour_note", lang))
    st.caption(t("small_flag_note", lang))
with tabs[1]:
    state.plotly_chart(figs["bar"], theme=None, config=_config(label_of(bar_key)))
    st.caption(t("bar_quality_caption", lang))
with tabs[2]:
    state.plotly_chart(figs["scatter"], theme=None,
                    config=_config(f"{label_of(x_key)}_{label_of(y_key)}"))
with tabs[3]:
    shown = view.display_table
    town_column = t("col_town_value", lang, town=comparison.town_name)
    st.dataframe(shown.style.set_properties(subset=[town_column], **{"font-weight": "bold"}), hide_index=True)
    st.caption(t("table_note", lang))
    export_frame, units = view.export_table, view.export_units
    stem = exports.safe_filename(comparison.town_name, t("tab_table", lang), exports.today())
    source = peer_view.source_line(view_keys, lang, user_meta, upload_name)
    c1, c2 = st.columns(2)
    c1.download_button(t("download_csv", lang), partial(exports.csv_bytes, export_frame), f"{stem}.csv",
                       exports.CSV_MIME)
    c2.download_button(t("download_xlsx", lang), partial(
        exports.xlsx_bytes, export_frame, title=f"{t('report_title', lang, town=comparison.town_name)}", source=source,
        units=units, notes=[f"{t('peers_definition', lang)}：{comparison.definition}", t("table_note", lang)],
        unit_label=t("sheet_unit", lang), source_label=t("sheet_source", lang),
        created_label=t("sheet_created", lang)), f"{stem}.xlsx", exports.XLSX_MIME)
    st.markdown(f"**{t('values_title', lang)}**")
    values, value_units = view.values, view.value_units
    st.dataframe(_town_row_bold(values), hide_index=True)
    stem = exports.safe_filename(comparison.town_name, t("values_title", lang), exports.today())
    c1, c2 = st.columns(2)
    c1.download_button(t("download_csv", lang), partial(exports.csv_bytes, values), f"{stem}.csv", exports.CSV_MIME,
                       key="values_csv")
    c2.download_button(t("download_xlsx", lang), partial(
        exports.xlsx_bytes, values, title=t("values_title", lang), source=source, units=value_units,
        notes=[f"{t('peers_definition', lang)}：{comparison.definition}", t("small_flag_note", lang)],
        unit_label=t("sheet_unit", lang), source_label=t("sheet_source", lang),
        created_label=t("sheet_created", lang)), f"{stem}.xlsx", exports.XLSX_MIME, key="values_xlsx")
with tabs[4]:
    state.plotly_chart(figs["programmes"], theme=None, config=_config(t("tab_programmes", lang)))
    st.caption(t("programme_note", lang))
    st.markdown(view.programme_reference)
    programme_frame = figs["programme_frame"].drop(columns=["code"])
    st.dataframe(_town_row_bold(programme_frame), hide_index=True)
    stem = exports.safe_filename(comparison.town_name, t("tab_programmes", lang), exports.today())
    c1, c2 = st.columns(2)
    c1.download_button(t("download_csv", lang), partial(exports.csv_bytes, programme_frame), f"{stem}.csv",
                       exports.CSV_MIME,
                       key="programmes_csv")
    c2.download_button(t("download_xlsx", lang), partial(
        exports.xlsx_bytes, programme_frame, title=t("programme_chart_title", lang), source=peer_view.source_line([], lang),
        notes=[t("programme_note", lang)], unit_label=t("sheet_unit", lang), source_label=t("sheet_source", lang),
        created_label=t("sheet_created", lang)), f"{stem}.xlsx", exports.XLSX_MIME, key="programmes_xlsx")
with tabs[5]:
    st.caption(t("report_note", lang))
    st.download_button(t("download_report", lang),
                       partial(peer_view.report_html, bodies, comparison, figs, table, lang, log_keys=log_keys),
                       exports.safe_filename(comparison.town_name, "report", exports.today()) + ".html",
                       "text/html", type="primary")
with tabs[6]:
    st.markdown(f"**{t('upload_title', lang)}**")
    st.caption(t("upload_help", lang))
    if session_upload:
        st.info(t("upload_current", lang, names="、".join(m["name"] for m in user_meta.values())))
        if st.button(t("upload_clear", lang)):
            del st.session_state[uploads.SESSION_KEY]
            st.rerun()
    upload = st.file_uploader(t("upload_file", lang), type=["csv", "xlsx", "txt", "tsv"], key="peers_upload")
    if upload is not None:
        # rows key to every municipality and prefecture (places); a fixture database without places keys to the 63
        result = uploads.load_upload(upload.name, upload.getvalue(), st_data.query("places"), lang,
                                     wards=st_data.query("wards"))
        if result.raw is not None:
            st.markdown(f"**{t('upload_preview', lang)}**")
            # st.table has no download toolbar, so uploaded formula-like cells cannot leave as a CSV from here
            st.table(result.raw.head(10))
        st.markdown(f"**{t('upload_report', lang)}**")
        for issue in result.issues:
            {"error": st.error, "warning": st.warning}.get(issue.level, st.info)(issue.text)
        if result.ok and st.button(t("upload_accept", lang), type="primary"):
            st.session_state[uploads.SESSION_KEY] = result.as_session_value(upload.name)
            st.rerun()
