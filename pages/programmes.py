"""事業設計 (Programme designs): sortable table of all programmes, text search with highlights, side-by-side designs."""
import pandas as pd
import streamlit as st

from machikurabe.analysis import indicators, programme_search
from machikurabe.analysis.filters import PROGRAMMES, apply_filters, to_query_params
from machikurabe.i18n import field_label, programme_label, t
from machikurabe.i18n.prefectures import PREFECTURES_EN
from machikurabe.safe_text import markdown_escape
from machikurabe.ui import programme_view, st_data, state
from machikurabe.ui.state import current_filters, current_lang

MAX_HITS = 200
MAX_QUERY_CHARS = 100
MAX_COMPARED = 3  # designs read side by side


@st.cache_resource(show_spinner=False, max_entries=64)
def _programme_table(data_key, lang, programme, only_design, _programmes, _codes):
    """The all-programmes table for one filter state, built once per database version and set of shown
    bodies (data_key); the page only reads it."""
    rows = _programmes[_programmes["municipality_code"].isin(_codes)]
    if programme:
        rows = rows[rows["programme"] == programme]
    if only_design:
        rows = rows[rows["has_content"]]
    if rows.empty:
        return pd.DataFrame()
    return programme_view.programme_table(rows, lang, quality=st_data.query("data_quality"))


@st.cache_resource(max_entries=128, show_spinner=False)
def _search_hits(data_key, needle, _codes):
    """Texts of the shown bodies (data_key: database version and their set) that contain ``needle``. Kept per
    query so a rerun does not copy and scan every design text again; the page only reads the result."""
    texts = st_data.shared_query("programme_texts")
    return programme_search.search_texts(texts[texts["municipality_code"].isin(_codes)], needle)


lang = current_lang()
st_data.stop_if_unavailable()
bodies = st_data.query("municipalities")
programmes = st_data.shared_query("programmes")  # read only
shown_bodies = apply_filters(bodies, current_filters(), programmes)
codes = set(shown_bodies["code"])
shown_key = (st_data.data_version(), hash(frozenset(codes)))  # stands for the shown bodies in cache keys
source = indicators.source_line((), lang)

st.title(t("programmes_title", lang))

# --- all programmes --------------------------------------------------------------------------
st.subheader(t("programmes_table", lang))
only_design = st.checkbox(t("programmes_only_design", lang), value=True)
table = _programme_table(shown_key, lang, current_filters().programme,
                         only_design, _programmes=programmes, _codes=codes)
if table.empty:
    st.warning(t("no_match", lang))
else:
    st.dataframe(table, hide_index=True, width="stretch", height=420,
                 column_config={field_label("promoter_count", lang): st.column_config.NumberColumn(
                     help=indicators.help_text("promoter_count", lang), format="%d")})
    st.caption(f"{t('programmes_table_note', lang)} {source}")
    state.offer_files(programme_view.programme_file(table, lang, to_query_params(current_filters())),
                      stem="programmes", key="programmes_dl", lang=lang)

# --- search ----------------------------------------------------------------------------------
st.subheader(t("search_title", lang))
# ?q= from a shared link pre-fills the box; it is only ever matched literally and shown escaped
state.seed("search_q", "", url="q", parse=lambda typed: typed[:MAX_QUERY_CHARS])
# the side-by-side's bodies (?cmp=01206,13107; a link from another page may name one body, ?code=, which opens
# first); seeded here because a search hit can add to them
linked = [code for code in [state.url_value("code")] if code in codes]
state.seed("compare_codes", linked, url="cmp", parse=lambda listed: programme_search.known_codes(
    linked + listed.split(","), list(shown_bodies["code"]), limit=MAX_COMPARED))


def _use_glossary() -> None:
    """An English word picked from the glossary puts its Japanese term in the search box."""
    word = st.session_state.get("search_glossary")
    if word:
        st.session_state["search_q"] = programme_view.japanese_term(word)


def _add(code: str) -> None:
    st.session_state["compare_codes"] = programme_view.add_to_compare(
        list(st.session_state.get("compare_codes") or []), code, MAX_COMPARED)


if lang == "en":
    st.caption(t("search_japanese_note", lang))
    st.selectbox(t("search_glossary", lang), [None, *programme_view.glossary_options()], key="search_glossary",
                 on_change=_use_glossary, format_func=lambda w: t("search_glossary_none", lang) if w is None
                 else f"{w} → {programme_view.japanese_term(w)}")
needle = st.text_input(t("search_box", lang), key="search_q", placeholder=t("search_placeholder", lang),
                       max_chars=MAX_QUERY_CHARS, help=t("search_hostile_note", lang))
state.mirror({"q": needle if needle.strip() else None})
searched, translated = programme_view.search_term(needle.strip(), lang)
if translated:
    st.caption(t("search_translated", lang, q=markdown_escape(needle.strip()), ja=translated))
if searched:
    hits = _search_hits(shown_key, searched, _codes=codes)
    if hits.empty:
        st.info(t("search_no_hits", lang, q=markdown_escape(needle)))
    else:
        st.markdown(t("search_hits", lang, n=len(hits), bodies=hits["municipality_code"].nunique()))
        if len(hits) > MAX_HITS:
            st.caption(t("search_truncated", lang, n=MAX_HITS))
        labels = st_data.body_labels("name", lang)
        compared_now = list(st.session_state.get("compare_codes") or [])
        for code, group in hits.head(MAX_HITS).groupby("municipality_code", sort=False):
            with st.container(border=True):
                first = group.iloc[0]
                prefecture = PREFECTURES_EN.get(first["prefecture"], first["prefecture"]) if lang == "en" \
                    else first["prefecture"]
                head, go_profile, add = st.columns([5, 2, 3], vertical_alignment="center")
                head.markdown(f"**{markdown_escape(labels.get(code, code))}**" + (
                    f" ({markdown_escape(prefecture)})" if lang == "en" else f"（{markdown_escape(prefecture)}）"))
                go_profile.markdown(f"[{t('search_profile_link', lang)}]({programme_view.profile_link(code, lang)})")
                full = len(compared_now) >= MAX_COMPARED and code not in compared_now
                add.button(t("search_in_compare" if code in compared_now else
                             "search_compare_full" if full else "search_add_compare", lang),
                           key=f"search_add_{code}", on_click=_add, args=(code,),
                           disabled=code in compared_now or full)
                st.markdown(programme_view.hits_html(group, searched, lang), unsafe_allow_html=True)
        st.caption(source)

# --- side by side ----------------------------------------------------------------------------
st.subheader(t("compare_title", lang))
option_codes = list(shown_bodies["code"])
labels_full = st_data.body_labels("option", lang)
# ?cmp=01206,13107&cprog=multi_agency from a shared link; unknown codes are dropped.
# A link from another page may name one body (?code=): its design opens first in the comparison.
# (seeded above the search, whose hits can add to it)
state.seed("compare_programme", PROGRAMMES[0], url="cprog", valid=lambda programme: programme in PROGRAMMES)
left, right = st.columns([3, 2])
chosen = left.multiselect(t("compare_pick", lang), option_codes, key="compare_codes", max_selections=MAX_COMPARED,
                          format_func=lambda c: labels_full.get(c, c), placeholder=t("choose_placeholder", lang))
programme = right.selectbox(t("compare_programme", lang), PROGRAMMES, key="compare_programme",
                            format_func=lambda p: programme_label(p, lang))
state.mirror({"cmp": ",".join(chosen) or None, "cprog": programme if chosen else None})
if len(chosen) < 2:
    st.info(t("compare_need_two", lang))
else:
    comparison = programme_view.compare_designs(programmes, chosen, programme, lang)
    if comparison.empty:
        st.warning(t("no_programmes", lang))
    else:
        st.table(comparison)
        st.caption(source)
