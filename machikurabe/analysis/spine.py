"""Numbers behind the benchmark views: for each indicator the town's value against its peers (min, quartiles,
median, max, percentile) and the three reference medians (same level, same prefecture, peer group),
with small-population and data-quality flags.

Quartiles use linear interpolation between order statistics (pandas' default, Hyndman–Fan type 7,
the same as Excel's QUARTILE.INC), so a reader can reproduce them in a spreadsheet.
"""
from __future__ import annotations

import pandas as pd

from machikurabe.analysis import formatting
from machikurabe.safe_text import defuse_formula

SMALL_POPULATION = 5_000  # bodies under this many people: values rest on few people, flag them








def quality_notes(quality: pd.DataFrame | None, code: str, key: str) -> list[dict]:
    """data_quality rows for this body and field (as printed, stored, rule, line)."""
    if quality is None or quality.empty:
        return []
    rows = quality[(quality["municipality_code"] == code) & (quality["field"] == key)]
    return [{"rule": r["rule"], "raw_value": r.get("raw_value"), "value": r.get("value"),
             "source_line": r.get("source_line")} for _, r in rows.iterrows()]


def is_small(population) -> bool:
    return population is not None and not formatting.is_missing(population) and float(population) < SMALL_POPULATION




def spine_positions(row: pd.Series) -> dict:
    """Fingertips-style placement on a 0–1 axis: the peer median at 0.5, scaled by the largest distance from it
    (over peers, the town and the reference medians) so that every mark fits and both halves share one scale."""
    median = row["peer_median"]
    points = [row[c] for c in ("peer_min", "peer_max", "town_value", "level_median", "prefecture_median")]
    points = [p for p in points if p is not None and not formatting.is_missing(p)]
    if median is None or formatting.is_missing(median):
        return {}
    spread = max((abs(p - median) for p in points), default=0.0)

    def pos(x):
        if x is None or formatting.is_missing(x):
            return None
        return 0.5 if spread == 0 else 0.5 + (float(x) - median) / (2 * spread)

    return {name: pos(row[col]) for name, col in (
        ("min", "peer_min"), ("q1", "peer_q1"), ("median", "peer_median"), ("q3", "peer_q3"), ("max", "peer_max"),
        ("town", "town_value"), ("level", "level_median"), ("prefecture", "prefecture_median"))}


# --- names and units for built-in and uploaded indicators ---------------------------------------------------

def indicator_name(key: str, lang: str = "ja", user_meta: dict | None = None) -> str:
    if user_meta and key in user_meta:
        name = str(user_meta[key]["name"])
        # an uploaded header such as =HYPERLINK(...) is shown as text wherever it goes (tables, toolbars)
        return defuse_formula(name)
    from machikurabe.analysis import indicators
    return indicators.get(key).name(lang)


def indicator_unit(key: str, lang: str = "ja", user_meta: dict | None = None) -> str:
    if user_meta and key in user_meta:
        return str(user_meta[key].get("unit") or "")
    from machikurabe.analysis import indicators
    return indicators.get(key).unit(lang)


def indicator_label(key: str, lang: str = "ja", user_meta: dict | None = None) -> str:
    """Name with unit for axis titles: 高齢化率（%） / Ageing rate (%)."""
    name, unit = indicator_name(key, lang, user_meta), indicator_unit(key, lang, user_meta)
    if not unit:
        return name
    return f"{name} ({unit})" if lang == "en" else f"{name}（{unit}）"


def format_indicator(value, key: str, lang: str = "ja", user_meta: dict | None = None) -> str:
    if user_meta and key in user_meta:
        if formatting.is_missing(value):
            return formatting.MISSING_DASH
        number = formatting.format_number(value, int(user_meta[key].get("decimals", 2)), fixed_decimals=False)
        unit = user_meta[key].get("unit") or ""
        return f"{number}{unit}" if unit in ("%", "") or lang != "en" else f"{number} {unit}"
    return formatting.format_value(value, key, lang)
