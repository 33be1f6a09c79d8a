"""自治体プロフィール (Municipality profile): one body's figures with ranks, corrections, vision and programme cards."""
import streamlit as st

from machikurabe.analysis import indicators, profile
from machikurabe.analysis.filters import apply_filters
from machikurabe.analysis.formatting import format_value, plain_text
from machikurabe.i18n import kind_label, t
from machikurabe.safe_text import markdown_escape
from machikurabe.ui import st_data
from machikurabe.ui.state import current_filters, current_lang

lang = current_lang()
st_data.stop_if_unavailable()
bodies = st_data.query("municipalities")
programmes_all = st_data.query("programmes")
known = set(bodies["code"])

st.title(t("profile_title", lang))

url_code = st.query_params.get("code")
if url_code is not None and url_code not in known:
    shown_code = markdown_escape(url_code[:40])
    st.warning(t("profile_unknown_code", lang, code=shown_code))
elif url_code is not None and st.session_state.get("_profile_url_code") != url_code:
    # a link (or a new URL) chooses the body once; afterwards the selectbox drives the URL
    st.session_state["profile_code"] = url_code
st.session_state["_profile_url_code"] = url_code

filtered = apply_filters(bodies, current_filters(), programmes_all)
options = list(filtered["code"])
selected_now = st.session_state.get("profile_code")
if selected_now in known and selected_now not in options:
    options.append(selected_now)
if selected_now not in options:
    st.session_state.pop("profile_code", None)
labels = st_data.body_labels("option", lang)
if "profile_code" not in st.session_state and url_code is None and options:
    st.session_state["profile_code"] = options[0]  # open on the first body rather than an empty page
code = st.selectbox(t("profile_pick", lang), options, key="profile_code", index=None,
                    format_func=lambda c: labels.get(c, c), filter_mode="contains",
                    placeholder=t("profile_pick", lang))
if code is None:
    if not options:
        st.warning(t("no_match", lang))
    st.stop()
if st.query_params.get("code") != code:
    st.query_params["code"] = code
    st.session_state["_profile_url_code"] = code
if code not in set(filtered["code"]):
    st.info(t("profile_filtered_out", lang))

body = bodies[bodies["code"] == code].iloc[0]
quality = st_data.query("data_quality_for_body", code=code)
programmes = st_data.query("programmes_for_body", code=code)
texts = st_data.query("programme_texts_for_body", code=code)

heading = profile.display_name(body, lang)
parts = [] if body["kind"] == "prefecture" else [body["prefecture"]]
sub = " · ".join(parts + [kind_label(body["kind"], lang), profile.to_hiragana(body["name_kana"])])
if lang == "en":
    sub += f" · {body['name']}"
st.header(heading)
st.caption(f"{sub} · {t('col_code', lang)} {code}")

st.subheader(t("profile_indicators", lang))
flagged = profile.quality_fields(quality)
cols = st.columns(3)
for i, ind in enumerate(indicators.INDICATORS):
    label = ind.name(lang) + (" ⚠" if ind.key in flagged else "")
    cols[i % 3].metric(label, format_value(body.get(ind.key), ind.key, lang, missing=t("not_stated", lang)),
                       help=indicators.help_text(ind.key, lang))
rows = profile.indicator_rows(body, bodies, quality, lang)
st.dataframe(rows.drop(columns=["key"]), hide_index=True, width="stretch", height=36 * (len(rows) + 1) + 4)
st.caption(profile.kind_note(body, lang))
st.caption(indicators.source_line(indicators.KEYS, lang) + " " +
           t("source_lines", lang, file=body["source_file"], line=int(body["source_line"])))

st.subheader(t("quality_notes", lang))
notes = profile.quality_notes(quality, lang)
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
cards = profile.programme_cards(programmes, texts, lang)
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
