"""Issue 19, item 4: the 比較 report prints as a council paper on A4 — nothing cut at the edge, no chart split from
its axis, a header that says each thing once. Printed as print media in Debian's headless Chromium at the A4
content size (210 × 297 mm less the report's 15 mm margins = 680 × 1009 px at 96 dpi, worked out by hand).

The group: 旭川市 (01204) in the official type group 中核市, 62 core cities in MIC's list → 61 others (the issue's
「中核市, 61団体」), whose ranked bar chart (61 + 1 rows) was taller than a page and split across pages 2–3."""
from __future__ import annotations

import pytest

from tests.browser_helpers import browser_page, skip_without_chromium

ASAHIKAWA = "01204"
A4_CONTENT_WIDTH_PX = 680
A4_CONTENT_HEIGHT_PX = 1009


def _view(national_frames, code=ASAHIKAWA, group="type"):
    from machikurabe.analysis import national_peers as npp
    from machikurabe.ui import national_peer_view as nv

    f = national_frames
    return nv.build(f["wide"], f["years"], f["catalogue"], f["info"], npp.ViewParams(code, group, 15),
                    (*npp.DEFAULT_INDICATORS, *npp.PLAN_KEYS), "ja", "ageing_rate_pct", "ageing_rate_pct",
                    "welfare_spending_share_pct", created="2026-12-03")


def test_the_report_header_names_the_data_once(national_frames):
    from machikurabe.ui import national_peer_view as nv

    view = _view(national_frames)
    assert len(view.group.codes) == 61
    html = nv.report_html(view, created="2026-12-03")
    assert "データの時点：データ：" not in html and "データの時点：SSDSE-A 2018–2026年版" in html


def test_no_printed_chart_is_taller_than_a_page(national_frames):
    from machikurabe.ui import national_peer_view as nv

    view = _view(national_frames)
    assert view.figs["bar"].layout.height > A4_CONTENT_HEIGHT_PX  # on screen the 62 rows need more than a page
    assert nv.print_bar(view.figs["bar"]).layout.height <= nv.PRINT_CHART_MAX_PX < A4_CONTENT_HEIGHT_PX
    assert len(nv.print_bar(view.figs["bar"]).data[0].y) == 62  # every place still drawn


@pytest.mark.browser
@skip_without_chromium
def test_printed_report_charts_fit_a_page_and_their_captions_the_width(national_frames, tmp_path):
    from machikurabe.ui import national_peer_view as nv

    path = tmp_path / "report.html"
    path.write_text(nv.report_html(_view(national_frames), created="2026-12-03"), encoding="utf-8")
    with browser_page(width=A4_CONTENT_WIDTH_PX, height=A4_CONTENT_HEIGHT_PX) as page:
        page.emulate_media(media="print")
        page.goto(path.as_uri())
        page.wait_for_selector("#chart-3 .main-svg", timeout=60_000)
        charts = page.evaluate("""() => [...document.querySelectorAll('section.chart')].map(s => {
            const svg = s.querySelector('.main-svg').getBoundingClientRect();
            const texts = [...s.querySelectorAll('.annotation-text, .gtitle, .legendtext, .ytick text')]
                .map(t => t.getBoundingClientRect());
            return {height: s.getBoundingClientRect().height, svgLeft: svg.left, svgRight: svg.right,
                    textRight: Math.max(...texts.map(r => r.right)), textLeft: Math.min(...texts.map(r => r.left))};
        })""")
        pdf = page.pdf(format="A4", margin={"top": "0", "bottom": "0", "left": "0", "right": "0"},
                       prefer_css_page_size=True)
    assert len(charts) == 3
    for chart in charts:
        # a section taller than the page would be split whatever its break-inside says
        assert chart["height"] <= A4_CONTENT_HEIGHT_PX, chart
        # no caption, title, legend or place name runs off the figure's edges
        assert chart["textRight"] <= chart["svgRight"] + 1 and chart["textLeft"] >= chart["svgLeft"] - 1, chart
    assert pdf[:4] == b"%PDF"
