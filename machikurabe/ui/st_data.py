"""Streamlit-cached access to the database: one read-only connection per process, query results cached.

Pages call ``query(name, **params)``; a missing or corrupt database becomes a friendly message via ``stop_if_unavailable``.
"""
from __future__ import annotations

import threading

import pandas as pd
import streamlit as st

from machikurabe import db
from machikurabe.i18n import t
from machikurabe.ui.state import current_lang


def _db_version() -> tuple[str, int]:
    """Path and modification time of the database: cache key, so `make data` while the app runs is picked up."""
    return db.data_version()


_OPEN: dict[str, tuple[int, object]] = {}
_OPEN_LOCK = threading.Lock()


def _connection(path: str, version: int = 0):
    """One read-only connection per database path, reopened when the file changes.

    DuckDB shares one database instance per path inside a process, so a rebuilt file (build.py
    renames a new file into place) is only seen after the old connection is closed.
    """
    with _OPEN_LOCK:
        known = _OPEN.get(path)
        if known and known[0] == version:
            return known[1]
        if known:
            try:
                known[1].close()
            except Exception:  # already closed or broken: nothing left to release
                pass
            del _OPEN[path]
        con = db.connect(path, read_only=True)
        _OPEN[path] = (version, con)
        return con


def get_connection():
    # keyed by path so tests pointing MACHIKURABE_DB elsewhere get their own connection
    return _connection(*_db_version())


@st.cache_data(show_spinner=False)
def _cached_query(path: str, version: int, name: str, params: tuple) -> pd.DataFrame:
    con = _connection(path, version)
    # a DuckDB connection is not safe for concurrent use by several sessions' threads
    cursor = con.cursor()
    try:
        return db.run_query(cursor, name, dict(params) or None)
    finally:
        cursor.close()


def query(name: str, **params) -> pd.DataFrame:
    # st.cache_data hands every caller its own unpickled copy, so a page cannot mutate the cache
    return _cached_query(*_db_version(), name, tuple(sorted(params.items())))


def data_version() -> tuple[str, int]:
    """Which database file (path, modification time) the pages read: a cache key for results derived from it."""
    return db.data_version()


def stop_if_unavailable() -> None:
    """Show a friendly error (no traceback) and stop the page if the database cannot be opened. Every page calls
    this first, so it is also where a page hands itself to app.py's navigation (state.ensure_app_shell)."""
    from machikurabe.ui.state import ensure_app_shell

    ensure_app_shell()
    try:
        get_connection()
    except db.DatabaseUnavailable as exc:
        lang = current_lang()
        st.error(f"**{t('db_unavailable_title', lang)}**\n\n{exc.message(lang)}")
        st.stop()


@st.cache_data(show_spinner=False)
def _cached_download(path: str, version: int, name: str, fmt: str) -> bytes:
    from machikurabe.ui import exports

    frame = _cached_query(path, version, name, ())
    return exports.csv_bytes(frame) if fmt == "csv" else exports.parquet_bytes(frame)


def download_bytes(name: str, fmt: str) -> bytes:
    """A whole query result as CSV (UTF-8 BOM) or Parquet bytes, built once per database file."""
    return _cached_download(*_db_version(), name, fmt)


@st.cache_data(show_spinner=False)
def _cached_labels(path: str, version: int, style: str, lang: str, table: str = "municipalities") -> dict[str, str]:
    from machikurabe.ui.profile_text import labels_by_code

    return labels_by_code(_cached_query(path, version, table, ()), style, lang)


def body_labels(style: str, lang: str) -> dict[str, str]:
    """Every body's label by code (see ui.profile_text.labels_by_code), built once per database file and language."""
    return _cached_labels(*_db_version(), style, lang)


def place_labels(style: str, lang: str) -> dict[str, str]:
    """The same for every place in Japan (1,741 municipalities and 47 prefectures)."""
    return _cached_labels(*_db_version(), style, lang, "places")


@st.cache_resource(max_entries=32, show_spinner=False)
def _shared_query(path: str, version: int, name: str) -> pd.DataFrame:
    return _cached_query(path, version, name, ())


def shared_query(name: str) -> pd.DataFrame:
    """A whole query result shared by all sessions without a per-run copy (query() hands out a fresh copy each
    time). For large tables a page only reads; a caller must never modify the frame it gets."""
    return _shared_query(*_db_version(), name)

