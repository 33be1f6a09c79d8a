"""地図 (Map) page. Two maps:

* 全国の市区町村 (default): a choropleth of all 1,741 municipalities for one national indicator and year, built by
  machikurabe.ui.choropleth from the shipped boundaries (offline);
* モデル事業の計画の数値: the plan figures of the 63 model-project bodies as points (or the user's boundaries), the
  prefectural plans as a bar chart, built by machikurabe.ui.maps and machikurabe.ui.boundaries.

Layout only. Indicators uploaded on the Peers page join the plan-figure choices for this session only.
"""

from __future__ import annotations

import os

import streamlit as st

from machikurabe.analysis import uploads
from machikurabe.analysis.filters import apply_filters
from machikurabe.i18n import t
from machikurabe.safe_text import markdown_escape
from machikurabe.ui import boundaries, choropleth, exports, maps, st_data, state
from machikurabe.ui.place_picker import place_picker
from machikurabe.ui.state import current_filters, current_lang

lang = current_lang()
st.title(t("title", lang))
st_data.stop_if_unavailable()


def national_catalogue():
    """The national indicators, or None when this database has none (an older or test build)."""
    try:
        catalogue = st_data.query("national_indicators")
    except Exception:  # no national_indicators table in this database
        return None
    return catalogue if not catalogue.empty else None


def tiles_option(container) -> bool:
    """The opt-in online base map (kept across a language switch and in the URL as ?tiles=1)."""
    state.seed("map_online_tiles", False, url="tiles", parse=lambda raw: raw == "1")
    online = state.tick(container, t("online_tiles", lang), "map_online_tiles", lang)
    state.mirror({"tiles": "1" if online else None})
    return online


def tiles_notice(online: bool) -> None:
    if online and not maps.tiles_reachable():
        st.warning(t("tiles_unreachable", lang, host=maps.TILE_HOST))


catalogue = national_catalogue()
session_upload = st.session_state.get(uploads.SESSION_KEY)
user_meta_now = dict((session_upload or {}).get("meta") or {}) if (session_upload or {}).get("values") is not None else {}
national_meta = choropleth.catalogue_meta(catalogue) if catalogue is not None else {}
national_ids = choropleth.ordered_indicators(catalogue) if catalogue is not None else []

if catalogue is None:
    mode = "plan"
    st.caption(t("mapn_unavailable", lang))
else:
    state.seed("map_mode", "national", url="indicator",
               parse=lambda raw: maps.mode_from_url(raw, national_ids, user_meta_now))
    mode = state.choose(st.radio, t("mapn_mode", lang), ["national", "plan"], "map_mode",
                        lambda m: t(f"mapn_mode_{m}", lang), lang, horizontal=True, label_visibility="collapsed")


# --- national choropleth -------------------------------------------------------------------------------------------

def view_mode_label(mode: str, meta: dict) -> str:
    if mode == "diff":
        return t("mapc_view_diff", lang, unit=choropleth.change_unit(meta, "diff", lang))
    return t(f"mapc_view_{mode}", lang)


def seed_year(key: str, url: str, indicator: str, options: list[int], default: int) -> None:
    """A new indicator opens at ``default``, or at the year a shared link names (?year= / ?from=) the first time."""
    if st.session_state.get(f"{key}_of") != indicator:
        linked = state.url_value(url) if f"{key}_of" not in st.session_state else None
        st.session_state[key] = int(linked) if linked and linked.isdigit() and int(linked) in options else default
        st.session_state[f"{key}_of"] = indicator


def national_map() -> None:
    intro = st.empty()
    state.seed("map_national_indicator", choropleth.DEFAULT_INDICATOR, url="indicator",
               valid=lambda raw: raw in national_meta)
    pick_col, tiles_col = st.columns([5, 2], vertical_alignment="bottom")
    indicator = state.choose(pick_col.selectbox, t("mapn_indicator", lang), national_ids, "map_national_indicator",
                             lambda i: choropleth.option_label(national_meta[i], lang), lang,
                             help=t("mapn_indicator_help", lang))
    meta = national_meta[indicator]
    years = choropleth.years_of(meta)
    online = tiles_option(tiles_col)
    if not years:
        intro.caption(t("mapn_intro", lang))
        st.info(t("mapn_no_years", lang))
        return

    # level (one year) or the change between two years (?change=diff / pct); a rate offers no percent change
    modes = choropleth.change_modes(meta)
    state.seed("map_national_view", "level", url="change", parse=lambda raw: raw if raw in ("diff", "pct") else None)
    wanted = st.session_state["map_national_view"]
    if wanted == "pct" and "pct" not in modes and "diff" in modes:
        st.session_state["map_national_view"] = "diff"
    view_col, from_col, year_col = st.columns([3.4, 1.3, 1.3], vertical_alignment="bottom")
    if len(modes) > 1:
        view_mode = state.choose(view_col.radio, t("mapc_view", lang), modes, "map_national_view",
                                 lambda m: view_mode_label(m, meta), lang, horizontal=True)
    else:
        view_mode = "level"
        if wanted in ("diff", "pct"):
            view_col.caption(t("mapc_one_year", lang))
    intro.caption(t("mapn_intro", lang) if view_mode == "level" else t("mapc_intro", lang))

    # years are newest first; the change map's later year has an earlier one before it
    seed_year("map_national_year", "year", indicator, years, years[0])
    if view_mode == "level":
        year = state.choose(year_col.selectbox, t("mapn_year", lang), years, "map_national_year",
                            lambda y: t("mapn_year_option", lang, year=y), lang)
        year_from = None
    else:
        seed_year("map_national_from", "from", indicator, years[1:], years[-1])
        later_options = years[:-1]
        # the later year is drawn first (in the right-hand box), so the earlier box offers only years before it
        year = state.choose(year_col.selectbox, t("mapc_year_to", lang), later_options, "map_national_year",
                            lambda y: t("mapn_year_option", lang, year=y), lang)
        earlier_options = [y for y in years if y < year]
        if st.session_state["map_national_from"] not in earlier_options:
            st.session_state["map_national_from"] = earlier_options[-1]
        year_from = state.choose(from_col.selectbox, t("mapc_year_from", lang), earlier_options,
                                 "map_national_from", lambda y: t("mapn_year_option", lang, year=y), lang)
    state.mirror({"indicator": indicator, "year": None if year == years[0] else str(year),
                  "change": None if view_mode == "level" else view_mode,
                  "from": None if year_from is None or year_from == years[-1] else str(year_from)})
    chosen = place_picker(lang)

    if view_mode == "level":
        view = choropleth.national_view(indicator, int(year), lang)
        title = t("mapn_title", lang, label=choropleth.indicator_label(meta, lang), year=year,
                  n=f"{len(view.frame):,}")
        heading = t("mapn_legend_heading", lang, label=choropleth.indicator_label(meta, lang), year=year)
    else:
        view = choropleth.change_view(indicator, int(year_from), int(year), view_mode, lang)
        title = choropleth.change_title(view, lang, n=len(view.frame))
        heading = choropleth.change_title(view, lang)
    label = choropleth.indicator_label(meta, lang)
    tiles_notice(online)
    chosen_row = view.frame[view.frame["code"] == chosen]
    if chosen and not chosen_row.empty and view_mode != "level":
        row = chosen_row.iloc[0]
        st.markdown(markdown_escape(t("mapc_chosen", lang, name=row["name"], pref=row["prefecture"],
                                      a=choropleth.format_national(row["value_from"], meta, lang),
                                      b=choropleth.format_national(row["value_to"], meta, lang),
                                      y0=year_from, y1=year, change=row["value_text"])))
    elif chosen and not chosen_row.empty:
        row = chosen_row.iloc[0]
        rank = choropleth.rank_text(None if row["rank"] is None or row["rank"] != row["rank"] else int(row["rank"]),
                                    view.n, lang)
        st.markdown(markdown_escape(t("mapn_chosen", lang, name=row["name"], pref=row["prefecture"],
                                      value=row["value_text"], rank=f"、{rank}" if rank and lang != "en"
                                      else (f", {rank}" if rank else ""))))
    elif chosen:
        labels = st_data.place_labels("picker", lang)
        st.caption(t("mapn_chosen_prefecture", lang, name=labels.get(chosen, chosen)))

    st.markdown("**" + markdown_escape(title) + "**")
    centre = None
    if chosen and not chosen_row.empty and chosen_row.iloc[0]["lat"] is not None:
        centre = (chosen_row.iloc[0]["lat"], chosen_row.iloc[0]["lon"])
    st.session_state.setdefault("map_zoom", choropleth.JAPAN_VIEW["zoom"])

    def zoom_by() -> None:
        # a control that acts on every press: the choice is handled here and cleared again
        step = {"in": 1.0, "out": -1.0}.get(st.session_state.get("map_zoom_control"))
        base = choropleth.JAPAN_VIEW["zoom"]
        zoom = base if step is None else st.session_state["map_zoom"] + step
        st.session_state["map_zoom"] = max(choropleth.ZOOM_MIN, min(choropleth.ZOOM_MAX, zoom))
        st.session_state["map_zoom_control"] = None

    # one row on a phone too (buttons in columns would stack); Streamlit's deck.gl has no on-map zoom widget
    st.segmented_control(t("mapn_zoom", lang), ["in", "out", "reset"],
                         format_func=lambda o: t({"in": "mapn_zoom_in", "out": "mapn_zoom_out",
                                                  "reset": "mapn_zoom_reset"}[o], lang),
                         key="map_zoom_control", on_change=zoom_by, label_visibility="collapsed")
    map_col, legend_col = st.columns([4, 1.25], gap="small")
    with map_col:
        view_state = choropleth.zoomed_view(st.session_state["map_zoom"], centre)
        st.pydeck_chart(choropleth.build_deck(view, chosen, online, view_state=view_state), width="stretch",
                        height=choropleth.MAP_HEIGHT_PX, key=f"national_deck_{lang}")
        st.caption(t("mapn_controls", lang))
    with legend_col:
        level = view_mode == "level"
        st.markdown(choropleth.legend_html(view.legend, t("mapn_legend_title" if level else "mapc_legend_title", lang),
                                           lang, heading=heading, source_lines=choropleth.legend_sources(lang),
                                           model_rgba=choropleth.model_outline(view), wrap=not level),
                    unsafe_allow_html=True)
        st.caption(t("mapn_legend_note" if level else "mapc_legend_note", lang))
        if view.missing:
            st.caption(t("mapn_missing", lang, n=f"{view.missing:,}") if level else
                       t("mapc_missing", lang, n=f"{view.missing:,}", y0=year_from, y1=year))

    st.markdown("**" + t("mapn_about", lang) + "** — " + markdown_escape(label))
    for line in view.about:
        st.caption(markdown_escape(line))
    st.caption(t("mapn_credits_title", lang) + " — " + " / ".join(choropleth.credit_lines(lang, online)))
    table_col, csv_col, xlsx_col = st.columns([2, 1, 1], vertical_alignment="center")
    # the 1,741-row table is drawn only when asked for: it would add a second large element to every map load
    show_table = table_col.toggle(t("mapn_table", lang), key="map_national_table")
    if view_mode == "level":
        map_file = choropleth.file_table(view, lang, chosen=chosen)
        years_part = str(year)
    else:
        map_file = choropleth.change_file_table(view, lang, chosen=chosen)
        years_part = f"{year_from}-{year}"
    state.offer_files(map_file, stem=exports.safe_filename(choropleth.indicator_name(meta, lang), years_part,
                                                           map_file.created),
                      key="map_national", lang=lang, columns=(csv_col, xlsx_col))
    if show_table:
        st.dataframe(view.table, hide_index=True, width="stretch", height=360)


# --- plan figures of the model projects ------------------------------------------------------------------------

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


def plan_map() -> None:
    st.caption(t("intro", lang))
    bodies, user_meta = uploads.merge_user_indicators(st_data.query("map_bodies"), session_upload)
    upload_name = (session_upload or {}).get("file_name")
    flags = st_data.query("map_programme_flags")
    filtered = apply_filters(bodies, current_filters(), flags)

    options = maps.indicator_keys(user_meta)
    # also when an upload chosen earlier in the session has since been removed on the Peers page
    if st.session_state.get("map_indicator") not in options:
        st.session_state["map_indicator"] = maps.parse_indicator(state.url_value("indicator"), user_meta)
    key = st.selectbox(
        t("indicator", lang),
        options,
        key="map_indicator",
        format_func=lambda k: maps.indicator_label(k, lang, user_meta),
        help=maps.indicator_help(st.session_state["map_indicator"], lang, user_meta, upload_name),
    )
    state.mirror({"indicator": maps.url_value(key, national_ids)})
    uploaded = maps.is_uploaded(key, user_meta)

    option_cols = st.columns(2)
    online_tiles = tiles_option(option_cols[0])
    n03_path = boundaries.resolve_n03_path()
    use_boundaries = False
    if n03_path.exists():
        use_boundaries = option_cols[1].checkbox(t("use_boundaries", lang), value=True, key="map_use_boundaries")
    tiles_notice(online_tiles)

    municipal, prefectural = maps.split_bodies(filtered)
    # cache keys standing for the frames: database version, upload fingerprint and name; the sidebar filters
    data_key = (st_data.data_version(), uploads.session_digest(session_upload), upload_name)
    filter_key = current_filters().cache_key()
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
                                                            boundaries.DEFAULT_TOLERANCE_DEG,
                                                            tuple(sorted(bodies["code"])))
                    if error is not None:
                        st.warning(maps.boundary_error_message(error, lang))
                    else:
                        boundary_collection = maps.boundary_features(geodata, points)
                        drawn = {f["properties"]["code"] for f in boundary_collection["features"]}
                        boundaries_drawn = bool(drawn)
                        shipped = n03_path.resolve() == boundaries.SHIPPED_BOUNDARIES_PATH.resolve()
                        st.caption(t("boundaries_on", lang, n=len(drawn),
                                     path=t("boundaries_shipped" if shipped else "boundaries_own", lang)))
                        without = points.loc[~points["code"].isin(drawn), "name"].tolist()
                        if without:
                            st.caption(t("boundaries_partial", lang, names=maps.join_names(without, lang)))
                outlines = maps.prefecture_outlines(municipal["prefecture"].unique())
                indicator_name = markdown_escape(maps.indicator_name(key, lang, user_meta))
                st.markdown(f"**{t('map_title', lang, indicator=indicator_name, n=len(points))}**")
                deck = maps.build_deck(points, outlines, boundary_collection, online_tiles=online_tiles)
                st.pydeck_chart(deck, width="stretch", height=maps.MAP_HEIGHT_PX, key=f"map_deck_{key}_{lang}")
                st.caption(t("mapn_controls_plan", lang))
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
                    st.caption(t("boundaries_more", lang))

    with bar_col:
        if prefectural.empty:
            st.info(t("no_prefectures", lang))
        elif uploaded and not maps.has_values(prefectural, key):
            # most uploads cover municipalities only; a chart of "no data" bars would say nothing
            st.info(t("no_prefecture_values_uploaded", lang,
                      names=maps.join_names(maps.missing_names(prefectural, key, lang), lang)))
        else:
            state.plotly_chart(_block_bars(data_key, filter_key, key, lang, prefectural, corrections, user_meta,
                                           upload_name), width="stretch", key=f"map_bar_{key}_{lang}")
            missing_blocks = maps.missing_names(prefectural, key, lang)
            if missing_blocks:
                st.caption(t("missing_list_blocks", lang, names=maps.join_names(missing_blocks, lang)))

    # Kept visible rather than folded: the 国土数値情報 terms and OpenStreetMap ask for the credit beside the map.
    st.caption(t("credits_title", lang) + " — " + " / ".join(maps.credit_lines(lang, boundaries_drawn, online_tiles)))


if mode == "national":
    national_map()
else:
    plan_map()
