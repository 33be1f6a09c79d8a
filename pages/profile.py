"""自治体プロフィール (Profile): any municipality or prefecture in Japan against Japan, its prefecture and its official
type group on official statistics, its trends, the model-project towns most like it; for the 63 bodies of the FY2019
plans also the printed figures, their differences from the official ones, the vision and the programme designs."""
import streamlit as st

from machikurabe.analysis import indicators, national, profile
from machikurabe.analysis.formatting import plain_text
from machikurabe import urls
from machikurabe.credits import national_credits
from machikurabe.i18n import kind_label, t
from machikurabe.safe_text import markdown_escape
from machikurabe.ui import exports, st_data, state
from machikurabe.ui import profile_text as words
from machikurabe.ui import profile_view as view
from machikurabe.ui.place_picker import place_picker

lang = state.current_lang()
st_data.stop_if_unavailable()
st.title(t("profile_title", lang))
st.caption(t("pf_intro", lang))

code = place_picker(lang)
if code is None:
    st.stop()
place = view.places().set_index("code").loc[code]
is_prefecture = place["kind"] == "prefecture"

# --- who the place is ------------------------------------------------------------------------------
st.header(profile.display_name(place, lang))
st.caption(words.place_subtitle(place, code, lang, view.type_group_size(code)))
if bool(place["in_model_project"]):
    st.success(t("pf_model_badge", lang))
else:
    st.info(t("pf_not_model", lang))

figures = view.headline(code, lang)
for column, (label, value, reading) in zip(st.columns(max(1, len(figures))), figures):
    column.metric(label, value, help=reading or None)

# --- standing in Japan, prefecture and type group -------------------------------------------------
st.subheader(t("pf_benchmark_title", lang))
if view.benchmark(code, lang).empty:
    st.info(t("pf_no_national", lang))
topics = [None, *dict.fromkeys(view.benchmark(code, lang)["topic"])]
topic = state.choose(st.selectbox, t("pf_topic", lang), topics, "pf_topic",
                     lambda tp: t("pf_topic_all", lang) if tp is None else t(f"topic_{tp}", lang), lang)
table = view.benchmark_display(code, lang, topic)
st.dataframe(table, hide_index=True, width="stretch", height=min(560, 36 * (len(table) + 1) + 4),
             column_config={t("pf_col_percentile", lang): st.column_config.NumberColumn(format="%d")})
st.caption(t("pf_benchmark_note", lang) + (" " + t("pf_benchmark_note_pref", lang) if is_prefecture else ""))
credits = national_credits(lang)
st.caption("  \n".join(credits))  # one source a line
table_file = view.benchmark_file(code, lang, topic)
state.offer_files(table_file, stem=exports.safe_filename(place["name"], t("pf_benchmark_title", lang), exports.today()),
                  key="pf_benchmark", lang=lang)

# --- trend ------------------------------------------------------------------------------------------
st.subheader(t("pf_trend_title", lang))
choices = view.trend_choices(code, lang)
if not choices:
    st.info(t("pf_trend_none", lang))
else:
    options = list(choices)
    years = view.trend_years(code)
    several = [key for key in options if len(years[key]) >= 2]
    default = "ageing_rate_pct" if "ageing_rate_pct" in several else (several or options)[0]
    state.seed("pf_trend", default)
    indicator = state.choose(st.selectbox, t("pf_trend_pick", lang), options, "pf_trend", choices.get, lang)
    figure = view.trend_figure(code, indicator, lang) if len(years[indicator]) >= 2 else None
    if figure is None:
        st.info(t("pf_trend_one_year", lang, year=years[indicator][-1]))
    else:
        state.plotly_chart(figure, width="stretch",
                           config=exports.chart_config(f"{place['name']}_{choices[indicator]}"))
        st.caption(t("pf_trend_note", lang))

# --- model-project towns most like this one -----------------------------------------------------------
st.subheader(t("pf_model_title", lang))
if is_prefecture:
    st.info(t("pf_model_for_pref", lang))
else:
    st.caption(t("pf_model_note", lang))
    labels = view.weight_labels(lang)
    with st.expander(t("pf_model_weights", lang)):
        columns = st.columns(3)
        for i, key in enumerate(labels):
            state.seed(f"pf_w_{key}", float(national.DEFAULT_WEIGHTS[key]))
            columns[i % 3].number_input(labels[key], 0.0, 5.0, step=0.5, key=f"pf_w_{key}")
    weights = tuple((key, float(st.session_state[f"pf_w_{key}"])) for key in labels)
    towns = view.model_towns(code, weights, lang)
    st.dataframe(towns.drop(columns=["code"]), hide_index=True, width="stretch")
    for town_code, name in zip(towns["code"], towns[t("pf_col_town", lang)]):
        st.page_link("pages/profile.py", label=t("pf_open_profile", lang, name=name), icon=":material/arrow_forward:",
                     query_params=urls.link_params(lang, code=town_code))
    if len(towns) >= 2:
        st.page_link("pages/programmes.py", label=t("pf_compare_designs", lang), icon=":material/compare:",
                     query_params=urls.link_params(lang, cmp=",".join(towns["code"].head(3))))

# --- the FY2019 plan, for the 63 bodies ---------------------------------------------------------------
plan_rows = st_data.query("municipality_by_code", code=code)
if plan_rows.empty:
    st.stop()
body = plan_rows.iloc[0]
bodies = st_data.query("municipalities")
quality = st_data.query("data_quality_for_body", code=code)
st.subheader(t("pf_plan_title", lang))
flagged = profile.quality_fields(quality)
columns = st.columns(3)
for i, ind in enumerate(indicators.INDICATORS):
    label, value = view.plan_metric(ind.key, body.get(ind.key), lang, t("not_stated", lang))
    columns[i % 3].metric(label + (" ⚠" if ind.key in flagged else ""), value, help=indicators.help_text(ind.key, lang))
rows = words.indicator_rows(body, bodies, quality, lang)
st.dataframe(rows.drop(columns=["key"]), hide_index=True, width="stretch", height=36 * (len(rows) + 1) + 4)
st.caption(words.kind_note(body, lang))
st.caption(indicators.source_line(indicators.KEYS, lang) + " " +
           t("source_lines", lang, file=body["source_file"], line=int(body["source_line"])))

st.markdown(f"**{t('pf_printed_vs_official', lang)}**")
differences = words.printed_vs_official(st_data.query("differs_from_official_for_body", code=code), lang)
if differences.empty:
    st.success(t("pf_printed_none", lang))
else:
    st.dataframe(differences, hide_index=True, width="stretch")
st.caption(t("pf_printed_note", lang))

st.markdown(f"**{t('quality_notes', lang)}**")
notes = words.quality_notes(quality[quality["rule"] != "differs_from_official"], lang)
if notes.empty:
    st.success(t("no_quality_notes", lang))
else:
    st.dataframe(notes, hide_index=True, width="stretch")

with st.expander(t("basic_info_notes", lang) + " / " + t("community_care_centres", lang), expanded=False):
    for key in ("community_care_centres", "self_reliance_support", "basic_info_notes"):
        value = body.get(key)
        st.markdown(f"**{t(key, lang)}**：{markdown_escape(value) if isinstance(value, str) and value else t('not_stated', lang)}")

st.subheader(t("vision", lang))
for key in ("vision_aim", "vision_change", "local_features"):
    value = body.get(key)
    st.markdown(f"**{t(key, lang)}**")
    st.markdown(markdown_escape(plain_text(value)) if isinstance(value, str) and value else t("not_stated", lang))

st.subheader(t("programme_designs", lang))
cards = words.programme_cards(st_data.query("programmes_for_body", code=code),
                                st_data.query("programme_texts_for_body", code=code), lang)
if not cards:
    st.info(t("no_programmes", lang))
for card in cards:
    with st.container(border=True):
        st.markdown(f"#### {card['title']}")
        if card["status"]:
            st.warning(card["status"])
        for field in card["fields"]:
            line = t("line_n_paren", lang, n=field["line"]) if field["line"] else ""
            st.markdown(f"**{field['label']}**{line}")
            st.markdown(markdown_escape(plain_text(field["text"])).replace("\n", "  \n"))
        if card["section_line"]:
            st.caption(t("source_lines", lang, file=body["source_file"], line=card["section_line"]))
