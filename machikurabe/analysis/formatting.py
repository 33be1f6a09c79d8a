"""Numbers for Japanese readers (168,730人, 33.2%, 1,362.90 km²) and rank/percentile helpers.

Missing values are shown as a dash or as データなし, never as 0 or NaN.
"""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
import re
import unicodedata

import pandas as pd

from machikurabe.analysis import indicators
from machikurabe.analysis.units import DECIMALS_BY_UNIT, decimals_for  # noqa: F401  (the one rule, re-exported)

MISSING_DASH = "—"
_MISSING_WORD = {"ja": "データなし", "en": "No data"}


def is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def missing_label(lang: str = "ja") -> str:
    return _MISSING_WORD.get(lang, _MISSING_WORD["ja"])


def format_number(value, decimals: int = 0, fixed_decimals: bool = True) -> str:
    """Thousands separators; ``fixed_decimals=False`` drops trailing zeros but keeps one decimal (33.0%)."""
    if is_missing(value):
        return MISSING_DASH
    number = float(value)
    # half up on the number as written (2.05 → 2.1, 0.125 → 0.13), as a reader rounds it, not on its binary float
    rounded = Decimal(repr(number)).quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    if decimals and not fixed_decimals:
        text = text.rstrip("0")
        if text.endswith("."):
            text += "0"
    if text in ("-0", "-0.0"):
        text = text.lstrip("-")
    return text


def format_value(value, key: str, lang: str = "ja", missing: str | None = None) -> str:
    """An indicator value with its unit: 168,730人 / 168,730 persons, 33.2%, 1,362.90 km²."""
    if is_missing(value):
        return MISSING_DASH if missing is None else missing
    ind = indicators.get(key)
    number = format_number(value, ind.decimals)
    unit = ind.unit(lang)
    if unit == "%":
        return f"{number}%"
    if lang == "en" and float(value) == 1 and unit.endswith("s") and "/" not in unit:
        unit = unit[:-1]  # 1 person, 1 programme
    if lang == "en" or unit.startswith("km") or "/" in unit:
        return f"{number} {unit}"
    return f"{number}{unit}"


def format_measure(value, unit: str, decimals: int = 0, lang: str = "ja") -> str:
    """A value with a unit from the database (national indicators): 168,730人 / 168,730 persons, 33.2%, 12.5 km².
    Whole numbers never show a decimal point; ``decimals`` is the indicator's display precision."""
    if is_missing(value):
        return MISSING_DASH
    number = format_number(value, decimals if float(value) != int(float(value)) or decimals == 0 else decimals)
    unit = unit or ""
    if not unit:
        return number
    if unit == "%" or (lang != "en" and not unit.startswith(("km", "per ")) and "/" not in unit):
        return f"{number}{unit}"
    return f"{number} {unit}"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 53rd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_count(value, unit_ja: str, unit_en: str, lang: str = "ja") -> str:
    """A plain count with a unit outside the indicator table (自治体, 件)."""
    if is_missing(value):
        return MISSING_DASH
    number = format_number(value, 0)
    return f"{number} {unit_en}" if lang == "en" else f"{number}{unit_ja}"


def rank_of(values: pd.Series, value) -> tuple[int | None, int]:
    """Rank of ``value`` among the non-missing ``values`` (1 = largest; ties share the best rank) and the count."""
    clean = pd.to_numeric(values, errors="coerce").dropna()
    n = int(clean.size)
    if is_missing(value) or n == 0:
        return None, n
    return int((clean > float(value)).sum()) + 1, n


def percentile_of(values: pd.Series, value) -> float | None:
    """Percent of non-missing ``values`` at or below ``value`` (0-100); a mid-rank for ties."""
    clean = pd.to_numeric(values, errors="coerce").dropna()
    if is_missing(value) or clean.empty:
        return None
    below = (clean < float(value)).sum()
    equal = (clean == float(value)).sum()
    return float(100.0 * (below + 0.5 * equal) / clean.size)


def format_rank(rank: int | None, n: int, lang: str = "ja") -> str:
    if rank is None:
        return MISSING_DASH
    return f"{n}中{rank}位" if lang != "en" else f"{rank} of {n}"


def format_percentile(pct: float | None, lang: str = "ja") -> str:
    if pct is None or (isinstance(pct, float) and math.isnan(pct)):
        return MISSING_DASH
    return f"{pct:.0f}パーセンタイル" if lang != "en" else f"{ordinal(int(round(pct)))} percentile"




def plain_text(text) -> str:
    """Source text without the <p>/<br> wrappers the print carried, paragraphs as blank-line breaks."""
    if is_missing(text):
        return ""
    out = re.sub(r"</p>\s*<p>|<br\s*/?>", "\n", str(text))
    return re.sub(r"</?p>", "", out).strip()


def median_decimals(value, decimals: int) -> int:
    """Decimals to print a median (or a difference from one) of values kept at ``decimals``: the median of an even
    count can end in .5 of the last digit (3 and 4 planned promoters: 3.5人), which rounding would hide."""
    if value is None or is_missing(value):
        return int(decimals or 0)
    decimals = int(decimals or 0)
    # one more digit only for an exact half of the last digit (the mean of two middle values); any other median
    # follows the unit's rule, so a row never mixes 9.6 and 18.16 人/km² (issue 19)
    scaled = abs(float(value)) * 10 ** decimals
    return decimals + 1 if abs(scaled - int(scaled) - 0.5) < 1e-6 else decimals


# Japanese line-breaking rules (kinsoku): no line starts with a closing mark and none ends with an opening one
_NO_LINE_START = set("、。，．,.)）」』】〕］]：:;；・!！?？%％ー～〜")
_NO_LINE_END = set("（(「『【〔［[")


def _text_width(text: str) -> float:
    """Width in full-width characters: a kanji or kana counts 1, a Latin letter or digit ½."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in ("F", "W") else 0.5 for ch in text)


text_width = _text_width  # public: how wide a unit or label is, in full-width characters


def wrap_caption(text: str, width: float) -> list[str]:
    """Break a caption (a 出典 line in a chart, which plotly does not wrap) into lines of at most ``width`` full-width
    characters, between words: at spaces, or between two Japanese characters, never inside a number or a Latin word
    (「5,000」, 「SSDSE」), never between a number and the counter after it (「388件」), and never before a closing mark or after an opening one."""
    tokens: list[list] = []  # [text, preceded by a space]
    word, word_spaced, spaced = "", False, False
    for ch in str(text):
        if ch == " ":
            if word:
                tokens.append([word, word_spaced])
                word = ""
            spaced = True
            continue
        if _text_width(ch) == 1.0:
            if word:
                tokens.append([word, word_spaced])
                word = ""
            tokens.append([ch, spaced])
        else:
            if not word:
                word_spaced = spaced
            word += ch
        spaced = False
    if word:
        tokens.append([word, word_spaced])
    merged: list[list] = []
    for token, spaced in tokens:
        # a number keeps the counter or unit written right after it (「388件」, 「5人」): never 「388」/「件）」
        counter = merged and not spaced and merged[-1][0][-1].isdigit() and _text_width(token) == 1.0
        if merged and not spaced and (token[0] in _NO_LINE_START or merged[-1][0][-1] in _NO_LINE_END or counter):
            merged[-1][0] += token
        else:
            merged.append([token, spaced])
    lines, current, used = [], "", 0.0
    for token, spaced in merged:
        gap = " " if spaced and current else ""
        size = _text_width(gap + token)
        if current and used + size > width:
            lines.append(current)
            current, used, gap, size = "", 0.0, "", _text_width(token)
        current += gap + token
        used += size
    if current:
        lines.append(current)
    return lines

