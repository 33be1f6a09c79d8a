"""まちくらべ app shell: page config, language toggle, shared sidebar filters (mirrored in the URL) and navigation.

Run with `make run` (or `streamlit run app.py`). Pages live in pages/ and stay thin; logic is in machikurabe/.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from machikurabe import db
from machikurabe.analysis.filters import (
    KINDS,
    PROGRAMMES,
    Filters,
    parse_query_params,
    to_query_params,
)
from machikurabe.i18n import LANGS, kind_label, programme_label, t
from machikurabe.ui import st_data
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


# With a pages/ folder beside app.py, Streamlit runs a new server's first script run in its old "pages directory"
# mode; st.navigation switches that off, but the page identity changes under the first session's widgets and its
# first click (e.g. the language toggle) is lost. Switching the mode off before any widget exists avoids that.
if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    st.rerun()

st.set_page_config(page_title="まちくらべ", page_icon=_favicon(), layout="wide")

# Streamlit's bind="query-params" stores the *formatted* label in the URL (it would change with the
# language), so the URL is read once per session and written back by hand with stable codes.
if "lang" not in st.session_state:
    requested = st.query_params.get("lang")
    st.session_state["lang"] = requested if requested in LANGS else "ja"
with st.sidebar:
    # The label must not change with the language: a new label is a new widget, which would reset the choice.
    st.radio(t("language", "ja"), LANGS, key="lang", horizontal=True,
             format_func=lambda code: {"ja": "日本語", "en": "English"}[code])
lang = current_lang()


def _map_placeholder():
    st.title(t("page_map", lang))
    st.info("地図ページは準備中です。 / The map page is being built.")


def _pages() -> list:
    pages = [
        # the default page is served at "/" (Streamlit ignores a url_path for it)
        st.Page(str(ROOT / "pages" / "overview.py"), title=t("page_overview", lang), icon=":material/home:",
                default=True),
    ]
    map_file = ROOT / "pages" / "map.py"
    # the map page belongs to another module owner; until it exists a stand-in keeps the menu complete
    map_target = str(map_file) if map_file.exists() else _map_placeholder
    pages.append(st.Page(map_target, title=t("page_map", lang), icon=":material/map:", url_path="map"))
    pages += [
        st.Page(str(ROOT / "pages" / "profile.py"), title=t("page_profile", lang), icon=":material/location_city:",
                url_path="profile"),
        st.Page(str(ROOT / "pages" / "programmes.py"), title=t("page_programmes", lang), icon=":material/description:",
                url_path="programmes"),
    ]
    for name, icon in (("peers", ":material/compare_arrows:"), ("breakdown", ":material/bar_chart:")):
        path = ROOT / "pages" / f"{name}.py"
        if path.exists():
            pages.append(st.Page(str(path), title=t(f"page_{name}", lang), icon=icon, url_path=name))
    pages.append(st.Page(str(ROOT / "pages" / "data_method.py"), title=t("page_data_method", lang),
                         icon=":material/menu_book:", url_path="data_method"))
    return pages


def _clear_filters():
    st.session_state["pref"] = []
    st.session_state["kind"] = []
    st.session_state["prog"] = ALL


def _sidebar_filters() -> Filters:
    bodies = st_data.query("municipalities")
    prefectures = list(dict.fromkeys(bodies.sort_values("code")["prefecture"]))
    kinds = [k for k in KINDS if k in set(bodies["kind"])]
    if "filters_from_url" not in st.session_state:
        # first run of this session: a shared link's filters, with unknown values dropped
        from_url = parse_query_params(st.query_params, prefectures, kinds, PROGRAMMES)
        st.session_state["pref"] = from_url.prefectures
        st.session_state["kind"] = from_url.kinds
        st.session_state["prog"] = from_url.programme or ALL
        st.session_state["filters_from_url"] = True
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
    if lang != "ja":
        wanted["lang"] = lang
    for name in ("pref", "kind", "prog", "lang"):
        if name in wanted:
            if st.query_params.get(name) != wanted[name]:
                st.query_params[name] = wanted[name]
        elif name in st.query_params:
            del st.query_params[name]


navigation = st.navigation(_pages())
try:
    st_data.get_connection()
except db.DatabaseUnavailable as exc:
    st.error(f"**{t('db_unavailable_title', lang)}**\n\n{exc.message(lang)}")
    st.stop()
st.session_state["filters"] = _sidebar_filters()
_mirror_in_url(st.session_state["filters"])
navigation.run()
