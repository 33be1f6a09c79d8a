"""Plotly figures in the house style: title, axis titles with units, a 出典 line under the plot,
colour-blind-safe colours (Okabe-Ito for categories, cividis for sequences) and Japanese-friendly fonts.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from machikurabe.analysis.formatting import wrap_caption

# Okabe & Ito (2008) palette, distinguishable with the common colour-vision deficiencies
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
SEQUENTIAL = "cividis"
# the house template as plotly's default: naming it per figure (template="plotly_white") deep-copies the whole
# template on every figure, which was most of a chart page's server time
HOUSE_TEMPLATE = "plotly_white"


def use_house_template() -> bool:
    """Make the house template plotly's default again if something replaced it; True if it had to.

    The first ``import streamlit`` sets Streamlit's own template as plotly's default, and that import may come
    after this module's (a test, a script, a page importing in another order). Comparing the name costs nothing,
    so the figure functions call this before building a figure instead of naming the template per figure.
    """
    if pio.templates.default == HOUSE_TEMPLATE:
        return False
    pio.templates.default = HOUSE_TEMPLATE
    return True


use_house_template()
FONT_FAMILY = "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif"


def wrap_source(source: str, width: int | None = None) -> list[str]:
    """Break a long 出典 line into lines that fit a phone-wide chart (``width`` full-width characters, between
    words; 30 by default, about 300 px at the caption's 10 px); a newline starts the next source on its own line."""
    return [line for part in source.split("\n") for line in wrap_caption(part, width or SOURCE_WIDTH)]


TITLE_WIDTH = 20  # full-width characters a title line: about 340 px in the title's 17 px, inside a phone's chart
SOURCE_WIDTH = 30  # full-width characters a line: about 300 px at 10 px, inside a 390 px phone's 358 px chart


def chart_title(text: str) -> tuple[str, int]:
    """A chart title broken between words so it fits a phone (plotly does not wrap titles), and its line count."""
    lines = wrap_caption(text, TITLE_WIDTH)
    return "<br>".join(lines), len(lines)


def add_source(fig: go.Figure, source: str, width: int | None = None, anchor: str = "left") -> go.Figure:
    """Put the 出典 line under the plot area, inside the figure so PNG/SVG exports carry it."""
    if use_house_template():
        # the figure was built while another template was the default (it was just reset): give it the house
        # one; this copy happens once after a reset, not per figure
        fig.update_layout(template=HOUSE_TEMPLATE)
    lines = wrap_source(source, width)
    if anchor == "right":
        # under a horizontal bar chart the plot starts after the category labels, far right on a phone: the block
        # ends at the plot's right edge instead, so it runs left over the labels' column and stays inside
        position = dict(x=1, xanchor="right")
    else:
        # from the figure's left edge, not the plot's: the left margin would otherwise push it off a phone
        position = dict(x=0, xanchor="left", xshift=-max(0, (fig.layout.margin.l or 0) - 8))
    fig.add_annotation(text="<br>".join(lines), xref="paper", yref="paper", y=0, **position,
                       yanchor="top", yshift=-55, showarrow=False, align="left", font=dict(size=10, color="#444"))
    fig.update_layout(margin=dict(b=80 + 14 * len(lines)))
    return fig


def style(fig: go.Figure, title: str, x_title: str, y_title: str, source: str, anchor: str = "left") -> go.Figure:
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left"),
        xaxis_title=x_title,
        yaxis_title=y_title,
        font=dict(family=FONT_FAMILY),
        margin=dict(l=60, r=20, t=60),
    )
    return add_source(fig, source, anchor=anchor)


def bar_chart(frame: pd.DataFrame, category: str, value: str, *, title: str, category_title: str,
              value_title: str, source: str, series: str | None = None, horizontal: bool = True,
              series_order: list[str] | None = None) -> go.Figure:
    """Counts per category (optionally split into a few series, grouped), Okabe-Ito colours, values on the bars."""
    use_house_template()
    fig = go.Figure()
    groups = [(None, frame)] if series is None else [
        (name, frame[frame[series] == name]) for name in (series_order or list(dict.fromkeys(frame[series])))
    ]
    for i, (name, part) in enumerate(groups):
        x, y = (part[value], part[category]) if horizontal else (part[category], part[value])
        fig.add_trace(go.Bar(
            x=x, y=y, name=name, orientation="h" if horizontal else "v",
            marker_color=OKABE_ITO[i % len(OKABE_ITO)], text=part[value], textposition="outside",
            cliponaxis=False,  # a label outside the longest bar is drawn whole, never cut to its first digit
            showlegend=series is not None,
        ))
    fig.update_layout(barmode="group")
    # room beyond the longest bar for its label, whatever the chart's width (a phone's 390 px included)
    largest = pd.to_numeric(frame[value], errors="coerce").max()
    if pd.notna(largest) and largest > 0:
        value_range = [0, float(largest) * 1.18]
        (fig.update_xaxes if horizontal else fig.update_yaxes)(range=value_range)
    if horizontal:
        fig.update_yaxes(autorange="reversed")
        style(fig, title, value_title, category_title, source, anchor="right")
    else:
        style(fig, title, category_title, value_title, source)
    if series is not None:
        # at the left under the title: the chart toolbar sits at the top right and would cover it on a phone
        fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0))
    return fig

