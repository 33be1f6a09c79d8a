"""比較 over the whole country: any of the 1,741 municipalities (or 47 prefectures) against a peer group drawn from
all places of its level, on the national indicators (latest year each) plus the plan's own figures where the place is
one of the 63 model-project bodies. Plain functions over DataFrames (no Streamlit, no plotly).

Group kinds: nearest neighbours (CIPFA-style distance of ``peers.nearest_neighbours`` over every place of the level,
k 5–50, default 15), the official 類似団体区分 (same ``municipal_type``), same prefecture, same kind and population
band, hand-picked. Each indicator's reading against the group is by quintile within the group (lower / similar /
higher): a position, never a good/bad verdict.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from machikurabe import urls
from machikurabe.analysis import national, peers
from machikurabe.analysis.formatting import is_missing

GROUP_KINDS = ("nearest", "type", "prefecture", "size", "hand")
DEFAULT_GROUP = "nearest"
DEFAULT_K = national.DEFAULT_K  # 15
MIN_K, MAX_K = 5, 50
POPULATION = "A1101"  # 総人口 (census): the size of a place for size bands and the ＊ small-place mark

# the default set of indicators shown (ids of national_indicators), in display order
DEFAULT_INDICATORS: tuple[str, ...] = (
    "A1101", "density_per_km2", "ageing_rate_pct", "over75_share_pct", "child_share_pct",
    "single_elderly_household_pct", "unemployment_rate_pct", "primary_employment_pct", "foreign_share_pct",
    "welfare_spending_per_person_yen", "welfare_spending_share_pct", "D2203", "doctors_per_10000",
)
# the plan's own figures (table municipalities, 63 bodies, FY2019 plans), shown where the place has them
PLAN_KEYS: tuple[str, ...] = ("welfare_rate_pct", "association_rate_pct", "promoter_count")
PLAN_YEAR = 2019
# reading of a value within its group, by quintile (1 = lowest fifth … 5 = highest fifth)
READINGS = ("much_lower", "lower", "similar", "higher", "much_higher")


def reading_of(quintile) -> str | None:
    if quintile is None or is_missing(quintile):
        return None
    return READINGS[int(quintile) - 1]


def clamp_k(k, n_candidates: int | None = None) -> int:
    try:
        k = int(k)
    except (TypeError, ValueError):
        k = DEFAULT_K
    k = min(max(k, MIN_K), MAX_K)
    return min(k, n_candidates) if n_candidates else k


# --- the wide frame -------------------------------------------------------------------------------------------

def wide_frame(places: pd.DataFrame, latest: pd.DataFrame, plan: pd.DataFrame | None = None
               ) -> tuple[pd.DataFrame, dict[str, int]]:
    """Every place (municipalities and prefectures) × indicators from ``latest`` (long: code, indicator, year,
    value — one year per indicator, queries/peers_latest_values.sql), plus the plan figures of the 63 bodies.
    Returns the frame (code, names, kind, prefecture, municipal_type, in_model_project, population, one column per
    indicator) and the year of each indicator."""
    base = places[["code", "name", "name_romaji", "prefecture", "prefecture_code", "kind", "municipal_type",
                   "in_model_project"]].copy()
    base["in_model_project"] = base["in_model_project"].fillna(False).astype(bool)
    years = {str(k): int(v) for k, v in latest.groupby("indicator")["year"].max().items()}
    if not latest.empty:
        values = latest.pivot_table(index="code", columns="indicator", values="value", aggfunc="first")
        values.columns = [str(c) for c in values.columns]
        base = base.merge(values, left_on="code", right_index=True, how="left")
    if plan is not None and not plan.empty:
        keys = [k for k in PLAN_KEYS if k in plan.columns]
        base = base.merge(plan[["code", *keys]], on="code", how="left")
        years.update({k: PLAN_YEAR for k in keys})
    base["population"] = base[POPULATION] if POPULATION in base.columns else np.nan
    return base.reset_index(drop=True), years


def level_frame(wide: pd.DataFrame, code: str) -> pd.DataFrame:
    """All places of the chosen place's level (municipalities or prefectures), itself included."""
    return peers.same_level(wide, code)


# --- peer groups ----------------------------------------------------------------------------------------------

@dataclass
class Group:
    kind: str
    code: str
    codes: list[str]                      # the peers, the place itself left out
    k: int | None = None
    weights: dict[str, float] = field(default_factory=dict)
    nearest: peers.NearestNeighbours | None = None
    stability: pd.DataFrame | None = None
    dropped: list[str] = field(default_factory=list)
    band: str | None = None               # size band of the place (group kind "size")
    municipal_type: str | None = None     # 類似団体区分 (group kind "type")


def peer_group(wide: pd.DataFrame, code: str, kind: str, k: int = DEFAULT_K, weights: dict[str, float] | None = None,
               hand=(), log_keys=national.LOG_KEYS, with_stability: bool = True) -> Group:
    """The peer group of ``code`` of one kind, over every place of its level."""
    level = level_frame(wide, code)
    place = wide.loc[wide["code"] == code].iloc[0]
    others = level[level["code"] != code]
    if kind == "type":
        typ = place.get("municipal_type")
        if place["kind"] == national.PREFECTURE or is_missing(typ):
            return Group(kind, code, [])
        codes = list(others.loc[others["municipal_type"] == typ, "code"])
        return Group(kind, code, codes, municipal_type=str(typ))
    if kind == "prefecture":
        if place["kind"] == national.PREFECTURE:
            return Group(kind, code, [])
        return Group(kind, code, list(others.loc[others["prefecture_code"] == place["prefecture_code"], "code"]))
    if kind == "size":
        band = peers.size_band(place["population"])
        mask = (others["kind"] == place["kind"]) & (others["population"].map(peers.size_band) == band)
        return Group(kind, code, list(others.loc[mask, "code"]) if band else [], band=band)
    if kind == "hand":
        wanted = [c for c in dict.fromkeys(hand or ()) if c != code]
        known = set(others["code"])
        return Group(kind, code, [c for c in wanted if c in known], dropped=[c for c in wanted if c not in known])
    weights = {key: float(w) for key, w in (weights or national.DEFAULT_WEIGHTS).items()
               if key in wide.columns and w and float(w) > 0}
    if not weights:
        weights = {key: w for key, w in national.DEFAULT_WEIGHTS.items() if key in wide.columns}
    k = clamp_k(k, len(others))
    nearest = peers.nearest_neighbours(level, code, weights, k, log_keys)
    stability = peers.peer_stability(level, code, weights, k, log_keys) if with_stability else None
    return Group(kind, code, nearest.peer_codes, k=nearest.k, weights=nearest.weights, nearest=nearest,
                 stability=stability)


# --- the indicator table --------------------------------------------------------------------------------------

def _quantiles(values: pd.Series) -> dict:
    if values.empty:
        return {"n": 0, "min": None, "q1": None, "median": None, "q3": None, "max": None}
    return {"n": int(values.size), "min": float(values.min()), "q1": float(values.quantile(0.25)),
            "median": float(values.median()), "q3": float(values.quantile(0.75)), "max": float(values.max())}


def indicator_table(wide: pd.DataFrame, code: str, peer_codes, keys, years: dict[str, int]) -> pd.DataFrame:
    """One row per indicator that any place of the level has (the place's own value may be empty): its value and year, the peer group's spread, median and the
    place's rank and quintile within group + place, the Japan median and rank (all places of the level), and the
    median of the municipalities of its prefecture. Column names follow spine.spine_positions (town_value,
    peer_min … peer_max, level_median, prefecture_median) so the spine chart reads them directly."""
    level = level_frame(wide, code).set_index("code")
    place = level.loc[code]
    is_pref = place["kind"] == national.PREFECTURE
    group_codes = [c for c in peer_codes if c in level.index and c != code]
    pref_mask = (level["prefecture_code"] == place["prefecture_code"]) if not is_pref else None
    rows = []
    for key in keys:
        if key not in level.columns:
            continue
        column = pd.to_numeric(level[key], errors="coerce")
        japan_values = column.dropna()
        if japan_values.empty:
            continue  # no place of the level has it (e.g. a municipal figure for a prefecture): nothing to compare
        value = column.get(code)
        # a place without a value keeps its row (value, rank and reading empty, the group's figures shown): an
        # indicator never vanishes from the table and its files because the chosen place lacks it
        value = None if value is None or is_missing(value) else float(value)
        if value is None and key in PLAN_KEYS:
            continue  # the plans' own figures exist for the 63 model-project bodies only: no row for any other place
        group = column.reindex(group_codes).dropna()
        stats = _quantiles(group)
        within = national.standing(pd.concat([group, pd.Series({code: value})]), code) if value is not None else None
        japan = national.standing(japan_values, code) if value is not None else None
        pref_values = column[pref_mask].dropna() if pref_mask is not None else pd.Series(dtype=float)
        rows.append({
            "indicator": key, "year": years.get(key), "town_value": value,
            "peer_n": stats["n"], "peer_min": stats["min"], "peer_q1": stats["q1"], "peer_median": stats["median"],
            "peer_q3": stats["q3"], "peer_max": stats["max"],
            "difference": None if stats["median"] is None or value is None else value - stats["median"],
            "group_rank": within.rank if within is not None and stats["n"] else None,
            "group_n": within.n if within is not None else stats["n"],
            "group_percentile": within.percentile if within is not None else None,
            "group_quintile": within.quintile if within is not None else None,
            "reading": reading_of(within.quintile) if within is not None else None,
            "level_median": float(japan_values.median()),
            "japan_rank": japan.rank if japan is not None else None, "japan_n": int(japan_values.size),
            # places of the level in all (the Japan rank and median cover japan_n of them)
            "level_n": int(len(level)),
            "prefecture_median": float(pref_values.median()) if not pref_values.empty else None,
            "town_quality_rules": "",
        })
    return pd.DataFrame(rows, columns=[
        "indicator", "year", "town_value", "peer_n", "peer_min", "peer_q1", "peer_median", "peer_q3", "peer_max",
        "difference", "group_rank", "group_n", "group_percentile", "group_quintile", "reading", "level_median",
        "japan_rank", "japan_n", "level_n", "prefecture_median", "town_quality_rules"])


def reference_values(wide: pd.DataFrame, code: str, peer_codes, key: str) -> dict:
    """The three reference lines of one indicator: Japan median (level), median of the prefecture's
    municipalities, peer-group median (place excluded)."""
    level = level_frame(wide, code)
    place = level.loc[level["code"] == code].iloc[0]
    column = pd.to_numeric(level[key], errors="coerce") if key in level.columns else pd.Series(dtype=float)

    def med(mask) -> float | None:
        clean = column[mask].dropna()
        return float(clean.median()) if not clean.empty else None

    pref = None if place["kind"] == national.PREFECTURE else med(
        (level["prefecture_code"] == place["prefecture_code"]).to_numpy())
    return {"level": med(np.ones(len(level), dtype=bool)), "prefecture": pref,
            "peers": med(level["code"].isin([c for c in peer_codes if c != code]).to_numpy())}


# --- the view as URL parameters -------------------------------------------------------------------------------

@dataclass
class ViewParams:
    code: str
    group: str = DEFAULT_GROUP
    k: int = DEFAULT_K
    weights: dict[str, float] = field(default_factory=lambda: dict(national.DEFAULT_WEIGHTS))
    hand: list[str] = field(default_factory=list)


def parse_weights(raw: str | None, allowed) -> dict[str, float] | None:
    """``key:weight,…`` from the URL; unknown keys and values outside 0–10 dropped; None when nothing is left."""
    if not raw:
        return None
    allowed = set(allowed)
    parsed = {}
    for part in str(raw).split(","):
        key, _, number = part.partition(":")
        try:
            value = float(number)
        except ValueError:
            continue
        if key in allowed and math.isfinite(value) and 0 <= value <= 10:
            parsed[key] = value
    return parsed or None


def weights_param(weights: dict[str, float]) -> str | None:
    """The weights for the URL, or None when they are the defaults."""
    active = {k: w for k, w in weights.items() if w > 0}
    if active == {k: w for k, w in national.DEFAULT_WEIGHTS.items()}:
        return None
    return ",".join(f"{k}:{w:g}" for k, w in active.items()) or None


def rebuild_url(params: ViewParams, lang: str = "ja") -> str:
    """The relative link that rebuilds the view (no host name), e.g. /peers?code=05203&group=nearest&k=15."""
    nearest = params.group == "nearest"
    return urls.page_url("peers", lang, code=params.code, group=params.group,
                         k=str(params.k) if nearest else None, w=weights_param(params.weights) if nearest else None,
                         hand=",".join(params.hand) if params.group == "hand" and params.hand else None)
