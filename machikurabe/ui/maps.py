"""Building blocks of the Map (地図) page: colour scale, point and boundary layers, legend, prefecture bar chart, credits.

Plain functions on DataFrames so tests can check what the map shows without a browser. Indicators uploaded in the
session (``user_meta`` from machikurabe.analysis.uploads) are drawn like the built-in ones but labelled and sourced as the user's.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from machikurabe.analysis import indicators, spine
from machikurabe.analysis.formatting import MISSING_DASH, format_value, is_missing, wrap_caption
from machikurabe.i18n import STRINGS, t
from machikurabe.paths import PREFECTURES_GEOJSON
from machikurabe.safe_text import markdown_escape

MAP_INDICATORS: tuple[str, ...] = (
    "population",
    "households",
    "ageing_rate_pct",
    "welfare_rate_pct",
    "association_rate_pct",
    "area_km2",
    "density_per_km2",
    "promoter_count",
    "programme_count",
)
DEFAULT_INDICATOR = "ageing_rate_pct"
QUERY_PARAM = "indicator"
# ?indicator= names a national indicator by default; a plan key that is also a national id (ageing_rate_pct,
# area_km2, density_per_km2) is written with this prefix so the link opens the plan-figure map
PLAN_PREFIX = "plan:"
TILE_HOST = "basemaps.cartocdn.com"  # where the opt-in CARTO tiles come from

# Streamlit strips this pydeck sentinel and then draws no basemap at all; map_style=None would
# instead make Streamlit fetch a Carto basemap matching the theme, i.e. go online.
NO_BASEMAP_STYLE = "__MAP_STYLE__"
ONLINE_BASEMAP_STYLE = "light"  # Carto Positron via pydeck, only when the user ticks the checkbox

MISSING_RGBA = [150, 150, 150, 200]
OUTLINE_RGBA = [90, 90, 90, 255]
OUTLINE_FILL_RGBA = [236, 236, 230, 255]  # land drawn in a pale tone so the sea (page background) reads as sea
OUTLINE_FILL_ACTIVE_RGBA = [222, 226, 214, 255]  # prefectures with a participating body
BAR_COLOUR = "#0072B2"  # Okabe-Ito blue
PALETTE = "Viridis"
MAP_HEIGHT_PX = 560




def indicator_keys(user_meta: dict | None = None) -> tuple[str, ...]:
    """The choices of the indicator box: the built-in map indicators, then the session's uploaded ones."""
    return MAP_INDICATORS + tuple(user_meta or {})


def parse_indicator(value: Any, user_meta: dict | None = None) -> str:
    """The indicator from ?indicator=…; anything unknown (an upload of another session too) falls back to the default."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if isinstance(value, str) and value.startswith(PLAN_PREFIX):
        value = value[len(PLAN_PREFIX):]
    return value if isinstance(value, str) and value in indicator_keys(user_meta) else DEFAULT_INDICATOR


def url_value(key: str, national_ids=()) -> str:
    """What ?indicator= carries for a plan key: the bare key, or plan:<key> when a national indicator has that id."""
    return f"{PLAN_PREFIX}{key}" if key in set(national_ids) else key


def mode_from_url(value: str | None, national_ids=(), user_meta: dict | None = None) -> str | None:
    """Which map a link opens: plan:<key> or a plan-only key → the plan figures; a national id → the national map;
    anything else → None (the default)."""
    if not isinstance(value, str):
        return None
    if value.startswith(PLAN_PREFIX) and value[len(PLAN_PREFIX):] in indicator_keys(user_meta):
        return "plan"
    if value in set(national_ids):
        return "national"
    if value in indicator_keys(user_meta):
        return "plan"
    return None


_REACHABLE: dict[str, tuple[float, bool]] = {}  # host -> (when checked, answer), so a rerun does not wait again


def tiles_reachable(host: str = TILE_HOST, timeout: float = 1.5, max_age_s: float = 60.0) -> bool:
    """Whether the tile server answers a TCP connection from here (the page says so when it does not); the answer
    is kept for a minute."""
    import socket
    import time

    known = _REACHABLE.get(host)
    if known and time.monotonic() - known[0] < max_age_s:
        return known[1]
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            answer = True
    except OSError:
        answer = False
    _REACHABLE[host] = (time.monotonic(), answer)
    return answer


def is_uploaded(key: str, user_meta: dict | None) -> bool:
    return bool(user_meta) and key in user_meta


def indicator_name(key: str, lang: str, user_meta: dict | None = None) -> str:
    return spine.indicator_name(key, lang, user_meta)


def indicator_label(key: str, lang: str, user_meta: dict | None = None) -> str:
    """Name with unit; an uploaded one also says it is the user's, so a screenshot cannot pass it off as MHLW data."""
    if is_uploaded(key, user_meta):
        return spine.indicator_label(key, lang, user_meta) + t("uploaded_mark", lang)
    return indicators.get(key).label(lang)


def indicator_help(key: str, lang: str, user_meta: dict | None = None, file_name: str | None = None) -> str:
    if is_uploaded(key, user_meta):
        unit = markdown_escape(spine.indicator_unit(key, lang, user_meta)) or t("uploaded_unit_none", lang)
        # the help marker renders markdown; the user's file and column names are shown as typed
        return t("uploaded_help", lang, file=markdown_escape(file_name or ""),
                 name=markdown_escape(indicator_name(key, lang, user_meta)), unit=unit)
    return indicators.help_text(key, lang)


def source_text(key: str, lang: str, user_meta: dict | None = None, file_name: str | None = None) -> str:
    """The 出典 line: the uploaded file for the user's indicators, the MHLW plans for the others."""
    if is_uploaded(key, user_meta):
        return t("uploaded_source", lang, file=file_name or "")
    return indicators.source_line([key], lang)


def format_indicator_value(value: Any, key: str, lang: str, user_meta: dict | None = None,
                           missing: str | None = None) -> str:
    if is_missing(value):
        return MISSING_DASH if missing is None else missing
    if is_uploaded(key, user_meta):
        return spine.format_indicator(value, key, lang, user_meta)
    return format_value(value, key, lang)




def has_values(frame: pd.DataFrame, key: str) -> bool:
    return key in frame.columns and any(not is_missing(v) for v in frame[key])


def display_name(row: Any, lang: str) -> str:
    """Japanese name; in English the romaji with the kanji kept so users can match the source documents."""
    name = _get(row, "name")
    romaji = _get(row, "name_romaji")
    if lang == "en" and isinstance(romaji, str) and romaji:
        return f"{romaji} ({name})"
    return str(name)


def _get(row: Any, key: str) -> Any:
    if isinstance(row, dict):
        return row.get(key)
    return getattr(row, key, None) if not isinstance(row, pd.Series) else row.get(key)


@dataclass(frozen=True)
class ColourScale:
    """Sequential viridis scale over the observed range; log10 for size-like indicators spanning decades."""

    vmin: float
    vmax: float
    log: bool
    palette: str = PALETTE

    def position(self, value: Any) -> float | None:
        if is_missing(value):
            return None
        x = float(value)
        lo, hi = self.vmin, self.vmax
        if self.log:
            if x <= 0:
                return 0.0
            x, lo, hi = math.log10(x), math.log10(lo), math.log10(hi)
        if hi == lo:
            return 0.5
        return min(1.0, max(0.0, (x - lo) / (hi - lo)))

    def rgba(self, value: Any, alpha: int = 230) -> list[int]:
        pos = self.position(value)
        if pos is None:
            return list(MISSING_RGBA)
        r, g, b = _sample(self.palette, round(pos, 3))
        return [r, g, b, alpha]

    def ticks(self, count: int = 5) -> list[float]:
        """Values at evenly spaced positions of the legend bar (so labels line up with the gradient)."""
        if self.vmin == self.vmax:
            return [self.vmin]
        out = []
        for i in range(count):
            f = i / (count - 1)
            if self.log:
                lo, hi = math.log10(self.vmin), math.log10(self.vmax)
                out.append(10 ** (lo + f * (hi - lo)))
            else:
                out.append(self.vmin + f * (self.vmax - self.vmin))
        return out

    def css_gradient(self, stops: int = 11) -> str:
        colours = []
        for i in range(stops):
            r, g, b = _sample(self.palette, i / (stops - 1))
            colours.append(f"rgb({r},{g},{b}) {100 * i / (stops - 1):.0f}%")
        return "linear-gradient(to right, " + ", ".join(colours) + ")"


def round_significant(value: float, digits: int = 3) -> float:
    """Legend ticks sit at arbitrary points of the range; three significant digits is all a colour bar can show."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


@lru_cache(maxsize=4096)
def _sample(palette: str, position: float) -> tuple[int, int, int]:
    from plotly.colors import sample_colorscale

    text = sample_colorscale(palette, [position])[0]  # 'rgb(68, 1, 84)'
    r, g, b = (int(round(float(v))) for v in text[text.index("(") + 1 : -1].split(","))
    return r, g, b


def make_scale(values: Iterable[Any], key: str) -> ColourScale | None:
    """Scale over the non-missing values; None when there is nothing to colour."""
    clean = [float(v) for v in values if not is_missing(v)]
    if not clean:
        return None
    lo, hi = min(clean), max(clean)
    # Uploaded indicators carry no hint, so they stay linear: the user's numbers are shown as they are.
    hint = indicators.get(key).log_scale_hint if key in indicators.KEYS else False
    use_log = hint and lo > 0 and hi / lo >= 20
    return ColourScale(vmin=lo, vmax=hi, log=use_log)


def split_bodies(bodies: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Municipal bodies (the map) and prefectural plans (the bar chart): their values are on different scales."""
    is_prefecture = bodies["kind"] == "prefecture"
    return bodies[~is_prefecture].copy(), bodies[is_prefecture].copy()


def corrected_values(corrections: pd.DataFrame | None, key: str) -> dict[str, str]:
    """Body code -> value as printed, for bodies whose stored value of ``key`` was corrected."""
    if corrections is None or corrections.empty:
        return {}
    rows = corrections[(corrections["field"] == key) & corrections["value"].notna()]
    return {str(r.municipality_code): ("" if is_missing(r.raw_value) else str(r.raw_value)) for r in rows.itertuples()}


def printed_when_missing(corrections: pd.DataFrame | None, key: str) -> dict[str, str]:
    """Body code -> the text as printed, for bodies whose value of ``key`` is missing but something was printed
    (未集計, 不明, a dash, 3.5人 as a headcount): the tooltip shows it instead of a bare データなし."""
    if corrections is None or corrections.empty:
        return {}
    rows = corrections[(corrections["field"] == key) & corrections["value"].isna() & corrections["raw_value"].notna()]
    out: dict[str, str] = {}
    for r in rows.itertuples():
        text = str(r.raw_value).strip()
        if text:
            out.setdefault(str(r.municipality_code), text)
    return out


def tooltip_detail(key: str, value: Any, lang: str, raw_printed: str | None = None,
                   user_meta: dict | None = None, printed_missing: str | None = None) -> str:
    """Plain-text lines under the bold name; deck.gl escapes substituted fields, so no markup here. A missing value
    with a printed text (未集計, 不明 …) shows that text, never a bare データなし."""
    value_text = format_indicator_value(value, key, lang, user_meta, missing=t("missing_value", lang))
    lines = [t("tooltip_value", lang, label=indicator_name(key, lang, user_meta), value=value_text)]
    if raw_printed is not None:
        lines.append(t("corrected_tooltip", lang, raw=raw_printed))
    elif printed_missing is not None and is_missing(value):
        lines.append(t("printed_tooltip", lang, raw=printed_missing))
    return "\n".join(lines)


# Fields are substituted (and HTML-escaped) by deck.gl; pre-line keeps the newlines of tooltip_detail.
TOOLTIP = {
    "html": "<b>{name}</b><br/>{tooltip}",
    "style": {"backgroundColor": "#222", "color": "#fff", "fontSize": "13px", "whiteSpace": "pre-line"},
}


def _with_file_note(text: str, key: str, code: str, lang: str, user_meta: dict | None) -> str:
    """An uploaded value's note from its file (「x」（秘匿）, 「…」, 「-」を0として読む) beside the value text."""
    if not is_uploaded(key, user_meta):
        return text
    from machikurabe.ui.peer_charts import status_word

    note = status_word({**user_meta[key], "uploaded": True}, code, lang)
    if not note:
        return text
    return f"{text}（{note}）" if lang != "en" else f"{text} ({note})"


def point_rows(municipal: pd.DataFrame, key: str, lang: str, scale: ColourScale | None,
               corrections: pd.DataFrame | None = None, user_meta: dict | None = None) -> pd.DataFrame:
    """One row per body with coordinates: colour, radius and tooltip for the ScatterplotLayer."""
    corrected = corrected_values(corrections, key)
    printed = printed_when_missing(corrections, key)
    located = municipal[municipal["lat"].notna() & municipal["lon"].notna()]
    rows = []
    for row in located.to_dict("records"):
        value = row.get(key)
        missing = is_missing(value)
        name = display_name(row, lang)
        position = None if (missing or scale is None) else scale.position(value)
        rows.append({
            "code": row["code"],
            "name": name,
            "prefecture": row.get("prefecture"),
            "lat": float(row["lat"]),
            "lon": float(row["lon"]),
            "value": None if missing else float(value),
            "value_text": _with_file_note(format_indicator_value(value, key, lang, user_meta,
                                                                 missing=t("missing_value", lang)),
                                          key, row["code"], lang, user_meta),
            "missing": missing,
            "corrected": row["code"] in corrected,
            "fill_rgba": list(MISSING_RGBA) if (missing or scale is None) else scale.rgba(value),
            # Size repeats the colour so a reader with reduced colour vision still sees the ranking.
            "radius_m": 6000 if position is None else 6000 + 16000 * math.sqrt(position),
            "tooltip": tooltip_detail(key, value, lang, corrected.get(row["code"]), user_meta, printed.get(row["code"])),
        })
    columns = ["code", "name", "prefecture", "lat", "lon", "value", "value_text", "missing", "corrected",
               "fill_rgba", "radius_m", "tooltip"]
    return pd.DataFrame(rows, columns=columns)


def join_names(names: Iterable[str], lang: str) -> str:
    return (", " if lang == "en" else "、").join(names)


def missing_names(municipal: pd.DataFrame, key: str, lang: str) -> list[str]:
    return [display_name(r, lang) for r in municipal.to_dict("records") if is_missing(r.get(key))]


def legend_html(scale: ColourScale | None, key: str, lang: str, has_missing: bool,
                user_meta: dict | None = None) -> str:
    """deck.gl draws no legend, so the page shows this gradient bar with tick labels under the map."""
    title = html.escape(indicator_label(key, lang, user_meta) + (f"・{t('legend_log', lang)}" if scale and scale.log and lang != "en"
                                           else (f", {t('legend_log', lang)}" if scale and scale.log else "")))
    parts = ['<div class="mk-legend" style="font-size:0.85rem;max-width:520px">',
             f'<div style="font-weight:600;margin-bottom:2px">{title}</div>']
    if scale is not None:
        ticks = scale.ticks(5)
        labels = "".join(
            f'<span style="position:absolute;left:{100 * i / max(1, len(ticks) - 1):.0f}%;'
            f'transform:translateX(-{100 * i / max(1, len(ticks) - 1):.0f}%);white-space:nowrap">'
            f"{html.escape(format_indicator_value(round_significant(v), key, lang, user_meta))}</span>"
            for i, v in enumerate(ticks)
        )
        parts.append(f'<div style="height:14px;border:1px solid #555;background:{scale.css_gradient()}"></div>')
        parts.append(f'<div style="position:relative;height:1.3em;margin-top:2px">{labels}</div>')
        if scale.vmin == scale.vmax:
            parts.append(f"<div>{html.escape(t('legend_equal', lang))}</div>")
    if has_missing or scale is None:
        r, g, b, _ = MISSING_RGBA
        parts.append(
            f'<div style="margin-top:4px"><span style="display:inline-block;width:14px;height:14px;'
            f'background:rgb({r},{g},{b});border:1px solid #555;vertical-align:middle"></span> '
            f"{html.escape(t('legend_missing', lang))}</div>"
        )
    parts.append("</div>")
    return "".join(parts)


@lru_cache(maxsize=2)
def _prefecture_features(path: str) -> tuple[dict, ...]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return tuple(data["features"])


def prefecture_outlines(active_prefectures: Iterable[str] = (), path: Path | str = PREFECTURES_GEOJSON) -> dict:
    """The 47 outlines as a FeatureCollection, prefectures with a participating body filled a shade darker."""
    active = set(active_prefectures)
    features = []
    for feature in _prefecture_features(str(path)):
        name = feature["properties"]["name"]
        props = dict(feature["properties"])
        props["fill_rgba"] = list(OUTLINE_FILL_ACTIVE_RGBA if name in active else OUTLINE_FILL_RGBA)
        features.append({"type": "Feature", "geometry": feature["geometry"], "properties": props})
    return {"type": "FeatureCollection", "features": features}


def view_state(points: pd.DataFrame, width_px: int = 640, height_px: int = 560) -> dict:
    """Centre and zoom that fit the drawn bodies into a viewport of about width_px x height_px (Web Mercator)."""
    if points.empty:
        return {"latitude": 37.5, "longitude": 138.0, "zoom": 4.2}
    lat_lo, lat_hi = float(points["lat"].min()), float(points["lat"].max())
    lon_lo, lon_hi = float(points["lon"].min()), float(points["lon"].max())

    def mercator_y(lat: float) -> float:  # in "degrees of longitude" so both spans share a unit
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    lon_span = max(lon_hi - lon_lo, 0.3)
    y_span = max(mercator_y(lat_hi) - mercator_y(lat_lo), 0.3)
    margin = 0.8  # leave room for the circles at the edges
    zoom_x = math.log2(width_px * margin * 360 / (512 * lon_span))
    zoom_y = math.log2(height_px * margin * 360 / (512 * y_span))
    zoom = max(3.5, min(10.0, zoom_x, zoom_y))
    return {"latitude": (lat_lo + lat_hi) / 2, "longitude": (lon_lo + lon_hi) / 2, "zoom": round(zoom, 2)}


def build_deck(points: pd.DataFrame, outlines: dict, boundary_collection: dict | None = None,
               online_tiles: bool = False, height: int = MAP_HEIGHT_PX):
    """pydeck Deck: prefecture outlines, optional municipal polygons, then the points on top."""
    import pydeck as pdk

    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            id="prefecture-outlines",
            data=outlines,
            stroked=True,
            filled=True,
            get_fill_color="properties.fill_rgba",
            get_line_color=OUTLINE_RGBA,
            line_width_min_pixels=1,
            pickable=False,
        )
    ]
    if boundary_collection is not None and boundary_collection.get("features"):
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                id="municipal-boundaries",
                data=boundary_collection,
                stroked=True,
                filled=True,
                get_fill_color="properties.fill_rgba",
                get_line_color=[40, 40, 40, 255],
                line_width_min_pixels=0.5,
                pickable=True,
                auto_highlight=True,
            )
        )
    if not points.empty:
        layer_data = points[["code", "name", "lat", "lon", "value_text", "fill_rgba", "radius_m", "tooltip"]]
        on_polygons = boundary_collection is not None and bool(boundary_collection.get("features"))
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                id="municipal-points",
                data=layer_data,
                get_position=["lon", "lat"],
                get_fill_color="fill_rgba",
                get_radius="radius_m" if not on_polygons else 2500,
                radius_min_pixels=3 if on_polygons else 5,
                radius_max_pixels=26,
                stroked=True,
                get_line_color=[30, 30, 30, 255],
                line_width_min_pixels=1,
                pickable=True,
                auto_highlight=True,
            )
        )
    return pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(**view_state(points)),
        views=[pdk.View(type="MapView", controller=True)],
        map_provider="carto" if online_tiles else None,
        map_style=ONLINE_BASEMAP_STYLE if online_tiles else NO_BASEMAP_STYLE,
        tooltip=TOOLTIP,
        height=height,
    )


def boundary_features(boundary_geodata, points: pd.DataFrame) -> dict:
    """Municipal polygons carrying the same colour and tooltip as the body's point."""
    from machikurabe.ui.boundaries import to_feature_collection

    props = points[["code", "name", "value_text", "fill_rgba", "tooltip"]]
    joined = boundary_geodata.merge(props, on="code", how="inner")
    return to_feature_collection(joined, ["code", "name", "value_text", "fill_rgba", "tooltip"])


def block_bar_figure(prefectural: pd.DataFrame, key: str, lang: str, corrections: pd.DataFrame | None = None,
                     user_meta: dict | None = None, file_name: str | None = None):
    """Bar chart of the prefectural plans; missing values are labelled, not drawn as zero, corrected ones carry ⚠."""
    import plotly.graph_objects as go

    # plotly renders <b>, <a href> and the like in titles, so an uploaded column name is escaped before it goes in
    indicator_text = html.escape(indicator_name(key, lang, user_meta))
    frame = prefectural.sort_values("code")
    corrected = corrected_values(corrections, key)
    names = [display_name(r, lang) if lang == "en" else r["name"] for r in frame.to_dict("records")]
    values = [None if is_missing(v) else float(v) for v in frame[key]]
    printed = printed_when_missing(corrections, key)
    labels = [format_indicator_value(v, key, lang, user_meta, missing=t("bar_missing", lang)) + (" ⚠" if c in corrected and not is_missing(v) else "")
              for c, v in zip(frame["code"], frame[key])]
    # the hover shows what was printed where the value is missing (未集計, 不明 …), as the map's tooltip does
    hover = [label + (f" ({t('printed_tooltip', lang, raw=printed[c])})" if is_missing(v) and c in printed else "")
             for label, c, v in zip(labels, frame["code"], frame[key])]
    fig = go.Figure(
        go.Bar(
            x=names,
            y=values,
            marker_color=BAR_COLOUR,
            text=labels,
            customdata=hover,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}<br>" + indicator_text + ": %{customdata}<extra></extra>",
        )
    )
    # side by side, several horizontal "データなし" labels run into each other (e.g. an upload covering one plan)
    upright = len(frame) > 3
    for name, value in zip(names, values):
        if value is None:
            fig.add_annotation(x=name, y=0, yref="y", text=t("bar_missing", lang), showarrow=False,
                               yshift=4 if upright else 10, yanchor="bottom" if upright else "middle",
                               textangle=-90 if upright else 0, font={"color": "#555"})
    fig.update_layout(
        title={"text": t("map_bar_title", lang, indicator=indicator_text, n=len(frame))},
        xaxis_title=t("bar_x", lang),
        yaxis_title=html.escape(indicator_label(key, lang, user_meta)),
        yaxis={"rangemode": "tozero", "tickformat": ","},
        margin={"t": 60, "b": 150, "l": 70, "r": 20},
        height=520,
        font={"family": "Noto Sans CJK JP, Hiragino Sans, Meiryo, sans-serif"},
        showlegend=False,
    )
    fig.add_annotation(
        text=wrap_text(source_text(key, lang, user_meta, file_name), 26),
        xref="paper", yref="paper", x=0, xshift=-60, y=-0.22, xanchor="left", yanchor="top",
        showarrow=False, align="left", font={"size": 10, "color": "#444"},
    )
    return fig


def wrap_text(text: str, width: int) -> str:
    """Break a long 出典 line for plotly annotations, which do not wrap by themselves: ``width`` full-width
    characters a line, between words, each line escaped."""
    return "<br>".join(html.escape(line) for line in wrap_caption(text, width))


def credit_lines(lang: str, boundaries_drawn: bool, online_tiles: bool) -> list[str]:
    """Credits for what is on screen: the N03 wording is required by the 国土数値情報 terms whenever polygons are drawn."""
    lines = []
    if boundaries_drawn:
        lines.append(n03_credit(lang))
    lines += [t("credit_points", lang), t("credit_outlines", lang), t("credit_deck", lang)]
    if online_tiles:
        lines.append(t("credit_tiles", lang))
    return lines


def n03_credit(lang: str) -> str:
    """The 国土数値情報 credit wherever municipal polygons are drawn: the terms' own Japanese wording, in English
    after an English line that says what it is."""
    from machikurabe.ui.boundaries import N03_CREDIT_EN, N03_CREDIT_JA

    return N03_CREDIT_JA if lang != "en" else f"{N03_CREDIT_EN}: {N03_CREDIT_JA}"


def boundary_error_message(error: Any, lang: str) -> str:
    reason_key = f"reason_{getattr(error, 'reason', 'unreadable')}"
    reason = t(reason_key, lang) if reason_key in STRINGS else str(error)
    detail = getattr(error, "detail", "")
    if detail:
        reason = f"{reason} ({detail[:200]})"
    return t("boundary_error", lang, path=getattr(error, "path", ""), reason=reason)
