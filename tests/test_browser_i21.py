"""Issue 21 in Chromium: 指標の内訳 and 事業設計 show words (no ids, file names or module paths) in both languages at
1440 px; a search hit leads to the right town's profile and two hits can be read side by side."""
import re

import pytest

from tests.browser_helpers import browser_page, running_app, skip_without_chromium, wait_for_app

pytestmark = [pytest.mark.browser, skip_without_chromium]

# what must never be shown: snake_case ids, file names, module paths
FORBIDDEN = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"
                       r"|[\w.-]+\.(?:py|txt|csv)\b"
                       r"|\bmachikurabe(?:[./]\w+)+")
# the page's text as a reader gets it: visible text, chart SVG text and the data grids' cells; icon ligatures
# (keyboard_arrow_right) are the material font's drawing of an arrow, not text, and are left out
VISIBLE_TEXT = """() => { const m = document.querySelector('[data-testid="stMain"]').cloneNode(true);
  m.querySelectorAll('[data-testid="stIconMaterial"], style, script').forEach(e => e.remove());
  return m.textContent; }"""
SEARCH = "見守り"


@pytest.fixture(scope="module")
def app_url(real_db):
    with running_app(db_path=real_db) as url:
        yield url


def _open(page, url):
    page.goto(url)
    wait_for_app(page)
    page.wait_for_timeout(1500)  # let plotly draw its SVG text


def _hit_box(page, name):
    """The bordered box of one body's hits: the innermost block with its name, a profile link and a button."""
    page.get_by_role("button", name="並べてくらべるに追加").first.wait_for(timeout=90_000)
    return (page.locator('[data-testid="stVerticalBlock"]').filter(has_text=name)
            .filter(has=page.get_by_role("link", name="自治体プロフィール"))
            .filter(has=page.locator("button")).last)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("path", ["breakdown", f"programmes?q={SEARCH}"])
def test_no_ids_file_names_or_module_paths(app_url, path, lang):
    with browser_page(width=1440, height=1000) as page:
        _open(page, f"{app_url}/{path}" + ("&" if "?" in path else "?") + f"lang={lang}")
        # a cold app may still be drawing the page: wait for its text, not only for the run to end
        page.wait_for_function(f"() => ({VISIBLE_TEXT})().length > 500", timeout=90_000)
        text = page.evaluate(VISIBLE_TEXT)
        assert len(text) > 500
        found = sorted(set(FORBIDDEN.findall(text)))
        assert found == [], found


def test_search_hit_opens_the_towns_profile(app_url):
    with browser_page(width=1440, height=1000) as page:
        _open(page, f"{app_url}/programmes?q={SEARCH}")
        box = _hit_box(page, "広尾町")
        href = box.get_by_role("link", name="自治体プロフィール").get_attribute("href")
        assert "code=01642" in href  # 広尾町
        page.goto(app_url + href if href.startswith("/") else href)
        wait_for_app(page)
        # the profile names the chosen town in its heading and its code in the line under it
        page.wait_for_function("() => [...document.querySelectorAll('h2')].some(h => h.innerText.trim() === '広尾町')",
                               timeout=60_000)
        assert "コード 01642" in page.inner_text('[data-testid="stMain"]')


def test_two_hits_added_are_read_side_by_side(app_url):
    with browser_page(width=1440, height=1000) as page:
        _open(page, f"{app_url}/programmes?q={SEARCH}")
        for name in ("広尾町", "鰺ヶ沢町"):
            box = _hit_box(page, name)
            box.get_by_role("button", name="並べてくらべるに追加").click()
            wait_for_app(page)
            page.wait_for_timeout(800)
        table = page.locator('[data-testid="stTable"]').last
        table.wait_for(timeout=30_000)
        header = table.inner_text()
        assert "広尾町" in header and "鰺ヶ沢町" in header
        assert "cmp=01642%2C02321" in page.url or "cmp=01642,02321" in page.url
