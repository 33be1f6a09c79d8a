"""View builders of the 自治体プロフィール page for any place in Japan, each cached by ui.state.cached_view on its
parameters alone (code, indicator, weights, language): national standing, trend figure, nearest model-project towns."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from machikurabe.analysis import indicators, national, profile
from machikurabe.analysis.formatting import MISSING_DASH, format_measure, format_number, is_missing, text_width
from machikurabe import urls
from machikurabe.credits import national_credits
from machikurabe.i18n import t
from machikurabe.i18n.prefectures import prefecture_english
from machikurabe.ui import files, st_data
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


def _clean(value, decimals) -> int | float | None:
    """A number for a file: rounded to the unit's decimals (the catalogue's, set by analysis/units.py), an int when
    the unit has none, None when missing."""
    if is_missing(value):
        return None
    decimals = 0 if is_missing(decimals) else int(decimals)
    number = round(float(value), decimals)
    return int(number) if decimals == 0 else number


def _whole(value) -> int | None:
    return None if is_missing(value) else int(round(float(value)))


def benchmark_file_frame(table: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The standing table (analysis.national.benchmark_table rows) as a file: numbers as numbers rounded by the
    unit's decimals, each rank beside the number ranked, the unit of each row in a column of its own; and the unit of
    every column for the units row."""
    col = {key: t(key, lang) for key in (
        "pf_col_indicator", "pf_col_year", "pf_col_unit", "pf_col_value", "pf_col_japan", "pf_col_japan_n",
        "pf_col_percentile", "pf_col_quintile", "pf_col_prefecture", "pf_col_prefecture_n", "pf_col_type",
        "pf_col_type_n", "pf_col_median", "pf_col_reading")}
    rows = []
    for r in table.to_dict("records"):
        ranked = lambda rank, n: None if is_missing(rank) else _whole(n)  # noqa: E731  (n only beside a rank)
        rows.append({
            col["pf_col_indicator"]: r["label"], col["pf_col_year"]: _whole(r["year"]),
            col["pf_col_unit"]: r["unit"], col["pf_col_value"]: _clean(r["value"], r["decimals"]),
            col["pf_col_japan"]: _whole(r["japan_rank"]), col["pf_col_japan_n"]: ranked(r["japan_rank"], r["japan_n"]),
            col["pf_col_percentile"]: _whole(r["japan_percentile"]), col["pf_col_quintile"]: _whole(r["japan_quintile"]),
            col["pf_col_prefecture"]: _whole(r["prefecture_rank"]),
            col["pf_col_prefecture_n"]: ranked(r["prefecture_rank"], r["prefecture_n"]),
            col["pf_col_type"]: _whole(r["type_rank"]), col["pf_col_type_n"]: ranked(r["type_rank"], r["type_n"]),
            col["pf_col_median"]: _clean(r["japan_median"], r["decimals"]),
            col["pf_col_reading"]: r["reading"] or "",
        })
    frame = pd.DataFrame(rows, columns=list(col.values()), dtype=object)  # object: ints stay ints, None stays empty
    text, each = t("pf_unit_text", lang), t("pf_unit_each_row", lang)
    units = {col["pf_col_indicator"]: text, col["pf_col_year"]: t("pf_unit_year", lang), col["pf_col_unit"]: text,
             col["pf_col_value"]: each, col["pf_col_median"]: each, col["pf_col_reading"]: text,
             col["pf_col_percentile"]: t("pf_unit_percentile", lang), col["pf_col_quintile"]: t("pf_unit_quintile", lang)}
    for rank in ("pf_col_japan", "pf_col_prefecture", "pf_col_type"):
        units[col[rank]] = t("pf_unit_rank", lang)
        units[col[f"{rank}_n"]] = t("pf_unit_bodies", lang)
    return frame, units


def years_text(years, lang: str) -> str:
    """The data years of a table, e.g. 「2020年・2022年」 / "2020, 2022"."""
    found = sorted({int(y) for y in years if not is_missing(y)})
    if not found:
        return "—"
    return "・".join(f"{y}年" for y in found) if lang != "en" else ", ".join(str(y) for y in found)


def group_text(code: str, lang: str) -> str:
    """What the ranks are among: Japan's municipalities, the prefecture's, the type group (with their sizes)."""
    place = places().set_index("code").loc[code]
    if place["kind"] == "prefecture":
        return t("pf_file_group_pref", lang)
    muni = national.municipalities(places())
    in_pref = int((muni["prefecture_code"] == place["prefecture_code"]).sum())
    prefecture = prefecture_english(place["prefecture"]) if lang == "en" else place["prefecture"]
    kind = place["municipal_type"] if isinstance(place["municipal_type"], str) else "—"
    return t("pf_file_group", lang, japan=f"{len(muni):,}", prefecture=prefecture, pref_n=f"{in_pref:,}", type=kind,
             type_n=f"{type_group_size(code):,}")


@cached_view(256)
def benchmark_file(code: str, lang: str, topic: str | None) -> files.FileTable:
    """The standing table as CSV / XLSX through ui.files: title, units row, 出典, data years, group, date, link."""
    table = benchmark(code, lang)
    if topic:
        table = table[table["topic"] == topic]
    frame, units = benchmark_file_frame(table, lang)
    place = places().set_index("code").loc[code]
    notes = [editions(lang), t("pf_benchmark_note", lang)]
    if place["kind"] == "prefecture":
        notes.append(t("pf_benchmark_note_pref", lang))
    return files.FileTable(frame=frame, title=t("pf_sheet_title", lang, name=profile.display_name(place, lang)),
                           units=units, sources=tuple(national_credits(lang)), years=years_text(table["year"], lang),
                           rebuild_url=urls.page_url("profile", lang, code=code), group=group_text(code, lang),
                           notes=tuple(notes))


@cached_view(256)
def trend_years(code: str) -> dict[str, list[int]]:
    """Indicator id → the years this place has a value for, in catalogue order."""
    values = st_data.query("national_values_for_place", code=code)
    years = values[values["value"].notna()].groupby("indicator")["year"].agg(lambda y: sorted({int(v) for v in y}))
    return {ind: years[ind] for ind in catalogue()["indicator"] if ind in years.index}


@cached_view(256)
def trend_choices(code: str, lang: str) -> dict[str, str]:
    """Every indicator the place has: id → label with unit; an indicator of one year says so (「2020年のみ」)."""
    meta = catalogue().set_index("indicator")
    label = "label_en" if lang == "en" else "label_ja"
    unit = "unit_en" if lang == "en" else "unit"
    out = {}
    for ind, years in trend_years(code).items():
        text = (f"{meta.loc[ind, label]} ({meta.loc[ind, unit]})" if lang == "en"
                else f"{meta.loc[ind, label]}（{meta.loc[ind, unit]}）")
        if len(years) < 2:
            text += t("pf_trend_only_year", lang, year=years[0])
        out[ind] = text
    return out


def series_by_year(frame: pd.DataFrame, years: list[int]) -> dict[str, list]:
    """Each series of a trend frame over every year of the indicator, None where the series has no value: a year
    without data is drawn as a gap (connectgaps=False), never as a straight line across it."""
    out = {}
    for series, part in frame.groupby("series", sort=False):
        by_year = dict(zip(part["year"].astype(int), part["value"]))
        out[series] = [None if is_missing(by_year.get(y)) else float(by_year[y]) for y in years]
    return out


@cached_view(256)
def trend_figure(code: str, indicator: str, lang: str):
    """Line chart of the place against the medians of its prefecture, its type group and Japan; None if the
    indicator has fewer than two years (no trend)."""
    frame = national.trend_frame(code, indicator, places(), st_data.query("national_trend", indicator=indicator))
    if frame.empty:
        return None
    place = places().set_index("code").loc[code]
    meta = catalogue().set_index("indicator").loc[indicator]
    unit = meta["unit_en"] if lang == "en" else meta["unit"]
    decimals = int(meta["decimals"]) if not is_missing(meta["decimals"]) else 0
    listed = [int(y) for y in str(meta.get("years") or "").split(",") if y.strip().isdigit()]
    years = sorted(set(listed) | set(frame["year"].astype(int)))
    is_pref = place["kind"] == "prefecture"
    names = {"place": profile.display_name(place, lang), "prefecture_median": t("pf_trend_prefecture", lang),
             "type_median": t("pf_trend_type", lang),
             "japan_median": t("pf_trend_japan_pref" if is_pref else "pf_trend_japan", lang)}
    styles = {"place": dict(color="#D55E00", width=3), "prefecture_median": dict(color=OKABE_ITO[4], dash="dot"),
              "type_median": dict(color=OKABE_ITO[2], dash="dash"), "japan_median": dict(color="#555555")}
    lines = series_by_year(frame, years)
    fig = go.Figure()
    for series in ("place", "prefecture_median", "type_median", "japan_median"):
        if series not in lines:
            continue
        fig.add_trace(go.Scatter(
            x=years, y=lines[series], mode="lines+markers", name=names[series], line=styles[series],
            connectgaps=False, hovertemplate="%{x}: %{customdata}<extra>" + names[series] + "</extra>",
            customdata=[format_measure(v, unit, decimals, lang) if v is not None else t("pf_trend_no_value", lang)
                        for v in lines[series]]))
    label = meta["label_en"] if lang == "en" else meta["label_ja"]
    title_text, title_lines = chart_title(f"{names['place']}：{label}" if lang != "en" else f"{names['place']}: {label}")
    fig.update_layout(
        # the title at the very top: the legend above the plot takes four rows on a phone and would reach it
        title=dict(text=title_text, x=0, y=1, yref="container", yanchor="top", pad=dict(t=12)),
        font=dict(family=FONT_FAMILY), height=458 + 22 * title_lines,
        margin=dict(l=60, r=20, t=108 + 22 * title_lines, b=110),
        # ticks at the indicator's own years only: a survey every second year shows no tick for a year it skips
        xaxis=dict(title=t("pf_trend_axis_year", lang), tickvals=years, tickformat="d"),
        # ticks in the unit's own numbers with separators (16,000,000 千円), never SI suffixes (16M)
        # the unit alone on the axis (the indicator is in the title): 「千円」, 「人（人口1万人あたり）」
        yaxis=dict(title=unit, separatethousands=True,
                   exponentformat="none", tickformat=",d" if decimals == 0 else None, automargin=True),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, entrywidth=0))
    add_source(fig, "\n".join(national_credits(lang)))
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


def editions(lang: str) -> str:
    """The data editions behind the national figures (SSDSE-A editions, the type-group list), for a file's notes."""
    info = st_data.query("build_info")
    values = dict(zip(info.iloc[:, 0], info.iloc[:, 1])) if not info.empty else {}
    vintages = values.get("national_vintages", "")
    shown = f"{vintages.split(',')[0]}–{vintages.split(',')[-1]}" if vintages else "?"
    return t("pf_editions", lang, vintages=shown)


# a unit at most this wide (full-width characters; Latin letters count half) stays beside the number in a metric:
# %, ‰, km², 人, 世帯, 人/km², 千円. A wider one ("persons per km²", 人（人口1万人あたり）) goes into the label, so the
# value is never cut mid-word at 1440 or 390 px.
METRIC_UNIT_WIDTH = 3.0
# the shortest plain form of a long unit in a metric's label (the full unit is in the table and in the help)
METRIC_UNIT_WORDS = {"persons per km²": "per km²", "per 10,000 people": "per 10,000", "人（人口1万人あたり）": "人口1万人あたり"}


def metric_parts(label: str, number: str, unit: str, lang: str, year=None) -> tuple[str, str]:
    """(label, value) of an st.metric: the number with a short unit, or the number alone and the unit (with the
    year) in brackets after the label."""
    unit = unit or ""
    short = text_width(unit) <= METRIC_UNIT_WIDTH
    extra = [] if short or number == MISSING_DASH else [METRIC_UNIT_WORDS.get(unit, unit)]
    if year is not None:
        extra.append(str(int(year)))
    if extra:
        label = f"{label} ({', '.join(extra)})" if lang == "en" else f"{label}（{'、'.join(extra)}）"
    if not short or number == MISSING_DASH or not unit:
        return label, number
    if unit == "%" or (lang != "en" and not unit.startswith("km") and "/" not in unit):
        return label, f"{number}{unit}"
    return label, f"{number} {unit}"


@cached_view(256)
def headline(code: str, lang: str) -> list[tuple[str, str, str]]:
    """(label with year, value, reading) of the headline indicators the place has."""
    table = benchmark(code, lang).set_index("indicator")
    out = []
    for key in HEADLINE:
        if key in table.index:
            row = table.loc[key]
            # a label naming its own years (人口増減率（2015→2020年）) needs no year after it
            year = None if "→" in row["label"] or "–" in row["label"] else row["year"]
            decimals = int(row["decimals"])
            value = row["value"]
            number = format_number(value, decimals if float(value) != int(float(value)) or decimals == 0 else decimals)
            label, shown = metric_parts(row["label"], number, row["unit"], lang, year)
            out.append((label, shown, row["reading"]))
    return out


def plan_metric(key: str, value, lang: str, missing: str) -> tuple[str, str]:
    """(label, value) of a figure printed in the plan, by the same rule as the headline."""
    ind = indicators.get(key)
    if is_missing(value):
        return ind.name(lang), missing
    return metric_parts(ind.name(lang), format_number(value, ind.decimals), ind.unit(lang), lang)


@cached_view(256)
def type_group_size(code: str) -> int:
    return int(len(national.type_group(places(), code)))


def format_weight(value: float) -> str:
    return format_number(value, 1)
