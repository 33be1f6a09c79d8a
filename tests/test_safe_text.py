"""Text from files shown inert (issue 18, item 5): Streamlit reads st.table cells and headers, alerts and captions as
GitHub-flavoured Markdown, which also turns bare addresses (www.…, http://….…, a@b.c) into links. Expected strings
written by hand from CommonMark's escape rule (a backslash before any ASCII punctuation) and the word joiner U+2060
that keeps remark-gfm's autolink-literal search from matching."""
from __future__ import annotations

import pandas as pd
import pytest

from machikurabe.safe_text import inert_table, markdown_escape, plain_markdown

WJ = "\u2060"


@pytest.mark.parametrize("text, expected", [
    ("[link](javascript:alert(1))", "\\[link\\]\\(javascript\\:alert\\(1\\)\\)"),
    ('=HYPERLINK("http://x","y")', '\\=HYPERLINK\\(\\"http\\:' + WJ + '\\/\\/x\\"\\,\\"y\\"\\)'),
    ("<script>alert(1)</script>", r"\<script\>alert\(1\)\<\/script\>"),
    ("**太字**", "\\*\\*太字\\*\\*"),
    (":red[赤]", "\\:red\\[赤\\]"),
    ("www.example.com", "www" + WJ + "\\.example\\.com"),
    ("a@b.co", "a" + WJ + "\\@b\\.co"),
    ("札幌市", "札幌市"),
])
def test_markdown_escape_leaves_no_markup_and_no_bare_link(text, expected):
    assert markdown_escape(text) == expected


def test_escaped_text_reads_back_as_typed():
    # removing the escapes and the joiners gives the text back: nothing is lost, only made inert
    for text in ('=HYPERLINK("http://x","y")', "[x](javascript:alert(1))", "www.evil.com a@b.co", "100%　人"):
        shown = markdown_escape(text).replace(WJ, "")
        assert "".join(c for i, c in enumerate(shown) if not (c == "\\" and (i == 0 or shown[i - 1] != "\\"))) == text


def test_plain_markdown_keeps_lines_and_leading_spaces():
    assert plain_markdown("一行目\n  二行目") == "一行目  \n\u00a0\u00a0二行目"
    assert plain_markdown(None) == ""


def test_inert_table_escapes_headers_and_text_cells_but_not_numbers():
    frame = pd.DataFrame({"[h](http://x.jp)": ["**b**", None], "人口": [1.5, 2.0]})
    shown = inert_table(frame)
    assert list(shown.columns) == ["\\[h\\]\\(http\\:" + WJ + "\\/\\/x\\.jp\\)", "人口"]
    assert shown.iloc[0, 0] == "\\*\\*b\\*\\*" and shown.iloc[1, 0] is None
    assert list(shown["人口"]) == [1.5, 2.0]
    assert list(frame.columns)[0] == "[h](http://x.jp)"  # the original is untouched
