"""Programme designs: literal substring search over every design text with highlighted hits (HTML-escaped first),
snippets around a hit, and the codes a shared link may name. The all-programmes table and the side-by-side designs,
being words, are built in machikurabe.ui.programme_view.
"""
from __future__ import annotations

import html

import pandas as pd

from machikurabe.analysis.formatting import plain_text

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


def known_codes(listed: list[str], known: list[str], limit: int) -> list[str]:
    """The codes of ``listed`` (e.g. from a shared link) that name a shown body, first occurrence kept, at most
    ``limit``; unknown or hostile text is dropped, never echoed."""
    known_set = set(known)
    return [code for code in dict.fromkeys(listed) if code in known_set][:limit]
