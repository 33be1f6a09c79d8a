"""Plotly figures for the 比較 page: Fingertips-style spine chart, ranked bar, scatter of two indicators,
programme comparison. The town is always bold and in vermillion; every figure carries title, axis titles
with units and the 出典 line inside the figure so PNG/SVG exports keep them.
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from machikurabe.analysis.formatting import wrap_caption
from machikurabe.analysis.spine import (
    is_small,
    spine_positions,
)
from machikurabe.i18n import t
from machikurabe.ui import charts  # noqa: F401  (sets the house plotly template)
from machikurabe.ui.charts import chart_title
from machikurabe.ui import exports

FONT_FAMILY = '"Noto Sans CJK JP", "Hiragino Sans", "Meiryo", sans-serif'
# Okabe & Ito colours, told apart with the common colour-vision deficiencies
TOWN_COLOUR = "#D55E00"      # vermillion
PEER_COLOUR = "#0072B2"      # blue
LEVEL_COLOUR = "#009E73"     # bluish green
PREF_COLOUR = "#CC79A7"      # reddish purple
OTHER_COLOUR = "#BBBBBB"
RANGE_COLOUR = "#DDDDDD"
IQR_COLOUR = "#999999"


def _bold(text: str) -> str:
    return f"<b>{text}</b>"


def _style(fig: go.Figure, title: str, x_title: str, y_title: str, source: str, height: int | None = None,
           axis_space: int = 70, top: int = 120, title_lines: int = 1) -> go.Figure:
    """House style; ``axis_space`` is the room below the plot for tick labels and the x-axis title, under which
    the 出典 lines go (the bottom margin grows with their number so none is clipped)."""
    lines = source.count("<br>") + 1
    bottom = axis_space + 15 * lines + 12
    # title pinned to the top of the figure and the legend just above the plot, with room between them
    # for a legend that wraps onto two or three lines in a narrow (A4) figure
    fig.update_layout(
        title=dict(text=title, x=0.01, xanchor="left", y=0.99, yref="container", yanchor="top"),
        xaxis_title=x_title, yaxis_title=y_title,
        font=dict(family=FONT_FAMILY, size=13),
        margin=dict(l=70, r=30, t=top, b=bottom),
        legend=dict(orientation="h", yanchor="bottom", y=1.01, xanchor="left", x=0, font=dict(size=11)),
    )
    if height:
        fig.update_layout(height=height + 15 * lines)
        if title_lines > 1:
            # plotly lays a title's extra lines above its anchor: anchored by its bottom line, a title broken for a
            # phone grows downwards from the figure's top edge instead of out of the figure
            # (the subtitle below it counts as part of the title block: 24 px)
            fig.update_layout(title=dict(yanchor="bottom", y=1 - (8 + 23 * title_lines - 24) / (height + 15 * lines)))
    fig.add_annotation(text=source, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                       yshift=-axis_space, showarrow=False, align="left", font=dict(size=10, color="#444"))
    return fig


def _wrap(text: str, width: int = 52) -> str:
    """Break a long 出典 line so it stays inside the figure: ``width`` full-width characters a line, between words;
    a newline in ``text`` starts a new line (the group line above the 出典)."""
    return "<br>".join(line for part in text.split("\n") for line in wrap_caption(part, width))


# --- 比較 over the whole country (issue 12) ------------------------------------------------------------------

# position within the group by fifths: a neutral blue–orange scheme (ColorBrewer PuOr-like, no good/bad colours)
READING_COLOURS = {"much_lower": "#2166AC", "lower": "#92C5DE", "similar": "#D9D9D9", "higher": "#FDB863",
                   "much_higher": "#E66101", None: "#FFFFFF"}
JAPAN_COLOUR = LEVEL_COLOUR
# the chart toolbar keeps only what this page needs (saving the image, resetting the view): less to cover the title
# every chart's removed tools (exports.ZOOM_BUTTONS) and the hover and spike toggles, of no use on these charts
MODEBAR_REMOVE = [*exports.ZOOM_BUTTONS, "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian"]


def national_number(value, decimals: int) -> str:
    """A number with separators and the indicator's decimals; integers print as integers (no float noise)."""
    from machikurabe.analysis.formatting import MISSING_DASH, format_number, is_missing

    if value is None or is_missing(value):
        return MISSING_DASH
    return format_number(float(value), int(decimals or 0))


def _row_label(meta: dict, key: str, year, lang: str, compact: bool) -> str:
    """The row's name with unit and year. Wide: wrapped in English (long labels would squeeze the plot). Compact: one
    or two short lines written above the row (see national_spine), so the plot keeps the whole width."""
    info = meta.get(key, {})
    name, unit = str(info.get("name", key)), str(info.get("unit") or "")
    if lang == "en":
        suffix = f" ({unit}, {year})" if unit else f" ({year})"
    else:
        suffix = f"（{unit}・{year}年）" if unit else f"（{year}年）"
    width = (28 if lang == "en" else 26) if compact else (15 if lang == "en" else 40)  # full-width characters
    lines = wrap_caption(name + suffix, width)
    shortened = name
    while len(lines) > 2 and len(shortened) > 1:
        # two lines at most: the name gives way, never the unit and year that say what the row measures
        shortened = shortened.rsplit(" ", 1)[0] if " " in shortened else shortened[:-1]  # English by whole words
        lines = wrap_caption(shortened.rstrip(" ,、") + "…" + suffix, width)
    return "<br>".join(lines)


def national_spine(table: pd.DataFrame, meta: dict, place_name: str, lang: str, source: str,
                   compact: bool = False, caption_width: int | None = None) -> go.Figure:
    """Fingertips-style spine over national indicators: the group's min–max and interquartile range around its
    median, the Japan median and the prefecture's municipal median as marks, the place as a circle filled with its
    position within the group (blue–orange by fifths). ``compact`` (narrow screens) drops the value columns, which
    the table below the chart carries, and wraps the row labels so the plot keeps its width."""
    fig = go.Figure()
    all_rows = [r for _, r in table.iterrows()]
    labels_all = [_row_label(meta, r["indicator"], r["year"], lang, compact) for r in all_rows]
    rows = [(lab, r, spine_positions(r)) for lab, r in zip(labels_all, all_rows)]
    drawn = [(lab, r, p) for lab, r, p in rows if p]
    fig.add_trace(go.Scatter(y=labels_all, x=[0.5] * len(labels_all), mode="markers", showlegend=False,
                             marker=dict(opacity=0), hoverinfo="skip"))
    dec = lambda r: int(meta.get(r["indicator"], {}).get("decimals", 1))  # noqa: E731

    def add_bar(start, end, colour, name):
        fig.add_trace(go.Bar(y=[lab for lab, _, _ in drawn], x=[p[end] - p[start] for _, _, p in drawn],
                             base=[p[start] for _, _, p in drawn], orientation="h", marker_color=colour, width=0.6,
                             name=name, hoverinfo="skip"))

    add_bar("min", "max", RANGE_COLOUR, t("np_group_range", lang))
    add_bar("q1", "q3", IQR_COLOUR, t("np_group_iqr", lang))
    fig.add_trace(go.Scatter(
        y=[lab for lab, _, _ in drawn], x=[0.5] * len(drawn), mode="markers", name=t("np_group_median", lang),
        marker=dict(symbol="line-ns", size=24, line=dict(width=3, color="#000000")),
        customdata=[national_number(r["peer_median"], dec(r)) for _, r, _ in drawn],
        hovertemplate="%{y}<br>" + t("np_group_median", lang) + ": %{customdata}<extra></extra>"))
    for ref, col, colour, symbol, name in (
            ("level", "level_median", JAPAN_COLOUR, "diamond", t("np_japan_median", lang)),
            ("prefecture", "prefecture_median", PREF_COLOUR, "triangle-up", t("np_pref_median", lang))):
        sel = [(lab, r, p) for lab, r, p in drawn if p.get(ref) is not None]
        if not sel:
            continue
        fig.add_trace(go.Scatter(y=[lab for lab, _, _ in sel], x=[p[ref] for _, _, p in sel], mode="markers",
                                 name=name, customdata=[national_number(r[col], dec(r)) for _, r, _ in sel],
                                 marker=dict(symbol=symbol, size=10, color=colour, line=dict(width=1, color="#333")),
                                 hovertemplate="%{y}<br>" + name + ": %{customdata}<extra></extra>"))
    from machikurabe.analysis.national_peers import READINGS

    for reading in READINGS:
        sel = [(lab, r, p) for lab, r, p in drawn if r["reading"] == reading and p.get("town") is not None]
        if not sel:
            continue
        name = f"{_bold(place_name)}：{t('np_reading_' + reading, lang)}" if lang != "en" \
            else f"{_bold(place_name)}: {t('np_reading_' + reading, lang)}"
        fig.add_trace(go.Scatter(
            y=[lab for lab, _, _ in sel], x=[p["town"] for _, _, p in sel], mode="markers", name=name,
            customdata=[national_number(r["town_value"], dec(r)) for _, r, _ in sel],
            marker=dict(symbol="circle", size=15, color=READING_COLOURS[reading], line=dict(width=2.5, color="#000")),
            hovertemplate="%{y}<br>" + _bold(place_name) + ": %{customdata}<extra></extra>"))
    right = 20
    notes = []  # annotations collected and set once: plotly validates each add_annotation call (slow at 40 of them)
    if not compact and all_rows:
        # value columns, sized from the longest text so English figures never overlap
        first = [national_number(r["town_value"], dec(r)) for r in all_rows]
        second = [national_number(r["peer_median"], dec(r)) for r in all_rows]
        head = (place_name, t("np_group_median", lang))
        char = 8.5
        w1 = max(max(len(s) for s in first), len(head[0]) * (1 if lang == "en" else 2)) * char
        w2 = max(max(len(s) for s in second), len(head[1]) * (1 if lang == "en" else 2)) * char
        shifts = (12, int(12 + w1 + 18))
        for lab, a, b in zip(labels_all, first, second):
            notes.append(dict(x=1, xshift=shifts[0], y=lab, xref="paper", yref="y", xanchor="left",
                              showarrow=False, text=_bold(a)))
            notes.append(dict(x=1, xshift=shifts[1], y=lab, xref="paper", yref="y", xanchor="left",
                              showarrow=False, text=b))
        for shift, text in zip(shifts, (_bold(head[0]), head[1])):
            notes.append(dict(x=1, xshift=shift, y=labels_all[0], yshift=20, xref="paper", yref="y",
                              xanchor="left", yanchor="bottom", showarrow=False, text=text,
                              font=dict(size=11, color="#444")))
        right = int(shifts[1] + w2 + 16)
    fig.update_layout(barmode="overlay", bargap=0.35)
    fig.update_xaxes(range=[-0.02, 1.02], tickvals=[0, 0.5, 1],
                     ticktext=[t("np_low", lang), t("np_group_median", lang), t("np_high", lang)],
                     showgrid=False, zeroline=False, fixedrange=True)
    fig.update_yaxes(categoryorder="array", categoryarray=labels_all, range=[len(labels_all) - 0.5, -0.5],
                     automargin=True, fixedrange=True)
    if compact:
        # the labels go above their rows (annotations), not beside the plot: at 390 px the plot keeps its width
        for lab in labels_all:
            notes.append(dict(x=0, xref="paper", y=lab, yref="y", yshift=15, xanchor="left", yanchor="bottom",
                              showarrow=False, align="left", text=lab, font=dict(size=10, color="#222")))
        fig.update_yaxes(showticklabels=False)
        fig.update_traces(width=0.42, selector=dict(type="bar"))
    fig.update_layout(annotations=notes)
    per_row = 66 if compact else (48 if lang == "en" else 40)
    _style(fig, t("np_spine_title", lang, town=place_name), t("np_spine_x", lang), "",
           _wrap(source, caption_width or (30 if compact else 60)), height=190 + per_row * max(len(labels_all), 1), axis_space=70,
           top=270 if compact else 170)
    # the legend spans the figure (not only the plot area), so its entries sit side by side where there is room
    _national_finish(fig, 10 if compact else 70)
    fig.update_layout(margin=dict(r=right, l=10 if compact else 70),
                      legend=dict(xref="container", x=0.01, yref="container", y=0.99 - 40 / fig.layout.height,
                                  yanchor="top"))
    if compact:
        # one entry per row at every width: the top margin is sized for that column (a horizontal legend went into two
        # columns where there was room, at 1,024 px with the sidebar open, and left a blank band above the plot)
        fig.update_layout(font=dict(size=11), legend=dict(entrywidth=1, entrywidthmode="fraction", font=dict(size=10)))
    return fig


def _national_finish(fig: go.Figure, left: int = 0, subtitle: str | None = None) -> go.Figure:
    """National charts: the 出典 line starts at the figure's left edge (not the plot's, which moves right with long
    names) so it is not cut at 390 px; a second title line goes in plotly's subtitle (a <br> in a title pushes the
    first line out of the figure)."""
    if fig.layout.annotations:
        fig.layout.annotations[-1].update(xshift=-max(int(left) - 8, 0))
    if subtitle:
        fig.update_layout(title=dict(subtitle=dict(text=subtitle, font=dict(size=12, color="#444"))))
    return fig


def _national_refs(fig: go.Figure, refs: dict, lang: str, axis: str, is_pref: bool, legend: bool = True,
                   uploaded_only: bool = False) -> None:
    """The three reference lines (group, Japan, prefecture medians); ``legend`` adds one legend entry per style (a
    scatter draws the same three styles on both axes and lists them once). ``uploaded_only``: the "Japan" median is
    over an uploaded file's places only, and says so."""
    japan = "np_upload_median" if uploaded_only else ("np_japan_median_pref" if is_pref else "np_japan_median")
    styles = (("peers", t("np_group_median", lang), "#000000", "dash"),
              ("level", t(japan, lang), JAPAN_COLOUR, "dot"),
              ("prefecture", t("np_pref_median", lang), PREF_COLOUR, "dashdot"))
    for key, name, colour, dash in styles:
        value = refs.get(key)
        if value is None:
            continue
        if axis == "y":
            fig.add_hline(y=value, line=dict(color=colour, dash=dash, width=2))
        else:
            fig.add_vline(x=value, line=dict(color=colour, dash=dash, width=2))
        if legend:
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=name,
                                     line=dict(color=colour, dash=dash, width=2)))


def status_word(info: dict, code: str, lang: str) -> str | None:
    """Why an uploaded indicator has no number for ``code`` (「x」（秘匿）, 「…」, 「-」…), or how a 0 was read from
    「-」; None for a number, and for a national indicator."""
    if not info.get("uploaded"):
        return None
    status = (info.get("status") or {}).get(code)
    if status in ("dash", "dash_zero", "not_available", "confidential", "invalid"):
        return t(f"np_status_{status}", lang)
    return None


def _value_with_note(value, note: str | None, decimals: int, lang: str) -> str:
    number = national_number(value, decimals)
    if not note:
        return number
    if value is None or pd.isna(value):
        return note
    return f"{number}（{note}）" if lang != "en" else f"{number} ({note})"


def uploaded_only(level: pd.DataFrame, key: str, meta: dict) -> bool:
    """An uploaded indicator that covers fewer places than the level: its medians are among the uploaded places."""
    return bool(meta.get(key, {}).get("uploaded")) and key in level.columns \
        and int(level[key].notna().sum()) < len(level)


def _with_year(name: str, year, lang: str) -> str:
    """「高齢化率（2020年）」 / "Ageing rate (2020)": a chart that mixes years names each one."""
    if year in (None, "") or pd.isna(year):
        return name
    return f"{name}（{int(year)}年）" if lang != "en" else f"{name} ({int(year)})"


def _place_names(frame: pd.DataFrame, lang: str) -> list[str]:
    if lang == "en":
        names = [r if isinstance(r, str) and r else n for r, n in zip(frame["name_romaji"], frame["name"])]
    else:
        names = list(frame["name"])
    return [f"{n}＊" if is_small(p) else n for n, p in zip(names, frame["population"])]


def national_bar(level: pd.DataFrame, code: str, peer_codes, key: str, meta: dict, year, refs: dict, lang: str,
                 source: str, place_name: str) -> go.Figure:
    """The place and its peers sorted by one indicator as horizontal bars (names stay readable at 390 px), the three
    reference lines; model-project bodies marked ◆."""
    group = level[level["code"].isin([code, *peer_codes])].copy()
    group = group.sort_values([key, "code"], ascending=[False, True], na_position="last")
    is_town = (group["code"] == code).to_numpy()
    decimals = int(meta.get(key, {}).get("decimals", 1))
    names = [(_bold(n) if tw else n) + (" ◆" if m else "")
             for n, tw, m in zip(_place_names(group, lang), is_town, group["in_model_project"])]
    fig = go.Figure(go.Bar(
        y=names, x=group[key], orientation="h", marker_color=[TOWN_COLOUR if tw else PEER_COLOUR for tw in is_town],
        marker_line=dict(color=["#000" if tw else PEER_COLOUR for tw in is_town],
                         width=[2.5 if tw else 0 for tw in is_town]),
        text=[national_number(v, decimals) for v in group[key]], textposition="outside", cliponaxis=False,
        # the hover names a value's note from its file (「x」（秘匿）, 「…」) where there is one
        customdata=[_value_with_note(v, status_word(meta.get(key, {}), c, lang), decimals, lang)
                    for c, v in zip(group["code"], group[key])],
        name=t("np_peers_legend", lang), showlegend=False, hovertemplate="%{y}: %{customdata}<extra></extra>"))
    _national_refs(fig, refs, lang, "x", level["kind"].eq("prefecture").all(),
                   uploaded_only=uploaded_only(level, key, meta))
    info = meta.get(key, {})
    unit = info.get("unit") or ""
    # an uploaded indicator may have no unit or year: no empty brackets (「人口（）」, 「人口（年）」)
    x_title = (f"{info.get('name', key)} ({unit})" if lang == "en" else f"{info.get('name', key)}（{unit}）") \
        if unit else info.get("name", key)
    heading, lines = chart_title(t("np_bar_title", lang, indicator=info.get("name", key), year=year)
                                 if year not in (None, "") else info.get("name", key))
    top, axis_space = 130 + 22 * (lines - 1), 60
    # the plot keeps 24 px a bar (and room for a short group) whatever the title and 出典 lines take around it
    plot_height = max(24 * len(group) + 20, 140)
    _style(fig, heading, x_title, "", _wrap(source, 34), height=top + axis_space + 12 + plot_height,
           axis_space=axis_space, top=top, title_lines=lines)
    # a fixed left margin from the longest name (not automargin), so the 出典 line can start at the figure's edge
    longest = max((len(n) for n in _place_names(group, lang)), default=4) + 2
    left = int(longest * (7.5 if lang == "en" else 13.5)) + 16
    _national_finish(fig, left, t("np_bar_subtitle", lang, town=place_name))
    fig.update_yaxes(autorange="reversed", fixedrange=True)
    fig.update_xaxes(fixedrange=True)
    fig.update_layout(margin=dict(l=left, r=50), bargap=0.25)
    return fig


def national_scatter(level: pd.DataFrame, code: str, peer_codes, x_key: str, y_key: str, meta: dict,
                     refs_x: dict, refs_y: dict, lang: str, source: str, years: dict | None = None) -> go.Figure:
    """Two indicators for every place of the level (grey), the peers (blue; named when 20 or fewer) and the place."""
    fig = go.Figure()
    peer_set = set(peer_codes)
    others = level[~level["code"].isin(peer_set | {code})]
    group = level[level["code"].isin(peer_set)]
    town = level[level["code"] == code]
    fig.add_trace(go.Scatter(x=others[x_key], y=others[y_key], mode="markers", name=t("np_other_places", lang),
                               text=_place_names(others, lang), marker=dict(color=OTHER_COLOUR, size=6),
                               hovertemplate="%{text}<br>x: %{x}<br>y: %{y}<extra></extra>"))
    fig.add_trace(go.Scatter(x=group[x_key], y=group[y_key], mode="markers+text" if len(group) <= 8 else "markers",
                             name=t("np_peers_legend", lang), text=_place_names(group, lang),
                             textposition="top center", textfont=dict(size=10),
                             marker=dict(color=PEER_COLOUR, size=10, line=dict(width=0.5, color="#333")),
                             hovertemplate="%{text}<br>x: %{x}<br>y: %{y}<extra></extra>"))
    names = _place_names(town, lang)
    fig.add_trace(go.Scatter(x=town[x_key], y=town[y_key], mode="markers", name=_bold(names[0]) if names else "",
                             text=[_bold(n) for n in names],
                             marker=dict(color=TOWN_COLOUR, size=16, line=dict(width=2.5, color="#000")),
                             hovertemplate="%{text}<br>x: %{x}<br>y: %{y}<extra></extra>"))
    # the place's name as an annotation on a white box: drawn above every dot and peer label, never hidden by them
    town_label = [dict(x=x, y=y, text=_bold(n), showarrow=True, arrowhead=0, arrowwidth=1.5, ax=0, ay=30,
                       bgcolor="rgba(255,255,255,0.92)", bordercolor="#000", borderwidth=1, borderpad=2,
                       font=dict(size=12, color="#000"))
                  for x, y, n in zip(town[x_key], town[y_key], names) if pd.notna(x) and pd.notna(y)]
    is_pref = level["kind"].eq("prefecture").all()
    _national_refs(fig, refs_y, lang, "y", is_pref, uploaded_only=uploaded_only(level, y_key, meta))
    _national_refs(fig, refs_x, lang, "x", is_pref, legend=False, uploaded_only=uploaded_only(level, x_key, meta))

    def title(key):
        info = meta.get(key, {})
        unit = info.get("unit") or ""
        if not unit:
            return info.get("name", key)
        return f"{info.get('name', key)} ({unit})" if lang == "en" else f"{info.get('name', key)}（{unit}）"

    level_word = t("np_level_pref" if is_pref else "np_level_muni", lang)
    years = years or {}
    # plotly does not wrap titles: broken between words so a phone shows the two names and their years whole
    heading, lines = chart_title(t("np_scatter_title", lang,
                                   x=_with_year(meta.get(x_key, {}).get("name", x_key), years.get(x_key), lang),
                                   y=_with_year(meta.get(y_key, {}).get("name", y_key), years.get(y_key), lang)))
    _style(fig, heading, title(x_key), title(y_key), _wrap(source, 34), height=560 + 22 * (lines - 1),
           axis_space=75, top=185 + 22 * (lines - 1), title_lines=lines)
    _national_finish(fig, 70, t("np_scatter_subtitle", lang, level=level_word))
    for note in town_label:  # after _national_finish, which moves the 出典 (the last annotation so far)
        # log axes place annotations by the exponent
        if meta.get(x_key, {}).get("log") and note["x"] > 0:
            note["x"] = math.log10(note["x"])
        if meta.get(y_key, {}).get("log") and note["y"] > 0:
            note["y"] = math.log10(note["y"])
        fig.add_annotation(**note)
    for key, axis in ((x_key, fig.update_xaxes), (y_key, fig.update_yaxes)):
        if meta.get(key, {}).get("log"):
            axis(type="log")
    fig.update_yaxes(automargin=True)
    return fig
