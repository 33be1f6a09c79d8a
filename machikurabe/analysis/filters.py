"""The shared sidebar filters (prefecture, kind of body, programme): validate them, mirror them in the URL,
and apply them to a municipalities frame, so every page filters the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

PROGRAMMES = ("community_capacity", "multi_agency", "prefectural")
KINDS = ("prefecture", "designated_city", "city", "ward", "town", "village")

# URL parameter names (short so a shared link stays readable)
QP_PREFECTURE = "pref"
QP_KIND = "kind"
QP_PROGRAMME = "prog"


@dataclass
class Filters:
    prefectures: list[str] = field(default_factory=list)  # empty = all
    kinds: list[str] = field(default_factory=list)
    programme: str | None = None  # None = any

    def is_empty(self) -> bool:
        return not self.prefectures and not self.kinds and self.programme is None

    def cache_key(self) -> tuple:
        """The filter state as a hashable value, for caches of results derived from the filtered bodies."""
        return tuple(self.prefectures), tuple(self.kinds), self.programme


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in value.split(",") if v]
    return [str(v) for v in value]


def parse_query_params(params, known_prefectures, known_kinds=KINDS, known_programmes=PROGRAMMES) -> Filters:
    """Filters from URL parameters; unknown values (typos, hostile text) are dropped, never echoed into a query."""
    def get_all(name):
        if hasattr(params, "get_all"):
            values = params.get_all(name)
        else:
            values = params.get(name)
        out = []
        for v in _as_list(values):
            out.extend(_as_list(v))
        return out

    prefs = [p for p in dict.fromkeys(get_all(QP_PREFECTURE)) if p in set(known_prefectures)]
    kinds = [k for k in dict.fromkeys(get_all(QP_KIND)) if k in set(known_kinds)]
    progs = [p for p in get_all(QP_PROGRAMME) if p in set(known_programmes)]
    return Filters(prefectures=prefs, kinds=kinds, programme=progs[0] if progs else None)


def to_query_params(filters: Filters) -> dict[str, str]:
    out = {}
    if filters.prefectures:
        out[QP_PREFECTURE] = ",".join(filters.prefectures)
    if filters.kinds:
        out[QP_KIND] = ",".join(filters.kinds)
    if filters.programme:
        out[QP_PROGRAMME] = filters.programme
    return out


def bodies_with_programme(programmes: pd.DataFrame, programme: str) -> set[str]:
    """Codes of bodies that either marked ``programme`` or wrote a design for it."""
    rows = programmes[(programmes["programme"] == programme) & (programmes["marked"] | programmes["has_content"])]
    return set(rows["municipality_code"])


def apply_filters(municipalities: pd.DataFrame, filters: Filters, programmes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows of ``municipalities`` that pass ``filters`` (needs ``programmes`` when a programme is chosen)."""
    mask = pd.Series(True, index=municipalities.index)
    if filters.prefectures:
        mask &= municipalities["prefecture"].isin(filters.prefectures)
    if filters.kinds:
        mask &= municipalities["kind"].isin(filters.kinds)
    if filters.programme:
        if programmes is None:
            raise ValueError("a programme filter needs the programmes table")
        mask &= municipalities["code"].isin(bodies_with_programme(programmes, filters.programme))
    return municipalities[mask]

