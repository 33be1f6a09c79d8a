"""Headline figures and counts for the overview page (bodies by programme, by kind): ids and counts only; the
overview's words are in machikurabe.ui.summary_view."""
from __future__ import annotations

import pandas as pd

from machikurabe.analysis.filters import KINDS, PROGRAMMES


def headline(bodies: pd.DataFrame, programmes: pd.DataFrame) -> dict:
    """Counts of bodies and programme designs, and the planned promoters stated in numbers."""
    codes = set(bodies["code"])
    progs = programmes[programmes["municipality_code"].isin(codes)]
    stated = progs["promoter_count"].dropna()
    return {
        "bodies": len(bodies),
        "municipalities": int((bodies["kind"] != "prefecture").sum()),
        "prefectures": int((bodies["kind"] == "prefecture").sum()),
        "programme_designs": int(progs["has_content"].sum()),
        "promoters": int(stated.sum()) if not stated.empty else None,
        "promoter_bodies": int(progs.loc[progs["promoter_count"].notna(), "municipality_code"].nunique()),
    }


SERIES = ("marked", "with_design")  # bodies that marked a programme, bodies whose plan carries its design


def bodies_by_programme(bodies: pd.DataFrame, programmes: pd.DataFrame) -> pd.DataFrame:
    """Per programme: bodies that marked it (series "marked"), and bodies whose plan carries a design for it
    ("with_design"); they can differ."""
    progs = programmes[programmes["municipality_code"].isin(set(bodies["code"]))]
    rows = []
    for programme in PROGRAMMES:
        part = progs[progs["programme"] == programme]
        rows.append({"programme": programme, "series": "marked",
                     "bodies": int(part.loc[part["marked"], "municipality_code"].nunique())})
        rows.append({"programme": programme, "series": "with_design",
                     "bodies": int(part.loc[part["has_content"], "municipality_code"].nunique())})
    return pd.DataFrame(rows, columns=["programme", "series", "bodies"])


def bodies_by_kind(bodies: pd.DataFrame) -> pd.DataFrame:
    """Bodies of each kind present, in the order of filters.KINDS."""
    counts = bodies["kind"].value_counts()
    rows = [{"kind": k, "bodies": int(counts[k])} for k in KINDS if k in counts]
    return pd.DataFrame(rows, columns=["kind", "bodies"])
