"""Issue 19, Done-when 1: every table file every page offers, downloaded in Debian's headless Chromium for 横手市
(05203, outside the model project): value columns are numbers, each file carries 出典, its data year(s) and a link
that rebuilds the view, no cell starts with = + - @ unless it is a number (tests/file_checks.py). Rank and group
size against the screen are checked where both are built (tests/test_national_peers.py)."""
from __future__ import annotations

import pytest

from tests.browser_helpers import browser_page, exception_texts, running_app, skip_without_chromium, wait_for_app
from tests.file_checks import check_file

pytestmark = [pytest.mark.browser, skip_without_chromium]

# (page URL, tabs to open in turn: None = the page as it opens)
VIEWS = (
    ("/peers?code=05203&group=type", ("比較表", "推移")),
    ("/profile?code=05203", (None,)),
    ("/map?code=05203", (None,)),
    ("/breakdown", (None,)),
    ("/programmes?q=地域", (None,)),
)


@pytest.fixture(scope="module")
def app_url(real_db):
    with running_app(db_path=real_db) as url:
        yield url


def _download_all(page) -> list[tuple[str, bytes]]:
    received = []
    try:  # the page's run may still be drawing: wait for its first download button
        page.wait_for_selector('[data-testid="stDownloadButton"] button', timeout=30_000)
    except Exception:
        return received
    buttons = page.locator('[data-testid="stDownloadButton"] button')
    for index in range(buttons.count()):
        button = buttons.nth(index)
        if not button.is_visible():
            continue
        with page.expect_download(timeout=60_000) as info:
            button.click()
        download = info.value
        received.append((download.suggested_filename, open(download.path(), "rb").read()))
    return received


def _open_expanders(page) -> None:
    for summary in page.locator('[data-testid="stExpander"] details:not([open]) > summary').all():
        if summary.is_visible():
            summary.click()
            wait_for_app(page)


@pytest.mark.parametrize("path, tabs", VIEWS, ids=[v[0].split("?")[0].strip("/") for v in VIEWS])
def test_every_table_file_says_what_it_is(app_url, path, tabs):
    files = []
    with browser_page(height=1600) as page:
        page.goto(f"{app_url}{path}")
        wait_for_app(page)
        for tab in tabs:
            if tab:
                page.get_by_role("tab", name=tab).click()
                wait_for_app(page)
            _open_expanders(page)
            files += _download_all(page)
        assert exception_texts(page) == []
    tables = [(name, data) for name, data in files if name.endswith((".csv", ".xlsx"))]
    assert tables, f"{path}: no table file offered"
    problems = [p for name, data in tables for p in check_file(name, data)]
    assert problems == []
