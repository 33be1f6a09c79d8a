"""比較 page: any place in Japan against a peer group drawn from the whole country (nearest neighbours, the official
類似団体区分, same prefecture, same kind and size band, hand-picked), on national indicators (latest year each) and
the plan's own figures; spine chart, ranked bars, scatter and table with three reference lines, CSV/XLSX/PNG/SVG and
a one-file HTML report, session-only uploaded indicators. Layout only: the numbers come from
machikurabe.analysis.national_peers and machikurabe.ui.national_peer_view.
"""
from __future__ import annotations

from functools import partial

import streamlit as st

from machikurabe.analysis import national, uploads
from machikurabe.analysis import peer_trends as pt
from machikurabe.analysis import national_peers as npp
from machikurabe.i18n import STRINGS, t
from machikurabe.safe_text import inert_table, markdown_escape, plain_markdown
from machikurabe.ui import exports, peer_charts, st_data, state
from machikurabe.ui import national_peer_view as nv
from machikurabe.ui import trend_view
from machikurabe.ui.place_picker import place_picker
from machikurabe.ui.state import current_lang

lang = current_lang()
st_data.stop_if_unavailable()

# the compact spine (no value columns; the values are in the table beside it) wherever the page's content is under
# 900 px wide (a narrow screen, or a laptop with the sidebar open: the wide spine's labels then run into each other);
# the compact 推移 grid on narrow screens (≤ 640 px); on touch screens the chart toolbar sits below the chart, not
# over its title. Through st.html (whose module the shell's own stylesheet loads anyway): a Markdown block with raw
# HTML would load one more module on the first paint (about 0.2 s on a cold visit, measured)
st.html("""<style>
[data-testid="stMainBlockContainer"] { container-type: inline-size; }
.st-key-np_spine_compact, .st-key-np_trend_compact { display: none; }
@container (max-width: 899px) {
  .st-key-np_spine_wide { display: none; }
  .st-key-np_spine_compact { display: block; }
}
@media (max-width: 640px) {
  .st-key-np_trend_wide { display: none; }
  .st-key-np_trend_compact { display: block; }
}
@media (hover: none) {
  .js-plotly-plot .modebar-container { top: auto !important; bottom: -4px !important; }
}
</style>""")

st.title(t("peers_title", lang))
st.markdown(t("np_intro", lang))

code = place_picker(lang)
if code is None:
    st.stop()
places = st_data.query("places")
catalogue = st_data.query("national_indicators")
by_code = places.set_index("code")
is_pref = by_code.at[code, "kind"] == "prefecture"
session_upload = st.session_state.get(uploads.SESSION_KEY)
upload_name = (session_upload or {}).get("file_name")
user_meta = dict((session_upload or {}).get("meta") or {})

# --- indicators: national ones grouped by topic, the plan's own, the session's uploads -------------------------
TOPIC_ORDER = ("population", "households", "labour", "welfare", "health", "finance", "education", "economy", "land",
               "living", "culture")
topic_of = dict(zip(catalogue["indicator"], catalogue["topic"]))
meta = nv.indicator_meta(catalogue, lang, user_meta)
national_ids = sorted(topic_of, key=lambda k: (TOPIC_ORDER.index(topic_of[k]) if topic_of[k] in TOPIC_ORDER
                                               else len(TOPIC_ORDER), k not in npp.DEFAULT_INDICATORS, k))
all_keys = [*national_ids, *([] if is_pref else npp.PLAN_KEYS), *user_meta]


def _topic(key: str) -> str:
    topic = meta.get(key, {}).get("topic", "")
    if f"np_topic_{topic}" in STRINGS:
        return t(f"np_topic_{topic}", lang)
    return t("tab_upload", lang) if topic == "upload" else topic


def _label(key: str) -> str:
    info = meta.get(key, {})
    unit = info.get("unit") or ""
    name = f"{info.get('name', key)} ({unit})" if lang == "en" and unit else (
        f"{info.get('name', key)}（{unit}）" if unit else info.get("name", key))
    return f"【{_topic(key)}】{name}" if lang != "en" else f"[{_topic(key)}] {name}"


def _accept_upload(session_value: dict) -> None:
    # a callback runs before the widgets are drawn, so the new indicators can join 表示する指標 at once: an
    # upload the user just accepted is in 比較表 and offered by every chart's picker without a further step
    st.session_state[uploads.SESSION_KEY] = session_value
    st.session_state["np_show"] = list(dict.fromkeys([*st.session_state.get("np_show", []), *session_value["meta"]]))


def _reset_indicators():
    st.session_state["np_show"] = [k for k in (*npp.DEFAULT_INDICATORS, *npp.PLAN_KEYS) if k in all_keys]


# a shared link's indicator set (?show=a,b,c) seeds the picker once; unknown ids are dropped
state.seed("np_show", [k for k in (*npp.DEFAULT_INDICATORS, *npp.PLAN_KEYS)], url="show",
           parse=lambda raw: [k for k in raw.split(",") if k in all_keys] or None)
st.session_state["np_show"] = [k for k in st.session_state["np_show"] if k in all_keys] or list(npp.DEFAULT_INDICATORS)

# --- the group ------------------------------------------------------------------------------------------------
state.seed("np_group", npp.DEFAULT_GROUP, url="group", valid=lambda g: g in npp.GROUP_KINDS)
state.seed("np_k", npp.DEFAULT_K, url="k", parse=int, valid=lambda k: npp.MIN_K <= k <= npp.MAX_K)
weight_keys = list(dict.fromkeys([*national.DEFAULT_WEIGHTS, *npp.DEFAULT_INDICATORS]))
url_weights = npp.parse_weights(state.url_value("w"), set(national_ids))
for key in dict.fromkeys([*weight_keys, *(url_weights or {})]):
    default = (url_weights or {}).get(key, 0.0) if url_weights else national.DEFAULT_WEIGHTS.get(key, 0.0)
    state.seed(f"np_w_{key}", float(default))
weight_keys = list(dict.fromkeys([*weight_keys, *(url_weights or {})]))
# kept whatever the group and whether their box is open (written back before the inputs are drawn): weights typed
# under 最近傍 survive a closed box and a look at another group kind
state.keep(*(f"np_w_{key}" for key in weight_keys))
level_codes = [c for c in places["code"] if (by_code.at[c, "kind"] == "prefecture") == is_pref]
state.seed("np_hand", [], url="hand", parse=lambda raw: [c for c in dict.fromkeys(raw.split(",")) if c in by_code.index])

top = st.columns([3, 2])
with top[0]:
    group = state.choose(st.radio, t("peers_group_kind", lang), list(npp.GROUP_KINDS), "np_group",
                         lambda g: t(f"np_group_{g}", lang), lang, horizontal=True)
k = int(st.session_state["np_k"])
hand = [c for c in st.session_state.get("np_hand", []) if c in set(level_codes) and c != code]
labels = st_data.place_labels("picker", lang)
if group == "nearest":
    with top[1]:
        k_max = min(npp.MAX_K, len(level_codes) - 1)
        st.session_state["np_k"] = min(max(int(st.session_state["np_k"]), npp.MIN_K), k_max)
        k = st.slider(t("np_k", lang), npp.MIN_K, k_max, key="np_k")
    # drawn only while open (the first paint is lighter by a dozen inputs); the weights are kept while it is closed
    weights_box = state.lazy_expander(t("peers_weights", lang), "np_weights_box")
    with weights_box:
        if weights_box.open:
            cols = st.columns(3)
            for i, key in enumerate(weight_keys):
                cols[i % 3].number_input(meta.get(key, {}).get("name", key), 0.0, 10.0, step=0.5, key=f"np_w_{key}")

            def _reset_weights():
                for key in weight_keys:
                    st.session_state[f"np_w_{key}"] = float(national.DEFAULT_WEIGHTS.get(key, 0.0))
            st.button(t("peers_weights_reset", lang), on_click=_reset_weights)
elif group == "hand":
    st.session_state["np_hand"] = hand
    hand = st.multiselect(t("np_hand_pick", lang), [c for c in level_codes if c != code], key="np_hand",
                          format_func=lambda c: labels.get(c, c), placeholder=t("choose_placeholder", lang))
weights = {key: float(st.session_state.get(f"np_w_{key}", 0.0)) for key in weight_keys}
weights = {key: w for key, w in weights.items() if w > 0}

# drawn only while open; the choice lives on under np_show (written back above on every run)
indicators_box = state.lazy_expander(t("np_indicators", lang), "np_indicators_box")
with indicators_box:
    if indicators_box.open:
        st.multiselect(t("np_indicators", lang), all_keys, key="np_show", format_func=_label,
                       help=t("np_indicators_help", lang), placeholder=t("choose_placeholder", lang))
        st.button(t("np_indicators_reset", lang), on_click=_reset_indicators)
shown = st.session_state["np_show"] or list(npp.DEFAULT_INDICATORS)

# chart choices: from the URL once, then kept in the session (options are the indicators shown)
for name, url_name, default in (("np_bar", "ind", "ageing_rate_pct"), ("np_x", "x", "ageing_rate_pct"),
                                ("np_y", "y", "welfare_spending_share_pct")):
    state.seed(name, default, url=url_name, valid=lambda v: v in all_keys)
    state.keep_valid(name, shown, default)
# the pickers are drawn inside their tabs, below the view built here: take a choice just made now, not next run
bar_key, x_key, y_key = (state.settled(n, shown, lang) for n in ("np_bar", "np_x", "np_y"))

params = npp.ViewParams(code=code, group=group, k=int(k), weights=weights or dict(national.DEFAULT_WEIGHTS),
                        hand=list(hand))
state.mirror({"group": group, "k": str(k) if group == "nearest" else None,
              "w": npp.weights_param(params.weights) if group == "nearest" else None,
              "hand": ",".join(hand) if group == "hand" and hand else None, "ind": bar_key, "x": x_key, "y": y_key,
              "show": None if list(shown) == [k for k in (*npp.DEFAULT_INDICATORS, *npp.PLAN_KEYS) if k in all_keys]
              else ",".join(shown)})


# --- the view (cached for everyone asking the same question; an upload is this session's own) ------------------
@state.cached_view(max_entries=16)
def _wide(ids: tuple[str, ...]):
    latest = st_data.query("peers_latest_values", indicators=ids)
    return npp.wide_frame(st_data.query("places"), latest, st_data.query("municipalities"))


def _build(wide_years, code, group, k, weights, hand, keys, lang, bar_key, x_key, y_key):
    wide, years = wide_years
    params = npp.ViewParams(code=code, group=group, k=k, weights=dict(weights), hand=list(hand))
    return nv.build(wide, years, st_data.query("national_indicators"), st_data.query("build_info"), params, keys,
                    lang, bar_key, x_key, y_key, user_meta=user_meta, upload_name=upload_name)


@state.cached_view(max_entries=64)
def _view(code, group, k, weights, hand, keys, lang, bar_key, x_key, y_key):
    ids = tuple(sorted({*keys, *dict(weights), bar_key, x_key, y_key} - set(npp.PLAN_KEYS)))
    return _build(_wide(ids), code, group, k, weights, hand, keys, lang, bar_key, x_key, y_key)


def trend_years(indicators: tuple[str, ...], prefectures: bool) -> list[int]:
    medians = st_data.query("peers_trend_medians", indicators=indicators, prefectures=prefectures)
    return sorted({int(y) for y in medians["year"]})


@state.cached_view(max_entries=64)
def _trend(code, group, k, weights, hand, group_codes, indicators, lang, period, prefectures, place, group_line,
           definition, created):
    """推移 for one place, group and set of indicators (the group's codes are today's, from the view)."""
    values = st_data.query("peers_trend_values", indicators=indicators, codes=(code, *group_codes))
    medians = st_data.query("peers_trend_medians", indicators=indicators, prefectures=prefectures)
    params = npp.ViewParams(code=code, group=group, k=k, weights=dict(weights), hand=list(hand))
    return trend_view.build(
        values, medians, code, group_codes, indicators, nv.indicator_meta(st_data.query("national_indicators"), lang),
        lang, place=place, group_line=group_line, group_definition=definition,
        sources=tuple(nv.source_lines(indicators, lang)), url=trend_view.trend_url(params, indicators, period, lang),
        created=created, period=period, link_of=lambda key: trend_view.trend_url(params, (key,), (None, None), lang))


args = (code, group, int(k), tuple(sorted(params.weights.items())), tuple(hand), tuple(shown), lang, bar_key, x_key,
        y_key)
if user_meta:
    wide, years = _wide(tuple(sorted({*shown, *params.weights, bar_key, x_key, y_key} - set(npp.PLAN_KEYS)
                                     - set(user_meta))))
    wide, _ = uploads.merge_user_indicators(wide, session_upload)
    view = _build((wide, {**years}), *args)
else:
    view = _view(*args)

st.subheader(t("peers_definition", lang))
st.markdown(f"**{view.place_name}**：{view.definition}" if lang != "en" else f"**{view.place_name}**: {view.definition}")
if is_pref:
    st.caption(t("np_pref_note", lang))
if view.group.dropped:
    st.caption(t("peers_dropped", lang, codes=", ".join(view.group.dropped)))
if not view.group.codes:
    st.warning(t("peers_empty", lang))
    st.stop()
if len(view.group.codes) < 5:
    st.info(t("np_small_group", lang, n=len(view.group.codes)))

design_col = t("np_col_design", lang)
with st.expander(t("np_peer_list", lang, n=len(view.group.codes)), expanded=True):
    st.caption(t("np_model_count", lang, n=view.model_count))
    st.dataframe(view.peers, hide_index=True, column_config={
        design_col: st.column_config.LinkColumn(design_col, display_text=t("np_design_link", lang))})
if view.group.nearest is not None:
    method_box = state.lazy_expander(t("np_method_box", lang), "np_method_box")
    with method_box:
        if method_box.open:
            st.markdown(t("method_nn", lang))
            st.markdown(f"**{t('stability_title', lang)}**")
            st.caption(t("stability_note", lang))
            st.dataframe(view.stability, hide_index=True)

image_format = st.radio(t("export_format", lang), exports.IMAGE_FORMATS, horizontal=True, key="peers_image_format",
                        format_func=str.upper)


def _config(what: str) -> dict:
    config = exports.plotly_config(view.place_name, what, image_format)
    config["modeBarButtonsToRemove"] = peer_charts.MODEBAR_REMOVE
    return config


# only the open tab runs: the first paint builds and sends one chart, not four; a link may name the open tab
TAB_IDS = ("spine", "bar", "scatter", "trend", "table", "report", "upload")
tab_labels = [t(f"tab_{name}", lang) for name in TAB_IDS]
state.seed("np_tab", tab_labels[0], url="tab", parse=lambda raw: tab_labels[TAB_IDS.index(raw)] if raw in TAB_IDS
           else None)
tabs = state.lazy_tabs(tab_labels, "np_tab")
open_tab = TAB_IDS[tab_labels.index(st.session_state["np_tab"])] if st.session_state.get("np_tab") in tab_labels \
    else "spine"
state.mirror({"tab": None if open_tab == "spine" else open_tab})
with tabs[0]:
    if tabs[0].open:
        with st.container(key="np_spine_wide"):
            state.plotly_chart(view.figs["spine"], theme=None, config=_config(t("tab_spine", lang)))
        with st.container(key="np_spine_compact"):
            state.plotly_chart(view.figs["spine_compact"], theme=None, config=_config(t("tab_spine", lang)))
            st.caption(t("np_spine_values_note", lang))
            compact_cols = [t("np_col_indicator", lang), t("np_col_value", lang, town=view.place_name),
                            t("np_col_group_median", lang), t("np_col_reading", lang)]
            st.dataframe(view.display[compact_cols], hide_index=True)
        st.caption(t("np_reading_note", lang))
        st.caption(t("small_flag_note", lang))
with tabs[1]:
    if tabs[1].open:
        state.choose(st.selectbox, t("np_bar_pick", lang), shown, "np_bar", _label, lang)
        state.plotly_chart(view.figs["bar"], theme=None, config=_config(meta.get(bar_key, {}).get("name", bar_key)))
        st.caption(t("small_flag_note", lang) + " " + t("np_model_marker", lang))
with tabs[2]:
    if tabs[2].open:
        cx, cy = st.columns(2)
        with cx:
            state.choose(st.selectbox, t("np_x_pick", lang), shown, "np_x", _label, lang)
        with cy:
            state.choose(st.selectbox, t("np_y_pick", lang), shown, "np_y", _label, lang)
        state.plotly_chart(view.figs["scatter"], theme=None, config=_config(
            f"{meta.get(x_key, {}).get('name', x_key)}_{meta.get(y_key, {}).get('name', y_key)}"))
        st.caption(t("np_scatter_lines", lang))
with tabs[3]:
    if tabs[3].open:
        st.caption(t("tr_intro", lang))
        trend_ids = [k for k in national_ids]
        state.seed("np_trend", [k for k in pt.DEFAULT_TREND_INDICATORS if k in trend_ids], url="trend",
                   parse=lambda raw: [k for k in raw.split(",") if k in trend_ids] or None)
        # the picker is drawn only while its box is open (the panels' titles name what is drawn); its widget key is
        # dropped while the box or the tab is closed, so the choice lives on under np_trend
        trend_box = state.lazy_expander(t("tr_pick_box", lang), "np_trend_box")
        with trend_box:
            if trend_box.open:
                st.session_state.setdefault("np_trend_w", list(st.session_state["np_trend"]))
                st.session_state["np_trend"] = st.multiselect(
                    t("tr_pick", lang), trend_ids, key="np_trend_w", format_func=_label, help=t("tr_pick_help", lang),
                    placeholder=t("choose_placeholder", lang))
            else:
                st.session_state.pop("np_trend_w", None)
        picked = st.session_state["np_trend"]
        if not picked:
            st.info(t("tr_no_indicator", lang))
        else:
            all_years = trend_years(tuple(picked), is_pref)
            state.seed("np_period", (all_years[0], all_years[-1]) if all_years else (None, None), url="period",
                       parse=lambda raw: tuple(int(y) for y in raw.split("-", 1)) if "-" in raw else None,
                       valid=lambda p: p[0] in all_years and p[1] in all_years and p[0] < p[1])
            if len(all_years) > 1:
                first, last = st.session_state["np_period"]
                first = first if first in all_years else all_years[0]
                last = last if last in all_years and last > first else all_years[-1]
                # a select_slider is a range slider only when value= is a pair (session state alone makes a slider
                # that draws two thumbs but hands back one year); the pair comes from np_period, the URL-backed
                # store, and counts only when the widget has no state yet (first draw, after the tab was closed)
                period = st.select_slider(t("tr_period_pick", lang), all_years, value=(first, last),
                                          key="np_period_w")
                if not isinstance(period, (tuple, list)):
                    period = (first, last)
                st.session_state["np_period"] = tuple(period)
            else:
                period = (None, None)
            full = not all_years or tuple(period) == (all_years[0], all_years[-1])
            state.mirror({"trend": None if picked == [k for k in pt.DEFAULT_TREND_INDICATORS if k in trend_ids]
                          else ",".join(picked), "period": None if full else f"{period[0]}-{period[1]}"})
            trend = _trend(code, group, view.params.k, tuple(sorted(params.weights.items())), tuple(hand),
                           tuple(view.group.codes), tuple(picked), lang,
                           (None, None) if full else tuple(period), bool(is_pref), view.place_name, view.group_line,
                           view.definition, view.created)
            with st.container(key="np_trend_wide"):
                state.plotly_chart(trend.figs["grid"], theme=None, config=_config(t("tab_trend", lang)))
            with st.container(key="np_trend_compact"):
                state.plotly_chart(trend.figs["grid_compact"], theme=None, config=_config(t("tab_trend", lang)))
            st.markdown(f"**{t('tr_readings_title', lang)}**")
            # sentences, one row per indicator: a plain table wraps them (a data grid would cut them off)
            st.table(inert_table(trend.display), hide_index=True)
            st.caption(t("tr_readings_note", lang))
            if not trend.changed.empty:
                st.markdown(f"**{t('tr_changed_title', lang)}**")
                chart_col = t("tr_col_chart", lang)
                st.dataframe(trend.changed, hide_index=True, column_config={
                    chart_col: st.column_config.LinkColumn(chart_col, display_text=t("tr_chart_link", lang))})
                st.caption(t("tr_changed_note", lang))
            st.markdown(f"**{t('tr_ranks_title', lang)}**")
            st.table(inert_table(trend.ranks), hide_index=True)
            state.offer_files(trend.file, stem=exports.safe_filename(view.place_name, trend.file.title, view.created),
                              key="np_trend_files", lang=lang)
with tabs[4]:
    if tabs[4].open:
        st.dataframe(view.display, hide_index=True)
        st.caption(t("np_table_note", lang))
        table_file = nv.file_table(view, "table")
        state.offer_files(table_file, stem=exports.safe_filename(view.place_name, table_file.title, view.created),
                          key="np_table", lang=lang)
        values_file = nv.file_table(view, "values")
        st.markdown(f"**{markdown_escape(values_file.title)}**")
        st.dataframe(view.values, hide_index=True)
        state.offer_files(values_file, stem=exports.safe_filename(view.place_name, values_file.title, view.created),
                          key="np_values", lang=lang)
        st.caption(t("np_csv_note", lang))
with tabs[5]:
    if tabs[5].open:
        st.caption(t("report_note", lang))
        st.download_button(t("download_report", lang), partial(nv.report_html, view),
                           exports.safe_filename(view.place_name, "report", exports.today()) + ".html", "text/html",
                           type="primary", on_click="ignore")
with tabs[6]:
    if tabs[6].open:
        st.markdown(f"**{t('upload_title', lang)}**")
        st.caption(t("upload_help", lang))
        if session_upload:
            st.info(t("upload_current", lang, names="、".join(markdown_escape(m["name"]) for m in user_meta.values())))
            if st.button(t("upload_clear", lang)):
                del st.session_state[uploads.SESSION_KEY]
                st.rerun()
        upload = st.file_uploader(t("upload_file", lang), type=[s.lstrip(".") for s in uploads.ALLOWED_SUFFIXES],
                                  key="peers_upload")
        if upload is not None and upload.size > uploads.MAX_BYTES:
            # checked before the bytes are read: the server takes a little more than the app (stat_table)
            st.error(plain_markdown(uploads.message("too_big", lang, size=upload.size / 1024 / 1024,
                                                    limit=uploads.MAX_UPLOAD_MB)))
        elif upload is not None:
            result = uploads.load_upload(upload.name, upload.getvalue(), st_data.query("places"), lang,
                                         wards=st_data.query("wards"))
            if result.raw is not None:
                st.markdown(f"**{t('upload_preview', lang)}**")
                # st.table has no download toolbar, so uploaded formula-like cells cannot leave as a CSV from here;
                # it reads cells and headers as Markdown, so each is escaped to show as typed (no link, no markup)
                st.table(inert_table(result.raw.head(10)))
            st.markdown(f"**{t('upload_report', lang)}**")
            for issue in result.issues:
                # messages quote the file's own names and cells: shown as text, never as Markdown
                {"error": st.error, "warning": st.warning}.get(issue.level, st.info)(plain_markdown(issue.text))
            if result.ok:
                st.button(t("upload_accept", lang), type="primary", on_click=_accept_upload,
                          args=(result.as_session_value(upload.name),))

st.caption(view.stamp)
st.caption(plain_markdown("\n".join(view.sources)))  # a source names the uploaded file: shown as text
