"""Wording of the 自治体プロフィール page and of every place label: what analysis.profile returns as numbers, ids and
units, put into words in the reader's language (picker labels, the plan figures' ranks, data-quality notes, programme
cards, printed-vs-official rows, the subtitle). No Streamlit here, so tests call it directly.
"""
from __future__ import annotations

import re

import pandas as pd

from machikurabe.analysis import indicators, profile
from machikurabe.analysis.formatting import format_percentile, format_rank, format_value, is_missing
from machikurabe.i18n import STRINGS, field_label, kind_label, programme_label, t
from machikurabe.i18n.prefectures import prefecture_english

display_name = profile.display_name
english_display_name = profile.english_display_name


def option_label(row, lang: str = "ja") -> str:
    """Selectbox label searchable by kanji, kana and romaji: 釧路市（くしろし / Kushiro City）· 北海道."""
    kana = profile.to_hiragana(row.get("name_kana"))
    english = english_display_name(row)
    where = _where(row, lang)
    if lang == "en":
        return f"{english} ({row['name']}, {kana}) · {where}"
    return f"{row['name']}（{kana} / {english}）· {where}"


def _where(row, lang: str) -> str:
    """The place's prefecture in the reader's language ("Prefecture" itself for a prefecture)."""
    if row["kind"] == "prefecture":
        return kind_label("prefecture", lang)
    return row["prefecture"] if lang != "en" else prefecture_english(row["prefecture"])


def picker_label(row, lang: str = "ja") -> str:
    """The place picker's label, which its type-ahead searches: name, both kana, romaji, prefecture and code, so
    湯沢市 is found by 湯沢, ゆざわ, ユザワ, yuzawa or 05207 in either language."""
    kana = profile.to_hiragana(row.get("name_kana"))
    katakana = profile.to_katakana(kana)
    english = english_display_name(row)
    code = row["code"]
    where = _where(row, lang)
    if lang == "en":
        return f"{english} · {where} · {code}（{row['name']} {kana} {katakana}）"
    return f"{row['name']} · {where} · {code}（{kana} {katakana} {english}）"


LABEL_STYLES = ("name", "name_code", "name_prefecture", "option", "picker")


def labels_by_code(bodies: pd.DataFrame, style: str, lang: str = "ja") -> dict[str, str]:
    """Label of every body by code: its display name ("name"), the name with its code ("name_code", as in
    釧路市（01206）), with its prefecture ("name_prefecture", 釧路市（北海道）; a prefecture is its name alone) or the
    searchable picker label ("option"). Built once per table, not per option per run."""
    if style not in LABEL_STYLES:
        raise ValueError(f"unknown label style: {style}")
    labels = {}
    for row in bodies.to_dict("records"):
        if style == "option":
            labels[row["code"]] = option_label(row, lang)
        elif style == "picker":
            labels[row["code"]] = picker_label(row, lang)
        elif style == "name_code":
            labels[row["code"]] = f"{display_name(row, lang)}（{row['code']}）"
        elif style == "name_prefecture" and row["kind"] != "prefecture":
            name = display_name(row, lang)
            labels[row["code"]] = (f"{name} ({prefecture_english(row['prefecture'])})" if lang == "en"
                                   else f"{name}（{row['prefecture']}）")
        else:
            labels[row["code"]] = display_name(row, lang)
    return labels


def indicator_rows(body, bodies: pd.DataFrame, quality: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """One row per plan indicator as shown: value with unit, rank and percentile in both comparison groups, ⚠ flag
    (the numbers from analysis.profile.indicator_standing)."""
    standing = profile.indicator_standing(body, bodies, quality)
    group = t("group_prefectures" if body["kind"] == "prefecture" else "group_municipalities", lang)
    rows = []
    for r in standing.to_dict("records"):
        ind = indicators.get(r["key"])
        rows.append({
            "key": r["key"],
            t("col_indicator", lang): ind.name(lang),
            t("col_value", lang): format_value(r["value"], r["key"], lang, missing=t("not_stated", lang)),
            t("col_rank_all", lang, group=group): format_rank(r["rank_all"], r["n_all"], lang),
            t("col_pct_all", lang, group=group): format_percentile(r["pct_all"], lang),
            t("col_rank_kind", lang): format_rank(r["rank_kind"], r["n_kind"], lang),
            t("col_pct_kind", lang): format_percentile(r["pct_kind"], lang),
            t("col_flag", lang): "⚠" if r["flagged"] else "",
        })
    frame = pd.DataFrame(rows)
    if body["kind"] == "prefecture":
        # for a prefecture both groups are "all prefectures": one pair of columns is enough
        frame = frame.drop(columns=[t("col_rank_kind", lang), t("col_pct_kind", lang)])
    return frame


def quality_notes(quality: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """The body's data-quality records for display: field, as printed, stored, rule, line, note."""
    if quality.empty:
        return pd.DataFrame()
    from machikurabe.analysis import quality_rules

    def field_name(field):
        try:
            return indicators.get(field).name(lang)
        except KeyError:
            return field_label(field, lang)

    def token(value):
        # the build writes a few words for the programme marks; shown in the reader's language
        return MARK_WORDS.get(value, {}).get(lang, value) if isinstance(value, str) else "—"

    return pd.DataFrame({
        t("col_field", lang): quality["field"].map(field_name),
        t("col_raw", lang): quality["raw_value"].map(token),
        t("col_stored", lang): quality["value"].map(token),
        # the rule as readable words in the reader's language; its id is on the data page
        t("col_rule", lang): quality["rule"].map(lambda r: quality_rules.describe(r, lang) or r),
        t("col_line", lang): quality["source_line"],
        t("col_note", lang): [note_text(n, lang) for n in quality["note"]],
    })


MARK_WORDS = {
    "marks": {"ja": "実施事業の印", "en": "programme marks"},
    "not marked": {"ja": "印なし", "en": "not marked"},
    "runs (by section)": {"ja": "実施（計画の記載による）", "en": "runs (by section)"},
}
_NOTE_PATTERNS = [
    (re.compile(r"^printed ([\d.]+) ‰, stored ([\d.]+) %$"), "記載 {0}‰ → {1}% として保存"),
    (re.compile(r"^printed ([\d.]+) % but no municipality exceeds ~([\d.]+) %: read as ‰, stored ([\d.]+) %$"),
     "記載 {0}%（{1}%を超える市区町村はないため‰と読む）→ {2}% として保存"),
    (re.compile(r"^printed ([\d.]+) % — a fraction, not a percentage: stored ([\d.]+) %$"),
     "記載 {0}%（割合の小数）→ {1}% として保存"),
    (re.compile(r"^printed '(.*)' \(no value\)$"), "記載「{0}」（値なし）"),
]


def note_text(note, lang: str = "ja") -> str:
    """A build note in the reader's language: the build's fixed English forms translated, other notes as written
    (they quote the source, mostly in Japanese already)."""
    if not isinstance(note, str) or not note:
        return ""
    if lang == "en":
        return note
    for pattern, japanese in _NOTE_PATTERNS:
        match = pattern.match(note)
        if match:
            return japanese.format(*match.groups())
    return note.replace(" not marked on the 実施事業 line but its section carries a design",
                        "：実施事業の欄に印はないが、計画に設計の記載がある")


def programme_cards(programmes: pd.DataFrame, texts: pd.DataFrame, lang: str = "ja") -> list[dict]:
    """Each programme of one body as a card: title, mark/design status, and the filled fields with their source line
    (the data from analysis.profile.programme_card_data)."""
    cards = []
    for card in profile.programme_card_data(programmes, texts):
        fields = []
        for item in card["fields"]:
            field, value = item["field"], item["value"]
            if field == "promoter_count":
                text = format_value(value, "promoter_count", lang)
                if item["raw"]:
                    text += f"（{t('col_raw', lang)}：{item['raw']}）" if lang != "en" else f" (as printed: {item['raw']})"
            elif field == "target_area_population":
                text = format_value(value, "population", lang)
            else:
                text = str(value)
            fields.append({"field": field, "label": field_label(field, lang), "text": text, "line": item["line"]})
        cards.append({**card, "title": programme_label(card["programme"], lang),
                      "status": t(card["status"], lang) if card["status"] else None, "fields": fields})
    return cards


def kind_note(body, lang: str = "ja") -> str:
    return t("rank_note", lang, kind=kind_label(body["kind"], lang))


def printed_vs_official(rows: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """The build's differs_from_official rows as a table: field, printed value, official value with year, edition,
    difference and the tolerance used (the build writes the note in one fixed form; anything else is shown as is)."""
    out = []
    for row in rows.itertuples(index=False):
        parts = profile.parse_official_note(row.note)
        field = t(f"field_{row.field}", lang) if f"field_{row.field}" in STRINGS else (
            indicators.get(row.field).name(lang) if row.field in indicators.KEYS else row.field)
        if parts is None:
            official = row.note or ""
            difference = ""
        else:
            tolerance = parts["tol"]
            diff = parts["diff"]
            if lang != "en":
                tolerance = "一致" if tolerance == "exact" else tolerance.replace(" points", "ポイント").replace(
                    " point", "ポイント").replace(" %", "%")
                diff = diff.replace(" points", "ポイント").replace(" point", "ポイント").replace(" %", "%")
            official = (f"{parts['official']}（{parts['year']}年、{parts['edition']}）" if lang != "en"
                        else f"{parts['official']} ({parts['year']}, {parts['edition']})")
            difference = (f"{diff}（許容差 {tolerance}）" if lang != "en" else f"{diff} (tolerance {tolerance})")
        # the printed text stays as printed; its unit (the plan's column heading) is a column of its own
        unit = indicators.get(row.field).unit(lang) if row.field in indicators.KEYS else ""
        out.append({t("pf_col_field", lang): field, t("pf_col_unit", lang): unit,
                    t("pf_col_printed", lang): row.raw_value,
                    t("pf_col_official", lang): official, t("pf_col_difference", lang): difference,
                    t("col_line", lang): int(row.source_line) if not is_missing(row.source_line) else None})
    return pd.DataFrame(out)


def place_subtitle(place, code: str, lang: str, type_members: int) -> str:
    """The line under a place's name: prefecture, kind, reading (Japanese only: a kana reading is no help in
    English, where the kanji name is given instead), code and official type group with its size."""
    en = lang == "en"
    parts = [] if place["kind"] == "prefecture" else [prefecture_english(place["prefecture"]) if en
                                                      else place["prefecture"]]
    parts.append(kind_label(place["kind"], lang))
    parts.append(place["name"] if en else profile.to_hiragana(place["name_kana"]))
    parts.append(f"{t('col_code', lang)} {code}")
    if isinstance(place["municipal_type"], str) and place["municipal_type"]:
        members = t("pf_type_members", lang, n=type_members)
        parts.append(f"{t('pf_type', lang)}: {place['municipal_type']} ({members})" if en
                     else f"{t('pf_type', lang)}：{place['municipal_type']}（{members}）")
    return " · ".join(parts)
