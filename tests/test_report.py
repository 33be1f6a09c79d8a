"""Tests for machikurabe.ui.report (the 比較 page's report is tested with its view in tests/test_national_peers.py): one self-contained HTML file with
plotly.js inlined once, every chart and table, peer definition, sources, vintage and date, A4 print CSS,
and no external address anywhere in the file."""
from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from machikurabe.ui import report

URL = re.compile(r"https?://", re.IGNORECASE)
SCRIPT = re.compile(r"<script[^>]*>(.*?)</script>", re.DOTALL)


def outside_plotly_js(html: str) -> str:
    """The file without the inlined plotly.js bundle, whose code merely mentions <script src>, url(#id) etc."""
    return SCRIPT.sub(lambda m: "" if "plotly.js v" in m.group(1) else m.group(0), html)


def assert_offline(html: str) -> None:
    match = URL.search(html)
    assert match is None, html[max(0, match.start() - 80):match.end() + 80]
    rest = outside_plotly_js(html)
    for marker in ("<script src", "<link", "@import", "url(", "@font-face", "<iframe", "<img"):
        assert marker not in rest, marker


def test_defuse_urls_keeps_the_javascript_string_value():
    assert report.defuse_urls('x="http://www.w3.org/2000/svg"') == r'x="http:\/\/www.w3.org/2000/svg"'
    assert not URL.search(report.defuse_urls("HTTPS://a https://b http://c"))


def test_small_report_structure():
    fig = go.Figure(go.Bar(x=["京極町"], y=[35.2]))
    html = report.build_report(
        title="比較レポート：京極町", lang="ja", town_name="京極町", peer_definition="手で選んだ1団体",
        figures=[("スパインチャート", fig), ("順位グラフ", fig)],
        tables=[report.ReportTable("比較表", pd.DataFrame({"指標": ["高齢化率"], "値": [35.2]}), bold_rows=[0])],
        sources=["厚生労働省"], vintage="令和元年度", created="2026-11-23")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="ja">' in html
    assert "@page { size: A4; margin: 15mm }" in html
    assert "break-inside: avoid" in html
    assert html.count('class="plotly-graph-div"') == 2
    # plotly.js inlined exactly once (its licence banner), no <script src=...>
    assert html.count("plotly.js v") == 1
    assert_offline(html)
    assert '<tr class="town">' in html
    assert "作成日：2026-11-23" in html and "令和元年度" in html


def test_the_first_chart_fits_page_one_beside_the_title():
    # a 740 px spine under the title and definition was pushed whole to page 2, leaving page 1 two-thirds empty
    tall = go.Figure(go.Bar(x=[1], y=["a"]))
    tall.update_layout(height=740)
    html = report.build_report(
        title="t", lang="ja", town_name="x", peer_definition="d", figures=[("spine", tall), ("bar", tall)],
        tables=[], sources=["s"], vintage="v", created="2026-11-29")
    heights = [int(h) for h in re.findall(r'"height":\s*(\d+)', html)]
    assert heights[:2] == [report.FIRST_CHART_MAX_PX, 740]
