"""比較 推移 worded and drawn: the small-multiples grid (the place's line, the group's median and interquartile band,
the national median; a missing year is a gap), the reading of each indicator's change, the place's rank per year,
the "changed the most" list and the long-form file. Numbers come from machikurabe.analysis.peer_trends.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from machikurabe import urls
from machikurabe.analysis import peer_trends as pt
from machikurabe.analysis.formatting import MISSING_DASH, is_missing, median_decimals, wrap_caption
from machikurabe.i18n import t
from machikurabe.ui import files
from machikurabe.ui.charts import chart_title
from machikurabe.ui.peer_charts import (
    FONT_FAMILY,
    JAPAN_COLOUR,
    PEER_COLOUR,
    TOWN_COLOUR,
    national_number,
)

BAND_COLOUR = "rgba(0,114,178,0.18)"  # the group's interquartile range: the peer blue, light
PERCENT_UNITS = ("%", "％")
# the caption's line length in full-width characters (10 px type): the wide grid is drawn from 641 px up, and beside
# the open sidebar (about 800 px) its plot area leaves about 400 px after the left margin; the compact grid (≤ 640 px)
# is about 300 px wide
CAPTION_WIDTH = {"grid": 36, "grid_compact": 30}


@dataclass
class TrendView:
    table: pd.DataFrame
    readings: list
    figs: dict
    display: pd.DataFrame          # one row per indicator: the reading in words
    ranks: pd.DataFrame            # indicator × year: 「4 / 16」
    changed: pd.DataFrame          # the changed-the-most list (links to each indicator's chart)
    file: files.FileTable
    years: tuple[int, int] | None  # first and last year shown


def _name(meta: dict, key: str) -> str:
    return meta.get(key, {}).get("name", key)


def _unit(meta: dict, key: str) -> str:
    return meta.get(key, {}).get("unit", "") or ""


def _with_unit(number: str, unit: str, lang: str) -> str:
    if number == MISSING_DASH or not unit:
        return number
    return f"{number}{unit}" if unit in PERCENT_UNITS or lang != "en" else f"{number} {unit}"


def _signed(value, decimals: int, unit: str, lang: str, of_median: bool = False) -> str:
    """A change with its sign and unit; a change of a percentage is in points. A median's change may need the half
    of the last digit (formatting.median_decimals)."""
    if value is None or is_missing(value):
        return MISSING_DASH
    number = national_number(value, median_decimals(value, decimals) if of_median else decimals)
    sign = "+" if float(value) > 0 and number.strip("0.,") else ""
    return _with_unit(sign + number, t("np_points", lang) if unit in PERCENT_UNITS else unit, lang)


def fifth_label(quintile, lang: str) -> str:
    return MISSING_DASH if quintile is None else t("tr_fifth", lang, n=int(quintile))


def reading_row(r: pt.ChangeReading, meta: dict, lang: str) -> dict:
    dec = int(meta.get(r.indicator, {}).get("decimals", 1))
    unit = _unit(meta, r.indicator)
    if not r.has_trend:
        only = t("tr_one_year", lang, year=r.last_year) if r.years == 1 else t("tr_no_values", lang)
        return {t("np_col_indicator", lang): _name(meta, r.indicator), t("tr_col_period", lang): only,
                t("tr_col_place_change", lang): MISSING_DASH, t("tr_col_group_change", lang): MISSING_DASH,
                t("tr_col_position", lang): MISSING_DASH, t("tr_col_gap", lang): MISSING_DASH,
                t("tr_col_verdict", lang): MISSING_DASH}
    position = f"{fifth_label(r.quintile_first, lang)} → {fifth_label(r.quintile_last, lang)}"
    verdict = t(f"tr_verdict_{r.verdict}", lang) if r.verdict else t("tr_verdict_none", lang)
    return {t("np_col_indicator", lang): _name(meta, r.indicator),
            t("tr_col_period", lang): t("tr_period", lang, first=r.first_year, last=r.last_year, n=r.years),
            t("tr_col_place_change", lang): _signed(r.place_change, dec, unit, lang),
            t("tr_col_group_change", lang): _signed(r.group_change, dec, unit, lang, of_median=True),
            t("tr_col_position", lang): position,
            t("tr_col_gap", lang): t(f"tr_gap_{r.gap_trend}", lang) if r.gap_trend else MISSING_DASH,
            t("tr_col_verdict", lang): verdict}


def rank_table(table: pd.DataFrame, meta: dict, lang: str) -> pd.DataFrame:
    """The place's rank in the group per year (rows: indicators, columns: years), 「4 / 16」; 「—」 without a value."""
    if table.empty:
        return pd.DataFrame()
    cells = table.assign(text=[MISSING_DASH if r is None or is_missing(r) else f"{int(r)} / {int(n)}"
                               for r, n in zip(table["rank"], table["rank_n"])])
    wide = cells.pivot_table(index="indicator", columns="year", values="text", aggfunc="first").fillna(MISSING_DASH)
    order = list(dict.fromkeys(table["indicator"]))
    wide = wide.reindex(order)
    wide.columns = [str(int(c)) for c in wide.columns]
    wide.insert(0, t("np_col_indicator", lang), [_name(meta, k) for k in wide.index])
    return wide.reset_index(drop=True)


def changed_table(readings: list, meta: dict, lang: str, link_of) -> pd.DataFrame:
    rows = []
    for r in pt.changed_most(readings):
        rows.append({t("np_col_indicator", lang): _name(meta, r.indicator),
                     t("tr_col_period", lang): t("tr_period", lang, first=r.first_year, last=r.last_year, n=r.years),
                     t("tr_col_rank_move", lang): f"{r.rank_first} / {r.rank_n_first} → {r.rank_last} / {r.rank_n_last}",
                     # numbers, so the column sorts
                     t("tr_col_percentile_move", lang): round(r.percentile_change, 1),
                     t("tr_col_gap", lang): t(f"tr_gap_{r.gap_trend}", lang) if r.gap_trend else MISSING_DASH,
                     t("tr_col_chart", lang): link_of(r.indicator)})
    return pd.DataFrame(rows)


def _series(table: pd.DataFrame, key: str) -> pd.DataFrame:
    rows = table[table["indicator"] == key].sort_values("year")
    return rows


def grid_figure(table: pd.DataFrame, indicators, meta: dict, place: str, lang: str, caption: str,
                columns: int = 2) -> go.Figure:
    """Small multiples, one panel per indicator: the group's interquartile band, its median (dashed), the national
    median (dotted) and the place (vermillion). Years without a value are gaps (connectgaps off); an indicator with
    one year is a point with a note."""
    keys = [k for k in indicators if not table[table["indicator"] == k].empty]
    rows = max(1, math.ceil(len(keys) / columns))
    titles = []
    for key in keys:
        unit = _unit(meta, key)
        name = f"{_name(meta, key)}（{unit}）" if unit and lang != "en" else (
            f"{_name(meta, key)} ({unit})" if unit else _name(meta, key))
        titles.append("<br>".join(wrap_caption(name, 18 if columns > 1 else 24)))
    fig = make_subplots(rows=rows, cols=columns, subplot_titles=titles or [""], vertical_spacing=0.5 / max(rows, 1)
                        if rows > 1 else 0.1, horizontal_spacing=0.12)
    notes = []
    for i, key in enumerate(keys):
        row, col = i // columns + 1, i % columns + 1
        s = _series(table, key)
        years = list(s["year"])
        dec = int(meta.get(key, {}).get("decimals", 1))
        first = i == 0
        band = s.dropna(subset=["group_q1", "group_q3"])
        if len(band):
            fig.add_trace(go.Scatter(x=list(band["year"]) + list(band["year"])[::-1],
                                     y=list(band["group_q3"]) + list(band["group_q1"])[::-1], fill="toself", mode="lines",
                                     fillcolor=BAND_COLOUR, line=dict(width=0), hoverinfo="skip",
                                     name=t("np_group_iqr", lang), showlegend=first, legendgroup="band"),
                          row=row, col=col)
        for column, name, colour, dash, group in (("group_median", t("np_group_median", lang), "#000000", "dash", "gm"),
                                                  ("national_median", t("tr_national_median", lang), JAPAN_COLOUR,
                                                   "dot", "nm")):
            fig.add_trace(go.Scatter(x=years, y=list(s[column]), mode="lines", connectgaps=False, name=name,
                                     line=dict(color=colour, dash=dash, width=2), showlegend=first, legendgroup=group,
                                     customdata=[national_number(v, median_decimals(v, dec)) for v in s[column]],
                                     hovertemplate="%{x}: %{customdata}<extra>" + name + "</extra>"),
                          row=row, col=col)
        ranks = [MISSING_DASH if r is None or is_missing(r) else f"{int(r)} / {int(n)}"
                 for r, n in zip(s["rank"], s["rank_n"])]
        fig.add_trace(go.Scatter(
            x=years, y=list(s["place_value"]), mode="lines+markers", connectgaps=False, name=f"<b>{place}</b>",
            line=dict(color=TOWN_COLOUR, width=3), marker=dict(size=7, color=TOWN_COLOUR, line=dict(width=1, color="#000")),
            showlegend=first, legendgroup="place",
            customdata=[[national_number(v, dec), rk] for v, rk in zip(s["place_value"], ranks)],
            hovertemplate="%{x}: %{customdata[0]}（" + t("tr_rank_in_group", lang) + " %{customdata[1]}）<extra>"
                          + place + "</extra>"), row=row, col=col)
        if s["place_value"].notna().sum() == 1:
            notes.append((row, col, t("tr_no_trend_note", lang)))
        fig.update_xaxes(row=row, col=col, tickmode="array", tickvals=years, ticktext=[str(y) for y in years],
                         tickangle=0 if len(years) <= 5 or columns == 1 else -45, fixedrange=True)
        # the unit's own numbers: separators, never 2M / 7k
        fig.update_yaxes(row=row, col=col, tickformat=",", exponentformat="none", separatethousands=True,
                         fixedrange=True)
    for row, col, text in notes:
        fig.add_annotation(text=text, xref="x domain" if (row, col) == (1, 1) else
                           f"x{(row - 1) * columns + col} domain", yref="y domain" if (row, col) == (1, 1) else
                           f"y{(row - 1) * columns + col} domain", x=0.5, y=0.9, showarrow=False,
                           font=dict(size=11, color="#444"))
    per_row = 250 if columns > 1 else 230
    top, bottom = 150, 60 + 15 * (caption.count("<br>") + 1)
    title, lines = chart_title(t("tr_title", lang, town=place))
    fig.update_layout(
        height=top + bottom + per_row * rows + 22 * (lines - 1), font=dict(family=FONT_FAMILY, size=12),
        margin=dict(l=60, r=20, t=top + 22 * (lines - 1), b=bottom), plot_bgcolor="white",
        title=dict(text=title, x=0.01, xanchor="left", y=1 - 10 / (top + bottom + per_row * rows), yref="container",
                   yanchor="top", font=dict(size=16)),
        legend=dict(orientation="h", xref="container", x=0.01, yref="container", yanchor="top",
                    y=1 - (44 + 22 * (lines - 1)) / (top + bottom + per_row * rows + 22 * (lines - 1)),
                    font=dict(size=11)),
        hovermode="closest")
    fig.update_annotations(font=dict(size=12))  # the panel titles
    fig.add_annotation(text=caption, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                       yshift=-40, showarrow=False, align="left", font=dict(size=10, color="#444"))
    fig.update_xaxes(showgrid=False, linecolor="#888")
    fig.update_yaxes(gridcolor="#e5e5e5", linecolor="#888")
    return fig


def file_table(table: pd.DataFrame, meta: dict, code: str, place: str, lang: str, *, sources, group: str,
               url: str, created: str) -> files.FileTable:
    """The view in long form: place, series, indicator, year, value, unit, and the place's rank in the group."""
    long = pt.long_frame(table)
    series_names = {"place_value": place, "group_median": t("np_group_median", lang),
                    "group_q1": t("tr_series_q1", lang), "group_q3": t("tr_series_q3", lang),
                    "national_median": t("tr_national_median", lang)}
    values = []
    for key, series, value in zip(long["indicator"], long["series"], long["value"]):
        dec = int(meta.get(key, {}).get("decimals", 1))
        dec = dec if series == "place_value" else median_decimals(value, dec)
        values.append(None if value is None or is_missing(value) else
                      (int(round(value)) if dec == 0 else round(float(value), dec)))
    frame = pd.DataFrame({
        t("np_col_code", lang): code, t("np_col_place", lang): place,
        t("tr_col_series", lang): [series_names[s] for s in long["series"]],
        t("np_col_indicator", lang): [_name(meta, k) for k in long["indicator"]],
        t("np_col_year", lang): [int(y) for y in long["year"]],
        t("tr_col_value", lang): pd.Series(values, dtype=object),
        t("np_col_unit", lang): [_unit(meta, k) for k in long["indicator"]],
        t("np_col_group_rank", lang): pd.Series([None if is_missing(r) else int(r) for r in long["rank"]], dtype=object),
        t("np_col_group_n", lang): pd.Series([None if is_missing(n) else int(n) for n in long["rank_n"]], dtype=object),
    })
    text = t("np_unit_text", lang)
    units = {c: text for c in frame.columns}
    units.update({t("np_col_year", lang): "年" if lang != "en" else "year",
                  t("tr_col_value", lang): t("tr_unit_each_row", lang),
                  t("np_col_group_rank", lang): t("np_unit_rank", lang),
                  t("np_col_group_n", lang): t("np_unit_bodies", lang)})
    years = sorted({int(y) for y in table["year"]})
    span = (f"{years[0]}–{years[-1]}" + ("年" if lang != "en" else "")) if years else MISSING_DASH
    return files.FileTable(frame=frame, title=t("tr_file_title", lang, town=place), units=units,
                           sources=tuple(sources), years=span, rebuild_url=url, group=group, created=created,
                           notes=(t("tr_fixed_group", lang),))


def build(values: pd.DataFrame, medians: pd.DataFrame, code: str, group_codes, indicators, meta: dict, lang: str,
          *, place: str, group_line: str, group_definition: str, sources, url: str, created: str,
          period: tuple[int | None, int | None] = (None, None), link_of=lambda key: "") -> TrendView:
    table = pt.trend_table(values, code, group_codes, medians, indicators)
    table = pt.within_period(table, *period)
    readings = pt.readings(table, indicators)
    # one source a line, each wrapped: 「類似団体区分：総務省」 never runs into the next source
    captions = {name: "<br>".join(line for text in (group_line, t("tr_fixed_group", lang), *sources)
                                  for line in wrap_caption(text, width)) for name, width in CAPTION_WIDTH.items()}
    figs = {"grid": grid_figure(table, indicators, meta, place, lang, captions["grid"], columns=2),
            "grid_compact": grid_figure(table, indicators, meta, place, lang, captions["grid_compact"], columns=1)}
    years = sorted({int(y) for y in table["year"]})
    display = pd.DataFrame([reading_row(r, meta, lang) for r in readings])
    if not any(r.direction in pt.DIRECTIONS for r in readings):
        # a column of 「—（向きの定義なし）」 on every row took a seventh of a narrow screen; the note under the table
        # says once why no better or worse is given
        display = display.drop(columns=[t("tr_col_verdict", lang)], errors="ignore")
    return TrendView(
        table=table, readings=readings, figs=figs,
        display=display,
        ranks=rank_table(table, meta, lang), changed=changed_table(readings, meta, lang, link_of),
        file=file_table(table, meta, code, place, lang, sources=sources, group=group_definition, url=url,
                        created=created),
        years=(years[0], years[-1]) if years else None)


def trend_url(params, indicators, period, lang: str) -> str:
    """The link that rebuilds 推移 for the same place and group, these indicators and this period."""
    from machikurabe.analysis import national_peers as npp

    nearest = params.group == "nearest"
    default = tuple(indicators) == tuple(pt.DEFAULT_TREND_INDICATORS)
    first, last = period
    return urls.page_url("peers", lang, code=params.code, group=params.group,
                         k=str(params.k) if nearest else None, w=npp.weights_param(params.weights) if nearest else None,
                         hand=",".join(params.hand) if params.group == "hand" and params.hand else None,
                         tab="trend", trend=None if default else ",".join(indicators),
                         period=f"{first}-{last}" if first is not None and last is not None else None)
