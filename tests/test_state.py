"""ui/state.py: every URL parameter is declared and documented, undeclared names are refused, and the Streamlit
behaviour that ensure_app_shell() answers is still there to answer."""
from __future__ import annotations

from pathlib import Path

import pytest

from machikurabe.ui import state

ROOT = Path(__file__).resolve().parent.parent
# the URL parameters are documented in docs/layout.md's "Links" table (the README links to it)
LINKS_DOC = (ROOT / "docs" / "layout.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(state.URL_PARAMS))
def test_every_url_parameter_is_documented(name):
    assert f"| `{name}` |" in LINKS_DOC


def test_an_undeclared_url_parameter_is_refused():
    with pytest.raises(KeyError, match="not declared"):
        state.mirror({"codez": "05203"})


def test_pages_manager_switch_still_exists():
    # ensure_app_shell() flips this private class attribute; if a Streamlit release renames or drops it, the
    # workaround silently does nothing and first visits to /profile run the page without the app shell again
    from streamlit.runtime.pages_manager import PagesManager

    assert isinstance(PagesManager.uses_pages_directory, (bool, type(None)))


def test_current_lang_and_filters_outside_streamlit():
    assert state.current_lang() == "ja"
    assert state.current_filters().is_empty()


def test_page_urls_carry_the_language_and_only_declared_parameters():
    from machikurabe import urls

    assert urls.page_url("profile", "ja", code="05207") == "/profile?code=05207"
    assert urls.page_url("profile", "en", code="05207") == "/profile?code=05207&lang=en"
    assert urls.page_url("overview", "ja") == "/"
    assert urls.page_url("peers", "ja", code="05203", group="nearest", k="15", w="pop:2,aged:1", hand=None) == \
        "/peers?code=05203&group=nearest&k=15&w=pop:2,aged:1"
    # a value with URL syntax in it stays one parameter's value
    assert urls.page_url("programmes", "ja", q="a&lang=en") == "/programmes?q=a%26lang%3Den"
    with pytest.raises(KeyError):
        urls.page_url("profile", "ja", cod="05207")


def test_every_page_file_has_a_url_path():
    from machikurabe import urls

    assert set(urls.PAGE_PATHS) == {path.stem for path in (ROOT / "pages").glob("*.py")}
