"""Issue 14 ("finish") in headless Debian Chromium: the defects that only a browser shows (layout at 390 px, overlaps,
what a click does, how the report prints on A4). Each test's docstring names the defect number it guards.

The app runs on 127.0.0.1 against the session's real build (tests/conftest.py ``real_db``). Expected sizes are
derived by hand: an A4 page (210 × 297 mm) with the report's 15 mm @page margins leaves 180 × 267 mm, i.e.
680 × 1009 px at 96 px per inch. Defects found still present are ``xfail(strict=True)`` (see
tests/test_finish_regressions.py).
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser_helpers import (
    browser_page,
    exception_texts,
    running_app,
    skip_without_chromium,
    wait_for_app,
)

pytestmark = [pytest.mark.browser, skip_without_chromium]

YOKOTE = "05203"
A4_CONTENT_WIDTH_PX = 680   # 180 mm
A4_CONTENT_HEIGHT_PX = 1009  # 267 mm


@pytest.fixture(scope="module")
def app_url(real_db):
    with running_app(db_path=real_db) as url:
        yield url


def _boxes(page, selector: str) -> list[dict]:
    return page.evaluate("""(sel) => [...document.querySelectorAll(sel)].map(e => {
        const r = e.getBoundingClientRect();
        return {text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; })""",
                         selector)


# --- 1. 比較 at 390 px -------------------------------------------------------------------------------------------

def test_d1_peers_spine_at_390px_keeps_its_width_and_the_values_are_in_a_table(app_url):
    """Issue 14, defect 1: at 390 px the spine shrank to ~80 px, its axis words stood vertical and the group-median
    column was cut off. At 390 px only the compact spine shows, its plot area is most of the screen (over 250 px),
    the axis words are not rotated, and the group median is a column of the table under it."""
    with browser_page(width=390, height=844) as page:
        page.goto(f"{app_url}/peers?code={YOKOTE}&group=type")
        wait_for_app(page)
        compact = page.locator(".st-key-np_spine_compact")
        compact.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
        assert not page.locator(".st-key-np_spine_wide").is_visible()
        plot = _boxes(page, ".st-key-np_spine_compact .js-plotly-plot .nsewdrag")
        assert plot and plot[0]["width"] > 250, plot
        transforms = page.eval_on_selector_all(".st-key-np_spine_compact .xtick text",
                                               "ts => ts.map(t => t.getAttribute('transform') || '')")
        assert len(transforms) == 3 and not any("rotate" in t for t in transforms), transforms
        compact.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
        compact.get_by_text("グループ中央値", exact=True).first.wait_for(state="attached", timeout=60_000)
        assert exception_texts(page) == []


# --- 2. 概要: bar labels whole, toolbar clear of the legend ------------------------------------------------------

def _overview_charts(page, app_url: str) -> list[dict]:
    """Per overview chart at 390 px: its plot area, its bar labels, its legend's and its toolbar's boxes."""
    page.goto(f"{app_url}/")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    return page.eval_on_selector_all(".js-plotly-plot", """ps => ps.map(p => {
        const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; };
        const legend = p.querySelector('.legend'); const bar = p.querySelector('.modebar');
        return {area: box(p.querySelector('.nsewdrag')),
                labels: [...p.querySelectorAll('.bartext, .textpoint text')].map(t => [t.textContent, box(t)]),
                legend: legend ? box(legend) : null, modebar: bar ? box(bar) : null}; })""")


def test_d2_overview_bar_labels_fit_inside_the_plot_at_390px(app_url):
    """Issue 14, defect 2: 概要's bar labels were clipped (51 read "5"). At 390 px every bar label is a whole number
    lying inside its plot area (the axis leaves room beyond the longest bar)."""
    with browser_page(width=390, height=844) as page:
        charts = _overview_charts(page, app_url)
    assert len(charts) == 2
    labels = [(text, box, chart["area"]) for chart in charts for text, box in chart["labels"]]
    assert len(labels) >= 5 and "51" in {text for text, _, _ in labels}  # 51 bodies run 多機関協働 (issue 14)
    for text, (left, right, _, _), area in labels:
        assert re.fullmatch(r"\d+", text) and area[0] - 1 <= left and right <= area[1] + 1, (text, right, area)


def test_d2_overview_toolbar_keeps_off_the_legend_at_390px(app_url):
    """Issue 14, defect 2: the chart toolbar covered the legend. At 390 px the toolbar's box (shown on hover or
    tap) does not meet the legend's on either overview chart."""
    with browser_page(width=390, height=844) as page:
        charts = _overview_charts(page, app_url)
    with_legend = [c for c in charts if c["legend"] and c["modebar"]]
    assert with_legend  # the by-programme chart has a legend (印 / 設計)
    for chart in with_legend:
        leg, bar = chart["legend"], chart["modebar"]
        overlap = min(leg[1], bar[1]) > max(leg[0], bar[0]) and min(leg[3], bar[3]) > max(leg[2], bar[2])
        assert not overlap, chart


# --- 4. the 比較 picker finds a place by kana, katakana and, in English, kanji -----------------------------------

@pytest.mark.parametrize("lang, typed", [("ja", "ゆざわ"), ("ja", "ユザワ"), ("en", "湯沢")])
def test_d4_peers_picker_finds_yuzawa(app_url, lang, typed):
    """Issue 14, defect 4: the 比較 picker found no kana (ゆざわ), neither picker katakana (ユザワ), and in English
    湯沢 typed in kanji found nothing. Typed into 比較's picker, each finds 湯沢市 (05207) and the page follows."""
    with browser_page() as page:
        page.goto(f"{app_url}/peers?code={YOKOTE}" + ("&lang=en" if lang == "en" else ""))
        wait_for_app(page)
        label = "自治体を選ぶ" if lang == "ja" else "Choose a municipality"
        page.locator('[data-testid="stSelectbox"]').filter(has_text=label).locator("input").click()
        page.keyboard.type(typed)
        page.get_by_role("option").filter(has_text="05207").first.click()
        page.wait_for_url(re.compile(r"code=05207"), timeout=60_000)
        wait_for_app(page)
        page.get_by_text("湯沢市" if lang == "ja" else "Yuzawa City").first.wait_for(timeout=60_000)
        assert exception_texts(page) == []


# --- 5. 指標の内訳: a click on a segment shows in both boxes and stays ----------------------------------------------

def _box_value(page, label: str) -> str:
    return page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first.locator("input").input_value()


def _listing_heading(page) -> str:
    return page.locator("h3").filter(has_text="選択した区分の目標").first.inner_text()


def test_d5_breakdown_click_fills_both_boxes_and_survives_other_controls(app_url):
    """Issue 14, defect 5: a click on a bar segment listed its targets but both 一覧 boxes still said すべて; the next
    change of any control reset the list to all; after changing 集計する項目 the 区分 box was empty."""
    with browser_page(height=1400) as page:
        page.goto(f"{app_url}/breakdown")
        wait_for_app(page)
        page.wait_for_selector(".js-plotly-plot .bars path", timeout=60_000)
        assert "すべて × すべて" in _listing_heading(page)
        # on a loaded machine plotly may bind its click handler after the bars are drawn: a click that selects
        # nothing is made again (as a user would), up to three times, before the test fails
        for attempt in range(3):
            bar = page.locator(".js-plotly-plot .bars path").first.bounding_box()
            page.mouse.click(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2)
            try:
                page.wait_for_function("""() => [...document.querySelectorAll('h3')].some(
                    h => h.innerText.includes('選択した区分の目標') && !h.innerText.includes('すべて × すべて'))""",
                                       timeout=20_000)
                break
            except PlaywrightTimeout:
                if attempt == 2:
                    raise
                wait_for_app(page)
        wait_for_app(page)
        group, value = _box_value(page, "一覧を表示する単位"), _box_value(page, "一覧を表示する区分")
        assert "すべて" not in (group, value)
        heading = _listing_heading(page)
        assert f"{group} × {value}" in heading
        # another control: the listing keeps the clicked segment
        page.get_by_text("件数", exact=True).first.click()
        page.wait_for_function("""() => [...document.querySelectorAll('h2, h3, p')].some(
            e => e.innerText.includes('目標数') || e.innerText.includes('件数'))""", timeout=60_000)
        wait_for_app(page)
        assert _listing_heading(page) == heading
        assert (_box_value(page, "一覧を表示する単位"), _box_value(page, "一覧を表示する区分")) == (group, value)
        # another 集計する項目: the 区分 box says すべて, never an empty "Choose an option"
        page.get_by_text("分類", exact=True).first.click()
        page.wait_for_function("""() => [...document.querySelectorAll('h3')].some(
            h => h.innerText.includes('選択した区分の目標') && h.innerText.includes('× すべて'))""", timeout=60_000)
        wait_for_app(page)
        assert _box_value(page, "一覧を表示する区分") == "すべて"
        assert exception_texts(page) == []


# --- 9. the report printed on A4 ---------------------------------------------------------------------------------

def _report_file(national_frames, group: str, tmp_path):
    from machikurabe.analysis import national_peers as npp
    from machikurabe.ui import national_peer_view as nv

    f = national_frames
    view = nv.build(f["wide"], f["years"], f["catalogue"], f["info"], npp.ViewParams(YOKOTE, group, 15),
                    (*npp.DEFAULT_INDICATORS, *npp.PLAN_KEYS), "ja", "ageing_rate_pct", "ageing_rate_pct",
                    "welfare_spending_share_pct", created="2026-11-29")
    path = tmp_path / f"report_{group}.html"
    path.write_text(nv.report_html(view, created="2026-11-29"), encoding="utf-8")
    return path


def _print_layout(page, path) -> None:
    """Lay the report out as print media on one A4 content width (the report's own print CSS applies)."""
    page.emulate_media(media="print")
    page.goto(path.as_uri())
    page.wait_for_selector("#chart-1 .main-svg", timeout=60_000)


@pytest.mark.parametrize("group", ["type", "nearest"])
def test_d9_report_prints_the_spine_on_page_one(national_frames, tmp_path, group):
    """Issue 14, defect 9: the printed report's page 1 was two-thirds empty (the spine pushed to page 2). The first
    chart's section (it may not break) ends within page 1's 267 mm of content."""
    path = _report_file(national_frames, group, tmp_path)
    with browser_page(width=A4_CONTENT_WIDTH_PX, height=A4_CONTENT_HEIGHT_PX) as page:
        _print_layout(page, path)
        section = page.evaluate("() => document.querySelector('section.chart').getBoundingClientRect().bottom")
    assert section <= A4_CONTENT_HEIGHT_PX, section


@pytest.mark.parametrize("group", ["type", "nearest"])
def test_d9_report_prints_prefectures_on_one_line(national_frames, tmp_path, group):
    """Issue 14, defect 9: the report's 都道府県 column wrapped one character per line. Printed on A4, the peer
    list's 都道府県 head and 横手市's 秋田県 each take one line."""
    path = _report_file(national_frames, group, tmp_path)
    with browser_page(width=A4_CONTENT_WIDTH_PX, height=A4_CONTENT_HEIGHT_PX) as page:
        _print_layout(page, path)
        lines = page.evaluate("""() => {
            const count = cell => { const r = document.createRange(); r.selectNodeContents(cell);
                                    return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; };
            const cells = [...document.querySelectorAll('section.table th, section.table td')];
            const head = cells.find(c => c.innerText.trim() === '都道府県');
            const akita = cells.find(c => c.innerText.trim() === '秋田県');
            return [count(head), count(akita)]; }""")
    assert lines == [1, 1]


# --- 11. the English spine ---------------------------------------------------------------------------------------

def _overlaps(a: dict, b: dict) -> bool:
    return min(a["right"], b["right"]) > max(a["left"], b["left"]) and \
        min(a["bottom"], b["bottom"]) > max(a["top"], b["top"])


def test_d11_english_spine_value_columns_apart_and_labels_whole(app_url):
    """Issue 14, defect 11: in English the spine's value columns overlapped ("94,068 households343,074
    households") and "persons/km" was cut off (the unit is now written "persons per km²"). Wide (1400 px): no two value texts overlap and every row label lies
    inside the figure; compact (390 px): every row label ends inside the figure."""
    with browser_page(width=1400, height=1000, locale="en-GB") as page:
        page.goto(f"{app_url}/peers?code={YOKOTE}&group=type&lang=en")
        wait_for_app(page)
        page.locator(".st-key-np_spine_wide .js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
        figure = _boxes(page, ".st-key-np_spine_wide .js-plotly-plot .main-svg")[0]
        values = [b for b in _boxes(page, ".st-key-np_spine_wide .js-plotly-plot .annotation")
                  if b["left"] > figure["left"] + figure["width"] / 2 and b["width"] > 0]
        assert len(values) >= 20
        for i, a in enumerate(values):
            assert a["right"] <= figure["right"] + 1, a
            for b in values[i + 1:]:
                assert not _overlaps(a, b), (a["text"], b["text"])
        labels = _boxes(page, ".st-key-np_spine_wide .js-plotly-plot .ytick text")
        assert any("Population density" in b["text"] and "km²" in b["text"] for b in labels), labels
        assert all(b["left"] >= figure["left"] - 1 and b["right"] <= figure["right"] + 1 for b in labels)
    with browser_page(width=390, height=844, locale="en-GB") as page:
        page.goto(f"{app_url}/peers?code={YOKOTE}&group=type&lang=en")
        wait_for_app(page)
        page.locator(".st-key-np_spine_compact .js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
        figure = _boxes(page, ".st-key-np_spine_compact .js-plotly-plot .main-svg")[0]
        notes = _boxes(page, ".st-key-np_spine_compact .js-plotly-plot .annotation")
        assert any("Population density" in b["text"] and "km²" in b["text"] for b in notes)
        assert all(b["left"] >= figure["left"] - 1 and b["right"] <= figure["right"] + 1 for b in notes), \
            [(b["text"][:30], b["right"], figure["right"]) for b in notes if b["right"] > figure["right"] + 1]


def test_d11_english_spine_row_labels_keep_their_unit_and_year(app_url):
    """Issue 14, defect 11: an English spine label lost its unit ("persons/km" cut off). Every row label of the
    wide English spine ends with its unit and year, e.g. "(%, 2020)" — none is cut short."""
    with browser_page(width=1400, height=1000, locale="en-GB") as page:
        page.goto(f"{app_url}/peers?code={YOKOTE}&group=type&lang=en")
        wait_for_app(page)
        page.locator(".st-key-np_spine_wide .js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
        labels = page.eval_on_selector_all(".st-key-np_spine_wide .ytick text", "ts => ts.map(t => t.textContent)")
    assert len(labels) >= 13
    assert all(re.search(r"\d{4}\)$", text) for text in labels), labels
