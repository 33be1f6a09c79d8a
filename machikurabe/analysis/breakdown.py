"""Aggregations behind the page 指標の内訳: shares of target kinds, logic-model levels and categories by
programme, kind of body, prefecture and size band, the targets behind any bar segment, and a body against its peers.
Ids and counts only; the page's words (labels, the targets table, the 出典 line) are in machikurabe.ui.breakdown_view."""
from __future__ import annotations

import numpy as np
import pandas as pd

from machikurabe.analysis import target_rules

# Population bands (人). Edges are lower-inclusive: 10,000 falls in 1万～5万人.
SIZE_BANDS = [
    ("lt10k", 0, 10_000, "1万人未満", "<10k"),
    ("10k_50k", 10_000, 50_000, "1万～5万人", "10k–50k"),
    ("50k_200k", 50_000, 200_000, "5万～20万人", "50k–200k"),
    ("200k_500k", 200_000, 500_000, "20万～50万人", "200k–500k"),
    ("ge500k", 500_000, np.inf, "50万人以上", "≥500k"),
]
UNKNOWN = "unknown"

DIMENSIONS = {"kind": target_rules.KINDS, "logic_level": target_rules.LOGIC_LEVELS,
              "category": target_rules.CATEGORIES, "pillar": target_rules.PILLARS}
GROUPINGS = ("programme", "body_kind", "prefecture", "size_band", "document_id")


# the documents' names, in words, are machikurabe.i18n.breakdown.DOCUMENTS (ids here, words there)

# Which indicator types (indicators.TYPES) each comparison on this page speaks to, and why.
COMPARISON_TYPES = {
    "size_band": ("demography",),                 # bands are cut from 人口
    "body_kind": (),                              # administrative status, not an indicator
    "prefecture": (),                             # geography, not an indicator
    "programme": ("programme_inputs",),           # which programme the body runs (cf. programme_count)
    "category:consultation": ("welfare", "service_provision"),
    "category:meetings": ("service_provision",),
    "category:places": ("community_participation", "service_provision"),
    "category:training": ("community_participation",),
    "category:publicity": ("community_participation",),
    "category:people": ("programme_inputs", "community_participation"),
    "category:outreach": ("service_provision",),
    "category:watching": ("community_participation", "welfare"),
    "category:services": ("service_provision",),
    "category:systems": ("programme_inputs",),
    "category:individual_participation": ("welfare", "community_participation"),
    "category:resident_participation": ("community_participation",),
}


def size_band(population) -> str:
    if population is None or pd.isna(population):
        return UNKNOWN
    for key, low, high, _, _ in SIZE_BANDS:
        if low <= population < high:
            return key
    return UNKNOWN


def attach_bodies(targets: pd.DataFrame, municipalities: pd.DataFrame,
                  gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Targets with the body's name, prefecture, kind, population and size band.

    Bodies outside the 2019 plans (長野市, 市川市) take name, prefecture and kind from ``gazetteer`` (the database's
    places table on the page); their population is not in the plans, so their size band is 'unknown'. 004 has no body.
    """
    gz = pd.DataFrame(columns=["code", "prefecture", "name", "kind"]) if gazetteer is None else gazetteer
    cols = ["code", "prefecture", "name", "name_romaji", "kind", "population"]
    bodies = municipalities.reindex(columns=cols).copy()
    extra = gz[~gz["code"].isin(bodies["code"])].reindex(columns=cols).assign(population=np.nan)
    bodies = pd.concat([bodies, extra], ignore_index=True)
    bodies = bodies.rename(columns={"code": "municipality_code", "kind": "body_kind", "name": "body_name",
                                    "name_romaji": "body_name_en"})
    out = targets.merge(bodies, on="municipality_code", how="left")
    out["prefecture"] = out["prefecture"].fillna(UNKNOWN)
    out["body_kind"] = out["body_kind"].fillna(UNKNOWN)
    # prefectures are not municipalities of a size: they get a band of their own
    out["size_band"] = ["prefecture" if k == "prefecture" else size_band(p)
                        for k, p in zip(out["body_kind"], out["population"])]
    out["programme"] = out["programme"].fillna("none")
    return out


def group_order(frame: pd.DataFrame, group: str) -> list[str]:
    present = list(dict.fromkeys(frame[group]))
    if group == "size_band":
        order = [k for k, *_ in SIZE_BANDS] + ["prefecture", UNKNOWN]
    elif group == "programme":
        order = ["community_capacity", "multi_agency", "prefectural", "none"]
    elif group == "body_kind":
        order = ["prefecture", "designated_city", "city", "ward", "town", "village", UNKNOWN]
    else:
        order = sorted(v for v in present if v != UNKNOWN) + [UNKNOWN]
    return [v for v in order if v in present]


def share_table(frame: pd.DataFrame, group: str, dimension: str) -> pd.DataFrame:
    """Counts and shares (% of the group's targets) of each ``dimension`` value in each ``group``,
    every combination present (zeros included) so a missing segment reads as 0, not as absent."""
    if group not in GROUPINGS or dimension not in DIMENSIONS:
        raise ValueError(f"unknown grouping {group!r} or dimension {dimension!r}")
    groups = group_order(frame, group)
    values = list(DIMENSIONS[dimension])
    counts = frame.groupby([group, dimension]).size()
    rows = []
    for g in groups:
        total = int(counts.loc[g].sum()) if g in counts.index.get_level_values(0) else 0
        for v in values:
            n = int(counts.get((g, v), 0))
            rows.append({group: g, dimension: v, "n": n, "group_total": total,
                         "share_pct": round(100 * n / total, 1) if total else 0.0})
    return pd.DataFrame(rows)


def segment(frame: pd.DataFrame, group: str, group_value: str | None, dimension: str,
            value: str | None) -> pd.DataFrame:
    """The targets behind one bar segment (None = any)."""
    mask = pd.Series(True, index=frame.index)
    if group_value is not None:
        mask &= frame[group] == group_value
    if value is not None:
        mask &= frame[dimension] == value
    return frame[mask]


def peer_comparison(frame: pd.DataFrame, code: str, dimension: str, same_kind: bool = False) -> tuple[pd.DataFrame, int]:
    """Shares of ``dimension`` values in one body's targets and in its peers' (other bodies of the same
    size band, and of the same kind when ``same_kind``). Returns the table and the number of peer bodies."""
    own = frame[frame["municipality_code"] == code]
    if own.empty:
        return pd.DataFrame(columns=["who", dimension, "n", "share_pct"]), 0
    band, kind = own["size_band"].iloc[0], own["body_kind"].iloc[0]
    peers = frame[(frame["municipality_code"] != code) & frame["municipality_code"].notna()
                  & (frame["size_band"] == band) & (band != UNKNOWN)]
    if same_kind:
        peers = peers[peers["body_kind"] == kind]
    rows = []
    for who, part in (("body", own), ("peers", peers)):
        total = len(part)
        for v in DIMENSIONS[dimension]:
            n = int((part[dimension] == v).sum())
            rows.append({"who": who, dimension: v, "n": n, "share_pct": round(100 * n / total, 1) if total else 0.0})
    return pd.DataFrame(rows), int(peers["municipality_code"].nunique())


def selection_from_event(event) -> tuple[str, str] | None:
    """(group value, dimension value) of the first clicked bar segment in a plotly selection event."""
    try:
        points = event["selection"]["points"] if isinstance(event, dict) else event.selection.points
    except (AttributeError, KeyError, TypeError):
        return None
    for point in points or []:
        data = point.get("customdata") if isinstance(point, dict) else None
        if data is not None and len(data) >= 2:
            return str(data[0]), str(data[1])
    return None
