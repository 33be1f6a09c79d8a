"""Numbers behind the benchmark views: for each indicator the town's value against its peers (min, quartiles,
median, max, percentile) and the three reference medians (same level, same prefecture, peer group),
with small-population and data-quality flags.

Quartiles use linear interpolation between order statistics (pandas' default, Hyndman–Fan type 7,
the same as Excel's QUARTILE.INC), so a reader can reproduce them in a spreadsheet.
"""
from __future__ import annotations

import pandas as pd

from machikurabe.analysis import formatting
from machikurabe.analysis.peers import level_of
from machikurabe.safe_text import defuse_formula

SMALL_POPULATION = 5_000  # bodies under this many people: values rest on few people, flag them


def summary_stats(values) -> dict:
    """n, min, q1, median, q3, max of the non-missing ``values`` (None for each when there are none)."""
    clean = pd.to_numeric(pd.Series(values, dtype="object"), errors="coerce").dropna().astype(float)
    if clean.empty:
        return {"n": 0, "min": None, "q1": None, "median": None, "q3": None, "max": None}
    return {"n": int(clean.size), "min": float(clean.min()), "q1": float(clean.quantile(0.25)),
            "median": float(clean.median()), "q3": float(clean.quantile(0.75)), "max": float(clean.max())}


def _median(values) -> float | None:
    clean = pd.to_numeric(values, errors="coerce").dropna()
    return float(clean.median()) if not clean.empty else None


def reference_medians(bodies: pd.DataFrame, town_code: str, peer_codes, key: str) -> dict:
    """The three benchmarks for one indicator.

    level: all bodies of the town's level (municipalities or prefectures), the town included;
    prefecture: municipalities of the town's prefecture, the town included (None for a prefecture block,
    which would only be compared with itself); peers: the peer group, the town excluded.
    """
    town = bodies[bodies["code"] == town_code].iloc[0]
    level = level_of(town["kind"])
    levels = bodies["kind"].map(level_of)
    level_values = bodies.loc[levels == level, key]
    if level == "prefecture":
        pref_median = None
    else:
        pref_median = _median(bodies.loc[(levels == level) & (bodies["prefecture"] == town["prefecture"]), key])
    peers = bodies[bodies["code"].isin(list(peer_codes))]
    return {"level": _median(level_values), "prefecture": pref_median, "peers": _median(peers[key])}


def quality_notes(quality: pd.DataFrame | None, code: str, key: str) -> list[dict]:
    """data_quality rows for this body and field (as printed, stored, rule, line)."""
    if quality is None or quality.empty:
        return []
    rows = quality[(quality["municipality_code"] == code) & (quality["field"] == key)]
    return [{"rule": r["rule"], "raw_value": r.get("raw_value"), "value": r.get("value"),
             "source_line": r.get("source_line")} for _, r in rows.iterrows()]


def is_small(population) -> bool:
    return population is not None and not formatting.is_missing(population) and float(population) < SMALL_POPULATION


def spine_table(bodies: pd.DataFrame, town_code: str, peer_codes, keys, quality: pd.DataFrame | None = None
                ) -> pd.DataFrame:
    """One row per indicator: the town against its peers and the three reference medians."""
    town = bodies[bodies["code"] == town_code].iloc[0]
    peers = bodies[bodies["code"].isin(list(peer_codes)) & (bodies["code"] != town_code)]
    rows = []
    for key in keys:
        stats = summary_stats(peers[key])
        value = town[key]
        value = None if formatting.is_missing(value) else float(value)
        refs = reference_medians(bodies, town_code, peers["code"], key)
        notes = quality_notes(quality, town_code, key)
        peer_flags = [c for c in peers["code"] if quality_notes(quality, c, key)]
        rows.append({
            "indicator": key,
            "town_value": value,
            "peer_n": stats["n"],
            "peer_min": stats["min"], "peer_q1": stats["q1"], "peer_median": stats["median"],
            "peer_q3": stats["q3"], "peer_max": stats["max"],
            "difference": None if value is None or stats["median"] is None else value - stats["median"],
            "percentile": formatting.percentile_of(peers[key], value) if value is not None else None,
            "level_median": refs["level"], "prefecture_median": refs["prefecture"],
            "town_small": is_small(town["population"]),
            "town_quality_rules": ", ".join(dict.fromkeys(n["rule"] for n in notes)),
            "town_quality_raw": " / ".join(str(n["raw_value"]) for n in notes if n["raw_value"] is not None),
            "peers_with_quality_notes": len(peer_flags),
        })
    return pd.DataFrame(rows)


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
        number = formatting.format_number(value, 2, fixed_decimals=False)
        unit = user_meta[key].get("unit") or ""
        return f"{number}{unit}" if unit in ("%", "") or lang != "en" else f"{number} {unit}"
    return formatting.format_value(value, key, lang)
