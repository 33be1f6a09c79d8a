"""The one place picker of the app: any of Japan's 1,741 municipalities and 47 prefectures, found by kanji, hiragana,
katakana, romaji or code in either language. The chosen place belongs to the session and the URL (?code=), so
profile → 比較 → 地図 keep it; an unknown ?code= is named with what to do instead."""
from __future__ import annotations

import streamlit as st

from machikurabe.i18n import t
from machikurabe.safe_text import markdown_escape
from machikurabe.ui import st_data, state

SESSION_KEY = "place_code"
DEFAULT_PLACE = "05203"  # 横手市: the example the product's users bring


def place_picker(lang: str, options: list[str] | None = None, label_key: str = "place_pick") -> str | None:
    """Draw the picker and return the chosen code. ``options`` narrows the choice (e.g. places with data); the
    session's place stays chosen across pages whenever it is among them."""
    labels = st_data.place_labels("picker", lang)
    options = list(labels) if options is None else [c for c in options if c in labels]
    url_code = state.url_value("code")
    unknown = url_code is not None and url_code not in labels
    if unknown:
        # named, with what to do; no other place is shown in its stead until the user picks one
        st.warning(t("place_unknown_code", lang, code=markdown_escape(url_code[:40])))
        if url_code != st.session_state.get("_place_url_code"):
            st.session_state[SESSION_KEY] = None
    elif url_code is not None and url_code != st.session_state.get("_place_url_code"):
        # a link chooses the place once; afterwards the picker drives the URL
        st.session_state[SESSION_KEY] = url_code
    st.session_state["_place_url_code"] = url_code
    if not options:
        return None
    if unknown and st.session_state.get(SESSION_KEY) is None:
        options = [None, *options]
    elif st.session_state.get(SESSION_KEY) not in options:
        st.session_state[SESSION_KEY] = DEFAULT_PLACE if DEFAULT_PLACE in options else options[0]
    code = state.choose(st.selectbox, t(label_key, lang), options, SESSION_KEY,
                        lambda c: t("choose_placeholder", lang) if c is None else labels.get(c, c), lang,
                        filter_mode="contains", placeholder=t(label_key, lang))
    if code is None:
        return None
    state.mirror({"code": code})
    st.session_state["_place_url_code"] = code
    return code
