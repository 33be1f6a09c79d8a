"""Streamlit plumbing written once: URL parameters (every name declared here), widgets seeded from the URL once per
session, state mirrored back to the URL, choices kept across a language switch, and cached view builders whose cache
key is the database version plus the builder's own parameters (complete by construction: pages pass parameters,
never frames plus a hand-written key).
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st

from machikurabe import db, urls
from machikurabe.analysis.filters import Filters
from machikurabe.i18n import DEFAULT_LANG, LANGS, t
from machikurabe.i18n.plotly_locale import locale_config
from machikurabe.ui import exports

URL_PARAMS = urls.URL_PARAMS  # re-exported: pages and tests read the declaration here too
_check = urls.check


def current_lang() -> str:
    """The UI language chosen in the sidebar, Japanese by default (and outside a Streamlit run)."""
    try:
        lang = st.session_state.get("lang", DEFAULT_LANG)
    except Exception:  # no script run context: plain tests
        return DEFAULT_LANG
    return lang if lang in LANGS else DEFAULT_LANG


def ensure_app_shell() -> None:
    """Run every page inside app.py's st.navigation, never as a bare script; called by app.py and by every page.

    Streamlit behaviour this answers: with a ``pages/`` folder beside app.py, a new server's first script run is in
    the old "pages directory" mode (``PagesManager.uses_pages_directory`` is true until st.navigation has run once).
    Then a first visit straight to /profile runs pages/profile.py alone (no sidebar, language or filters), and the
    first session's first click can be lost when the page identity changes under its widgets. Switching the mode off
    before any widget exists and rerunning hands the same URL to app.py's navigation. The attribute is private;
    tests/test_layout.py::test_pages_manager_switch_still_exists fails if a Streamlit release removes it.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def current_filters() -> Filters:
    """The sidebar filters the app shell put in session state (empty outside a Streamlit run)."""
    try:
        value = st.session_state.get("filters")
    except Exception:  # no script run context: plain tests
        return Filters()
    return value if isinstance(value, Filters) else Filters()


def url_value(name: str) -> str | None:
    return st.query_params.get(_check(name))


def seed(key: str, default: Any, url: str | None = None, parse: Callable[[str], Any] | None = None,
         valid: Callable[[Any], bool] | None = None) -> Any:
    """Put a widget's first value into session state once per session: from URL parameter ``url`` when it is
    present, parses and is valid, else ``default``. Widgets are then drawn with ``key=`` only (never also value=)."""
    if key not in st.session_state:
        value = default
        raw = url_value(url) if url else None
        if raw is not None:
            try:
                candidate = parse(raw) if parse else raw
            except (TypeError, ValueError):
                candidate = None
            if candidate is not None and (valid is None or valid(candidate)):
                value = candidate
        st.session_state[key] = value
    return st.session_state[key]


def keep_valid(key: str, options: list, fallback: Any = None) -> None:
    """A choice that is no longer an option (an upload removed, a filter changed) falls back instead of breaking."""
    if key not in st.session_state or st.session_state[key] not in options:
        st.session_state[key] = fallback if fallback in options else (options[0] if options else None)


def mirror(params: dict[str, str | None]) -> None:
    """Write the view to the URL so a copied link reproduces it; None removes a parameter. Unchanged values are not
    rewritten (each write is a message to the browser)."""
    for name, value in params.items():
        _check(name)
        if value is None or value == "":
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get(name) != value:
            st.query_params[name] = value


def _sync_widget(key: str, widget_key: str, lang: str) -> None:
    """Hand the kept choice to the widget when it was set by code (a chart click, a link) or the widget is new for
    this language; otherwise the widget's own value (the user's last change) stands."""
    drawn = st.session_state.get(f"{key}__drawn")  # (language, value, page) the widget last reported
    if widget_key not in st.session_state or drawn != (lang, st.session_state[key], _page_id()):
        st.session_state[widget_key] = st.session_state[key]


def _page_id() -> str:
    """The page being run: a widget of the same key on another page is a new widget for Streamlit (its identity
    includes the page), so a kept choice must be handed to it again, else it opens on its first option."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return getattr(ctx, "page_script_hash", "") if ctx else ""


_ALL = "__all__"  # stands for a None option: Streamlit shows a None value as an empty box ("Choose an option")


def choose(widget: Callable, label: str, options: list, key: str, format_func: Callable = str, lang: str = "ja",
           **kwargs) -> Any:
    """A select widget whose choice survives a language switch and can be set by code: the widget key carries the
    language (its option labels change with it) while the choice itself lives under ``key``. A None option (「すべて」)
    is drawn as a real option, never as an empty box."""
    keep_valid(key, options)
    shown_options = [_ALL if o is None else o for o in options]
    widget_key = f"{key}__{lang}"
    wanted = _ALL if st.session_state[key] is None else st.session_state[key]
    drawn = st.session_state.get(f"{key}__drawn")
    if widget_key not in st.session_state or drawn != (lang, st.session_state[key], _page_id()) \
            or st.session_state[widget_key] not in shown_options:
        st.session_state[widget_key] = wanted
    if getattr(widget, "__name__", "") == "selectbox":
        kwargs.setdefault("placeholder", t("choose_placeholder", lang))
    value = widget(label, shown_options, format_func=lambda o: format_func(None if o == _ALL else o),
                   key=widget_key, **kwargs)
    value = None if value == _ALL else value
    st.session_state[key] = value
    st.session_state[f"{key}__drawn"] = (lang, value, _page_id())
    return value


def settled(key: str, options: list, lang: str = "ja") -> Any:
    """The choice of a ``choose`` widget drawn further down the page, read before the page uses it.

    Streamlit stores a widget's new value before the rerun starts, but ``choose`` copies it into ``key`` only when
    the widget is drawn; a view built above the widget from ``key`` would show the previous choice (one behind).
    Taken here when the widget reported the kept choice last run (so the change is the user's own) and the new value
    is an option; otherwise the kept choice stands (``choose`` then hands it to the widget)."""
    keep_valid(key, options)
    widget_key = f"{key}__{lang}"
    if widget_key in st.session_state and st.session_state.get(f"{key}__drawn") == (lang, st.session_state[key],
                                                                                   _page_id()):
        value = st.session_state[widget_key]
        value = None if value == _ALL else value
        if value in options:
            st.session_state[key] = value
            st.session_state[f"{key}__drawn"] = (lang, value, _page_id())
    return st.session_state[key]


def lazy_tabs(labels: list[str], key: str) -> list:
    """Tabs of which only the open one runs: a closed tab's charts and tables are neither built nor sent (the first
    paint shows one chart, not four). Use ``if tab.open:`` inside each. The open tab is kept by position, so a
    language switch (new labels) keeps it open."""
    index_key = f"{key}__index"
    if st.session_state.get(key) not in labels:
        st.session_state[key] = labels[min(st.session_state.get(index_key, 0), len(labels) - 1)]
    tabs = st.tabs(labels, key=key, on_change="rerun")
    st.session_state[index_key] = labels.index(st.session_state[key]) if st.session_state.get(key) in labels else 0
    return tabs


def lazy_expander(label: str, key: str, container=None):
    """An expander whose content runs only while it is open (a closed one builds nothing). Use ``if box.open:``
    inside. Only for content without widgets of its own: a widget not drawn while closed would lose its state."""
    return (container or st).expander(label, key=key, on_change="rerun")


def keep(*keys: str) -> None:
    """Keep the values of widgets this run does not draw (a closed lazy expander, the sidebar filters on a page that
    does not use them): Streamlit forgets a widget's value after a run that did not draw it, unless the value was
    written back through the Session State API."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def tick(container, label: str, key: str, lang: str = "ja") -> bool:
    """A checkbox kept across a language switch, as ``choose``."""
    st.session_state.setdefault(key, False)
    widget_key = f"{key}__{lang}"
    _sync_widget(key, widget_key, lang)
    value = container.checkbox(label, key=widget_key)
    st.session_state[key] = value
    st.session_state[f"{key}__drawn"] = (lang, value, _page_id())
    return value


def cached_view(max_entries: int = 128) -> Callable:
    """Decorator for a page's view builder: results shared by all sessions (read-only use), keyed by the database
    version and the builder's arguments, which must all be hashable parameters (codes, ids, tuples, the language)."""
    def decorate(builder: Callable) -> Callable:
        def run(data_version, *args, **kwargs):
            return builder(*args, **kwargs)

        # Streamlit keys a cache by the function's module, qualified name and source: give each builder its own
        run.__module__ = builder.__module__
        run.__qualname__ = f"{builder.__qualname__}.cached_view"
        cached = st.cache_resource(max_entries=max_entries, show_spinner=False)(run)

        @functools.wraps(builder)
        def call(*args, **kwargs):
            # db.data_version, not st_data's: st_data imports this module (issue 22: no import circle)
            return cached(db.data_version(), *args, **kwargs)

        call.clear = cached.clear
        return call
    return decorate


def plotly_chart(fig, config: dict | None = None, container=None, **kwargs):
    """Show a plotly figure: labels made inert (no link or markup from the data), house export config.

    A cached figure is the same object on every run: it is cleaned once and marked, not walked again per run."""
    if not getattr(fig, "_machikurabe_inert", False):
        exports.inert_figure(fig)
        fig._machikurabe_inert = True
    target = container or st
    config = {**(config or {"displaylogo": False, "modeBarButtonsToRemove": list(exports.ZOOM_BUTTONS)}),
              **locale_config(current_lang())}
    return target.plotly_chart(fig, config=config, **kwargs)


def download_pair(frame, *, stem: str, title: str, source: str, lang_labels: dict[str, str], units=None, notes=None,
                  key: str | None = None, columns: Iterable | None = None) -> None:
    """CSV and XLSX buttons for one table, both built by ui.exports only when clicked."""
    left, right = columns or st.columns(2)
    left.download_button(lang_labels["csv"], functools.partial(exports.csv_bytes, frame), f"{stem}.csv",
                         exports.CSV_MIME, key=f"{key}_csv" if key else None)
    right.download_button(lang_labels["xlsx"], functools.partial(
        exports.xlsx_bytes, frame, title=title, source=source, units=units, notes=notes,
        unit_label=lang_labels["unit"], source_label=lang_labels["source"], created_label=lang_labels["created"]),
        f"{stem}.xlsx", exports.XLSX_MIME, key=f"{key}_xlsx" if key else None)


def offer_files(table, *, stem: str, key: str, lang: str, columns=None) -> None:
    """CSV and XLSX buttons for one ``ui.files.FileTable``, built only when clicked.

    ``on_click="ignore"``: a click does not rerun the page. Streamlit drops a deferred download registered in an
    earlier run when the page reruns, so a second click after a rerun could find nothing (MediaFileStorageError);
    without the rerun every button keeps the file of the run that drew it."""
    from machikurabe.ui import files

    left, right = columns or st.columns(2)
    left.download_button(t("download_csv", lang), functools.partial(files.csv_bytes, table, lang), f"{stem}.csv",
                         exports.CSV_MIME, key=f"{key}_csv", on_click="ignore")
    right.download_button(t("download_xlsx", lang), functools.partial(files.xlsx_bytes, table, lang),
                          f"{stem}.xlsx", exports.XLSX_MIME, key=f"{key}_xlsx", on_click="ignore")
