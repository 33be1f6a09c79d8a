"""Every link the app makes: the URL parameters it reads or writes, and one builder of relative page URLs.

No Streamlit here, so analysis code (a view's "rebuild" link) and pages build links the same way.
"""
from __future__ import annotations

from urllib.parse import urlencode

# Every URL parameter the app reads or writes, with what it means (README "Links" lists them; a test checks that).
URL_PARAMS: dict[str, str] = {
    "lang": "interface language: ja (default) or en",
    "pref": "sidebar filter: prefectures, comma-separated names",
    "kind": "sidebar filter: kinds of body, comma-separated ids",
    "prog": "sidebar filter: programme id",
    "code": "the chosen place, 5-digit municipality code (PP000 for a prefecture)",
    "group": "比較: peer group kind",
    "k": "比較: number of nearest neighbours",
    "w": "比較: indicator weights, key:weight pairs",
    "hand": "比較: hand-picked peers, comma-separated codes",
    "ind": "比較: indicator of the ranked bar chart",
    "x": "比較: scatter x indicator",
    "y": "比較: scatter y indicator",
    "show": "比較: indicators shown in the spine and table, comma-separated ids (absent: the default set)",
    "tab": "比較: the open tab (spine, bar, scatter, trend, table, report, upload)",
    "trend": "比較 推移: indicators of the over-time grid, comma-separated ids (absent: the default set)",
    "period": "比較 推移: the years shown, first-last (e.g. 2016-2022; absent: every year)",
    "indicator": "地図: indicator that colours the map",
    "year": "地図: the indicator's year when it is not the latest (with change: the later year)",
    "change": "地図: diff (later minus earlier) or pct (percent change, counts only) colours the change between two years",
    "from": "地図: with change, the earlier year when it is not the indicator's first",
    "tiles": "地図: 1 when online base tiles were asked for",
    "q": "事業設計: the text searched in every design",
    "cmp": "事業設計: bodies whose designs are read side by side, comma-separated codes",
    "cprog": "事業設計: the programme compared side by side",
}


# URL path of each page in pages/ (app.py's navigation uses these; the overview is served at "/")
PAGE_PATHS: dict[str, str] = {
    "overview": "",
    "map": "map",
    "profile": "profile",
    "programmes": "programmes",
    "peers": "peers",
    "breakdown": "breakdown",
    "data_method": "data_method",
}


def check(name: str) -> str:
    if name not in URL_PARAMS:
        raise KeyError(f"URL parameter {name!r} is not declared in machikurabe.urls.URL_PARAMS")
    return name


def link_params(lang: str, **params: str | None) -> dict[str, str]:
    """Query parameters of a link: declared names only, empty ones left out, the reader's language carried along
    (Japanese is the default and is not written)."""
    out = {check(name): str(value) for name, value in params.items() if value is not None and value != ""}
    if lang != "ja":
        out["lang"] = lang
    return out


def page_url(page: str, lang: str, **params: str | None) -> str:
    """The relative URL of ``page`` (a file name in pages/) with ``params``, e.g. /profile?code=05207&lang=en."""
    query = urlencode(link_params(lang, **params), safe=",:")
    return "/" + PAGE_PATHS[page] + (f"?{query}" if query else "")
