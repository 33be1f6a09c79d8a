"""The 事業設計 page's tables in the reader's language: all programmes (with a ⚠ column naming doubted values) and two
or three bodies' designs side by side, and the all-programmes table as a ``ui.files.FileTable``."""
from __future__ import annotations

import pandas as pd

from machikurabe import urls
from machikurabe.analysis import indicators
from machikurabe.analysis.formatting import plain_text
from machikurabe.analysis.profile import CARD_FIELDS, display_name
from machikurabe.i18n.prefectures import prefecture_english
from machikurabe.analysis import programme_search
from machikurabe.analysis.programme_search import TABLE_FIELDS
from machikurabe.i18n import field_label, kind_label, programme_label, t
from machikurabe.i18n.breakdown import document_label
from machikurabe.i18n.glossary import GLOSSARY, japanese_term
from machikurabe.ui import files


def programme_table(programmes: pd.DataFrame, lang: str = "ja", quality: pd.DataFrame | None = None) -> pd.DataFrame:
    """All programmes with the body's names, for a sortable st.dataframe.

    With ``quality`` (the data_quality table), a ⚠ column names the shown fields whose value was
    corrected or doubted for that body, so a reader knows which numbers not to take at face value.
    """
    rows = pd.DataFrame({
        t("col_code", lang): programmes["municipality_code"],
        t("col_prefecture", lang): programmes["prefecture"].map(
            lambda name: prefecture_english(name) if lang == "en" else name),
        t("col_body", lang): [display_name(r, lang) for r in programmes.to_dict("records")],
        t("col_kind", lang): programmes["kind"].map(lambda k: kind_label(k, lang)),
        t("col_programme", lang): programmes["programme"].map(lambda p: programme_label(p, lang, short=True)),
        t("field_marked", lang): programmes["marked"].astype(bool),
        t("field_has_content", lang): programmes["has_content"].astype(bool),
    })
    for field in TABLE_FIELDS:
        column = programmes[field]
        rows[field_label(field, lang)] = column if field == "promoter_count" else column.map(
            lambda v: plain_text(v) if isinstance(v, str) else None)
    if quality is not None:
        shown = quality[quality["field"].isin(TABLE_FIELDS)]
        flagged = shown.groupby("municipality_code")["field"].apply(lambda fields: sorted(set(fields))).to_dict()

        def flag(prog) -> str:
            # data_quality names the body, not the programme: flag the row that carries the value
            fields = [f for f in flagged.get(prog["municipality_code"], [])
                      if not pd.isna(prog.get(f)) or (f == "promoter_count" and prog["programme"] == "multi_agency")]
            return "⚠ " + (", " if lang == "en" else "、").join(field_label(f, lang) for f in fields) if fields else ""

        rows[t("col_flag", lang)] = [flag(prog) for prog in programmes.to_dict("records")]
    return rows.reset_index(drop=True)


def compare_designs(programmes: pd.DataFrame, codes: list[str], programme: str, lang: str = "ja") -> pd.DataFrame:
    """Fields (rows) × bodies (columns) for one programme; fields empty for every body are left out."""
    chosen = programmes[(programmes["programme"] == programme) & programmes["municipality_code"].isin(codes)]
    columns = {}
    for code in codes:
        match = chosen[chosen["municipality_code"] == code]
        body_rows = programmes[programmes["municipality_code"] == code]
        if body_rows.empty:
            continue
        header = display_name(body_rows.iloc[0], lang)
        if match.empty:
            columns[header] = {field: None for field in CARD_FIELDS}
            continue
        prog = match.iloc[0]
        values = {}
        for field in CARD_FIELDS:
            value = prog.get(field)
            if field in ("promoter_count", "target_area_population") and not pd.isna(value):
                # a count with separators and its unit, then the text as printed when the plan wrote one
                raw = prog.get(f"{field}_raw")
                unit = ("persons" if lang == "en" else "人")
                value = (f"{int(value):,} {unit}" if lang == "en" else f"{int(value):,}{unit}") + (
                    f" ({raw})" if lang == "en" and isinstance(raw, str) and raw
                    else f"（{raw}）" if isinstance(raw, str) and raw else "")
            values[field] = plain_text(value) if isinstance(value, str) else (None if pd.isna(value) else str(value))
        columns[header] = values
    frame = pd.DataFrame(columns, index=list(CARD_FIELDS))
    frame = frame.dropna(how="all")
    frame.index = [field_label(f, lang) for f in frame.index]
    return frame.fillna(t("not_stated", lang))


def programme_file(table: pd.DataFrame, lang: str, params: dict[str, str | None]) -> files.FileTable:
    """The all-programmes table as shown, as a file: promoters in persons, marks as TRUE/FALSE, the rest text."""
    text = t("np_unit_text", lang)
    units = {c: text for c in table.columns}
    units[field_label("promoter_count", lang)] = "人" if lang != "en" else "persons"
    for flag in ("field_marked", "field_has_content"):
        units[t(flag, lang)] = "TRUE/FALSE"
    return files.FileTable(frame=table, title=t("programmes_table", lang), units=units,
                           sources=(indicators.source_line((), lang),),
                           years=indicators.VINTAGE_EN if lang == "en" else indicators.VINTAGE_JA,
                           rebuild_url=urls.page_url("programmes", lang, **params),
                           notes=(t("programmes_table_note", lang),))


def hit_source(source_file: str, line, lang: str = "ja") -> str:
    """Where a search hit is printed, in words: the document's issuer and title and the line
    (「厚生労働省 令和元年度 モデル事業実施計画 665行」), never its file name. Source files are named
    ``<document id>_<hash>.txt``."""
    document_id = str(source_file or "").split("_", 1)[0]
    where = t("line_n", lang, n=int(line)) if line is not None and not pd.isna(line) else ""
    return f"{document_label(document_id, lang)} {where}".strip()


def hits_html(hits: pd.DataFrame, searched: str, lang: str) -> str:
    """One body's search hits as one block of HTML: per hit its programme, field and source line (small) over the
    text around the hit with every hit marked. highlight() escapes all source and query text before adding <mark>,
    so nothing from a design or the query becomes markup or a link."""
    blocks = []
    for hit in hits.itertuples(index=False):
        where = (f"{programme_label(hit.programme, lang, short=True)} · {field_label(hit.field, lang)} · "
                 + hit_source(hit.source_file, hit.source_line, lang))
        blocks.append(f"<small>{programme_search.highlight(where, '')}</small><br>"
                      f"{programme_search.highlight(programme_search.snippet(hit.text, searched), searched)}")
    # one element per body, not per hit: the first 200 hits of 「地域」 fall in 12 bodies
    return '<div style="margin-bottom:0.6rem"></div>'.join(f"<div>{block}</div>" for block in blocks)


def search_term(typed: str, lang: str) -> tuple[str, str | None]:
    """The text to search for what the reader typed: in English, a glossary word becomes its Japanese term (the
    texts are Japanese). Returns (needle, the Japanese term when one was substituted)."""
    if lang == "en":
        japanese = japanese_term(typed)
        if japanese:
            return japanese, japanese
    return typed, None


def glossary_options() -> list[str]:
    """The glossary's English words, alphabetically (the English page offers them as a picker)."""
    return sorted(GLOSSARY)


def profile_link(code: str, lang: str) -> str:
    """The town's profile page (relative URL, the reader's language carried along)."""
    return urls.page_url("profile", lang, code=code)


def add_to_compare(selected: list[str], code: str, limit: int) -> list[str]:
    """The side-by-side bodies after adding ``code``: kept once, at most ``limit``."""
    if code in selected or len(selected) >= limit:
        return list(selected)
    return [*selected, code]
