"""Peer groups for the 比較 page: same kind and size band, same prefecture, nearest neighbours (CIPFA-style
z-score distance with median imputation and a ±50 % weight-stability check) or a hand-picked list.

Prefecture blocks are only ever compared with prefectures, municipalities only with municipalities.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd


GROUP_KINDS = ("size", "prefecture", "nearest", "hand")
DEFAULT_GROUP = "nearest"
DEFAULT_K = 5
MIN_OBSERVED_SHARE = 0.5  # an indicator printed by fewer bodies of the level than this is not used for distance
MAX_K = 20

# (key, lower bound inclusive, upper bound exclusive): 10,000 people is the first member of 10k–50k
SIZE_BANDS = (
    ("lt10k", 0, 10_000),
    ("10k_50k", 10_000, 50_000),
    ("50k_200k", 50_000, 200_000),
    ("200k_500k", 200_000, 500_000),
    ("ge500k", 500_000, math.inf),
)
SIZE_BAND_LABELS = {
    "lt10k": {"ja": "1万人未満", "en": "under 10,000"},
    "10k_50k": {"ja": "1万〜5万人未満", "en": "10,000–49,999"},
    "50k_200k": {"ja": "5万〜20万人未満", "en": "50,000–199,999"},
    "200k_500k": {"ja": "20万〜50万人未満", "en": "200,000–499,999"},
    "ge500k": {"ja": "50万人以上", "en": "500,000 and over"},
}


def level_of(kind: str) -> str:
    """'prefecture' for prefecture blocks, 'municipality' for every other kind."""
    return "prefecture" if kind == "prefecture" else "municipality"


def size_band(population) -> str | None:
    if population is None or pd.isna(population):
        return None
    for key, low, high in SIZE_BANDS:
        if low <= float(population) < high:
            return key
    return None


def _town_row(bodies: pd.DataFrame, code: str) -> pd.Series:
    rows = bodies[bodies["code"] == code]
    if rows.empty:
        raise KeyError(f"unknown body code {code!r}")
    return rows.iloc[0]


def same_level(bodies: pd.DataFrame, code: str) -> pd.DataFrame:
    """All bodies at the town's level (the town included)."""
    town = _town_row(bodies, code)
    level = level_of(town["kind"])
    return bodies[bodies["kind"].map(level_of) == level]








# --- nearest neighbours -------------------------------------------------------------------------------------



@dataclass
class NearestNeighbours:
    """Result of the distance model: the k peers and everything needed to explain them."""
    town_code: str
    k: int
    weights: dict[str, float]
    peers: pd.DataFrame          # code, distance, rank, term_<key>, share_<key> (share of squared distance, %)
    distances: pd.DataFrame      # every other same-level body, sorted by distance
    imputed: pd.DataFrame        # code, indicator, median used: values filled by median imputation
    medians: dict[str, float] = field(default_factory=dict)  # on the transformed (logged) scale
    used_keys: tuple[str, ...] = ()
    sparse_keys: tuple[str, ...] = ()  # weighted but left out: printed by fewer than half the bodies of the level

    @property
    def peer_codes(self) -> list[str]:
        return list(self.peers["code"])


def _standardised(universe: pd.DataFrame, keys, log_keys) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, float]]:
    """z-scores over ``universe`` after logging and median imputation; also the imputed cells."""
    z = pd.DataFrame(index=universe.index)
    imputed_rows = []
    medians = {}
    for key in keys:
        values = pd.to_numeric(universe[key], errors="coerce").astype(float)
        if key in log_keys:
            # a zero or negative size cannot be logged; treat it as missing rather than -inf
            values = np.log(values.where(values > 0))
        median = float(values.median()) if values.notna().any() else 0.0
        medians[key] = median
        for idx in values.index[values.isna()]:
            imputed_rows.append({"code": universe.at[idx, "code"], "indicator": key})
        values = values.fillna(median)
        sd = float(values.std(ddof=0))
        # an indicator with no spread cannot tell bodies apart: it contributes nothing
        z[key] = (values - float(values.mean())) / sd if sd > 0 else 0.0
    imputed = pd.DataFrame(imputed_rows, columns=["code", "indicator"])
    return z, imputed, medians


@dataclass
class _Standardised:
    """The level's bodies on the z scale, computed once and shared by the distance and the stability check."""
    universe: pd.DataFrame
    keys: tuple[str, ...]
    sparse: tuple[str, ...]
    z: pd.DataFrame
    imputed: pd.DataFrame
    medians: dict[str, float]
    town_idx: int


def _standardise_level(bodies: pd.DataFrame, code: str, weights: dict[str, float], log_keys) -> _Standardised:
    universe = same_level(bodies, code).reset_index(drop=True)
    keys = tuple(key for key, w in weights.items() if w and w > 0 and key in universe.columns)
    # an indicator most bodies of the level did not print would be mostly medians: it would pull every
    # body towards the middle rather than tell them apart, so it is left out (and the page says so)
    sparse = tuple(key for key in keys
                   if pd.to_numeric(universe[key], errors="coerce").notna().mean() < MIN_OBSERVED_SHARE)
    keys = tuple(key for key in keys if key not in sparse)
    z, imputed, medians = _standardised(universe, keys, set(log_keys))
    town_idx = int(universe.index[universe["code"] == code][0])
    return _Standardised(universe, keys, sparse, z, imputed, medians, town_idx)


def _rank(std: _Standardised, code: str, weights: dict[str, float], k: int) -> NearestNeighbours:
    universe, keys, z = std.universe, std.keys, std.z
    out = pd.DataFrame({"code": universe["code"]})
    total = np.zeros(len(universe))
    terms = {}
    for key in keys:
        column = z[key].to_numpy(dtype=float)
        terms[key] = float(weights[key]) * (column - column[std.town_idx]) ** 2
        total = total + terms[key]
    for key in keys:
        out[f"term_{key}"] = terms[key]
    out["distance"] = np.sqrt(total)
    safe_total = np.where(total > 0, total, 1.0)
    for key in keys:
        out[f"share_{key}"] = np.where(total > 0, 100.0 * terms[key] / safe_total, 0.0)
    others = out[out["code"] != code].sort_values(["distance", "code"]).reset_index(drop=True)
    others["rank"] = np.arange(1, len(others) + 1)
    k = max(1, min(int(k), len(others)))
    return NearestNeighbours(town_code=code, k=k, weights={key: float(weights[key]) for key in keys},
                             peers=others.head(k).copy(), distances=others, imputed=std.imputed, medians=std.medians,
                             used_keys=keys, sparse_keys=std.sparse)


def nearest_neighbours(bodies: pd.DataFrame, code: str, weights: dict[str, float], k: int = DEFAULT_K,
                       log_keys=("population", "density_per_km2")) -> NearestNeighbours:
    """The k same-level bodies closest to ``code`` in weighted z-score space (Euclidean).

    distance² = Σ wᵢ·(zᵢ(peer) − zᵢ(town))², z over all bodies of the level after logging ``log_keys``
    and replacing missing values by the level median. Ties are broken by code so the result is stable.
    """
    return _rank(_standardise_level(bodies, code, weights, log_keys), code, weights, k)


def peer_stability(bodies: pd.DataFrame, code: str, weights: dict[str, float], k: int = DEFAULT_K,
                   log_keys=("population", "density_per_km2"), change: float = 0.5) -> pd.DataFrame:
    """How many of the k peers stay when each weight alone moves by −/+ ``change`` (50 %).

    Columns: indicator, weight, kept_lower, kept_higher, k. A group that keeps most peers under both changes
    does not hinge on the exact weights.
    """
    # scaling one positive weight keeps it positive, so the indicators used and their z-scores do not change
    std = _standardise_level(bodies, code, weights, log_keys)
    base = _rank(std, code, weights, k)
    base_set = set(base.peer_codes)
    rows = []
    for key in base.used_keys:
        kept = {}
        for label, factor in (("lower", 1 - change), ("higher", 1 + change)):
            varied = dict(weights)
            varied[key] = weights[key] * factor
            result = _rank(std, code, varied, k)
            kept[label] = len(base_set & set(result.peer_codes))
        rows.append({"indicator": key, "weight": weights[key], "kept_lower": kept["lower"],
                     "kept_higher": kept["higher"], "k": base.k})
    return pd.DataFrame(rows, columns=["indicator", "weight", "kept_lower", "kept_higher", "k"])


# --- the comparison as URL parameters -----------------------------------------------------------------------







