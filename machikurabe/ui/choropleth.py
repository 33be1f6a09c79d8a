"""地図's national mode: a choropleth of all 1,741 municipalities for one national indicator (SSDSE-A) and year.

Drawn offline with deck.gl (pydeck GeoJsonLayer) from the shipped boundaries (geo/municipalities.geojson, MLIT N03 2021,
designated cities with their wards merged). Colour by quintile classes (5 classes, breaks written in the legend) on
the colour-blind-safe cividis scale; no data is light grey. The pure parts (breaks, classes, number and rank text) are
plain functions so tests check them by hand; the coloured features are built once per (indicator, year, language) by
``national_view`` (``state.cached_view``) and shared read-only by every session.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from machikurabe.analysis import change, national
from machikurabe.analysis.formatting import format_number, is_missing
from machikurabe.credits import (
    SSDSE_CREDIT_EN,
    SSDSE_CREDIT_JA,
)
from machikurabe.i18n import t
from machikurabe.paths import PREFECTURES_GEOJSON
from machikurabe.ui import state
from machikurabe.ui.boundaries import SHIPPED_BOUNDARIES_PATH

CLASSES = 5
PALETTE = "Cividis"  # sequential, readable with every common colour-vision deficiency (Nuñez et al. 2018)
MISSING_RGBA = [221, 221, 221, 255]  # light grey: データなし / No data
MODEL_OUTLINE_RGBA = [213, 94, 0, 255]  # Okabe-Ito vermilion: stands out on every cividis class
# on the change map vermilion would read as a fall (RdBu's red side): the model towns are outlined thin and black there,
# the chosen place thick black in a white ring
MODEL_OUTLINE_CHANGE_RGBA = [0, 0, 0, 255]
CHOSEN_OUTLINE_RGBA = [0, 0, 0, 255]
CHOSEN_HALO_RGBA = [255, 255, 255, 255]
CHOSEN_LINE_PX, CHOSEN_HALO_PX = 5, 9  # centred on the border; the place's own fill covers their inner halves
PREFECTURE_LINE_RGBA = [60, 60, 60, 255]
DEFAULT_INDICATOR = "ageing_rate_pct"
MAP_HEIGHT_PX = 620
# The four main islands, 神崎鼻 (129.55°E) to 納沙布岬 (145.82°E), fit the 358 px map of a 390 px phone at this
# centre and zoom (Web Mercator: a map w px wide spans w·360 / (512·2^zoom) degrees of longitude); a desktop column
# shows Okinawa and the Ogasawara too.
JAPAN_VIEW = {"latitude": 37.2, "longitude": 137.7, "zoom": 3.9}
# order of the topics in the indicator box; a topic not listed goes last
TOPIC_ORDER = ("population", "households", "labour", "economy", "finance", "welfare", "health", "culture", "living",
               "land")

# deck.gl substitutes (and HTML-escapes) the feature's properties; pre-line keeps the tooltip's newlines
TOOLTIP = {
    "html": "<b>{name}</b><br/>{tooltip}",
    "style": {"backgroundColor": "#222", "color": "#fff", "fontSize": "13px", "whiteSpace": "pre-line"},
}


# --- numbers -------------------------------------------------------------------------------------------------------

def _decimals(meta: dict) -> int:
    value = meta.get("decimals")
    return 0 if is_missing(value) else int(value)


def unit_of(meta: dict, lang: str) -> str:
    unit = meta.get("unit_en") if lang == "en" else meta.get("unit")
    return "" if is_missing(unit) else str(unit)


def format_national(value, meta: dict, lang: str, with_unit: bool = True) -> str:
    """A national figure as Japanese readers expect it: 168,730人, 33.2%, 7.52‰; in English 168,730 persons."""
    if is_missing(value):
        return t("legend_missing", lang)
    number = format_number(value, _decimals(meta))
    unit = unit_of(meta, lang) if with_unit else ""
    if not unit:
        return number
    if unit in ("%", "‰"):
        return f"{number}{unit}"
    if lang == "en" or unit.startswith("km") or unit == "ha":
        return f"{number} {unit}"
    return f"{number}{unit}"


def indicator_label(meta: dict, lang: str) -> str:
    """Name with unit: 高齢化率（%） / Ageing rate (65+ share) (%)."""
    name = meta.get("label_en") if lang == "en" and not is_missing(meta.get("label_en")) else meta.get("label_ja")
    unit = unit_of(meta, lang)
    if not unit:
        return str(name)
    return f"{name} ({unit})" if lang == "en" else f"{name}（{unit}）"


def topic_label(topic: str, lang: str) -> str:
    return t(f"mapn_topic_{topic}", lang) if topic in TOPIC_ORDER else str(topic)


def option_label(meta: dict, lang: str) -> str:
    """The indicator box groups by topic: each choice starts with its topic (typing 人口 finds the whole group)."""
    return f"{topic_label(meta.get('topic'), lang)}｜{indicator_label(meta, lang)}"


def ordered_indicators(catalogue: pd.DataFrame) -> list[str]:
    """Indicator ids grouped by topic (TOPIC_ORDER), within a topic the derived rates first, then by code."""
    order = {topic: i for i, topic in enumerate(TOPIC_ORDER)}
    frame = catalogue.assign(_t=catalogue["topic"].map(lambda x: order.get(x, len(order))),
                             _d=~catalogue["derived"].astype(bool))
    return frame.sort_values(["_t", "_d", "indicator"])["indicator"].tolist()


def years_of(meta: dict) -> list[int]:
    """The years an indicator has (national_indicators.years, a comma list), newest first."""
    text = meta.get("years")
    if is_missing(text):
        return []
    return sorted({int(y) for y in str(text).split(",") if y.strip().isdigit()}, reverse=True)


def _shown(value: float, decimals: int) -> float:
    """The value as printed (format_number rounds the same way), so the class agrees with the legend text."""
    return float(f"{float(value):.{decimals}f}")


def quantile_breaks(values, decimals: int = 1, classes: int = CLASSES) -> list[float]:
    """Class breaks at the quantiles 0, 1/classes, …, 1 of the non-missing values (linear interpolation), rounded to
    the printed decimals; equal breaks (many tied values) merge, so there may be fewer classes."""
    clean = np.asarray([float(v) for v in values if not is_missing(v)], dtype=float)
    if clean.size == 0:
        return []
    raw = np.quantile(clean, np.linspace(0.0, 1.0, classes + 1))
    breaks: list[float] = []
    for b in raw:
        shown = _shown(b, decimals)
        if not breaks or shown > breaks[-1]:
            breaks.append(shown)
    if len(breaks) == 1:  # every value the same: one class from that value to itself
        breaks.append(breaks[0])
    return breaks


def class_of(value, breaks: list[float], decimals: int = 1) -> int | None:
    """0-based class of a value: class i holds breaks[i] <= value < breaks[i+1], the last class also its upper
    break; None for a missing value."""
    if is_missing(value) or len(breaks) < 2:
        return None
    shown = _shown(value, decimals)
    inner = breaks[1:-1]
    return int(np.searchsorted(np.asarray(inner), shown, side="right"))


def class_colours(count: int) -> list[list[int]]:
    """``count`` colours evenly spaced along cividis, dark (low) to yellow (high)."""
    from plotly.colors import sample_colorscale

    positions = [0.5] if count == 1 else [i / (count - 1) for i in range(count)]
    out = []
    for text in sample_colorscale(PALETTE, positions):
        r, g, b = (int(round(float(v))) for v in text[text.index("(") + 1: -1].split(","))
        out.append([r, g, b, 255])
    return out


@dataclass(frozen=True)
class LegendEntry:
    text: str
    rgba: tuple[int, ...]
    count: int


def legend_entries(breaks: list[float], counts: list[int], meta: dict, lang: str, missing: int = 0) -> list[LegendEntry]:
    """One line per class: 「33.2%以上 35.0%未満」, the last 「41.0%以上 62.3%以下」; then データなし when any value is missing."""
    entries = []
    classes = max(0, len(breaks) - 1)
    colours = class_colours(classes) if classes else []
    for i in range(classes):
        lo = format_national(breaks[i], meta, lang)
        hi = format_national(breaks[i + 1], meta, lang)
        key = "mapn_class_last" if i == classes - 1 else "mapn_class"
        entries.append(LegendEntry(t(key, lang, lo=lo, hi=hi), tuple(colours[i]), counts[i] if i < len(counts) else 0))
    if missing:
        entries.append(LegendEntry(t("legend_missing", lang), tuple(MISSING_RGBA), missing))
    return entries


def legend_html(entries: list[LegendEntry], title: str, lang: str, heading: str = "",
                source_lines: tuple[str, ...] = (), model_rgba: list[int] | None = None, wrap: bool = False) -> str:
    """deck.gl draws no legend: swatches with the class breaks and the number of municipalities in each, under the
    indicator with unit and year (``heading``) and over the source lines, so the map's picture says what it shows.
    ``wrap`` lets a long class text break beside its swatch (the change map's narrow column) instead of overflowing."""
    parts = ['<div class="mk-choropleth-legend" style="font-size:0.85rem;line-height:1.5;margin-bottom:0.6rem">']
    if heading:
        parts.append(f'<div style="font-weight:700">{html.escape(heading)}</div>')
    parts.append(f'<div style="font-weight:600;margin-bottom:4px">{html.escape(title)}</div>')
    row = "display:flex;align-items:baseline;gap:6px" if wrap else "white-space:nowrap"
    swatch = "flex:0 0 auto;" if wrap else "vertical-align:middle;margin-right:6px;"
    for entry in entries:
        r, g, b = entry.rgba[:3]
        count = html.escape(t("mapn_legend_count", lang, n=format_number(entry.count)))
        parts.append(f'<div style="{row}"><span style="display:inline-block;width:16px;height:12px;{swatch}'
                     f'background:rgb({r},{g},{b});border:1px solid #777"></span>'
                     f'<span>{html.escape(entry.text)} <span style="color:#666;white-space:nowrap">{count}</span></span>'
                     '</div>')
    r, g, b = (model_rgba or MODEL_OUTLINE_RGBA)[:3]
    parts.append(f'<div style="margin-top:6px;white-space:nowrap"><span style="display:inline-block;width:14px;'
                 f'height:10px;border:2px solid rgb({r},{g},{b});vertical-align:middle;margin-right:6px"></span>'
                 f'{html.escape(t("mapn_legend_model", lang))}</div>')
    parts.append('<div style="white-space:nowrap"><span style="display:inline-block;width:14px;height:10px;'
                 'border:3px solid #000;outline:1px solid #fff;vertical-align:middle;margin-right:6px"></span>'
                 f'{html.escape(t("mapn_legend_chosen", lang))}</div>')
    for line in source_lines:
        parts.append(f'<div style="margin-top:4px;font-size:0.75rem;color:#444">{html.escape(line)}</div>')
    parts.append("</div>")
    return "".join(parts)


def rank_text(rank: int | None, n: int, lang: str) -> str:
    """「全国 123位 / 1,741」 / "Rank 123 of 1,741 in Japan" (1 = highest value)."""
    if rank is None:
        return ""
    return t("mapn_rank", lang, rank=format_number(rank), n=format_number(n))


def ranks(values: pd.Series) -> tuple[pd.Series, int]:
    """Rank in Japan of each non-missing value (1 = highest, ties share the best rank) and how many have a value."""
    numeric = pd.to_numeric(values, errors="coerce")
    return numeric.rank(method="min", ascending=False), int(numeric.notna().sum())


def place_name(row: dict, lang: str) -> str:
    """Japanese name; in English the romaji alone (issue 19: 「Nagasaki City (長崎市) (Nagasaki Prefecture (長崎県))」
    once stood in the chosen-place line), the kanji only where no romaji was stored."""
    romaji = row.get("name_romaji")
    if lang == "en" and isinstance(romaji, str) and romaji:
        return romaji
    return str(row["name"])


def prefecture_name(row: dict, lang: str) -> str:
    romaji = row.get("prefecture_romaji")
    if lang == "en" and isinstance(romaji, str) and romaji:
        return romaji
    return str(row["prefecture"])


def tooltip_text(row: dict, meta: dict, year: int, lang: str, rank: int | None, n: int) -> str:
    """Plain-text lines under the bold name (deck.gl escapes substituted fields, so no markup here)."""
    label = meta.get("label_en") if lang == "en" and not is_missing(meta.get("label_en")) else meta.get("label_ja")
    lines = [prefecture_name(row, lang),
             t("mapn_tooltip_value", lang, label=label, value=format_national(row.get("value"), meta, lang), year=year)]
    if rank is not None:
        lines.append(rank_text(rank, n, lang))
    if bool(row.get("in_model_project")):
        lines.append(t("mapn_tooltip_model", lang))
    return "\n".join(lines)


def colour_frame(values: pd.DataFrame, meta: dict, year: int, lang: str) -> tuple[pd.DataFrame, list[float], list[int]]:
    """Per municipality: class, colour, rank and tooltip; with the breaks and the count of each class."""
    decimals = _decimals(meta)
    breaks = quantile_breaks(values["value"], decimals)
    classes = max(0, len(breaks) - 1)
    colours = class_colours(classes) if classes else []
    rank, n = ranks(values["value"])
    rows = []
    counts = [0] * classes
    for row, r in zip(values.to_dict("records"), rank):
        cls = class_of(row["value"], breaks, decimals)
        if cls is not None:
            counts[cls] += 1
        rank_i = None if pd.isna(r) else int(r)
        rows.append({
            "code": row["code"],
            "name": place_name(row, lang),
            "prefecture": prefecture_name(row, lang),
            "in_model_project": bool(row.get("in_model_project")),
            "lat": None if is_missing(row.get("lat")) else float(row["lat"]),
            "lon": None if is_missing(row.get("lon")) else float(row["lon"]),
            "value": None if is_missing(row["value"]) else float(row["value"]),
            "value_text": format_national(row["value"], meta, lang),
            "class": cls,
            "fill_rgba": list(MISSING_RGBA) if cls is None else list(colours[cls]),
            "rank": rank_i,
            "tooltip": tooltip_text(row, meta, year, lang, rank_i, n),
        })
    return pd.DataFrame(rows), breaks, counts


# --- geometry ------------------------------------------------------------------------------------------------------

@state.cached_view(max_entries=1)
def municipal_geometry() -> dict[str, dict]:
    """code -> GeoJSON geometry of the shipped boundaries (read once per process; shared, never modified)."""
    data = json.loads(SHIPPED_BOUNDARIES_PATH.read_text(encoding="utf-8"))
    out: dict[str, dict] = {}
    for feature in data["features"]:
        props = feature.get("properties") or {}
        code = str(props.get("code") or props.get("N03_007") or "")
        if code:
            out[code] = feature["geometry"]
    return out


@lru_cache(maxsize=1)
def prefecture_lines() -> dict:
    """The 47 prefecture outlines (geo/prefectures.geojson), drawn as lines over the municipalities."""
    data = json.loads(PREFECTURES_GEOJSON.read_text(encoding="utf-8"))
    return {"type": "FeatureCollection",
            "features": [{"type": "Feature", "geometry": f["geometry"], "properties": {}} for f in data["features"]]}


# --- the cached view -------------------------------------------------------------------------------------------------

@dataclass
class NationalView:
    """Everything the page draws for one indicator, year and language (shared by all sessions: read only)."""
    indicator: str
    year: int
    meta: dict
    frame: pd.DataFrame  # one row per municipality: code, name, prefecture, value, class, rank, tooltip…
    breaks: list[float]
    legend: list[LegendEntry]
    features_json: str  # FeatureCollection of every municipality with a polygon: fill and tooltip (compact JSON)
    model_json: str  # FeatureCollection of the model-project towns (outline only)
    points: list[str]  # municipalities whose polygon the shipped file lost in simplification: a square at the office
    table: pd.DataFrame  # the shown values for the table and CSV
    missing: int
    n: int
    by_code: dict = field(default_factory=dict)  # code -> feature (to outline the chosen place)
    about: list = field(default_factory=list)  # definition (formula in words) and source, in the view's language
    year_from: int | None = None  # change map: the earlier year (``year`` is the later one)
    mode: str = "level"  # level (one year), diff (later − earlier) or pct (percent change)
    zero_base: int = 0  # change map in pct mode: places with a value of 0 in the earlier year (no percent change)


SQUARE_HALF_DEG = 0.02  # about 2 km: visible at the national zoom, clearly not a boundary


def office_square(lon: float, lat: float, half: float = SQUARE_HALF_DEG) -> dict:
    """A small square around the office point, for the 11 municipalities whose polygon the shipped boundary file
    lost in simplification (利島村, 青ヶ島村, 大治町, 向日市, 太地町, 日吉津村, 上島町, 姫島村, 座間味村, 粟国村, 渡名喜村):
    drawn in the same fill layer, so no extra layer type (each costs headless Chromium a shader compile)."""
    ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half],
            [lon - half, lat - half]]
    return {"type": "Polygon", "coordinates": [[[round(x, 4), round(y, 4)] for x, y in ring]]}


def catalogue_meta(catalogue: pd.DataFrame) -> dict[str, dict]:
    return {row["indicator"]: row for row in catalogue.to_dict("records")}


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _features(frame: pd.DataFrame) -> tuple[str, str, list[str], dict]:
    """The coloured features of every municipality with a polygon (a square at the office for the few the shipped
    file lost), the model-project towns' outlines, the codes drawn as squares and code -> feature."""
    geometry = municipal_geometry()
    features, model, points, by_code = [], [], [], {}
    for row in frame.to_dict("records"):
        geom = geometry.get(row["code"])
        if geom is None:  # lost in the shipped file's simplification (small islands and towns): a square at the office
            if row["lat"] is None or row["lon"] is None:
                continue
            geom = office_square(row["lon"], row["lat"])
            points.append(row["code"])
        feature = {"type": "Feature", "geometry": geom,
                   "properties": {"code": row["code"], "name": row["name"], "tooltip": row["tooltip"],
                                  "fill_rgba": row["fill_rgba"]}}
        features.append(feature)
        by_code[row["code"]] = feature
        if row["in_model_project"]:
            model.append({"type": "Feature", "geometry": geom, "properties": {}})
    return (_compact({"type": "FeatureCollection", "features": features}),
            _compact({"type": "FeatureCollection", "features": model}), points, by_code)


@state.cached_view(max_entries=64)
def national_view(indicator: str, year: int, lang: str) -> NationalView:
    from machikurabe.ui import st_data

    catalogue = catalogue_meta(st_data.query("national_indicators"))
    meta = catalogue[indicator]
    values = st_data.query("map_national_values", indicator=indicator, year=int(year))
    frame, breaks, counts = colour_frame(values, meta, int(year), lang)
    features_json, model_json, points, by_code = _features(frame)
    missing = int(frame["value"].isna().sum())
    n = int(frame["value"].notna().sum())
    legend = legend_entries(breaks, counts, meta, lang, missing)
    table = value_table(frame, meta, lang)
    return NationalView(indicator, int(year), meta, frame, breaks, legend, features_json, model_json, points, table,
                        missing, n, by_code, about_lines(meta, lang, catalogue))


def indicator_name(meta: dict, lang: str) -> str:
    """The indicator's name without its unit (the files' units row carries the unit)."""
    english = lang == "en" and not is_missing(meta.get("label_en"))
    return str(meta.get("label_en") if english else meta.get("label_ja"))


def value_table(frame: pd.DataFrame, meta: dict, lang: str) -> pd.DataFrame:
    """The shown values as a table (screen and files): code, name, prefecture, the value rounded to the indicator's
    decimals (as the map prints it, never 39.0403833791) and the rank in Japan."""
    decimals = _decimals(meta)
    values = pd.to_numeric(frame["value"], errors="coerce").round(decimals)
    if decimals == 0:
        values = values.astype("Int64")
    return pd.DataFrame({
        t("mapn_col_code", lang): frame["code"],
        t("mapn_col_name", lang): frame["name"],
        t("mapn_col_prefecture", lang): frame["prefecture"],
        indicator_name(meta, lang): values,
        t("mapn_col_rank", lang): frame["rank"].astype("Int64"),
    })


def file_table(view: NationalView, lang: str, chosen: str | None = None, created: str | None = None):
    """The map's values as a ``ui.files.FileTable``: units row, 出典 (SSDSE), the data year, the date and the link
    that rebuilds this map (indicator, year when not the latest, chosen place); definition and rank rule as notes."""
    from machikurabe import urls
    from machikurabe.ui import exports, files

    meta, table = view.meta, view.table
    columns = list(table.columns)
    text = t("mapn_unit_text", lang)
    units = {columns[0]: text, columns[1]: text, columns[2]: text, columns[3]: unit_of(meta, lang),
             columns[4]: t("mapn_unit_rank", lang)}
    years = years_of(meta)
    link = urls.page_url("map", lang, code=chosen or None, indicator=view.indicator,
                         year=None if years and view.year == years[0] else str(view.year))
    notes = [*view.about, t("mapn_file_rank_note", lang)]
    if view.missing:
        notes.append(t("mapn_file_missing", lang, n=format_number(view.missing)))
    title = t("mapn_title", lang, label=indicator_label(meta, lang), year=view.year, n=f"{len(table):,}")
    return files.FileTable(frame=table, title=title, units=units,
                           sources=(SSDSE_CREDIT_EN if lang == "en" else SSDSE_CREDIT_JA,),
                           years=t("mapn_year_option", lang, year=view.year), rebuild_url=link,
                           created=created or exports.today(), notes=tuple(notes))


# --- change between two years ----------------------------------------------------------------------------------------

# ColorBrewer RdBu (Brewer 2002; marked colour-blind safe): red for a fall, near-white for no change, blue for a
# rise. Chosen over PuOr because its two sides are equally light at the same distance from 0 (CIE L* 38/43, 68/66,
# 90/90 around 97), so neither a rise nor a fall looks stronger than it is.
DIVERGING = {
    1: ["#f7f7f7"],
    5: ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"],
    7: ["#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"],
}
# a mid grey (L* 54), not the level map's light grey (L* 88, next to the light classes): it differs in lightness from
# every class colour by 11 or more, so a place without a change reads as grey also without colour vision
CHANGE_MISSING_RGBA = [128, 128, 128, 255]
MINUS = "\u2212"


def change_colours(count: int) -> list[list[int]]:
    return [[int(h[i:i + 2], 16) for i in (1, 3, 5)] + [255] for h in DIVERGING[count]]


def change_modes(meta: dict) -> list[str]:
    """The map's kinds of view for an indicator: its value in one year, and with two years or more the change."""
    if len(years_of(meta)) < 2:
        return ["level"]
    return ["level", *change.modes_for(meta)]


def change_unit(meta: dict, mode: str, lang: str) -> str:
    """Unit of the change: percentage points for a % rate, % for a percent change, else the indicator's unit."""
    unit = unit_of(meta, lang)
    if mode == "pct":
        return "%"
    if unit == "%":
        return t("mapc_points", lang)
    return unit


def format_change(value, meta: dict, mode: str, lang: str, with_unit: bool = True) -> str:
    """A change with its sign and unit: +4.0ポイント, −6,642人, +14.2%; 0.0ポイント for none; データなし."""
    if is_missing(value):
        return t("legend_missing", lang)
    decimals = change.decimals_for(mode, _decimals(meta))
    shown = float(f"{float(value):.{decimals}f}")
    sign = "+" if shown > 0 else (MINUS if shown < 0 else "")
    number = sign + format_number(abs(shown), decimals)
    unit = change_unit(meta, mode, lang) if with_unit else ""
    if not unit:
        return number
    if unit in ("%", "‰"):
        return f"{number}{unit}"
    if lang == "en" or unit.startswith("km") or unit == "ha":
        return f"{number} {unit}"
    return f"{number}{unit}"


def change_label(meta: dict, mode: str, lang: str) -> str:
    """高齢化率の変化（ポイント） / 総人口の増減率（%） / Change in ageing rate (65+ share) (points)."""
    name = indicator_name(meta, lang)
    if lang == "en" and len(name) > 1 and name[1].islower():
        name = name[0].lower() + name[1:]
    key = "mapc_label_pct" if mode == "pct" else ("mapc_label_rate" if unit_of(meta, "ja") == "%" else "mapc_label")
    return t(key, lang, name=name, unit=change_unit(meta, mode, lang))


def change_legend_entries(mags: list[float], counts: list[int], meta: dict, mode: str, lang: str, missing: int = 0,
                          zero_base: int = 0) -> list[LegendEntry]:
    """Falls first, then no change, then rises; the outer classes open-ended (「−4.6ポイント以下」, 「+4.6ポイント以上」);
    then the places without a change: either year missing, and in pct mode an earlier value of 0."""
    fmt = lambda v: format_change(v, meta, mode, lang, with_unit=False)  # noqa: E731 (the heading names the unit)
    bounds = change.breaks(mags)
    k, mid = len(mags), change.centre(mags)
    colours = change_colours(change.class_count(mags))
    texts = []
    for i in range(change.class_count(mags)):
        if i == mid:
            texts.append(t("mapc_class_zero", lang, zero=fmt(0)))
        elif i == 0:
            texts.append(t("mapc_class_low", lang, hi=fmt(bounds[0])))
        elif i == mid - 1:  # −b < x < 0
            texts.append(t("mapc_class_neg_inner", lang, lo=fmt(bounds[i - 1])))
        elif i < mid:  # −c < x ≤ −b
            texts.append(t("mapc_class_neg", lang, lo=fmt(bounds[i - 1]), hi=fmt(bounds[i])))
        elif i == mid + 1:  # 0 < x < b
            texts.append(t("mapc_class_pos_inner", lang, hi=fmt(bounds[i - 1])))
        elif i == 2 * k + 2:  # x ≥ c
            texts.append(t("mapc_class_high", lang, lo=fmt(bounds[-1])))
        else:  # b ≤ x < c
            texts.append(t("mapc_class_pos", lang, lo=fmt(bounds[i - 2]), hi=fmt(bounds[i - 1])))
    entries = [LegendEntry(text, tuple(colours[i]), counts[i] if i < len(counts) else 0) for i, text in enumerate(texts)]
    if missing:
        entries.append(LegendEntry(t("mapc_missing_either", lang), tuple(CHANGE_MISSING_RGBA), missing))
    if zero_base:
        entries.append(LegendEntry(t("mapc_zero_base", lang), tuple(CHANGE_MISSING_RGBA), zero_base))
    return entries


def change_tooltip(row: dict, meta: dict, earlier: int, later: int, mode: str, lang: str) -> str:
    label = indicator_name(meta, lang)
    lines = [prefecture_name(row, lang),
             t("mapc_tooltip_values", lang, label=label, a=format_national(row.get("value_from"), meta, lang),
               b=format_national(row.get("value_to"), meta, lang), y0=earlier, y1=later)]
    if row["status"] == change.MISSING:
        lines.append(t("mapc_tooltip_none", lang))
    elif mode == "pct" and row["status"] == change.ZERO_BASE:
        lines.append(t("mapc_tooltip_zero_base", lang, diff=format_change(row["diff"], meta, "diff", lang)))
    elif mode == "pct":
        lines.append(t("mapc_tooltip_pct", lang, pct=format_change(row["pct"], meta, "pct", lang),
                       diff=format_change(row["diff"], meta, "diff", lang)))
    else:
        lines.append(t("mapc_tooltip_diff", lang, diff=format_change(row["diff"], meta, "diff", lang)))
    if bool(row.get("in_model_project")):
        lines.append(t("mapn_tooltip_model", lang))
    return "\n".join(lines)


def change_colour_frame(values: pd.DataFrame, meta: dict, earlier: int, later: int, mode: str, lang: str):
    """Per municipality: both values, the change, its class, colour and tooltip; with the break magnitudes, the count
    of each class, and how many have no change (either year missing) or, in pct mode, an earlier value of 0."""
    numbers = change.changes(values["value_from"], values["value_to"])
    shown = numbers["pct"] if mode == "pct" else numbers["diff"]
    decimals = change.decimals_for(mode, _decimals(meta))
    mags, classes, counts = change.classify(shown.tolist(), decimals)
    colours = change_colours(change.class_count(mags))
    rows = []
    for row, num, cls in zip(values.to_dict("records"), numbers.to_dict("records"), classes):
        row = {**row, **num}
        rows.append({
            "code": row["code"],
            "name": place_name(row, lang),
            "prefecture": prefecture_name(row, lang),
            "in_model_project": bool(row.get("in_model_project")),
            "lat": None if is_missing(row.get("lat")) else float(row["lat"]),
            "lon": None if is_missing(row.get("lon")) else float(row["lon"]),
            "value_from": None if is_missing(row["value_from"]) else float(row["value_from"]),
            "value_to": None if is_missing(row["value_to"]) else float(row["value_to"]),
            "diff": None if is_missing(row["diff"]) else float(row["diff"]),
            "pct": None if is_missing(row["pct"]) else float(row["pct"]),
            "status": row["status"],
            "value": None if is_missing(shown_value := (row["pct"] if mode == "pct" else row["diff"]))
            else float(shown_value),
            "value_text": format_change(shown_value, meta, mode, lang),
            "class": cls,
            "fill_rgba": list(CHANGE_MISSING_RGBA) if cls is None else list(colours[cls]),
            "rank": None,
            "tooltip": change_tooltip(row, meta, earlier, later, mode, lang),
        })
    return pd.DataFrame(rows), mags, counts


@state.cached_view(max_entries=32)
def change_view(indicator: str, earlier: int, later: int, mode: str, lang: str) -> NationalView:
    """The change map of ``indicator`` from ``earlier`` to ``later`` (diff or pct), shared by every session."""
    from machikurabe.ui import st_data

    catalogue = catalogue_meta(st_data.query("national_indicators"))
    meta = catalogue[indicator]
    values = st_data.query("map_national_change", indicator=indicator, year_from=int(earlier), year_to=int(later))
    frame, mags, counts = change_colour_frame(values, meta, int(earlier), int(later), mode, lang)
    features_json, model_json, points, by_code = _features(frame)
    missing = int((frame["status"] == change.MISSING).sum())
    zero_base = int((frame["status"] == change.ZERO_BASE).sum()) if mode == "pct" else 0
    n = int(frame["value"].notna().sum())
    legend = change_legend_entries(mags, counts, meta, mode, lang, missing, zero_base)
    table = change_table(frame, meta, int(earlier), int(later), lang)
    return NationalView(indicator, int(later), meta, frame, change.breaks(mags), legend, features_json, model_json,
                        points, table, missing, n, by_code, about_lines(meta, lang, catalogue),
                        year_from=int(earlier), mode=mode, zero_base=zero_base)


def change_columns(meta: dict, earlier: int, later: int, lang: str) -> dict[str, str]:
    """Column names of the change table: both years' values, the change and (counts) the percent change."""
    name = indicator_name(meta, lang)
    return {"from": t("mapc_col_value", lang, name=name, year=earlier),
            "to": t("mapc_col_value", lang, name=name, year=later),
            "diff": t("mapc_col_diff", lang, y0=earlier, y1=later),
            "pct": t("mapc_col_pct", lang, y0=earlier, y1=later)}


def change_table(frame: pd.DataFrame, meta: dict, earlier: int, later: int, lang: str) -> pd.DataFrame:
    """Code, name, prefecture, the two years' values and the change as printed (the indicator's decimals; the
    percent change, for counts, to one decimal)."""
    decimals = _decimals(meta)
    names = change_columns(meta, earlier, later, lang)

    def rounded(column: str, digits: int):
        values = pd.to_numeric(frame[column], errors="coerce").round(digits)
        return values.astype("Int64") if digits == 0 else values

    data = {
        t("mapn_col_code", lang): frame["code"],
        t("mapn_col_name", lang): frame["name"],
        t("mapn_col_prefecture", lang): frame["prefecture"],
        names["from"]: rounded("value_from", decimals),
        names["to"]: rounded("value_to", decimals),
        names["diff"]: rounded("diff", decimals),
    }
    if change.percent_allowed(meta):
        data[names["pct"]] = rounded("pct", change.PCT_DECIMALS)
    return pd.DataFrame(data)


def change_title(view: NationalView, lang: str, n: int | None = None) -> str:
    label = change_label(view.meta, view.mode, lang)
    if n is None:
        return t("mapc_heading", lang, label=label, y0=view.year_from, y1=view.year)
    return t("mapc_title", lang, label=label, y0=view.year_from, y1=view.year, n=f"{n:,}")


def change_link(view: NationalView, lang: str, chosen: str | None = None) -> str:
    """The link that rebuilds a change map: ``change`` (diff / pct), ``from`` when not the first year, ``year`` when
    not the latest."""
    from machikurabe import urls

    years = years_of(view.meta)
    return urls.page_url("map", lang, code=chosen or None, indicator=view.indicator, change=view.mode,
                         **{"from": None if years and view.year_from == years[-1] else str(view.year_from)},
                         year=None if years and view.year == years[0] else str(view.year))


def change_file_table(view: NationalView, lang: str, chosen: str | None = None, created: str | None = None):
    """The change map's table as a ``ui.files.FileTable``: both years' values, the change and its unit in the units
    row, the percent change for counts; 出典, both years, date, the rebuild link and how the change is computed."""
    from machikurabe.ui import exports, files

    meta, table = view.meta, view.table
    columns = list(table.columns)
    text = t("mapn_unit_text", lang)
    units = {columns[0]: text, columns[1]: text, columns[2]: text, columns[3]: unit_of(meta, lang),
             columns[4]: unit_of(meta, lang), columns[5]: change_unit(meta, "diff", lang)}
    if len(columns) > 6:
        units[columns[6]] = "%"
    notes = [*view.about, t("mapc_file_note", lang)]
    if change.percent_allowed(meta):
        notes.append(t("mapc_file_note_pct", lang))
    if view.missing:
        notes.append(t("mapc_file_missing", lang, n=format_number(view.missing), y0=view.year_from, y1=view.year))
    if view.zero_base:
        notes.append(t("mapc_file_zero_base", lang, n=format_number(view.zero_base), y0=view.year_from))
    return files.FileTable(frame=table, title=change_title(view, lang, n=len(table)), units=units,
                           sources=(SSDSE_CREDIT_EN if lang == "en" else SSDSE_CREDIT_JA,),
                           years=t("mapc_years", lang, y0=view.year_from, y1=view.year),
                           rebuild_url=change_link(view, lang, chosen), created=created or exports.today(),
                           notes=tuple(notes))


# --- the deck ------------------------------------------------------------------------------------------------------

_SPLICES: "weakref.WeakKeyDictionary" = None  # set below: deck -> {placeholder: JSON text}


def _deck_class():
    """pydeck's Deck whose JSON is compact (pydeck indents by two spaces: 5 MB instead of 1.4 MB for Japan) and takes
    the large, cached FeatureCollections as ready JSON text instead of serialising them on every run."""
    import weakref

    import pydeck as pdk
    from pydeck.bindings.json_tools import default_serialize

    global _SPLICES
    if _SPLICES is None:
        _SPLICES = weakref.WeakKeyDictionary()

    class SplicedDeck(pdk.Deck):
        def to_json(self):
            text = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"),
                              ensure_ascii=False)
            for placeholder, payload in _SPLICES.get(self, {}).items():
                text = text.replace(json.dumps(placeholder), payload, 1)
            return text

    return SplicedDeck


ZOOM_MIN, ZOOM_MAX = 3.0, 11.0


def model_outline(view: NationalView) -> list[int]:
    """Colour of the model-project towns' outline: vermilion on cividis, black on the red-blue change map."""
    return MODEL_OUTLINE_RGBA if view.mode == "level" else MODEL_OUTLINE_CHANGE_RGBA


def zoomed_view(zoom: float, centre: tuple[float, float] | None = None) -> dict:
    """The view after the on-screen + / − buttons: the whole country at the base zoom, else centred on ``centre``
    (lat, lon; the chosen place) when given. Streamlit's deck.gl has no ZoomWidget, so the buttons are Streamlit's."""
    zoom = max(ZOOM_MIN, min(ZOOM_MAX, float(zoom)))
    if zoom <= JAPAN_VIEW["zoom"] or centre is None:
        return {**JAPAN_VIEW, "zoom": zoom}
    return {"latitude": float(centre[0]), "longitude": float(centre[1]), "zoom": zoom}


def build_deck(view: NationalView, chosen: str | None = None, online_tiles: bool = False, height: int = MAP_HEIGHT_PX,
               view_state: dict | None = None):
    """Municipalities filled by class, model-project towns outlined, prefecture outlines on top, the chosen place
    outlined thickest. No basemap unless the user asked for online tiles."""
    import pydeck as pdk

    from machikurabe.ui.maps import NO_BASEMAP_STYLE, ONLINE_BASEMAP_STYLE

    features_token, model_token = "@@splice:municipalities", "@@splice:model-towns"
    layers = [
        # fill only: stroking 1,741 outlines (32k vertices) took headless Chromium 4 s more to draw; hovering a
        # municipality highlights it, and the prefecture lines on top keep the orientation
        pdk.Layer("GeoJsonLayer", id="national-municipalities", data=features_token, stroked=False, filled=True,
                  get_fill_color="properties.fill_rgba", pickable=True, auto_highlight=True,
                  highlight_color=[255, 255, 255, 140]),
    ]
    layers += [
        pdk.Layer("GeoJsonLayer", id="model-project-towns", data=model_token, stroked=True, filled=False,
                  get_line_color=model_outline(view), line_width_min_pixels=1.8 if view.mode == "level" else 1.2,
                  pickable=False),
        pdk.Layer("GeoJsonLayer", id="prefecture-lines", data=prefecture_lines(), stroked=True, filled=False,
                  get_line_color=PREFECTURE_LINE_RGBA, line_width_min_pixels=0.9, pickable=False),
    ]
    if chosen and chosen in view.by_code:
        chosen_fc = {"type": "FeatureCollection", "features": [view.by_code[chosen]]}
        # lines are centred on the border: a white halo and a black line, then the place filled again in its own
        # class colour on top, so only their outer halves show (2.5 px black, 2 px white) and the fill stays true
        # even where the town is a few pixels wide (the national zoom, a 390 px phone)
        layers.append(pdk.Layer("GeoJsonLayer", id="chosen-place-halo", data=chosen_fc, stroked=True, filled=False,
                                get_line_color=CHOSEN_HALO_RGBA, line_width_min_pixels=CHOSEN_HALO_PX,
                                pickable=False))
        layers.append(pdk.Layer("GeoJsonLayer", id="chosen-place", data=chosen_fc, stroked=True, filled=False,
                                get_line_color=CHOSEN_OUTLINE_RGBA, line_width_min_pixels=CHOSEN_LINE_PX,
                                pickable=False))
        layers.append(pdk.Layer("GeoJsonLayer", id="chosen-place-fill", data=chosen_fc, stroked=False, filled=True,
                                get_fill_color="properties.fill_rgba", pickable=False))
    deck = _deck_class()(
        layers=layers,
        initial_view_state=pdk.ViewState(**(view_state or JAPAN_VIEW)),
        views=[pdk.View(type="MapView", controller=True)],
        map_provider="carto" if online_tiles else None,
        map_style=ONLINE_BASEMAP_STYLE if online_tiles else NO_BASEMAP_STYLE,
        tooltip=TOOLTIP,
        height=height,
    )
    _SPLICES[deck] = {features_token: view.features_json, model_token: view.model_json}
    return deck


def legend_sources(lang: str) -> tuple[str, ...]:
    """The short source line and the 国土数値情報 wording that travel with the legend (the full credits are below)."""
    from machikurabe.ui.maps import n03_credit

    return t("mapn_legend_source", lang), n03_credit(lang)


def credit_lines(lang: str, online_tiles: bool) -> list[str]:
    """The SSDSE and N03 wordings (credits.py), then the drawing credits."""
    from machikurabe.ui.maps import n03_credit

    lines = [SSDSE_CREDIT_EN if lang == "en" else SSDSE_CREDIT_JA, n03_credit(lang)]
    lines += [t("credit_outlines", lang), t("credit_deck", lang)]
    if online_tiles:
        lines.append(t("credit_tiles", lang))
    return lines


# The build writes each derived formula with SSDSE column codes and a short English remark; the reader gets words.
_FORMULA_REMARKS = (
    ("(H5507: population reported the same year)", "mapn_fnote_population_same_year"),
    (", same year (2020)", "mapn_fnote_same_year_2020"),
    ("(same year)", "mapn_fnote_same_year"),
    ("(ha → km²)", "mapn_fnote_ha_km2"),
    (", stored as year 2020", "mapn_fnote_stored_2020"),
)
_COLUMN_CODE = re.compile(r"\b([A-Z]\d{4,6})\b(?:\[(\d{4})\])?")


def formula_words(formula, catalogue: dict, lang: str) -> str:
    """A derived indicator's formula in words of the reader's language: 「A1303 / A1101 × 100」 →
    「65歳以上人口 ÷ 総人口 × 100」; ``catalogue`` maps each SSDSE column to its labels (national_indicators)."""
    if is_missing(formula):
        return ""
    text, notes = str(formula).strip(), []
    for remark, key in _FORMULA_REMARKS:
        if remark in text:
            text = text.replace(remark, "").strip()
            notes.append(t(key, lang))

    def words(match: re.Match) -> str:
        meta = catalogue.get(match.group(1)) or {}
        label = meta.get("label_en") if lang == "en" and not is_missing(meta.get("label_en")) else meta.get("label_ja")
        label = match.group(1) if is_missing(label) else str(label)
        return label + (t("mapn_fnote_year", lang, year=match.group(2)) if match.group(2) else "")

    text = _COLUMN_CODE.sub(words, text).replace(" / ", " ÷ ")
    return text + "".join(notes)


def about_lines(meta: dict, lang: str, catalogue: dict | None = None) -> list[str]:
    """Definition (a derived one by its formula in words), formula and source of the indicator."""
    out = []
    definition, formula = national.indicator_definition(meta, lang), national.formula_text(meta.get("formula"), lang)
    if not is_missing(meta.get("formula")):
        name = meta.get("label_en") if lang == "en" and not is_missing(meta.get("label_en")) else meta.get("label_ja")
        formula = formula_words(meta.get("formula"), catalogue or {}, lang)
        definition = f"{name} = {formula}"
    texts = {"definition": definition, "formula": "" if formula in definition else formula,
             "source": national.source_text(meta.get("source"), lang)}
    for key, column in (("mapn_definition", "definition"), ("mapn_formula", "formula"), ("mapn_source", "source")):
        value = texts[column]
        if not is_missing(value) and str(value).strip():
            out.append(t(key, lang, text=str(value)))
    return out
