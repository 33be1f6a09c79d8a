"""In a real browser, switching to English keeps the shared filters and redraws their labels in English."""
import pytest

from tests.browser_helpers import app_url, page, skip_without_chromium, wait_for_app  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, skip_without_chromium]


def test_language_switch_keeps_filters_and_translates_them(app_url, page):  # noqa: F811
    page.goto(f"{app_url}/?prog=multi_agency&kind=town")
    wait_for_app(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("町", exact=True).wait_for()  # the kind chip, from the link
    page.get_by_role("radio", name="English").check(force=True)
    page.wait_for_url("**lang=en**")
    wait_for_app(page)
    sidebar.get_by_text("Town", exact=True).wait_for()  # the same chip, now in English
    sidebar.get_by_text("Filters", exact=True).wait_for()
    programme = sidebar.get_by_role("combobox", name="Programme")
    assert programme.input_value().startswith("Multi-agency")
    assert "prog=multi_agency" in page.url and "kind=town" in page.url
