"""Assembles one comparison for the 比較 page and its exports: the peer group from PeerParams, the numbers
table, the peer list, and the report, as plain functions so tests run them without Streamlit.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from machikurabe.analysis import formatting, indicators, peers, quality_rules, spine
from machikurabe.i18n import kind_label, t
from machikurabe.ui import exports, peer_charts, report

# indicators shown in the benchmark views, in the order of the indicator table
VIEW_KEYS = ("population", "households", "ageing_rate_pct", "welfare_rate_pct", "association_rate_pct", "area_km2",
             "density_per_km2", "elementary_schools", "junior_high_schools", "promoter_count")
# indicators the distance model may use (weights 0 unless peer_weights.toml says otherwise)
MODEL_KEYS = ("population", "households", "density_per_km2", "area_km2", "ageing_rate_pct", "welfare_rate_pct",
              "association_rate_pct", "elementary_schools")
DEFAULT_TOWN = "01206"  # 釧路市: a mid-sized city with a full set of values


def all_default_weights(user_meta: dict | None = None) -> tuple[dict[str, float], tuple[str, ...]]:
    """Weights from peer_weights.toml for every model indicator (0 where unlisted) plus 0 for uploads."""
    defaults, log_keys = peers.load_default_weights()
    weights = {key: float(defaults.get(key, 0.0)) for key in MODEL_KEYS}
    weights.update({key: w for key, w in defaults.items() if key not in weights})
    for key in (user_meta or {}):
        weights.setdefault(key, 0.0)
    return weights, log_keys


def body_name(bodies: pd.DataFrame, code: str, lang: str) -> str:
    row = bodies[bodies["code"] == code]
    if row.empty:
        return code
    row = row.iloc[0]
    if lang == "en" and isinstance(row.get("name_romaji"), str) and row["name_romaji"]:
        return row["name_romaji"]
    return row["name"]


@dataclass
class Comparison:
    params: peers.PeerParams
    town_code: str
    town_name: str
    peer_codes: list[str]
    definition: str
    nearest: peers.NearestNeighbours | None = None
    stability: pd.DataFrame | None = None
    dropped: list[str] = field(default_factory=list)
    view_keys: tuple[str, ...] = VIEW_KEYS
    user_meta: dict = field(default_factory=dict)


def _weights_text(weights: dict[str, float], lang: str, user_meta: dict) -> str:
    sep = "、" if lang != "en" else ", "
    return sep.join(f"{spine.indicator_name(k, lang, user_meta)} {w:g}" for k, w in weights.items() if w > 0)


def build_comparison(bodies: pd.DataFrame, params: peers.PeerParams, lang: str = "ja", user_meta: dict | None = None,
                     log_keys=("population", "density_per_km2", "households", "area_km2"),
                     with_stability: bool = True) -> Comparison:
    user_meta = user_meta or {}
    code = params.code
    town = bodies[bodies["code"] == code].iloc[0]
    name = body_name(bodies, code, lang)
    nearest = stability = None
    dropped: list[str] = []
    if params.group == "size":
        group = peers.kind_size_group(bodies, code)
        band = peers.size_band(town["population"])
        band_label = peers.SIZE_BAND_LABELS.get(band, {}).get(lang, "—")
        definition = t("def_size", lang, kind=kind_label(town["kind"], lang), band=band_label, n=len(group))
        codes = list(group["code"])
    elif params.group == "prefecture":
        group = peers.prefecture_group(bodies, code)
        codes = list(group["code"])
        definition = (t("def_prefecture_block", lang) if town["kind"] == "prefecture"
                      else t("def_prefecture", lang, pref=town["prefecture"], n=len(codes)))
    elif params.group == "hand":
        group, dropped = peers.hand_picked_group(bodies, code, params.hand)
        codes = list(group["code"])
        definition = t("def_hand", lang, n=len(codes))
    else:
        weights = {k: w for k, w in params.weights.items() if k in bodies.columns}
        if not any(w > 0 for w in weights.values()):
            weights = all_default_weights(user_meta)[0]
        nearest = peers.nearest_neighbours(bodies, code, weights, params.k, log_keys)
        codes = nearest.peer_codes
        if with_stability:
            stability = peers.peer_stability(bodies, code, weights, params.k, log_keys)
        definition = t("def_nearest", lang, k=nearest.k, weights=_weights_text(nearest.weights, lang, user_meta))
    view_keys = tuple(k for k in VIEW_KEYS if k in bodies.columns) + tuple(user_meta)
    return Comparison(params=params, town_code=code, town_name=name, peer_codes=codes, definition=definition,
                      nearest=nearest, stability=stability, dropped=dropped, view_keys=view_keys, user_meta=user_meta)


def level_bodies(bodies: pd.DataFrame, comparison: Comparison) -> pd.DataFrame:
    return peers.same_level(bodies, comparison.town_code)


def source_line(keys, lang: str, user_meta: dict | None = None, upload_name: str | None = None) -> str:
    builtin = [k for k in keys if k in indicators.KEYS]
    line = indicators.source_line(builtin, lang)
    if any(k in (user_meta or {}) for k in keys):
        line += (f" Uploaded by the user: {upload_name or ''}." if lang == "en"
                 else f"利用者がアップロードしたファイル：{upload_name or ''}。")
    return line


def comparison_table(bodies: pd.DataFrame, comparison: Comparison, quality: pd.DataFrame | None) -> pd.DataFrame:
    return spine.spine_table(bodies, comparison.town_code, comparison.peer_codes, comparison.view_keys, quality)


def _flags(row: pd.Series, lang: str) -> str:
    notes = []
    if row["town_small"]:
        notes.append(t("flag_small", lang))
    if row["town_quality_rules"]:
        # the rule id in words (quality_rules), so a reader sees what was done to the printed value
        rules = "、".join(quality_rules.describe(r, lang) for r in row["town_quality_rules"].split(", "))
        notes.append(t("flag_quality", lang, rules=rules, raw=row["town_quality_raw"] or "—"))
    if row["peers_with_quality_notes"]:
        notes.append(t("flag_peer_quality", lang, n=row["peers_with_quality_notes"]))
    return "／".join(notes) if lang != "en" else "; ".join(notes)


def display_table(table: pd.DataFrame, comparison: Comparison, lang: str) -> pd.DataFrame:
    """The comparison table as text formatted for Japanese readers (units, separators, — for missing)."""
    meta = comparison.user_meta
    rows = []
    for _, r in table.iterrows():
        key = r["indicator"]
        fmt = lambda v: spine.format_indicator(v, key, lang, meta)  # noqa: E731
        diff = r["difference"]
        diff_text = formatting.MISSING_DASH if diff is None or pd.isna(diff) else (
            ("+" if diff > 0 else "") + fmt(diff))
        rows.append({
            t("col_indicator", lang): spine.indicator_name(key, lang, meta),
            t("col_town_value", lang, town=comparison.town_name): fmt(r["town_value"]),
            t("col_peer_median", lang): fmt(r["peer_median"]),
            t("col_difference", lang): diff_text,
            t("col_percentile", lang): formatting.format_percentile(r["percentile"], lang),
            t("col_peer_n", lang): f"{int(r['peer_n'])}/{len(comparison.peer_codes)}",
            t("col_peer_q1", lang): fmt(r["peer_q1"]),
            t("col_peer_q3", lang): fmt(r["peer_q3"]),
            t("col_level_median", lang): fmt(r["level_median"]),
            t("col_pref_median", lang): fmt(r["prefecture_median"]),
            t("col_flags", lang): _flags(r, lang),
        })
    return pd.DataFrame(rows)


def export_table(table: pd.DataFrame, comparison: Comparison, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The comparison table with numbers kept numeric (for CSV/XLSX) and a unit per column."""
    meta = comparison.user_meta
    out = pd.DataFrame({
        t("col_indicator", lang): [spine.indicator_name(k, lang, meta) for k in table["indicator"]],
        t("col_unit", lang): [spine.indicator_unit(k, lang, meta) for k in table["indicator"]],
        t("col_town_value", lang, town=comparison.town_name): table["town_value"],
        t("col_peer_median", lang): table["peer_median"],
        t("col_difference", lang): table["difference"],
        t("col_percentile", lang): table["percentile"],
        t("col_peer_n", lang): table["peer_n"],
        t("col_peer_q1", lang): table["peer_q1"],
        t("col_peer_q3", lang): table["peer_q3"],
        t("col_level_median", lang): table["level_median"],
        t("col_pref_median", lang): table["prefecture_median"],
        t("col_flags", lang): [_flags(r, lang) for _, r in table.iterrows()],
    })
    per_row = "各行の単位" if lang != "en" else "unit of each row"
    units = {c: per_row for c in out.columns[2:-1]}
    units[t("col_percentile", lang)] = "%"
    units[t("col_peer_n", lang)] = "団体" if lang != "en" else "bodies"
    return out, units


def values_table(bodies: pd.DataFrame, comparison: Comparison, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The town and each peer with every indicator as a number (for CSV/XLSX), and each column's unit."""
    meta = comparison.user_meta
    codes = [comparison.town_code, *comparison.peer_codes]
    group = bodies.set_index("code").loc[codes].reset_index()
    out = pd.DataFrame({
        t("col_code", lang): group["code"],
        t("col_body", lang): [("★ " if c == comparison.town_code else "") + body_name(bodies, c, lang) for c in codes],
        t("col_prefecture", lang): group["prefecture"],
        t("col_kind", lang): [kind_label(k, lang) for k in group["kind"]],
    })
    units = {}
    for key in comparison.view_keys:
        name = spine.indicator_name(key, lang, meta)
        out[name] = pd.to_numeric(group[key], errors="coerce")
        units[name] = spine.indicator_unit(key, lang, meta)
    return out, units


def _formatted_values(bodies: pd.DataFrame, comparison: Comparison, lang: str) -> pd.DataFrame:
    values, _ = values_table(bodies, comparison, lang)
    shown = values.drop(columns=[t("col_code", lang)]).astype(object)
    for key in comparison.view_keys:
        name = spine.indicator_name(key, lang, comparison.user_meta)
        shown[name] = [spine.format_indicator(v, key, lang, comparison.user_meta) for v in values[name]]
    return shown


def peer_list(bodies: pd.DataFrame, comparison: Comparison, lang: str) -> pd.DataFrame:
    """The town (★) and its peers with kind, population, distance, each indicator's share and filled values."""
    meta = comparison.user_meta
    rows = []
    for code in [comparison.town_code, *comparison.peer_codes]:
        b = bodies[bodies["code"] == code].iloc[0]
        row = {t("col_code", lang): code,
               t("col_body", lang): ("★ " if code == comparison.town_code else "") + body_name(bodies, code, lang),
               t("col_prefecture", lang): b["prefecture"],
               t("col_kind", lang): kind_label(b["kind"], lang),
               t("col_population", lang): formatting.format_value(b["population"], "population", lang)
               + ("＊" if spine.is_small(b["population"]) else "")}
        nn = comparison.nearest
        if nn is not None:
            match = nn.distances[nn.distances["code"] == code]
            row[t("col_distance", lang)] = "—" if match.empty else f"{match['distance'].iloc[0]:.2f}"
            for key in nn.used_keys:
                col = t("col_contribution", lang, name=spine.indicator_name(key, lang, meta))
                row[col] = "—" if match.empty else f"{match[f'share_{key}'].iloc[0]:.0f}%"
            filled = nn.imputed[nn.imputed["code"] == code]["indicator"]
            row[t("col_imputed", lang)] = ("、" if lang != "en" else ", ").join(
                spine.indicator_name(k, lang, meta) for k in filled)
        rows.append(row)
    return pd.DataFrame(rows)


def imputed_table(bodies: pd.DataFrame, comparison: Comparison, lang: str, log_keys) -> pd.DataFrame:
    """Which bodies of the group (town included) lacked which value, and the median put in its place."""
    nn = comparison.nearest
    if nn is None or nn.imputed.empty:
        return pd.DataFrame()
    group = [comparison.town_code, *comparison.peer_codes]
    part = nn.imputed[nn.imputed["code"].isin(group)]
    rows = []
    for _, r in part.iterrows():
        key = r["indicator"]
        median = nn.medians[key]
        median = float(np.exp(median)) if key in log_keys else median
        rows.append({t("col_body", lang): body_name(bodies, r["code"], lang),
                     t("col_indicator", lang): spine.indicator_name(key, lang, comparison.user_meta),
                     t("col_median_used", lang): spine.format_indicator(median, key, lang, comparison.user_meta)})
    return pd.DataFrame(rows)


def stability_display(comparison: Comparison, lang: str) -> pd.DataFrame:
    s = comparison.stability
    if s is None or s.empty:
        return pd.DataFrame()
    return pd.DataFrame({
        t("col_indicator", lang): [spine.indicator_name(k, lang, comparison.user_meta) for k in s["indicator"]],
        t("col_weight", lang): [f"{w:g}" for w in s["weight"]],
        t("col_kept_lower", lang): [f"{a}/{k}" for a, k in zip(s["kept_lower"], s["k"])],
        t("col_kept_higher", lang): [f"{a}/{k}" for a, k in zip(s["kept_higher"], s["k"])],
    })


def figures(bodies: pd.DataFrame, programmes: pd.DataFrame, quality: pd.DataFrame | None, comparison: Comparison,
            table: pd.DataFrame, lang: str, bar_key: str, x_key: str, y_key: str,
            upload_name: str | None = None) -> dict:
    """The four figures of the page, keyed spine / bar / scatter / programmes."""
    meta = comparison.user_meta
    level = level_bodies(bodies, comparison)
    code, codes = comparison.town_code, comparison.peer_codes
    out = {"spine": peer_charts.spine_chart(table, comparison.town_name, lang,
                                            source_line(comparison.view_keys, lang, meta, upload_name), meta)}
    out["bar"] = peer_charts.ranked_bar(level, code, codes, bar_key,
                                       spine.reference_medians(bodies, code, codes, bar_key), lang,
                                       source_line([bar_key], lang, meta, upload_name) + " " + t("chart_marks_note", lang),
                                       meta, quality)
    out["scatter"] = peer_charts.scatter(level, code, codes, x_key, y_key,
                                         spine.reference_medians(bodies, code, codes, x_key),
                                         spine.reference_medians(bodies, code, codes, y_key), lang,
                                         source_line([x_key, y_key], lang, meta, upload_name) + " "
                                         + t("chart_marks_note", lang), meta)
    frame = peer_charts.programme_frame(programmes, bodies, code, codes, lang)
    out["programmes"] = peer_charts.programme_chart(frame, lang, source_line(["promoter_count"], lang), code)
    out["programme_frame"] = frame
    return out


def sparse_note(comparison: Comparison, lang: str) -> str:
    """Why a weighted indicator is missing from the distance, or '' when none is."""
    nn = comparison.nearest
    if nn is None or not nn.sparse_keys:
        return ""
    sep = "、" if lang != "en" else ", "
    return t("sparse_note", lang, names=sep.join(spine.indicator_name(k, lang, comparison.user_meta)
                                                 for k in nn.sparse_keys))


def programme_reference_text(bodies: pd.DataFrame, comparison: Comparison, lang: str) -> str:
    """The three reference medians of planned promoters, for the programme view."""
    refs = spine.reference_medians(bodies, comparison.town_code, comparison.peer_codes, "promoter_count")
    town = bodies.loc[bodies["code"] == comparison.town_code, "promoter_count"].iloc[0]
    fmt = lambda v: formatting.format_value(v, "promoter_count", lang)  # noqa: E731
    return t("programme_refs", lang, town=comparison.town_name, value=fmt(town), peers=fmt(refs["peers"]),
             level=fmt(refs["level"]), pref=fmt(refs["prefecture"]))


def report_html(bodies: pd.DataFrame, comparison: Comparison, figs: dict, table: pd.DataFrame, lang: str,
                created: str | None = None, log_keys=()) -> str:
    created = created or exports.today()
    title = t("report_title", lang, town=comparison.town_name)
    tables = [report.ReportTable(t("tab_table", lang), display_table(table, comparison, lang), t("table_note", lang)),
              report.ReportTable(t("report_peer_list", lang), peer_list(bodies, comparison, lang), bold_rows=[0]),
              report.ReportTable(t("values_title", lang), _formatted_values(bodies, comparison, lang),
                                 t("small_flag_note", lang), bold_rows=[0])]
    imputed = imputed_table(bodies, comparison, lang, log_keys)
    if not imputed.empty:
        tables.append(report.ReportTable(t("imputed_title", lang), imputed, t("method_missing", lang).replace("**", "")))
    stab = stability_display(comparison, lang)
    if not stab.empty:
        tables.append(report.ReportTable(t("stability_title", lang), stab, t("stability_note", lang)))
    programme_frame = figs["programme_frame"].drop(columns=["code"])
    tables.append(report.ReportTable(t("tab_programmes", lang), programme_frame,
                                     t("programme_note", lang) + " " + programme_reference_text(bodies, comparison, lang),
                                     bold_rows=[0]))
    chart_titles = [(t("tab_spine", lang), figs["spine"]), (t("tab_bar", lang), figs["bar"]),
                    (t("tab_scatter", lang), figs["scatter"]), (t("tab_programmes", lang), figs["programmes"])]
    notes = [t("spine_colour_note", lang), t("small_flag_note", lang)]
    if comparison.nearest is not None:
        notes.insert(0, t("method_nn", lang).replace("**", ""))
        if sparse_note(comparison, lang):
            notes.insert(1, sparse_note(comparison, lang))
    if bodies.loc[bodies["code"] == comparison.town_code, "kind"].iloc[0] == "prefecture":
        notes.append(t("pref_median_na", lang))
    sources = [indicators.SOURCE_EN if lang == "en" else indicators.SOURCE_JA]
    if comparison.user_meta:
        sources.append("Indicators uploaded by the user (this session only)" if lang == "en"
                       else "利用者がアップロードした指標（このセッションのみ）")
    return report.build_report(
        title=title, lang=lang, town_name=comparison.town_name, peer_definition=comparison.definition,
        figures=chart_titles, tables=tables, sources=sources,
        vintage=indicators.VINTAGE_EN if lang == "en" else indicators.VINTAGE_JA, created=created, notes=notes,
        labels={"created": t("report_created", lang), "vintage": t("report_vintage", lang),
                "sources": t("report_sources", lang), "definition": t("peers_definition", lang),
                "disclaimer": t("report_disclaimer", lang)})


@dataclass
class PageView:
    """Everything the 比較 page draws for one set of choices, computed in one go so the page can cache it."""
    comparison: Comparison
    table: pd.DataFrame
    figs: dict
    peer_list: pd.DataFrame
    imputed: pd.DataFrame
    stability: pd.DataFrame
    display_table: pd.DataFrame
    export_table: pd.DataFrame
    export_units: dict
    values: pd.DataFrame
    value_units: dict
    programme_reference: str


def page_view(bodies: pd.DataFrame, programmes: pd.DataFrame, quality: pd.DataFrame | None, params: peers.PeerParams,
              lang: str, user_meta: dict, log_keys, bar_key: str, x_key: str, y_key: str,
              upload_name: str | None = None) -> PageView:
    comparison = build_comparison(bodies, params, lang, user_meta, log_keys)
    if not comparison.peer_codes:
        empty = pd.DataFrame()
        return PageView(comparison, empty, {}, empty, empty, empty, empty, empty, {}, empty, {}, "")
    table = comparison_table(bodies, comparison, quality)
    figs = figures(bodies, programmes, quality, comparison, table, lang, bar_key, x_key, y_key, upload_name)
    export_frame, units = export_table(table, comparison, lang)
    values, value_units = values_table(bodies, comparison, lang)
    return PageView(comparison=comparison, table=table, figs=figs, peer_list=peer_list(bodies, comparison, lang),
                    imputed=imputed_table(bodies, comparison, lang, log_keys),
                    stability=stability_display(comparison, lang),
                    display_table=display_table(table, comparison, lang), export_table=export_frame,
                    export_units=units, values=values, value_units=value_units,
                    programme_reference=programme_reference_text(bodies, comparison, lang))
