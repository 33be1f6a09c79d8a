"""比較 推移 (peers over time): a place against today's peer group in every year of the national data — the group's
median and interquartile range per year, the national median, the place's rank and fifth within the group — and a
plain reading of the change over the period. Plain functions over DataFrames (no Streamlit, no wording: ids and
numbers only; ui/trend_view.py words them).

The group is today's membership carried back to earlier years (a place's position against the same peers); codes
that changed are read as today's codes by the build (README: 那珂川町 40305 → 那珂川市 40231).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from machikurabe.analysis import national

# the default indicators of the 推移 view: welfare-relevant series with a value in at least five years (census
# figures have two, 2015 and 2020, and are offered too, but a trend of two points says little)
DEFAULT_TREND_INDICATORS: tuple[str, ...] = (
    "H5507", "births_per_1000", "deaths_per_1000", "net_migration_per_1000",
    "welfare_spending_per_person_yen", "welfare_spending_share_pct", "D2203", "D2211",
)
# a gap between the place and the group median counts as widened or narrowed only past this share of its first size
GAP_TOLERANCE = 0.05

TREND_COLUMNS = ["indicator", "year", "place_value", "group_n", "group_q1", "group_median", "group_q3",
                 "national_median", "national_n", "rank", "rank_n", "percentile", "quintile"]


def trend_table(values: pd.DataFrame, code: str, group_codes, medians: pd.DataFrame, indicators) -> pd.DataFrame:
    """One row per indicator and year the indicator has anywhere in ``values`` or ``medians``.

    ``values``: long (code, indicator, year, value) for the place and its group; ``medians``: (indicator, year,
    median, n) over every place of the level. A year without the place's value keeps its row with NaN (a gap in the
    line, never an interpolated point); rank and fifth are within the group plus the place, as on 比較."""
    group = [c for c in dict.fromkeys(group_codes) if c != code]
    rows = []
    for indicator in indicators:
        own = values[values["indicator"] == indicator]
        ref = medians[medians["indicator"] == indicator].set_index("year")
        years = sorted({*own["year"].astype(int), *ref.index.astype(int)})
        for year in years:
            in_year = own[own["year"] == year].set_index("code")["value"].astype(float)
            peers = in_year.reindex(group).dropna()
            place = in_year.get(code, np.nan)
            standing = national.standing(pd.concat([peers, pd.Series({code: place})]).dropna(), code) \
                if not pd.isna(place) else None
            rows.append({
                "indicator": indicator, "year": int(year), "place_value": float(place),
                "group_n": int(peers.size),
                "group_q1": float(peers.quantile(0.25)) if peers.size else np.nan,
                "group_median": float(peers.median()) if peers.size else np.nan,
                "group_q3": float(peers.quantile(0.75)) if peers.size else np.nan,
                "national_median": float(ref.at[year, "median"]) if year in ref.index else np.nan,
                "national_n": int(ref.at[year, "n"]) if year in ref.index else 0,
                "rank": standing.rank if standing else None,
                "rank_n": standing.n if standing else None,
                "percentile": standing.percentile if standing else None,
                "quintile": standing.quintile if standing else None,
            })
    return pd.DataFrame(rows, columns=TREND_COLUMNS)


def within_period(table: pd.DataFrame, first: int | None, last: int | None) -> pd.DataFrame:
    """The rows of the years from ``first`` to ``last`` (either may be None: open)."""
    keep = pd.Series(True, index=table.index)
    if first is not None:
        keep &= table["year"] >= int(first)
    if last is not None:
        keep &= table["year"] <= int(last)
    return table[keep]


@dataclass(frozen=True)
class ChangeReading:
    """How one indicator moved over the period, for the place and its group. Numbers and ids only.

    ``gap_trend``: "widened" / "narrowed" / "unchanged" (|gap| within GAP_TOLERANCE of its first size) / "crossed"
    (the place passed the group median); ``verdict``: "better" / "worse" only where the indicator's direction is
    documented (higher_better / lower_better) and the place moved to another fifth; None otherwise."""
    indicator: str
    years: int                       # years with the place's value in the period
    first_year: int | None
    last_year: int | None
    place_first: float | None
    place_last: float | None
    place_change: float | None
    group_change: float | None       # change of the group median between the same two years
    quintile_first: int | None
    quintile_last: int | None
    rank_first: int | None
    rank_n_first: int | None
    rank_last: int | None
    rank_n_last: int | None
    percentile_change: float | None  # position within the group, last minus first (0–100 scale)
    gap_first: float | None          # place minus group median
    gap_last: float | None
    gap_trend: str | None
    direction: str | None
    verdict: str | None

    @property
    def has_trend(self) -> bool:
        return self.years >= 2


def _num(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def gap_trend(gap_first: float | None, gap_last: float | None, tolerance: float = GAP_TOLERANCE) -> str | None:
    if gap_first is None or gap_last is None:
        return None
    if gap_first * gap_last < 0:
        return "crossed"
    before, after = abs(gap_first), abs(gap_last)
    if abs(after - before) <= tolerance * max(before, 1e-12) or before == after:
        return "unchanged"
    return "widened" if after > before else "narrowed"


# the documented directions an indicator may carry; without one, no better or worse is said
DIRECTIONS = ("higher_better", "lower_better")


def verdict(direction: str | None, quintile_first: int | None, quintile_last: int | None) -> str | None:
    """Better or worse only for a documented direction and a move to another fifth."""
    if direction not in DIRECTIONS or quintile_first is None or quintile_last is None:
        return None
    if quintile_first == quintile_last:
        return None
    up = quintile_last > quintile_first
    return "better" if up == (direction == "higher_better") else "worse"


def change_reading(table: pd.DataFrame, indicator: str, direction: str | None = None) -> ChangeReading:
    """The change of one indicator between the first and the last year in which the place has a value."""
    rows = table[(table["indicator"] == indicator) & table["place_value"].notna()].sort_values("year")
    if rows.empty:
        return ChangeReading(indicator, 0, *([None] * 16), direction, None)
    first, last = rows.iloc[0], rows.iloc[-1]
    gap_first = _num(first["place_value"] - first["group_median"]) if pd.notna(first["group_median"]) else None
    gap_last = _num(last["place_value"] - last["group_median"]) if pd.notna(last["group_median"]) else None
    several = len(rows) >= 2
    q_first, q_last = _int(first["quintile"]), _int(last["quintile"])
    p_first, p_last = _num(first["percentile"]), _num(last["percentile"])
    return ChangeReading(
        indicator=indicator, years=int(len(rows)), first_year=int(first["year"]), last_year=int(last["year"]),
        place_first=_num(first["place_value"]), place_last=_num(last["place_value"]),
        place_change=_num(last["place_value"] - first["place_value"]) if several else None,
        group_change=_num(last["group_median"] - first["group_median"]) if several else None,
        quintile_first=q_first, quintile_last=q_last,
        rank_first=_int(first["rank"]), rank_n_first=_int(first["rank_n"]),
        rank_last=_int(last["rank"]), rank_n_last=_int(last["rank_n"]),
        percentile_change=(p_last - p_first) if several and p_first is not None and p_last is not None else None,
        gap_first=gap_first, gap_last=gap_last, gap_trend=gap_trend(gap_first, gap_last) if several else None,
        direction=direction, verdict=verdict(direction, q_first, q_last) if several else None)


def readings(table: pd.DataFrame, indicators, directions: dict[str, str] | None = None) -> list[ChangeReading]:
    directions = directions or {}
    return [change_reading(table, key, directions.get(key)) for key in indicators]


def changed_most(all_readings: list[ChangeReading]) -> list[ChangeReading]:
    """The indicators on which the place moved most against its group: by the size of its move in position within
    the group (percentile points), then by how much its gap to the group median changed relative to the first gap.
    Indicators without a trend are left out."""
    moved = [r for r in all_readings if r.has_trend and r.percentile_change is not None]

    def gap_change(r: ChangeReading) -> float:
        if r.gap_first is None or r.gap_last is None:
            return 0.0
        return abs(abs(r.gap_last) - abs(r.gap_first)) / max(abs(r.gap_first), 1e-12)

    return sorted(moved, key=lambda r: (-abs(r.percentile_change), -gap_change(r), r.indicator))


def long_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The trend table in long form for files: indicator, year, series (place / group_median / group_q1 / group_q3
    / national_median), value; the place's rank and the number ranked on the place's rows."""
    series = ("place_value", "group_median", "group_q1", "group_q3", "national_median")
    out = table.melt(id_vars=["indicator", "year", "rank", "rank_n", "group_n"], value_vars=list(series),
                     var_name="series", value_name="value")
    out.loc[out["series"] != "place_value", ["rank", "rank_n"]] = None
    order = {name: i for i, name in enumerate(series)}
    out = out.assign(order=out["series"].map(order)).sort_values(["indicator", "order", "year"])
    return out.drop(columns="order").reset_index(drop=True)
