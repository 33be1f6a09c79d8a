"""The overview's bar-chart tables in the reader's language: analysis.summary counts with a label per programme
(short name), per series (marked / with a design) and per kind of body."""
from __future__ import annotations

import pandas as pd

from machikurabe.analysis import summary
from machikurabe.i18n import kind_label, programme_label, t

SERIES_KEYS = {"marked": "field_marked", "with_design": "legend_with_design"}


def bodies_by_programme(bodies: pd.DataFrame, programmes: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    table = summary.bodies_by_programme(bodies, programmes)
    return table.assign(label=[programme_label(p, lang, short=True) for p in table["programme"]],
                        series=[t(SERIES_KEYS[s], lang) for s in table["series"]])


def bodies_by_kind(bodies: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    table = summary.bodies_by_kind(bodies)
    return table.assign(label=[kind_label(k, lang) for k in table["kind"]])[["kind", "label", "bodies"]]
