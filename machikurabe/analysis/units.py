"""Decimals by unit: the one rule for how many decimals a number of a given unit shows, on screen, in files and in
the report. The national catalogue's ``decimals`` column is set from it at build time (ingest/national.py), and the
plan indicators' decimals (analysis/indicators.py) are read from it, so two numbers of the same unit never differ in
precision (README, "Decimals by unit").

Keyed by the Japanese unit as the catalogue stores it (``national_indicators.unit``).
"""
from __future__ import annotations

PER_10000_PEOPLE_JA = "人（人口1万人あたり）"

DECIMALS_BY_UNIT: dict[str, int] = {
    # shares and rates: one decimal (33.2%, a difference of 5.5ポイント, 6.8‰)
    "%": 1,
    "ポイント": 1,
    "‰": 1,
    # per area and per population
    "km²": 2,
    "人/km²": 1,
    PER_10000_PEOPLE_JA: 1,
    # money: whole yen, whole thousand yen
    "円": 0,
    "千円": 0,
    # counts and areas in hectares: whole numbers
    "人": 0, "世帯": 0, "件": 0, "事業所": 0, "戸": 0, "校": 0, "園": 0, "館": 0, "店": 0, "施設": 0, "所": 0,
    "事業": 0, "ha": 0,
}


def decimals_for(unit: str | None) -> int:
    """Decimals of a number in ``unit`` (Japanese form, as in DECIMALS_BY_UNIT); a unit not in the table is a
    count (0), and tests/test_units.py fails if the catalogue has a unit the table does not name."""
    return DECIMALS_BY_UNIT.get(unit or "", 0)


def rounded(value, unit: str | None):
    """``value`` rounded by the rule, as a number for a file: an int for whole-number units (no float noise),
    None when missing."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number != number:  # NaN
        return None
    decimals = decimals_for(unit)
    number = round(number, decimals)
    return int(number) if decimals == 0 else number
