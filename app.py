"""まちくらべ app shell: page config, language toggle, shared sidebar filters (mirrored in the URL) and navigation.

Run with `make run` (or `streamlit run app.py`). Pages live in pages/ and stay thin; logic is in machikurabe/.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from machikurabe import db, urls
from machikurabe.analysis.filters import (
    KINDS,
    PROGRAMMES,
    Filters,
    parse_query_params,
    to_query_params,
)
from machikurabe.i18n import LANGS, kind_label, programme_label, t
from machikurabe.i18n.prefectures import prefecture_english
from machikurabe.ui import builtin_words, st_data, state
from machikurabe.ui.state import current_lang

ROOT = Path(__file__).resolve().parent
ALL = "all"  # selectbox value for "no programme filter" (None would show an empty box)


def _favicon():
    # drawn locally: emoji and material-icon favicons are fetched from a CDN, and the app must work offline
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((1, 1, 31, 31), radius=7, fill="#0072B2")
    draw.polygon([(6, 16), (16, 7), (26, 16)], fill="#E69F00")
    draw.rectangle((9, 16, 23, 26), fill="#FFFFFF")
    return image


state.ensure_app_shell()

st.set_page_config(page_title="まちくらべ", page_icon=_favicon(), layout="wide")

# Streamlit's bind="query-params" stores the *formatted* label in the URL (it would change with the
# language), so the URL is read once per session and written back by hand with stable codes.
state.seed("lang", "ja", url="lang", valid=lambda code: code in LANGS)
with st.sidebar:
    # The label must not change with the language: a new label is a new widget, which would reset the choice.
    st.radio(t("language", "ja"), LANGS, key="lang", horizontal=True,
             format_func=lambda code: {"ja": "日本語", "en": "English"}[code])
lang = current_lang()
st.html(builtin_words.stylesheet(lang))


# (file in pages/ and key of its title "page_<file>", icon); URL paths are machikurabe.urls.PAGE_PATHS, and the
# first page is the default, served at "/"
PAGES = (
    ("overview", ":material/home:"),
    ("map", ":material/map:"),
    ("profile", ":material/location_city:"),
    ("programmes", ":material/description:"),
    ("peers", ":material/compare_arrows:"),
    ("breakdown", ":material/bar_chart:"),
    ("data_method", ":material/menu_book:"),
)

# the pages whose lists and maps the sidebar's filters narrow (machikurabe.analysis.filters.apply_filters)
FILTERED_PAGES = ("overview", "map", "programmes", "breakdown")


def _pages() -> list:
    return [st.Page(str(ROOT / "pages" / f"{name}.py"), title=t(f"page_{name}", lang), icon=icon,
                    url_path=urls.PAGE_PATHS[name] or None, default=not urls.PAGE_PATHS[name])
            for name, icon in PAGES]


def _clear_filters():
    st.session_state["pref"] = []
    st.session_state["kind"] = []
    st.session_state["prog"] = ALL


def _seed_filters() -> tuple[list[str], list[str]]:
    """The filters' options; on this session's first run, their values from a shared link (unknown values dropped)."""
    bodies = st_data.query("municipalities")
    prefectures = list(dict.fromkeys(bodies.sort_values("code")["prefecture"]))
    kinds = [k for k in KINDS if k in set(bodies["kind"])]
    from_url = parse_query_params({name: state.url_value(name) for name in ("pref", "kind", "prog")},
                                  prefectures, kinds, PROGRAMMES)
    state.seed("pref", from_url.prefectures)
    state.seed("kind", from_url.kinds)
    state.seed("prog", from_url.programme or ALL)
    return prefectures, kinds


def _kept_filters() -> Filters:
    """The filters as last chosen, on a page that does not draw them: kept for the next page that does."""
    _seed_filters()
    state.keep("pref", "kind", "prog")
    programme = st.session_state["prog"]
    return Filters(prefectures=list(st.session_state["pref"]), kinds=list(st.session_state["kind"]),
                   programme=None if programme == ALL else programme)


def _sidebar_filters() -> Filters:
    prefectures, kinds = _seed_filters()
    if st.session_state.get("filters_lang") != lang:
        # The options' labels change with the language; writing the values back through the Session State API
        # makes the browser redraw them, instead of keeping stale labels that no longer match any option.
        for key in ("pref", "kind", "prog"):
            st.session_state[key] = st.session_state[key]
        st.session_state["filters_lang"] = lang
    with st.sidebar:
        st.subheader(t("filters", lang), help=t("filter_help", lang))
        # widget keys double as URL parameter names (see _mirror_in_url)
        prefs = st.multiselect(t("filter_prefecture", lang), prefectures, key="pref",
                               format_func=lambda p: prefecture_english(p) if lang == "en" else p,
                               placeholder=t("filter_all", lang))
        chosen_kinds = st.multiselect(t("filter_kind", lang), kinds, key="kind",
                                      format_func=lambda k: kind_label(k, lang), placeholder=t("filter_all", lang))
        programme = st.selectbox(t("filter_programme", lang), [ALL, *PROGRAMMES], key="prog",
                                 format_func=lambda p: t("filter_all", lang) if p == ALL else programme_label(p, lang))
        st.button(t("filter_reset", lang), on_click=_clear_filters)
    return Filters(prefectures=list(prefs), kinds=list(chosen_kinds), programme=None if programme == ALL else programme)


def _mirror_in_url(filters: Filters) -> None:
    """Write the shell's state to the URL, leaving page-owned parameters (e.g. ?code=) alone."""
    wanted = to_query_params(filters)
    state.mirror({name: wanted.get(name) for name in ("pref", "kind", "prog")} | {"lang": None if lang == "ja" else lang})


navigation = st.navigation(_pages())
try:
    st_data.get_connection()
except db.DatabaseUnavailable as exc:
    st.error(f"**{t('db_unavailable_title', lang)}**\n\n{exc.message(lang)}")
    st.stop()
page_name = {urls.PAGE_PATHS[name] or "": name for name, _ in PAGES}.get(navigation.url_path or "", "")
# the filters are drawn only where they narrow what the page lists; elsewhere they would change nothing (a silent
# control), so they are not shown there but keep their values for the next page that uses them
st.session_state["filters"] = _sidebar_filters() if page_name in FILTERED_PAGES else _kept_filters()
_mirror_in_url(st.session_state["filters"])
navigation.run()
