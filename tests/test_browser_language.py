"""In a real browser, switching to English keeps the shared filters and redraws their labels in English."""
import pytest

from machikurabe.i18n import t

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


_AFTER_CONTENT = """(selector) => { const e = document.querySelector(selector);
                                  return e ? getComputedStyle(e, '::after').content : null; }"""


def test_streamlit_and_plotly_own_words_are_japanese(app_url, page):  # noqa: F811
    page.goto(f"{app_url}/peers?code=05203")
    wait_for_app(page)
    page.wait_for_selector(".modebar-btn", state="attached")
    titles = page.eval_on_selector_all(".modebar-btn", "buttons => buttons.map(b => b.getAttribute('data-title'))")
    # the camera, in Japanese; the zoom tools are removed (they covered the legend on a phone)
    assert "PNG画像として保存" in titles and "Download plot as a PNG" not in titles
    assert not {"Zoom", "Pan", "拡大する範囲を選択", "移動"} & set(titles)
    # Streamlit's own full-screen button keeps its English title; its tooltip shows ours
    assert page.evaluate(_AFTER_CONTENT, '.modebar-btn[data-title="Fullscreen"]') == '"全画面表示"'
    page.get_by_role("tab", name=t("tab_upload", "ja")).click()  # only the open tab is drawn
    page.wait_for_selector('[data-testid="stFileUploader"]', state="attached")
    assert page.evaluate(_AFTER_CONTENT, '[data-testid="stFileUploaderDropzoneInstructions"] span') == \
        '"1ファイル20MBまで（CSV・XLSX・TXT・TSV）"'
    assert page.evaluate(_AFTER_CONTENT, '[data-testid="stFileUploaderDropzone"] button p') == '"ファイルを選ぶ"'


def test_plotly_and_uploader_words_stay_streamlits_in_english(app_url, page):  # noqa: F811
    page.goto(f"{app_url}/peers?code=05203&lang=en")
    wait_for_app(page)
    page.wait_for_selector(".modebar-btn", state="attached")
    titles = page.eval_on_selector_all(".modebar-btn", "buttons => buttons.map(b => b.getAttribute('data-title'))")
    assert "Download plot as a PNG" in titles
    page.get_by_role("tab", name=t("tab_upload", "en")).click()
    page.wait_for_selector('[data-testid="stFileUploader"]', state="attached")
    assert page.evaluate(_AFTER_CONTENT, '[data-testid="stFileUploaderDropzone"] button p') in ("none", "normal")


def test_a_search_with_no_match_says_so_in_japanese(app_url, page):  # noqa: F811
    page.goto(f"{app_url}/profile?code=05203")
    wait_for_app(page)
    page.locator('[data-testid="stMain"] [data-testid="stSelectbox"] input').first.click()
    page.keyboard.type("zzqqxx")
    empty_option = '[role="listbox"][data-empty="true"] [role="option"] > span'
    page.wait_for_selector(empty_option)
    assert page.evaluate(_AFTER_CONTENT, empty_option) == '"該当する候補がありません"'
