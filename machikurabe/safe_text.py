"""Text from sources and uploads made inert wherever it is shown or written: no live formula in a spreadsheet,
no link or markup in Markdown, HTML or a plotly label. Every export and page goes through these functions."""
from __future__ import annotations

import html
import math
import re

# a spreadsheet runs a cell starting with one of these as a formula (OWASP: CSV injection)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all leaves no markup,
# link, autolink (http\:, www\., a\@b), entity (\&lt;), HTML tag, LaTeX ($), Streamlit directive (:red\[) or
# block marker (# - + = > 1.) in the text
_MARKDOWN_SPECIAL = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_JOINER = "\u2060"
_BARE_LINK = re.compile(r"www\.|:/|@", re.IGNORECASE)
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
    """Text made safe inside one line of st.markdown / st.caption / a widget's help: every character shown as it is,
    nothing read as a link (also not a bare http://… or www.…), markup, HTML or a colour/icon directive."""
    if _missing(text):
        return ""
    # Streamlit's Markdown (remark-gfm) also links bare addresses found in the text after escapes are read; an
    # invisible word joiner (U+2060) inside "www.", "://" and before "@" leaves them unrecognised, the text unchanged
    text = _BARE_LINK.sub(lambda m: m.group(0)[:-1] + _JOINER + m.group(0)[-1], str(text))
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in text)


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


def plain_markdown(text) -> str:
    """Text from a file shown through a Streamlit element that always reads Markdown (st.error, st.info, st.caption):
    every character shown as it is, nothing read as a link, markup, HTML or a colour/icon directive.

    Line breaks stay line breaks (two trailing spaces make Markdown keep them), tabs and runs of spaces stay visible
    instead of turning into a code block."""
    if _missing(text):
        return ""
    lines = []
    for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        escaped = markdown_escape(line)
        # leading spaces or a tab would start an indented code block: keep them as non-breaking spaces
        stripped = escaped.lstrip(" \t")
        lines.append("\u00a0" * (len(escaped) - len(stripped)) + stripped)
    return "  \n".join(lines)


def inert_table(frame):
    """A copy of ``frame`` for st.table (which reads every cell and header as Markdown): each shown as plain text."""
    shown = frame.copy()
    shown.columns = [plain_markdown(c) for c in frame.columns]
    return shown.map(lambda v: plain_markdown(v) if isinstance(v, str) else v)
