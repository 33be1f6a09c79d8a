"""Streamlit's and plotly's own words in Japanese: plotly's toolbar dictionary and the stylesheet for the rest."""
from machikurabe.i18n.plotly_locale import JA_DICTIONARY, locale_config
from machikurabe.ui import builtin_words


def test_plotly_locale_is_japanese_only_in_the_japanese_ui():
    config = locale_config("ja")
    assert config["locale"] == "ja"
    dictionary = config["locales"]["ja"]["dictionary"]
    # the toolbar buttons Streamlit's plotly shows on a bar chart, written from plotly.js's English source strings
    assert dictionary["Download plot as a PNG"] == "PNG画像として保存"
    assert dictionary["Reset axes"] == "軸を元に戻す"
    assert dictionary["Double-click to zoom back out"] == "ダブルクリックで元の表示に戻ります"
    assert locale_config("en") == {}


def test_plotly_dictionary_has_no_english_left():
    untranslated = {english for english, japanese in JA_DICTIONARY.items() if japanese == english or japanese.isascii()}
    assert untranslated == set()


def test_stylesheet_replaces_the_uploader_words_with_the_one_upload_limit():
    css = builtin_words.stylesheet("ja")
    assert css.startswith("<style>") and css.endswith("</style>")
    assert '"1ファイル20MBまで（CSV・XLSX・TXT・TSV）"' in css  # stat_table.MAX_UPLOAD_MB = 20, its four suffixes
    assert '"ファイルを選ぶ"' in css
    assert '"該当する候補がありません"' in css
    assert '.modebar-btn[data-title="Fullscreen"]::after{content:"全画面表示" !important}' in css


def test_english_replaces_only_the_words_that_name_the_limit():
    """Streamlit's own English names the server's 25 MB cap: the limit line and a refused file's alert say 20 MB."""
    css = builtin_words.stylesheet("en")
    assert '"20MB per file • CSV, XLSX, TXT, TSV"' in css
    assert '"This file cannot be taken: one file of up to 20 MB, as CSV, XLSX, TXT, TSV."' in css
    assert '"Upload"' not in css and "Fullscreen" not in css and "25MB" not in css and "25 MB" not in css


def test_a_refused_file_shows_the_apps_limit_in_japanese():
    css = builtin_words.stylesheet("ja")
    assert ('[data-testid="stFileChip"][aria-invalid="true"] [role="alert"]::after{content:'
            '"このファイルは受け付けられません。1ファイル20MBまで、CSV・XLSX・TXT・TSVの形式です。"') in css


def test_a_css_string_cannot_close_the_rule_or_the_style_element():
    assert builtin_words._css_string('a"}</style><script>') == '"a\\"}\\3C /style>\\3C script>"'
