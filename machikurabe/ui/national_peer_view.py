"""One 比較 view over the whole country, built in one go (so the page caches it): the peer group, the indicator table
(display and export forms), the values of the place and its peers, the peer list with model-project links, the
figures, the source lines and the stamp (vintage, method, date, the relative URL that rebuilds the view), the CSV /
XLSX bytes and the HTML report. ``build`` is a plain function over frames (tests call it directly); ``cached_build``
reads the database through st_data and is cached with state.cached_view.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import pandas as pd

from machikurabe import credits, urls
from machikurabe.analysis import indicators as plan_indicators
from machikurabe.analysis import national, peers, units
from machikurabe.analysis import national_peers as npp
from machikurabe.analysis.formatting import MISSING_DASH, is_missing, median_decimals
from machikurabe.i18n import kind_label, t
from machikurabe.i18n.prefectures import PREFECTURES_EN
from machikurabe.ui import exports, files, peer_charts, report
from machikurabe.ui.peer_charts import status_word

PERCENT_UNITS = ("%", "％")


# --- indicator names, units, topics ---------------------------------------------------------------------------

def indicator_meta(catalogue: pd.DataFrame, lang: str, user_meta: dict | None = None) -> dict[str, dict]:
    """key → name, unit, decimals, topic, log (drawn on a log axis) for national, plan and uploaded indicators."""
    meta = {}
    for row in catalogue.itertuples(index=False):
        meta[str(row.indicator)] = {
            "name": row.label_en if lang == "en" else row.label_ja,
            "unit": (row.unit_en if lang == "en" else row.unit) or "",
            "decimals": int(row.decimals) if not is_missing(row.decimals) else units.decimals_for(row.unit),
            "topic": str(row.topic), "log": str(row.indicator) in national.LOG_KEYS,
        }
    for key in npp.PLAN_KEYS:
        ind = plan_indicators.get(key)
        meta[key] = {"name": ind.name(lang), "unit": ind.unit(lang), "decimals": ind.decimals, "topic": "plan",
                     "log": False}
    for key, info in (user_meta or {}).items():
        from machikurabe.safe_text import defuse_formula

        unit = str(info.get("unit") or "")
        # the file's own precision (its numbers as written, analysis/uploads.file_decimals); a session value from
        # before that was stored: a unit the rule knows takes its decimals, any other keeps two
        decimals = info.get("decimals")
        if decimals is None:
            decimals = units.decimals_for(unit) if unit in units.DECIMALS_BY_UNIT else 2
        meta[key] = {"name": defuse_formula(str(info.get("name", key))), "unit": unit, "decimals": int(decimals),
                     "topic": "upload", "log": False, "uploaded": True,
                     "status": dict(info.get("status") or {})}
    return meta


def _scope_note(info: dict, row, lang: str) -> str | None:
    """「取り込んだ8団体中」 when an uploaded indicator's Japan rank and median cover only the file's places."""
    n, level_n = row.get("japan_n"), row.get("level_n")
    if not info.get("uploaded") or n is None or level_n is None or is_missing(level_n) or int(n) >= int(level_n):
        return None
    return t("np_among_uploaded", lang, n=f"{int(n):,}")


def _with_note(text: str, note: str | None, lang: str) -> str:
    if not note:
        return text
    return f"{text}（{note}）" if lang != "en" else f"{text} ({note})"


def with_unit(number: str, unit: str, lang: str) -> str:
    if number == MISSING_DASH or not unit:
        return number
    if unit in PERCENT_UNITS or lang != "en":
        return f"{number}{unit}"
    return f"{number} {unit}"


def clean_number(value, decimals: int):
    """No float noise: rounded to the indicator's decimals; integers as int."""
    if value is None or is_missing(value):
        return None
    value = round(float(value), int(decimals))
    return int(value) if int(decimals) == 0 else value


def place_name(wide: pd.DataFrame, code: str, lang: str) -> str:
    row = wide.loc[wide["code"] == code]
    if row.empty:
        return code
    row = row.iloc[0]
    if lang == "en" and isinstance(row.get("name_romaji"), str) and row["name_romaji"]:
        return row["name_romaji"]
    return str(row["name"])


def prefecture_name(name: str, lang: str) -> str:
    return PREFECTURES_EN.get(name, name) if lang == "en" else name


def _weights_text(weights: dict, meta: dict, lang: str) -> str:
    sep = "、" if lang != "en" else ", "
    return sep.join(f"{meta.get(k, {}).get('name', k)} {w:g}" for k, w in weights.items() if w > 0)


def definition(group: npp.Group, wide: pd.DataFrame, meta: dict, lang: str) -> str:
    place = wide.loc[wide["code"] == group.code].iloc[0]
    n = len(group.codes)
    if group.kind == "nearest":
        level = t("np_level_pref" if place["kind"] == "prefecture" else "np_level_muni", lang)
        return t("np_def_nearest", lang, k=group.k, level=level, weights=_weights_text(group.weights, meta, lang))
    if group.kind == "type":
        return (t("np_def_type", lang, type=group.municipal_type, n=n) if group.municipal_type
                else t("np_def_type_none", lang))
    if group.kind == "prefecture":
        return (t("def_prefecture_block", lang) if place["kind"] == "prefecture"
                else t("np_def_prefecture", lang, pref=prefecture_name(place["prefecture"], lang), n=n))
    if group.kind == "size":
        band = peers.SIZE_BAND_LABELS.get(group.band or "", {}).get(lang, MISSING_DASH)
        return t("np_def_size", lang, kind=kind_label(place["kind"], lang), band=band, n=n)
    return t("np_def_hand", lang, n=n)


def short_definition(group: npp.Group, wide: pd.DataFrame, meta: dict, lang: str, full: str) -> str:
    """The group in one short line for a chart image: the nearest-neighbour kind without its weights (the page and
    the files give them), every other kind as defined (they already name their size)."""
    if group.kind != "nearest":
        return full
    place = wide.loc[wide["code"] == group.code].iloc[0]
    level = t("np_level_pref" if place["kind"] == "prefecture" else "np_level_muni", lang)
    return t("np_def_nearest_short", lang, k=group.k, level=level)


# --- tables ---------------------------------------------------------------------------------------------------

def _diff_unit(unit: str, lang: str) -> str:
    return t("np_points", lang) if unit in PERCENT_UNITS else unit


def display_table(table: pd.DataFrame, meta: dict, name: str, lang: str, code: str | None = None) -> pd.DataFrame:
    """The indicator table as text: units on every value, differences of rates in points, ranks as r / n; a value
    the place lacks as 「—」 with the file's reason (秘匿, …), an uploaded indicator's Japan figures labelled as
    among the uploaded places unless the file covers every place."""
    rows = []
    for _, r in table.iterrows():
        info = meta.get(r["indicator"], {})
        unit, dec = info.get("unit", ""), info.get("decimals", 1)
        fmt = lambda v: with_unit(peer_charts.national_number(v, dec), unit, lang)  # noqa: E731
        # medians (and a value's difference from one) may need the half of the last digit: 3.5人, not 4人
        fmt_median = lambda v: with_unit(peer_charts.national_number(v, median_decimals(v, dec)), unit, lang)  # noqa: E731
        diff = r["difference"]
        if diff is None or is_missing(diff):
            diff_text = MISSING_DASH
        else:
            number = peer_charts.national_number(diff, median_decimals(diff, dec))
            diff_text = with_unit(("+" if float(diff) > 0 and number.strip("0.,") else "") + number,
                                  _diff_unit(unit, lang), lang)
        reading = t(f"np_reading_{r['reading']}", lang) if r["reading"] else t("np_reading_none", lang)
        rank = lambda a, b: MISSING_DASH if a is None or is_missing(a) else f"{int(a):,} / {int(b):,}"  # noqa: E731
        scope = _scope_note(info, r, lang)
        value_text = fmt(r["town_value"])
        if r["town_value"] is None or is_missing(r["town_value"]):
            value_text = _with_note(MISSING_DASH, status_word(info, code, lang), lang)
        elif status_word(info, code, lang):  # a 0 read from 「-」
            value_text = _with_note(value_text, status_word(info, code, lang), lang)
        rows.append({
            t("np_col_indicator", lang): info.get("name", r["indicator"]),
            t("np_col_year", lang): str(int(r["year"])) if r["year"] is not None and not is_missing(r["year"]) else "",
            t("np_col_value", lang, town=name): value_text,
            t("np_col_group_median", lang): fmt_median(r["peer_median"]),
            t("np_col_difference", lang): diff_text,
            t("np_col_reading", lang): reading,
            t("np_col_group_rank", lang): rank(r["group_rank"], r["group_n"]),
            t("np_col_japan_rank", lang): _with_note(rank(r["japan_rank"], r["japan_n"]), scope, lang),
            t("np_col_japan_median", lang): _with_note(fmt_median(r["level_median"]), scope, lang),
            t("np_col_pref_median", lang): fmt_median(r["prefecture_median"]),
        })
    return pd.DataFrame(rows)


def export_table(table: pd.DataFrame, meta: dict, name: str, lang: str, code: str | None = None
                 ) -> tuple[pd.DataFrame, dict[str, str]]:
    """The indicator table with numbers as numbers (rounded to each indicator's decimals) and a unit per column; the
    reason a value is missing (秘匿, …) and what the Japan rank and median cover in their own text columns."""
    rows = []
    for _, r in table.iterrows():
        info = meta.get(r["indicator"], {})
        unit, dec = info.get("unit", ""), info.get("decimals", 1)
        num = lambda v: clean_number(v, dec)  # noqa: E731
        num_median = lambda v: clean_number(v, median_decimals(v, dec))  # noqa: E731
        as_int = lambda v: None if v is None or is_missing(v) else int(v)  # noqa: E731
        rows.append({
            t("np_col_indicator", lang): info.get("name", r["indicator"]),
            t("np_col_year", lang): as_int(r["year"]),
            t("np_col_unit", lang): unit,
            t("np_col_value", lang, town=name): num(r["town_value"]),
            t("np_col_status", lang): status_word(info, code, lang) or "",
            t("np_col_group_median", lang): num_median(r["peer_median"]),
            t("np_col_difference", lang): num_median(r["difference"]),
            t("np_col_diff_unit", lang): _diff_unit(unit, lang),
            t("np_col_reading", lang): t(f"np_reading_{r['reading']}", lang) if r["reading"]
            else t("np_reading_none", lang),
            t("np_col_group_rank", lang): as_int(r["group_rank"]),
            # the screen's 「6 / 21」: the rank and the number ranked, this place included
            t("np_col_group_n", lang): None if r["group_rank"] is None or is_missing(r["group_rank"])
            else int(r["group_n"]),
            t("np_col_japan_rank", lang): as_int(r["japan_rank"]),
            t("np_col_japan_n", lang): int(r["japan_n"]),
            t("np_col_japan_median", lang): num_median(r["level_median"]),
            t("np_col_japan_scope", lang): _scope_note(info, r, lang) or t("np_scope_all", lang),
            t("np_col_pref_median", lang): num_median(r["prefecture_median"]),
        })
    frame = pd.DataFrame(rows, dtype=object)  # object: integers stay integers, no float noise
    each = t("np_unit_each_row", lang) + f"（{t('np_col_unit', lang)}）" if lang != "en" \
        else f"{t('np_unit_each_row', lang)} ({t('np_col_unit', lang)})"
    units = {c: each for c in frame.columns}
    units.update({t("np_col_indicator", lang): t("np_unit_text", lang), t("np_col_unit", lang): t("np_unit_text", lang),
                  t("np_col_year", lang): "年" if lang != "en" else "year",
                  t("np_col_difference", lang): f"{t('np_col_diff_unit', lang)}" if lang == "en"
                  else f"各行の{t('np_col_diff_unit', lang)}",
                  t("np_col_diff_unit", lang): t("np_unit_text", lang),
                  t("np_col_reading", lang): t("np_unit_text", lang),
                  t("np_col_status", lang): t("np_unit_text", lang),
                  t("np_col_japan_scope", lang): t("np_unit_text", lang),
                  t("np_col_group_rank", lang): t("np_unit_rank", lang),
                  t("np_col_japan_rank", lang): t("np_unit_rank", lang),
                  t("np_col_group_n", lang): t("np_unit_bodies", lang),
                  t("np_col_japan_n", lang): t("np_unit_bodies", lang)})
    return frame, units


def values_table(wide: pd.DataFrame, code: str, peer_codes, keys, meta: dict, years: dict, lang: str
                 ) -> tuple[pd.DataFrame, dict[str, str]]:
    """The place (★) and each peer, one column per indicator (numbers, rounded), each column's unit and year."""
    codes = [code, *[c for c in peer_codes if c != code]]
    group = wide.set_index("code").loc[codes].reset_index()
    names = [("★ " if c == code else "") + place_name(wide, c, lang) for c in codes]
    out = pd.DataFrame({t("np_col_code", lang): group["code"], t("np_col_place", lang): names,
                        t("np_col_prefecture", lang): [prefecture_name(p, lang) for p in group["prefecture"]],
                        t("np_col_kind", lang): [kind_label(k, lang) for k in group["kind"]],
                        t("np_col_type", lang): group["municipal_type"].fillna(""),
                        t("np_col_model", lang): ["✓" if m else "" for m in group["in_model_project"]]})
    units = {c: t("np_unit_text", lang) for c in out.columns}
    for key in keys:
        if key not in group.columns:
            continue
        info = meta.get(key, {})
        column = info.get("name", key)
        out[column] = pd.Series([clean_number(v, info.get("decimals", 1)) for v in group[key]], dtype="object")
        year = years.get(key)
        unit = info.get("unit", "")
        units[column] = (f"{unit} ({year})" if lang == "en" else f"{unit}（{year}年）") if year else unit
        notes = [status_word(info, c, lang) or "" for c in group["code"]]
        if any(notes):  # the file's own marks (秘匿, …) beside the numbers, never in place of one
            note_column = t("np_col_status_of", lang, name=column)
            out[note_column] = notes
            units[note_column] = t("np_unit_text", lang)
    return out, units


def peer_list(wide: pd.DataFrame, group: npp.Group, meta: dict, years: dict, lang: str) -> pd.DataFrame:
    """The place (★) and its peers: prefecture, kind, type group, population, model project with a relative link to
    its programme designs, and for nearest neighbours the distance and each indicator's share of it."""
    codes = [group.code, *group.codes]
    by_code = wide.set_index("code")
    nn = group.nearest
    dist = nn.distances.set_index("code") if nn is not None else None
    rows = []
    for code in codes:
        b = by_code.loc[code]
        row = {t("np_col_code", lang): code,
               t("np_col_place", lang): ("★ " if code == group.code else "") + place_name(wide, code, lang)
               + ("＊" if peer_charts.is_small(b["population"]) else ""),
               t("np_col_prefecture", lang): prefecture_name(b["prefecture"], lang),
               t("np_col_kind", lang): kind_label(b["kind"], lang),
               t("np_col_type", lang): b["municipal_type"] if isinstance(b["municipal_type"], str) else "",
               t("np_col_population", lang, year=years.get(npp.POPULATION, "")):
                   peer_charts.national_number(b["population"], 0),
               t("np_col_model", lang): t("np_model_mark", lang) if b["in_model_project"] else "",
               t("np_col_design", lang): urls.page_url("programmes", lang, code=code) if b["in_model_project"] else ""}
        if dist is not None:
            known = code in dist.index
            row[t("np_col_distance", lang)] = f"{dist.at[code, 'distance']:.2f}" if known else MISSING_DASH
            for key in nn.used_keys:
                col = t("np_col_share", lang, name=meta.get(key, {}).get("name", key))
                row[col] = f"{dist.at[code, f'share_{key}']:.0f}%" if known else MISSING_DASH
        rows.append(row)
    return pd.DataFrame(rows)


def stability_table(group: npp.Group, meta: dict, lang: str) -> pd.DataFrame:
    s = group.stability
    if s is None or s.empty:
        return pd.DataFrame()
    return pd.DataFrame({
        t("col_indicator", lang): [meta.get(k, {}).get("name", k) for k in s["indicator"]],
        t("col_weight", lang): [f"{w:g}" for w in s["weight"]],
        t("col_kept_lower", lang): [f"{a}/{k}" for a, k in zip(s["kept_lower"], s["k"])],
        t("col_kept_higher", lang): [f"{a}/{k}" for a, k in zip(s["kept_higher"], s["k"])],
    })


# --- sources, stamp, exports ----------------------------------------------------------------------------------

def source_lines(keys, lang: str, upload_name: str | None = None, user_keys=()) -> list[str]:
    lines = list(credits.national_credits(lang))
    if any(k in npp.PLAN_KEYS for k in keys):
        lines.append(t("np_plan_source", lang))
    if any(k in set(user_keys) for k in keys):
        lines.append(t("np_upload_source", lang, name=upload_name or ""))
    return lines




def years_text(years: dict, keys, lang: str) -> str:
    """The data years of the shown indicators, e.g. 「2020年・2022年」 / "2020, 2022"."""
    found = sorted({int(years[k]) for k in keys if years.get(k) not in (None, "") and not is_missing(years.get(k))})
    if not found:
        return MISSING_DASH
    return "・".join(f"{y}年" for y in found) if lang != "en" else ", ".join(str(y) for y in found)


def file_table(view: "NationalView", which: str) -> files.FileTable:
    """The indicator table (``which="table"``) or the values of the place and its peers (``"values"``) as a file."""
    lang = view.lang
    frame, units = (view.export, view.export_units) if which == "table" else (view.values, view.value_units)
    title = t("np_table_title" if which == "table" else "np_values_title", lang, town=view.place_name)
    note = t("np_table_note" if which == "table" else "small_flag_note", lang)
    return files.FileTable(frame=frame, title=title, units=units, sources=tuple(view.sources),
                           years=years_text(view.years, view.keys, lang), rebuild_url=view.url,
                           group=view.definition, created=view.created, notes=(note,))


def vintage_text(build_info: pd.DataFrame | None, lang: str) -> str:
    info = {} if build_info is None or build_info.empty else dict(zip(build_info["key"], build_info["value"]))
    editions = str(info.get("national_vintages", "") or "")
    parts = editions.split(",") if editions else []
    span = f"{parts[0]}–{parts[-1]}" if len(parts) > 1 else (parts[0] if parts else MISSING_DASH)
    built = str(info.get("built_at", "") or MISSING_DASH)[:10]
    return t("np_vintage", lang, editions=span, built=built)


# --- the view -------------------------------------------------------------------------------------------------

@dataclass
class NationalView:
    params: npp.ViewParams
    lang: str
    place_name: str
    place_kind: str
    group: npp.Group
    definition: str
    keys: tuple[str, ...]
    meta: dict
    years: dict
    table: pd.DataFrame
    display: pd.DataFrame
    export: pd.DataFrame
    export_units: dict
    values: pd.DataFrame
    value_units: dict
    peers: pd.DataFrame
    stability: pd.DataFrame
    figs: dict
    sources: list[str]
    stamp: str
    url: str
    model_count: int
    level: pd.DataFrame = field(repr=False, default=None)
    seconds: float = 0.0
    created: str = ""
    vintage: str = ""
    chart_caption: str = ""   # the group line and the 出典 under every chart
    group_line: str = ""      # 「比較グループ：…」 as the chart images say it


def build(wide: pd.DataFrame, years: dict, catalogue: pd.DataFrame, build_info: pd.DataFrame | None,
          params: npp.ViewParams, keys, lang: str, bar_key: str, x_key: str, y_key: str,
          user_meta: dict | None = None, upload_name: str | None = None, created: str | None = None
          ) -> NationalView:
    """Everything the page draws for one set of choices."""
    start = time.perf_counter()
    meta = indicator_meta(catalogue, lang, user_meta)
    # an uploaded indicator's year comes from its file's year row (None: the file names none)
    years = {**years, **{k: info["year"] for k, info in (user_meta or {}).items() if info.get("year")}}
    code = params.code
    place = wide.loc[wide["code"] == code].iloc[0]
    group = npp.peer_group(wide, code, params.group, params.k, params.weights, params.hand)
    name = place_name(wide, code, lang)
    keys = tuple(k for k in keys if k in wide.columns)
    table = npp.indicator_table(wide, code, group.codes, keys, years)
    shown_keys = tuple(table["indicator"]) if not table.empty else ()
    level = npp.level_frame(wide, code)
    sources = source_lines(shown_keys, lang, upload_name, tuple(user_meta or {}))
    text = definition(group, wide, meta, lang)
    # every chart image names its group (kind and size) above its 出典, so a pasted picture says what it compares
    group_words = t("np_group_line", lang, group=short_definition(group, wide, meta, lang, text))
    group_line = group_words + "\n"
    source_text = group_line + "\n".join(sources)  # one source a line: 「類似団体区分：総務省」 never runs into the next
    figs = {}
    if group.codes:
        figs["spine"] = peer_charts.national_spine(table, meta, name, lang, source_text)
        figs["spine_compact"] = peer_charts.national_spine(table, meta, name, lang, source_text, compact=True)
        for key in (bar_key, x_key, y_key):
            meta.setdefault(key, {"name": key, "unit": "", "decimals": 1})
        figs["bar"] = peer_charts.national_bar(
            level, code, group.codes, bar_key, meta, years.get(bar_key, ""),
            npp.reference_values(wide, code, group.codes, bar_key), lang,
            group_line + "\n".join(source_lines([bar_key], lang, upload_name, tuple(user_meta or {}))), name)
        figs["scatter"] = peer_charts.national_scatter(
            level, code, group.codes, x_key, y_key, meta, npp.reference_values(wide, code, group.codes, x_key),
            npp.reference_values(wide, code, group.codes, y_key), lang,
            group_line + "\n".join(source_lines([x_key, y_key], lang, upload_name, tuple(user_meta or {}))), years)
    view_params = npp.ViewParams(code=code, group=params.group, k=group.k or params.k,
                                 weights=dict(params.weights), hand=list(params.hand))
    url = npp.rebuild_url(view_params, lang)
    created = created or exports.today()
    stamp = t("np_stamp", lang, vintage=vintage_text(build_info, lang), method=text, date=created, url=url)
    export, export_units = export_table(table, meta, name, lang, code)
    values, value_units = values_table(wide, code, group.codes, shown_keys, meta, years, lang)
    model_count = int(wide.set_index("code").loc[group.codes, "in_model_project"].sum()) if group.codes else 0
    return NationalView(
        params=view_params, lang=lang, place_name=name, place_kind=str(place["kind"]), group=group, definition=text,
        keys=shown_keys, meta=meta, years=years, table=table, display=display_table(table, meta, name, lang, code),
        export=export, export_units=export_units, values=values, value_units=value_units,
        peers=peer_list(wide, group, meta, years, lang), stability=stability_table(group, meta, lang), figs=figs,
        sources=sources, stamp=stamp, url=url, model_count=model_count, level=level,
        seconds=time.perf_counter() - start, created=created, vintage=vintage_text(build_info, lang),
        chart_caption=source_text, group_line=group_words)


# an A4 page less the report's 15 mm margins is 1,009 px tall at 96 dpi; a chart's heading takes about 60 px
PRINT_CHART_MAX_PX = 940
PRINT_CAPTION_CHARS = 26  # full-width characters a caption line holds right of the spine's row labels in the 680 px figure


def print_spine(view: NationalView):
    """The spine for the A4 report: its 出典 lines wrapped to the report's width (the screen's 60 ran off the edge)."""
    return peer_charts.national_spine(view.table, view.meta, view.place_name, view.lang, view.chart_caption,
                                      caption_width=PRINT_CAPTION_CHARS)


def print_bar(fig):
    """The ranked bars for A4: never taller than a page (a 61-place group split across pages 2–3, its axis on one
    page and its last rows on the next); rows and their names get smaller instead."""
    import plotly.graph_objects as go

    height = fig.layout.height or 0
    if height <= PRINT_CHART_MAX_PX:
        return fig
    rows = len(fig.data[0].y) if fig.data else 1
    copy = go.Figure(fig)
    size = max(7, min(11, int((PRINT_CHART_MAX_PX - 260) / max(rows, 1)) - 2))
    copy.update_layout(height=PRINT_CHART_MAX_PX)
    copy.update_yaxes(tickfont=dict(size=size))
    copy.update_traces(textfont=dict(size=size), selector=dict(type="bar"))
    return copy


def report_html(view: NationalView, created: str | None = None) -> str:
    """The one-file HTML report of the view: spine, bars, scatter, the tables, sources, vintage and stamp."""
    lang = view.lang
    created = created or exports.today()
    peers_frame = view.peers.drop(columns=[t("np_col_design", lang)])
    tables = [report.ReportTable(t("np_table_title", lang, town=view.place_name), view.display, t("np_table_note", lang)),
              report.ReportTable(t("np_peer_list", lang, n=len(view.group.codes)), peers_frame, bold_rows=[0])]
    if not view.stability.empty:
        tables.append(report.ReportTable(t("stability_title", lang), view.stability, t("stability_note", lang)))
    figures = [(t("tab_spine", lang), print_spine(view)), (t("tab_bar", lang), print_bar(view.figs["bar"])),
               (t("tab_scatter", lang), view.figs["scatter"])] if view.figs else []
    return report.build_report(
        title=t("np_report_title", lang, town=view.place_name), lang=lang, town_name=view.place_name,
        peer_definition=view.definition, figures=figures, tables=tables, sources=view.sources,
        vintage=view.vintage, created=created,
        notes=[view.stamp, t("np_reading_note", lang)],
        labels={"created": t("report_created", lang), "vintage": t("report_vintage", lang),
                "sources": t("report_sources", lang), "definition": t("peers_definition", lang),
                "disclaimer": t("report_disclaimer", lang)})
