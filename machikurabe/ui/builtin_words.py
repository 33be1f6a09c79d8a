"""Streamlit's and plotly's own words that no API sets (Streamlit 1.67), shown in the reader's language.

Where Streamlit offers a setting (placeholders, labels, plotly's ``config.locales``) the app uses it; the words below
have none, so one stylesheet hides the English text and shows ours in its place, keyed on Streamlit's stable
``data-testid`` and ARIA hooks. English needs nothing: it is Streamlit's own language.
"""
from __future__ import annotations

import functools

from machikurabe.i18n import t
from machikurabe.stat_table import ALLOWED_SUFFIXES, MAX_UPLOAD_MB

# words replaced in both languages: Streamlit writes the server's transport cap (limits.SERVER_UPLOAD_MB), which
# is set a little above the app's own limit, so even its English would name the wrong figure
ALWAYS_REPLACED: tuple[tuple[str, str], ...] = (
    # the uploader's limit line ("25MB per file • CSV, XLSX, TXT, TSV")
    ('[data-testid="stFileUploaderDropzoneInstructions"] span', "builtin_upload_limit"),
)
# a file the browser refused: Streamlit keeps "Error: File must be 25.0MB or smaller." in a screen-reader-only
# alert and shows it only on hover; the alert is made visible under the file's name with our words instead
REFUSED_ALERT = '[data-testid="stFileChip"][aria-invalid="true"] [role="alert"]'

# (CSS selector of the element whose English text is replaced, i18n key of our text)
REPLACED: tuple[tuple[str, str], ...] = (
    # the file uploader's button ("Upload")
    ('[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p', "builtin_upload_button"),
    # a selectbox's or multiselect's list when nothing matches what was typed ("No results")
    ('[role="listbox"][data-empty="true"] [role="option"] > span', "builtin_no_results"),
    # a text box's hint while typing ("Press Enter to apply"); its character count stays
    ('[data-testid="InputInstructions"] > span:first-child', "builtin_press_enter"),
)

# Streamlit adds a full-screen button to every plotly toolbar with a fixed English title; plotly shows a title
# through ``content: attr(data-title)``, so the tooltip is replaced rather than the text.
TOOLTIPS: tuple[tuple[str, str], ...] = (
    ('.modebar-btn[data-title="Fullscreen"]::after', "builtin_fullscreen"),
    ('.modebar-btn[data-title="Close fullscreen"]::after', "builtin_close_fullscreen"),
)


def _css_string(text: str) -> str:
    # our own i18n texts, but a stylesheet must never be closable from a string: quote and escape per CSS
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace("\n", " ")
    return f'"{escaped}"'


def words(lang: str) -> dict[str, str]:
    """Our text for each replaced built-in word, with the upload limit and types from the one place that sets them."""
    types = ("・" if lang != "en" else ", ").join(suffix.lstrip(".").upper() for suffix in ALLOWED_SUFFIXES)
    keys = [key for _, key in (*ALWAYS_REPLACED, *REPLACED, *TOOLTIPS)] + ["builtin_upload_refused"]
    return {key: t(key, lang, limit=MAX_UPLOAD_MB, types=types) for key in keys}


@functools.lru_cache(maxsize=4)  # the same few hundred bytes for every rerun of a language
def stylesheet(lang: str) -> str:
    """The <style> block for ``lang``: in English only the words that name the upload limit."""
    text = words(lang)
    rules = [
        "[data-testid=\"stFileChip\"][aria-invalid=\"true\"]{flex-wrap:wrap;height:auto}",
        f"{REFUSED_ALERT}{{position:static !important;width:100% !important;height:auto !important;"
        "clip:auto !important;clip-path:none !important;overflow:visible !important;white-space:normal !important;"
        "margin:0.25rem 0 0 !important;font-size:0 !important}",
        f"{REFUSED_ALERT}::after{{content:{_css_string(text['builtin_upload_refused'])};font-size:0.875rem;"
        "color:#b00020;line-height:1.4}",
    ]
    for selector, key in ALWAYS_REPLACED if lang == "en" else (*ALWAYS_REPLACED, *REPLACED):
        # the English text stays in the DOM (zero size) and ours is drawn after it at the theme's size
        rules.append(f"{selector}{{font-size:0 !important}}"
                     f"{selector}::after{{content:{_css_string(text[key])};font-size:0.875rem}}")
    for selector, key in TOOLTIPS if lang != "en" else ():
        rules.append(f"{selector}{{content:{_css_string(text[key])} !important}}")
    return "<style>" + "".join(rules) + "</style>"
