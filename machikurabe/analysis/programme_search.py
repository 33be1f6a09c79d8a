"""Programme designs: the all-programmes table, literal substring search over every design text with
highlighted hits (HTML-escaped first), and field-by-field comparison of two or three bodies' designs.
"""
from __future__ import annotations

import html

import pandas as pd

from machikurabe.analysis.formatting import plain_text
from machikurabe.analysis.profile import CARD_FIELDS, display_name
from machikurabe.i18n import field_label, kind_label, programme_label, t
from machikurabe.i18n.prefectures import prefecture_english

TABLE_FIELDS = ("programme_name", "implementer", "contractor", "target_area", "hubs", "funding", "promoter_count",
                "outcome_targets")


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of ``needle`` in ``text``, ignoring letter case; literal, no pattern syntax."""
    if not text or not needle:
        return []
    haystack, target = text.lower(), needle.lower()
    # lower() can change length for a few non-Japanese letters; then only exact-case hits are safe to map
    if len(haystack) != len(text) or len(target) != len(needle):
        haystack, target = text, needle
    spans, start = [], 0
    while True:
        found = haystack.find(target, start)
        if found < 0:
            return spans
        spans.append((found, found + len(target)))
        start = found + len(target)


def highlight(text: str, needle: str) -> str:
    """HTML with every hit wrapped in <mark>; all source and user text is escaped, so nothing can inject markup."""
    text = "" if text is None else str(text)
    out, last = [], 0
    for start, end in find_spans(text, needle):
        out.append(html.escape(text[last:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


def search_texts(texts: pd.DataFrame, needle: str) -> pd.DataFrame:
    """Rows of programme_texts whose text contains ``needle`` (case-insensitive, literal), in source order."""
    needle = (needle or "").strip()
    if not needle or texts.empty:
        return texts.iloc[0:0]
    mask = texts["text"].fillna("").str.contains(needle, case=False, regex=False)
    return texts[mask].sort_values(["municipality_code", "source_line"])


def snippet(text: str, needle: str, width: int = 60) -> str:
    """The part of a long text around its first hit, with … where it was cut."""
    text = plain_text(text)
    spans = find_spans(text, needle)
    if not spans or len(text) <= 2 * width + len(needle):
        return text
    start, end = spans[0]
    lo, hi = max(0, start - width), min(len(text), end + width)
    return ("…" if lo > 0 else "") + text[lo:hi] + ("…" if hi < len(text) else "")


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
            return "⚠ " + "、".join(field_label(f, lang) for f in fields) if fields else ""

        rows[t("col_flag", lang)] = [flag(prog) for prog in programmes.to_dict("records")]
    return rows.reset_index(drop=True)


def known_codes(listed: list[str], known: list[str], limit: int) -> list[str]:
    """The codes of ``listed`` (e.g. from a shared link) that name a shown body, first occurrence kept, at most
    ``limit``; unknown or hostile text is dropped, never echoed."""
    known_set = set(known)
    return [code for code in dict.fromkeys(listed) if code in known_set][:limit]


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
