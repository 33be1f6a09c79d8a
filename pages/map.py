"""地図 (Map) page: participating municipalities coloured by one indicator, prefectural plans as a bar chart.

Layout only; everything it draws is built by machikurabe.ui.maps and machikurabe.ui.boundaries. Indicators uploaded on
the Peers page join the choices for this session only (read from session state, never written to the DB).
"""

from __future__ import annotations

import os

import streamlit as st

from machikurabe.analysis import uploads
from machikurabe.analysis.filters import apply_filters
from machikurabe.i18n import t
from machikurabe.safe_text import markdown_escape
from machikurabe.ui import boundaries, maps, st_data, state
from machikurabe.ui.state import current_filters, current_lang

lang = current_lang()
st.title(t("title", lang))
st.caption(t("intro", lang))
st_data.stop_if_unavailable()


@st.cache_data(show_spinner=False)
def load_boundary_polygons(path: str, modified: float, tolerance: float, codes: tuple[str, ...]):
    """Dissolved polygons of ``codes`` in the file at ``path`` (``modified`` keys the cache to the file version), or the error."""
    try:
        return boundaries.load_boundaries(path, tolerance=tolerance, codes=codes,
                                          wards=st_data.query("wards")).geodata, None
    except boundaries.BoundaryError as exc:
        return None, exc


@st.cache_resource(max_entries=64, show_spinner=False)
def _points(data_key, filter_key, key, lang, _municipal, _corrections, _user_meta):
    """Colour scale, map points and the names without a value for one indicator and filter state; data_key
    (database version, upload fingerprint) stands for the frames. The page only reads what it returns."""
    scale = maps.make_scale(_municipal[key], key)
    return (scale, maps.point_rows(_municipal, key, lang, scale, _corrections, _user_meta),
            maps.missing_names(_municipal, key, lang))


@st.cache_resource(max_entries=64, show_spinner=False)
def _block_bars(data_key, filter_key, key, lang, _prefectural, _corrections, _user_meta, upload_name):
    """The prefectural plans' bar chart for one indicator and filter state (the page only reads it)."""
    return maps.block_bar_figure(_prefectural, key, lang, _corrections, _user_meta, upload_name)


session_upload = st.session_state.get(uploads.SESSION_KEY)
bodies, user_meta = uploads.merge_user_indicators(st_data.query("map_bodies"), session_upload)
upload_name = (session_upload or {}).get("file_name")
flags = st_data.query("map_programme_flags")
filtered = apply_filters(bodies, current_filters(), flags)

options = maps.indicator_keys(user_meta)
# also when an upload chosen earlier in the session has since been removed on the Peers page
if st.session_state.get("map_indicator") not in options:
    st.session_state["map_indicator"] = maps.parse_indicator(st.query_params.get(maps.QUERY_PARAM), user_meta)
key = st.selectbox(
    t("indicator", lang),
    options,
    key="map_indicator",
    format_func=lambda k: maps.indicator_label(k, lang, user_meta),
    help=maps.indicator_help(st.session_state["map_indicator"], lang, user_meta, upload_name),
)
st.query_params[maps.QUERY_PARAM] = key
uploaded = maps.is_uploaded(key, user_meta)

option_cols = st.columns(2)
online_tiles = option_cols[0].checkbox(t("online_tiles", lang), value=False, key="map_online_tiles",
                                       help=t("online_tiles_help", lang))
n03_path = boundaries.resolve_n03_path()
use_boundaries = False
if n03_path.exists():
    use_boundaries = option_cols[1].checkbox(t("use_boundaries", lang), value=True, key="map_use_boundaries")

municipal, prefectural = maps.split_bodies(filtered)
# cache keys standing for the frames: database version, upload fingerprint and name; the sidebar filters
data_key = (st_data.data_version(), uploads.session_digest(session_upload), upload_name)
filters = current_filters()
filter_key = filters.cache_key()
corrections = None if uploaded else st_data.query("map_corrections", field=key)
boundaries_drawn = False

map_col, bar_col = st.columns([3, 2], gap="large")

with map_col:
    if municipal.empty:
        st.info(t("no_municipalities", lang))
    else:
        scale, points, missing = _points(data_key, filter_key, key, lang, municipal, corrections, user_meta)
        if points.empty:
            st.info(t("no_points", lang))
        else:
            boundary_collection = None
            if use_boundaries:
                # All bodies of the DB, not just the filtered ones, so changing a filter reuses the cache.
                geodata, error = load_boundary_polygons(str(n03_path), os.path.getmtime(n03_path),
                                                        boundaries.DEFAULT_TOLERANCE_DEG, tuple(sorted(bodies["code"])))
                if error is not None:
                    st.warning(maps.boundary_error_message(error, lang))
                else:
                    boundary_collection = maps.boundary_features(geodata, points)
                    drawn = {f["properties"]["code"] for f in boundary_collection["features"]}
                    boundaries_drawn = bool(drawn)
                    st.caption(t("boundaries_on", lang, path=n03_path.name, n=len(drawn)))
                    without = points.loc[~points["code"].isin(drawn), "name"].tolist()
                    if without:
                        st.caption(t("boundaries_partial", lang, names=maps.join_names(without, lang)))
            outlines = maps.prefecture_outlines(municipal["prefecture"].unique())
            indicator_name = markdown_escape(maps.indicator_name(key, lang, user_meta))
            st.markdown(f"**{t('map_title', lang, indicator=indicator_name, n=len(points))}**")
            deck = maps.build_deck(points, outlines, boundary_collection, online_tiles=online_tiles)
            st.pydeck_chart(deck, width="stretch", height=maps.MAP_HEIGHT_PX, key=f"map_deck_{key}_{lang}")
            st.markdown(maps.legend_html(scale, key, lang, has_missing=bool(missing), user_meta=user_meta),
                        unsafe_allow_html=True)
            st.caption(maps.source_text(key, lang, user_meta, markdown_escape(upload_name or "")))
            if missing:
                st.caption(t("missing_list", lang, names=maps.join_names(missing, lang)))
            else:
                st.caption(t("missing_none", lang))
            if points["corrected"].any():
                st.caption(t("corrected_note", lang))
            if not n03_path.exists():
                st.info(t("boundaries_howto", lang, url=boundaries.N03_DOWNLOAD_URL))

with bar_col:
    if prefectural.empty:
        st.info(t("no_prefectures", lang))
    elif uploaded and not maps.has_values(prefectural, key):
        # most uploads cover municipalities only; a chart of "no data" bars would say nothing
        st.info(t("no_prefecture_values_uploaded", lang,
                       names=maps.join_names(maps.missing_names(prefectural, key, lang), lang)))
    else:
        state.plotly_chart(_block_bars(data_key, filter_key, key, lang, prefectural, corrections, user_meta, upload_name),
                        width="stretch", key=f"map_bar_{key}_{lang}")
        missing_blocks = maps.missing_names(prefectural, key, lang)
        if missing_blocks:
            st.caption(t("missing_list_blocks", lang, names=maps.join_names(missing_blocks, lang)))

# Kept visible rather than folded: the 国土数値情報 terms and OpenStreetMap ask for the credit beside the map.
st.caption(t("credits_title", lang) + " — " + " / ".join(maps.credit_lines(lang, boundaries_drawn, online_tiles)))
