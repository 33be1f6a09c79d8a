"""Headline figures and counts for the overview page (bodies by programme, by kind)."""
from __future__ import annotations

import pandas as pd

from machikurabe.analysis.filters import KINDS, PROGRAMMES
from machikurabe.i18n import kind_label, programme_label, t


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


def bodies_by_programme(bodies: pd.DataFrame, programmes: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """Per programme: bodies that marked it, and bodies whose plan carries a design for it (they can differ)."""
    progs = programmes[programmes["municipality_code"].isin(set(bodies["code"]))]
    rows = []
    for programme in PROGRAMMES:
        part = progs[progs["programme"] == programme]
        rows.append({"programme": programme, "label": programme_label(programme, lang, short=True),
                     "series": t("field_marked", lang),
                     "bodies": int(part.loc[part["marked"], "municipality_code"].nunique())})
        rows.append({"programme": programme, "label": programme_label(programme, lang, short=True),
                     "series": t("legend_with_design", lang),
                     "bodies": int(part.loc[part["has_content"], "municipality_code"].nunique())})
    return pd.DataFrame(rows)


def bodies_by_kind(bodies: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    counts = bodies["kind"].value_counts()
    rows = [{"kind": k, "label": kind_label(k, lang), "bodies": int(counts[k])} for k in KINDS if k in counts]
    return pd.DataFrame(rows, columns=["kind", "label", "bodies"])
