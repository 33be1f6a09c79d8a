"""View builders of the 自治体プロフィール page for any place in Japan, each cached by ui.state.cached_view on its
parameters alone (code, indicator, weights, language): national standing, trend figure, nearest model-project towns."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from machikurabe.analysis import national, profile
from machikurabe.analysis.formatting import format_measure, format_number, is_missing
from machikurabe import urls
from machikurabe.credits import national_credits
from machikurabe.i18n import t
from machikurabe.i18n.prefectures import prefecture_english
from machikurabe.ui import st_data
from machikurabe.ui.charts import FONT_FAMILY, OKABE_ITO, add_source, chart_title
from machikurabe.ui.state import cached_view

HEADLINE = ("A1101", "ageing_rate_pct", "density_per_km2", "pop_change_2015_2020_pct")


def places() -> pd.DataFrame:
    """Every place, shared read-only by all sessions (no per-run copy of 1,788 rows)."""
    return st_data.shared_query("places")


def catalogue() -> pd.DataFrame:
    return st_data.shared_query("national_indicators")


@cached_view(256)
def benchmark(code: str, lang: str) -> pd.DataFrame:
    """The place's standing for every national indicator (analysis.national.benchmark_table)."""
    return national.benchmark_table(code, places(), st_data.query("national_snapshot_for_place", code=code),
                                    catalogue(), lang)


def _rank_text(rank, n, lang: str) -> str:
    return "—" if is_missing(rank) or not n else t("pf_rank", lang, rank=f"{int(rank):,}", n=f"{int(n):,}")


@cached_view(256)
def benchmark_display(code: str, lang: str, topic: str | None) -> pd.DataFrame:
    """The standing table as shown and exported: value with unit, ranks as 「12位／1,741」, readings in words."""
    table = benchmark(code, lang)
    if topic:
        table = table[table["topic"] == topic]
    return pd.DataFrame({
        t("pf_col_indicator", lang): table["label"],
        t("pf_col_year", lang): table["year"].astype(int),
        t("pf_col_value", lang): [format_measure(v, u, d, lang) for v, u, d in
                                  zip(table["value"], table["unit"], table["decimals"])],
        t("pf_col_japan", lang): [_rank_text(r, n, lang) for r, n in zip(table["japan_rank"], table["japan_n"])],
        t("pf_col_percentile", lang): [None if is_missing(p) else round(float(p)) for p in table["japan_percentile"]],
        t("pf_col_quintile", lang): table["japan_quintile"].astype("Int64"),
        t("pf_col_prefecture", lang): [_rank_text(r, n, lang) for r, n in
                                       zip(table["prefecture_rank"], table["prefecture_n"])],
        t("pf_col_type", lang): [_rank_text(r, n, lang) for r, n in zip(table["type_rank"], table["type_n"])],
        t("pf_col_median", lang): [format_measure(v, u, d, lang) for v, u, d in
                                   zip(table["japan_median"], table["unit"], table["decimals"])],
        t("pf_col_reading", lang): table["reading"],
    }).reset_index(drop=True)


@cached_view(256)
def trend_choices(code: str, lang: str) -> dict[str, str]:
    """Indicators with several years for this place: id → label with unit, in catalogue order."""
    meta = catalogue()
    values = st_data.query("national_values_for_place", code=code)
    years = values[values["value"].notna()].groupby("indicator")["year"].nunique()
    several = set(years[years >= 2].index)
    label = "label_en" if lang == "en" else "label_ja"
    unit = "unit_en" if lang == "en" else "unit"
    return {row["indicator"]: (f"{row[label]} ({row[unit]})" if lang == "en" else f"{row[label]}（{row[unit]}）")
            for _, row in meta.iterrows() if row["indicator"] in several}


@cached_view(256)
def trend_figure(code: str, indicator: str, lang: str):
    """Line chart of the place against the medians of its prefecture, its type group and Japan; None if no trend."""
    frame = national.trend_frame(code, indicator, places(), st_data.query("national_trend", indicator=indicator))
    if frame.empty:
        return None
    place = places().set_index("code").loc[code]
    meta = catalogue().set_index("indicator").loc[indicator]
    unit = meta["unit_en"] if lang == "en" else meta["unit"]
    decimals = int(meta["decimals"]) if not is_missing(meta["decimals"]) else 0
    is_pref = place["kind"] == "prefecture"
    names = {"place": profile.display_name(place, lang), "prefecture_median": t("pf_trend_prefecture", lang),
             "type_median": t("pf_trend_type", lang),
             "japan_median": t("pf_trend_japan_pref" if is_pref else "pf_trend_japan", lang)}
    styles = {"place": dict(color="#D55E00", width=3), "prefecture_median": dict(color=OKABE_ITO[4], dash="dot"),
              "type_median": dict(color=OKABE_ITO[2], dash="dash"), "japan_median": dict(color="#555555")}
    fig = go.Figure()
    for series in ("place", "prefecture_median", "type_median", "japan_median"):
        part = frame[frame["series"] == series]
        if part.empty:
            continue
        fig.add_trace(go.Scatter(
            x=part["year"], y=part["value"], mode="lines+markers", name=names[series], line=styles[series],
            hovertemplate="%{x}: %{customdata}<extra>" + names[series] + "</extra>",
            customdata=[format_measure(v, unit, decimals, lang) for v in part["value"]]))
    label = meta["label_en"] if lang == "en" else meta["label_ja"]
    title_text, title_lines = chart_title(f"{names['place']}：{label}" if lang != "en" else f"{names['place']}: {label}")
    fig.update_layout(
        # the title at the very top: the legend above the plot takes four rows on a phone and would reach it
        title=dict(text=title_text, x=0, y=1, yref="container", yanchor="top", pad=dict(t=12)),
        font=dict(family=FONT_FAMILY), height=458 + 22 * title_lines,
        margin=dict(l=60, r=20, t=108 + 22 * title_lines, b=110),
        xaxis=dict(title=t("pf_trend_axis_year", lang), dtick=1, tickformat="d"),
        yaxis=dict(title=f"{label}（{unit}）" if lang != "en" else f"{label} ({unit})", separatethousands=True),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, entrywidth=0))
    add_source(fig, " ".join(national_credits(lang)))
    return fig


@cached_view(256)
def model_towns(code: str, weights: tuple, lang: str, k: int = national.MODEL_TOWNS_K) -> pd.DataFrame:
    """The nearest model-project municipalities with their distance and a few figures, as shown."""
    keys = [key for key, _ in weights]
    wide = national.wide_latest(places(), st_data.query("national_latest_for_indicators", indicators=keys), keys)
    near = national.nearest_model_towns(code, wide, dict(weights), k=k)
    by_code = places().set_index("code")
    meta = catalogue().set_index("indicator")
    rows = []
    for item in near.itertuples(index=False):
        place = by_code.loc[item.code]
        row = {"code": item.code, t("pf_col_town", lang): profile.display_name(place, lang),
               t("col_prefecture", lang): place["prefecture"] if lang != "en"
               else prefecture_english(place["prefecture"]),
               t("pf_col_distance", lang): round(float(item.distance), 2)}
        figures = wide.set_index("code").loc[item.code]
        for key in keys:
            label = meta.loc[key, "label_en" if lang == "en" else "label_ja"]
            unit = meta.loc[key, "unit_en" if lang == "en" else "unit"]
            decimals = int(meta.loc[key, "decimals"]) if not is_missing(meta.loc[key, "decimals"]) else 0
            row[label] = format_measure(figures.get(key), unit, decimals, lang)
        rows.append(row)
    return pd.DataFrame(rows)


@cached_view(4)
def weight_labels(lang: str) -> dict[str, str]:
    meta = catalogue().set_index("indicator")
    return {key: meta.loc[key, "label_en" if lang == "en" else "label_ja"] for key in national.DEFAULT_WEIGHTS
            if key in meta.index}


def stamp(code: str, lang: str) -> str:
    """What produced an export: data editions, date and the relative URL that rebuilds the view."""
    info = st_data.query("build_info")
    values = dict(zip(info.iloc[:, 0], info.iloc[:, 1])) if not info.empty else {}
    vintages = values.get("national_vintages", "")
    shown = f"{vintages.split(',')[0]}–{vintages.split(',')[-1]}" if vintages else "?"
    url = urls.page_url("profile", lang, code=code)
    return t("pf_stamp", lang, vintages=shown, date=dt.date.today().isoformat(), url=url)


@cached_view(256)
def headline(code: str, lang: str) -> list[tuple[str, str, str]]:
    """(label with year, value, reading) of the headline indicators the place has."""
    table = benchmark(code, lang).set_index("indicator")
    out = []
    for key in HEADLINE:
        if key in table.index:
            row = table.loc[key]
            label = row["label"] if "→" in row["label"] or "–" in row["label"] else (
                f"{row['label']}（{int(row['year'])}）" if lang != "en" else f"{row['label']} ({int(row['year'])})")
            out.append((label,
                        format_measure(row["value"], row["unit"], int(row["decimals"]), lang), row["reading"]))
    return out


@cached_view(256)
def type_group_size(code: str) -> int:
    return int(len(national.type_group(places(), code)))


def format_weight(value: float) -> str:
    return format_number(value, 1)
