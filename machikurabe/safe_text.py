"""Text from sources and uploads made inert wherever it is shown or written: no live formula in a spreadsheet,
no link or markup in Markdown, HTML or a plotly label. Every export and page goes through these functions."""
from __future__ import annotations

import html
import math
import re

# a spreadsheet runs a cell starting with one of these as a formula (OWASP: CSV injection)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$")
# the only tags plotly labels written by this project use; anything else in a label is shown as text
_HOUSE_TAGS = re.compile(r"<(/?)(br|b|i|sup|sub|extra)\s*/?>", re.IGNORECASE)


def _missing(text) -> bool:
    return text is None or (isinstance(text, float) and math.isnan(text))


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def defuse_formula(value):
    """A leading apostrophe makes a spreadsheet show formula-like text instead of running it."""
    return "'" + value if is_formula_like(value) else value


def markdown_escape(text) -> str:
    """Text made safe for st.markdown / st.caption: markup characters shown literally, HTML never interpreted."""
    if _missing(text):
        return ""
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in str(text))


def html_escape(text) -> str:
    return "" if _missing(text) else html.escape(str(text), quote=True)


def chart_text(text) -> str:
    """A label for a plotly figure: source or uploaded text can carry no link or markup (plotly reads a subset of HTML).

    Entities are decoded by plotly, so an escaped ``<a href>`` shows as the literal characters.
    """
    return "" if _missing(text) else html.escape(str(text), quote=False)


def defuse_chart_markup(text: str) -> str:
    """For a finished label that mixes house tags (<br>, <b>) with text: every other tag is escaped."""
    if not isinstance(text, str) or "<" not in text:
        return text
    parts, last = [], 0
    for match in _HOUSE_TAGS.finditer(text):
        parts.append(text[last:match.start()].replace("<", "&lt;").replace(">", "&gt;"))
        parts.append(match.group(0))
        last = match.end()
    parts.append(text[last:].replace("<", "&lt;").replace(">", "&gt;"))
    return "".join(parts)
