"""Headless Chromium against the running app: each page renders, charts draw, nothing raises, nothing goes online.

Screenshots go to artifacts/screenshots/<page>.png for a human to look at.
"""

import pytest

from machikurabe import db
from tests.browser_helpers import (
    browser_page,
    exception_texts,
    running_app,
    screenshot,
    skip_without_chromium,
    wait_for_app,
)

pytestmark = [pytest.mark.browser, skip_without_chromium]

# (url path, screenshot name, text that must appear: real DB value, fixture value)
PAGES = [
    ("", "overview", "参加団体"),  # the default page lives at "/"
    ("profile?code=01206", "profile_kushiro", "168,730人"),
    ("profile?code=13107", "profile_sumida", "2.9%"),
    ("programmes", "programmes", "全事業の一覧"),
    ("programmes?cmp=01206,13107&cprog=multi_agency", "programmes_compare", "包括的な相談支援システム構築事業"),
    ("data_method", "data_method", "データ品質表"),
    ("?lang=en", "overview_en", "Participating bodies"),
]


@pytest.fixture(scope="module")
def app_url(fixture_db):
    real = db.DEFAULT_DB
    path = real if real.exists() else fixture_db
    with running_app(db_path=path) as url:
        yield url


@pytest.mark.parametrize("path, name, expected", PAGES)
def test_page_in_chromium(app_url, path, name, expected):
    with browser_page() as page:
        outside = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(app_url) and
                not r.url.startswith("data:") else None)
        page.goto(f"{app_url}/{path}")
        wait_for_app(page)
        assert page.get_by_text("Page not found").count() == 0
        if name.startswith("overview"):
            page.wait_for_selector(".js-plotly-plot", timeout=60_000)
            assert page.locator(".js-plotly-plot").count() == 2
        page.get_by_text(expected).filter(visible=True).first.wait_for(timeout=60_000)
        assert exception_texts(page) == []
        shot = screenshot(page, name)
        assert shot.exists() and shot.stat().st_size > 10_000
        assert outside == [], f"the page fetched from outside: {outside[:5]}"


def test_hostile_search_typed_in_the_browser(app_url):
    hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    with browser_page() as page:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{app_url}/programmes")
        wait_for_app(page)
        box = page.get_by_role("textbox", name="検索語（部分一致）")
        box.fill(hostile)
        box.press("Enter")
        page.get_by_text("を含む記載はありません").first.wait_for(timeout=60_000)
        wait_for_app(page)
        assert dialogs == []
        assert page.locator('[data-testid="stMain"] img[src="x"]').count() == 0
        assert exception_texts(page) == []
        screenshot(page, "programmes_hostile_search")


def test_search_hits_are_highlighted(app_url):
    with browser_page() as page:
        page.goto(f"{app_url}/programmes?q=社会福祉協議会")
        wait_for_app(page)
        page.locator("mark").first.wait_for(timeout=60_000)
        assert page.locator("mark").first.inner_text() == "社会福祉協議会"
        screenshot(page, "programmes_search")


def test_language_toggle_survives_navigation_and_is_in_the_url(app_url):
    with browser_page() as page:
        page.goto(f"{app_url}/profile?code=01206")
        wait_for_app(page)
        page.get_by_text("English", exact=True).click()
        page.get_by_role("heading", name="Municipality profile").wait_for(timeout=60_000)
        wait_for_app(page)
        assert "lang=en" in page.url and "code=01206" in page.url
        page.get_by_text("Programme designs", exact=True).first.click()
        page.get_by_role("heading", name="Programme designs").first.wait_for(timeout=60_000)
        wait_for_app(page)
        assert "lang=en" in page.url
        page.get_by_text("日本語", exact=True).click()
        page.get_by_role("heading", name="事業設計").first.wait_for(timeout=60_000)
        assert exception_texts(page) == []


@pytest.mark.parametrize("typed", ["すみだ", "sumida", "墨田"])
def test_profile_picker_finds_a_body_by_kana_romaji_or_kanji(app_url, typed):
    with browser_page() as page:
        page.goto(f"{app_url}/profile")
        wait_for_app(page)
        page.locator('[data-testid="stSelectbox"]').filter(has_text="自治体を選ぶ").locator("input").click()
        page.keyboard.type(typed)
        page.get_by_role("option").filter(has_text="墨田区").first.click()
        page.get_by_role("heading", name="墨田区").wait_for(timeout=60_000)
        wait_for_app(page)
        assert "code=13107" in page.url
        page.get_by_text("English", exact=True).click()
        page.get_by_role("heading", name="Sumida Ward").wait_for(timeout=60_000)  # the choice survives the switch
        assert exception_texts(page) == []


def test_profile_of_a_non_participant_town(app_url):
    if not db.DEFAULT_DB.exists():
        pytest.skip("the real database is not built (make data)")
    with browser_page() as page:
        page.goto(f"{app_url}/profile?code=05203")
        wait_for_app(page)
        page.get_by_role("heading", name="横手市").wait_for(timeout=60_000)
        page.get_by_text("全国・県内・類似団体の中での位置").first.wait_for(timeout=60_000)
        page.get_by_text("似ているモデル事業の自治体").first.wait_for(timeout=60_000)
        page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)  # the trend chart
        # national ranks (the data grid draws on a canvas; its text is in the DOM once the grid has loaded)
        page.get_by_text("位／1,741").first.wait_for(state="attached", timeout=60_000)
        assert page.get_by_text("のプロフィールと事業設計").count() >= 3  # links to model-project towns
        assert exception_texts(page) == []
        screenshot(page, "profile_yokote")


@pytest.mark.parametrize("lang, typed", [("ja", "ユザワ"), ("ja", "ゆざわ"), ("en", "湯沢"), ("en", "yuzawa"),
                                         ("ja", "05207")])
def test_one_picker_finds_a_place_by_katakana_kana_kanji_romaji_or_code(app_url, lang, typed):
    if not db.DEFAULT_DB.exists():
        pytest.skip("the real database is not built (make data)")
    with browser_page() as page:
        page.goto(f"{app_url}/profile?code=05203" + ("&lang=en" if lang == "en" else ""))
        wait_for_app(page)
        label = "自治体を選ぶ" if lang == "ja" else "Choose a municipality"
        page.locator('[data-testid="stSelectbox"]').filter(has_text=label).locator("input").click()
        page.keyboard.type(typed)
        page.get_by_role("option").filter(has_text="05207").first.click()
        page.get_by_role("heading", name="湯沢市" if lang == "ja" else "Yuzawa City").wait_for(timeout=60_000)
        wait_for_app(page)
        assert "code=05207" in page.url
        assert exception_texts(page) == []


@pytest.mark.parametrize("width", [800, 1440])
def test_trend_grid_caption_stays_inside_the_chart(app_url, width):
    """The 推移 grid carries its group and sources as a caption in the figure (it travels with a PNG/SVG): at a
    width where the wide grid sits beside the open sidebar (800 px) its lines must not run past the chart's edge."""
    if not db.DEFAULT_DB.exists():
        pytest.skip("the real database is not built (make data)")
    with browser_page(width=width) as page:
        page.goto(f"{app_url}/peers?code=05203&tab=trend")
        wait_for_app(page)
        chart = page.locator(".st-key-np_trend_wide .js-plotly-plot").first
        chart.wait_for(timeout=60_000)
        caption = chart.locator(".annotation").filter(has_text="出典")
        caption.first.wait_for(timeout=60_000)
        chart_box = chart.locator(".main-svg").first.bounding_box()
        caption_box = caption.first.bounding_box()
        assert caption_box["x"] >= chart_box["x"]
        assert caption_box["x"] + caption_box["width"] <= chart_box["x"] + chart_box["width"], (caption_box, chart_box)
        assert exception_texts(page) == []


@pytest.mark.parametrize("width, shown, hidden", [(390, "compact", "wide"), (1024, "compact", "wide"),
                                                   (1440, "wide", "compact")])
def test_spine_layout_follows_the_room_the_chart_has(app_url, width, shown, hidden):
    """The wide spine (labels, bars and two value columns in one figure) needs about 900 px of content width: with
    the sidebar open at 1,024 px its tick labels ran into each other and the caption into the axis title, so the
    compact spine (values in the table beside it) is shown there; at 1,440 px the wide one. The compact spine's legend
    sits just above its rows at every width (at 1,024 px it went into two columns and left a blank band of 113 px
    under the legend, sized for the one column a phone has; 38 px at 390 px)."""
    if not db.DEFAULT_DB.exists():
        pytest.skip("the real database is not built (make data)")
    with browser_page(width=width) as page:
        page.goto(f"{app_url}/peers?code=05203")
        wait_for_app(page)
        page.locator(f".st-key-np_spine_{shown} .js-plotly-plot").first.wait_for(state="visible", timeout=60_000)
        assert not page.locator(f".st-key-np_spine_{hidden}").first.is_visible()
        if shown == "compact":
            legend_bottom, plot_top, plot_indent = page.evaluate(
                """() => { const chart = document.querySelector('.st-key-np_spine_compact .js-plotly-plot');
                            const plot = chart.querySelector('.nsewdrag').getBoundingClientRect();
                            return [chart.querySelector('g.legend').getBoundingClientRect().bottom, plot.top,
                                    plot.left - chart.getBoundingClientRect().left]; }""")
            assert 0 <= plot_top - legend_bottom <= 60, (legend_bottom, plot_top)
            assert plot_indent <= 60, plot_indent  # the legend does not push the plot to the right either
        assert exception_texts(page) == []
