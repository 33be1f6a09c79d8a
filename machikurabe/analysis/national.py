"""National benchmarking: any municipality against Japan, its prefecture and its official 類似団体 group, over time, and
the model-project towns most like it. Plain functions over the ``places``, ``national_indicators`` and
``national_values`` tables (as DataFrames), so tests run them on small hand-made frames."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from machikurabe.analysis import peers
from machikurabe.analysis.formatting import format_number, is_missing

PREFECTURE = "prefecture"
# indicators the nearest-neighbour model uses by default for the whole country (ids of national_indicators);
# size and settlement (logged), age structure, households, economy and the welfare budget
DEFAULT_WEIGHTS: dict[str, float] = {
    "A1101": 1.0,                          # 総人口
    "density_per_km2": 1.0,                # 人口密度
    "ageing_rate_pct": 1.0,                # 高齢化率
    "single_elderly_household_pct": 0.5,   # 高齢単身世帯の割合
    "primary_employment_pct": 0.5,         # 第1次産業就業者の割合
    "welfare_spending_share_pct": 0.5,     # 民生費の割合
}
LOG_KEYS = ("A1101", "density_per_km2", "habitable_density_per_km2", "A7101", "area_km2")
DEFAULT_K = 15
MODEL_TOWNS_K = 5


@dataclass(frozen=True)
class Standing:
    """Where one value stands among a group: rank 1 = highest; percentile 0 = lowest, 100 = highest."""
    rank: int | None
    n: int
    percentile: float | None
    quintile: int | None  # 1 (lowest fifth) … 5 (highest fifth)


_VARIANTS_MARK = "labels across vintages: "  # how the build (ingest/national.py) lists an item's other names


# The build writes each derived formula once, symbols plus a short English remark; the Japanese reader gets the remark
# in Japanese (tests/test_national.py checks no derived formula keeps an English word in the Japanese view).
_FORMULA_REMARKS_JA = (
    ("(H5507: population reported the same year)", "（H5507：同じ年の住民基本台帳人口）"),
    (", same year (2020)", "（同じ2020年の値）"),
    ("(same year)", "（同じ年の値）"),
    ("(ha → km²)", "（ha → km²）"),
    (", stored as year 2020", "、2020年の値として格納"),
)


def formula_text(formula, lang: str = "ja") -> str:
    """A derived indicator's formula in the reader's language ("" for an item read from the file)."""
    if is_missing(formula):
        return ""
    text = str(formula)
    if lang != "en":
        for english, japanese in _FORMULA_REMARKS_JA:
            text = text.replace(english, japanese)
    return text


_DERIVED_SOURCE = "SSDSE-A (derived)"
# "国勢調査 Population Census", or a Japanese title with an English note in brackets
_SOURCE_SPLIT = re.compile(r"^(?P<ja>[^A-Za-z(]+?)\s*(?:\((?P<note>[A-Za-z].*)\)|(?P<en>[A-Za-z].*))$")
_TITLES_EN = {"統計でみる市区町村のすがた": "Statistical Observations of Shi, Ku, Machi, Mura"}  # the publication's own


def source_text(source, lang: str = "ja") -> str:
    """The survey behind an indicator in the reader's language: the build stores "国勢調査 Population Census"."""
    if is_missing(source):
        return ""
    text = str(source).strip()
    if text == _DERIVED_SOURCE:
        return "derived from SSDSE-A" if lang == "en" else "SSDSE-Aの値から算出"
    parts = _SOURCE_SPLIT.match(text)
    if not parts:
        return text
    japanese = parts["ja"].strip()
    if lang != "en":
        return japanese
    if parts["note"]:
        return f"{_TITLES_EN.get(japanese, japanese)} ({parts['note']})"
    return parts["en"].strip()


def indicator_definition(meta, lang: str = "ja") -> str:
    """What an indicator is, in the reader's language: a derived one by its formula, an SSDSE item by its label and
    the file's own (Japanese) item names, which are what a reader finds in the source; the build's stored
    ``definition`` is bilingual, so it is rebuilt here rather than shown."""
    definition = meta.get("definition")
    definition = "" if is_missing(definition) else str(definition)
    en = lang == "en"
    formula = formula_text(meta.get("formula"), lang)
    if formula:
        return f"{meta.get('label_en' if en else 'label_ja')} = {formula}"
    if not definition.startswith("SSDSE-A "):
        return definition
    variants = definition.split(_VARIANTS_MARK, 1)[1].removesuffix("）") if _VARIANTS_MARK in definition else ""
    code = meta.get("indicator")
    if en:
        return (f"SSDSE-A {code}: {meta.get('label_en')} (item 「{meta.get('label_ja')}」 in the file"
                + (f"; named differently across editions: {variants}" if variants else "") + ")")
    return f"SSDSE-A {code}: {meta.get('label_ja')}" + (f"（版により項目名が異なる：{variants}）" if variants else "")


def standing(values: pd.Series, code: str) -> Standing:
    """Rank, percentile and quintile of ``code`` among the non-missing ``values`` (a Series indexed by code).

    percentile = share of the *other* members with a lower value, ties counting half (so the middle of a group is 50
    and the top 100); quintile = 1 + floor(percentile / 20), capped at 5.
    """
    clean = pd.to_numeric(values, errors="coerce").dropna()
    n = int(len(clean))
    if code not in clean.index:
        return Standing(None, n, None, None)
    mine = float(clean.loc[code])
    others = clean.drop(index=code)
    rank = int((clean > mine).sum()) + 1
    if others.empty:
        return Standing(rank, n, None, None)
    below = float((others < mine).sum()) + 0.5 * float((others == mine).sum())
    percentile = 100.0 * below / len(others)
    return Standing(rank, n, percentile, min(5, int(percentile // 20) + 1))


def municipalities(places: pd.DataFrame) -> pd.DataFrame:
    return places[places["kind"] != PREFECTURE]


def prefecture_code_of(place: pd.Series) -> str:
    return str(place["prefecture_code"])


def type_group(places: pd.DataFrame, code: str) -> pd.DataFrame:
    """The municipalities of the same official 類似団体区分 as ``code`` (itself included); empty for a prefecture."""
    row = places.set_index("code").loc[code]
    if row["kind"] == PREFECTURE or is_missing(row.get("municipal_type")):
        return places.iloc[0:0]
    return places[places["municipal_type"] == row["municipal_type"]]


def latest_year(values: pd.DataFrame, indicator: str) -> int | None:
    """The newest year the indicator has a number for any municipality."""
    rows = values[(values["indicator"] == indicator) & values["value"].notna()]
    return int(rows["year"].max()) if not rows.empty else None


def snapshot(values: pd.DataFrame, indicator: str, year: int) -> pd.Series:
    """code → value of one indicator in one year (NULLs dropped)."""
    rows = values[(values["indicator"] == indicator) & (values["year"] == year) & values["value"].notna()]
    return pd.Series(rows["value"].to_numpy(dtype=float), index=rows["code"].to_numpy())


def comparison_line(value, median, unit: str, decimals: int, lang: str = "ja") -> str:
    """A plain-language reading of a value against the national median (Census Reporter style).

    Rates (%) are compared in points (a difference of shares), everything else as a multiple of the median.
    """
    if is_missing(value) or is_missing(median):
        return ""
    value, median = float(value), float(median)
    if unit == "%":
        diff = value - median
        if abs(diff) < 0.05:
            return "全国中央値とほぼ同じ" if lang != "en" else "about the national median"
        points = format_number(abs(diff), 1)
        if lang == "en":
            return f"{points} points {'above' if diff > 0 else 'below'} the national median"
        return f"全国中央値より{points}ポイント{'高い' if diff > 0 else '低い'}"
    if median <= 0:
        return ""
    ratio = value / median
    if 0.95 <= ratio <= 1.05:
        return "全国中央値とほぼ同じ" if lang != "en" else "about the national median"
    shown = format_number(ratio, 1) if ratio >= 0.1 else format_number(ratio, 2)
    return f"全国中央値の約{shown}倍" if lang != "en" else f"about {shown}× the national median"


def _standing_array(values: np.ndarray, mine: float) -> Standing:
    """``standing`` on a plain array that holds the place's own value once (the fast path of benchmark_table)."""
    n = int(values.size)
    rank = int((values > mine).sum()) + 1
    if n < 2:
        return Standing(rank, n, None, None)
    below = float((values < mine).sum()) + 0.5 * (float((values == mine).sum()) - 1.0)
    percentile = 100.0 * below / (n - 1)
    return Standing(rank, n, percentile, min(5, int(percentile // 20) + 1))


NO_STANDING = Standing(None, 0, None, None)
BENCHMARK_COLUMNS = ["indicator", "topic", "label", "year", "value", "unit", "decimals", "japan_median", "japan_rank",
                     "japan_n", "japan_percentile", "japan_quintile", "prefecture_rank", "prefecture_n", "type_rank",
                     "type_n", "type_quintile", "reading", "aggregated"]


def benchmark_table(code: str, places: pd.DataFrame, values: pd.DataFrame, indicators: pd.DataFrame,
                    lang: str = "ja") -> pd.DataFrame:
    """One row per national indicator the place has: its latest year, value, unit, and its standing in Japan, its
    prefecture and its 類似団体区分 (municipalities), or among the 47 prefectures (a prefecture).

    ``values`` needs, for each indicator, at least every place's value in the place's latest year of it (the query
    national_snapshot_for_place gives exactly that)."""
    by_code = places.set_index("code")
    place = by_code.loc[code]
    is_pref = place["kind"] == PREFECTURE
    universe = places[places["kind"] == PREFECTURE] if is_pref else municipalities(places)
    universe_codes = set(universe["code"])
    pref_codes = set(universe[universe["prefecture_code"] == place["prefecture_code"]]["code"]) if not is_pref else set()
    type_codes = set(type_group(places, code)["code"]) if not is_pref else set()
    meta = indicators.set_index("indicator")
    rows = []
    for indicator, group in values[values["value"].notna()].groupby("indicator", sort=False):
        if indicator not in meta.index:
            continue
        own = group[group["code"] == code]
        if own.empty:
            continue
        year = int(own["year"].max())
        own_row = own[own["year"] == year].iloc[0]
        value = float(own_row["value"])
        same_year = group[group["year"] == year]
        codes = same_year["code"].to_numpy()
        numbers = same_year["value"].to_numpy(dtype=float)
        in_universe = np.fromiter((c in universe_codes for c in codes), bool, len(codes))
        national_numbers = numbers[in_universe]
        japan = _standing_array(national_numbers, value)
        median = float(np.median(national_numbers)) if national_numbers.size else math.nan
        pref = NO_STANDING
        if pref_codes:
            pref = _standing_array(numbers[np.fromiter((c in pref_codes for c in codes), bool, len(codes))], value)
        typ = NO_STANDING
        if type_codes:
            typ = _standing_array(numbers[np.fromiter((c in type_codes for c in codes), bool, len(codes))], value)
        ind = meta.loc[indicator]
        decimals = int(ind["decimals"]) if not is_missing(ind["decimals"]) else 0
        rows.append({
            "indicator": indicator, "topic": ind["topic"],
            "label": ind["label_en"] if lang == "en" else ind["label_ja"],
            "year": year, "value": value, "unit": (ind["unit_en"] if lang == "en" else ind["unit"]) or "",
            "decimals": decimals, "japan_median": median,
            "japan_rank": japan.rank, "japan_n": japan.n, "japan_percentile": japan.percentile,
            "japan_quintile": japan.quintile,
            "prefecture_rank": pref.rank, "prefecture_n": pref.n, "type_rank": typ.rank, "type_n": typ.n,
            "type_quintile": typ.quintile,
            "reading": comparison_line(value, median, ind["unit"] or "", decimals, lang),
            "aggregated": bool(own_row["aggregated"]) if "aggregated" in own_row else False,
        })
    order = {ind: i for i, ind in enumerate(indicators["indicator"])}
    return pd.DataFrame(sorted(rows, key=lambda r: order.get(r["indicator"], 0)), columns=BENCHMARK_COLUMNS)


def trend_frame(code: str, indicator: str, places: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """Long frame (year, series, value) for a trend chart: the place, the median of its prefecture's municipalities,
    the median of its 類似団体区分 and Japan's median, each for every year the indicator has (medians, not the
    prefecture's total, so that a count is compared with towns, not with a sum). Empty with fewer than two years."""
    rows = values[(values["indicator"] == indicator) & values["value"].notna()]
    years = sorted(rows["year"].unique())
    if len(years) < 2:
        return pd.DataFrame(columns=["year", "series", "value"])
    by_code = places.set_index("code")
    place = by_code.loc[code]
    is_pref = place["kind"] == PREFECTURE
    muni = set(municipalities(places)["code"])
    type_codes = set(type_group(places, code)["code"]) if not is_pref else set()
    pref_codes = set(municipalities(places).loc[lambda f: f["prefecture_code"] == place["prefecture_code"], "code"])
    out = []
    for year in years:
        this = rows[rows["year"] == year].set_index("code")["value"]
        if code in this.index:
            out.append({"year": int(year), "series": "place", "value": float(this.loc[code])})
        if not is_pref:
            in_pref = this[this.index.isin(pref_codes)]
            if not in_pref.empty:
                out.append({"year": int(year), "series": "prefecture_median", "value": float(in_pref.median())})
        if type_codes:
            group = this[this.index.isin(type_codes)]
            if not group.empty:
                out.append({"year": int(year), "series": "type_median", "value": float(group.median())})
        japan = this[this.index.isin(muni)] if not is_pref else this[~this.index.isin(muni)]
        if not japan.empty:
            out.append({"year": int(year), "series": "japan_median", "value": float(japan.median())})
    return pd.DataFrame(out, columns=["year", "series", "value"])


def wide_latest(places: pd.DataFrame, values: pd.DataFrame, indicator_ids) -> pd.DataFrame:
    """Municipalities × indicators: each indicator's value in its latest national year (one year for all places, so
    the comparison is like with like), with code, name, prefecture, kind, type and ``in_model_project``."""
    muni = municipalities(places)[["code", "name", "name_romaji", "prefecture", "prefecture_code", "kind",
                                   "municipal_type", "in_model_project"]].copy()
    out = muni.set_index("code")
    for indicator in indicator_ids:
        year = latest_year(values[values["code"].isin(out.index)], indicator)
        if year is None:
            continue
        out[indicator] = snapshot(values, indicator, year).reindex(out.index)
    return out.reset_index()


def nearest_model_towns(code: str, wide: pd.DataFrame, weights: dict[str, float] | None = None,
                        k: int = MODEL_TOWNS_K, log_keys=LOG_KEYS) -> pd.DataFrame:
    """The model-project municipalities closest to ``code`` by the same distance as 比較's nearest neighbours:
    z-scores over every municipality in Japan (logged sizes, median-filled gaps), weighted Euclidean distance.
    Returns code, distance and rank, nearest first (the place itself left out)."""
    weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
    weights = {key: w for key, w in weights.items() if key in wide.columns}
    result = peers.nearest_neighbours(wide, code, weights, k=len(wide), log_keys=log_keys)
    model = set(wide.loc[wide["in_model_project"].astype(bool), "code"])
    ranked = result.distances[result.distances["code"].isin(model)].head(k).reset_index(drop=True)
    ranked["rank"] = np.arange(1, len(ranked) + 1)
    return ranked[["code", "distance", "rank"]]
