"""Start the app on 127.0.0.1 at a free port and drive it with headless Debian Chromium (playwright).

Reusable by every page's browser test:

    from tests.browser_helpers import running_app, browser_page, skip_without_chromium
    pytestmark = [pytest.mark.browser, skip_without_chromium]

    def test_x(app_url, page):           # with the fixtures below imported into the test module
        page.goto(f"{app_url}/map")

or with the context managers directly (``with running_app() as url, browser_page() as page``).
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SCREENSHOT_DIR = ROOT / "artifacts" / "screenshots"

skip_without_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                           reason=f"{CHROMIUM} is absent (install Debian's chromium to run browser tests)")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)  # polling interval while the server starts, not a timing assertion
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout:.0f}s")


@contextlib.contextmanager
def running_app(db_path: str | os.PathLike | None = None, script: str = "app.py", timeout: float = 60.0,
                extra_env: dict | None = None):
    """Run ``streamlit run app.py`` headless on a free local port; yields the base URL, stops it afterwards."""
    port = free_port()
    env = dict(os.environ)
    env.update({"STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", "PYTHONUNBUFFERED": "1"})
    if db_path is not None:
        env["MACHIKURABE_DB"] = str(db_path)
    env.update(extra_env or {})
    log_path = ROOT / "artifacts" / f"streamlit-{port}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port),
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, process, timeout)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextlib.contextmanager
def browser_page(width: int = 1400, height: int = 1000, locale: str = "ja-JP"):
    """A playwright page in headless Chromium (Debian's binary, no network services)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
            page = context.new_page()
            yield page
        finally:
            browser.close()


def wait_for_app(page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit has finished running the script (no 'running' status widget, app view present)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    # the sidebar's language toggle exists only once app.py (not a bare page script) has run: before that,
    # Streamlit may briefly show its automatic pages/ menu
    page.wait_for_selector('[data-testid="stSidebarUserContent"] [data-testid="stRadio"]', timeout=timeout_ms)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 || !document.querySelector('[data-testid="stStatusWidget"]').innerText.match(/Running|実行中/)""",
        timeout=timeout_ms)
    page.wait_for_selector('[data-testid="stHeading"], h1', timeout=timeout_ms)


def exception_texts(page) -> list[str]:
    return [e.inner_text() for e in page.query_selector_all('[data-testid="stException"]')]


def screenshot(page, name: str, max_height: int = 5000) -> Path:
    """Save artifacts/screenshots/<name>.png of the whole page.

    Streamlit scrolls inside its own container, so a "full page" shot would only show the viewport;
    the viewport is stretched to the content height for the shot and restored afterwards.
    """
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    original = page.viewport_size
    content_height = page.evaluate(
        """() => { const m = document.querySelector('[data-testid="stMain"]');
                   return m ? m.scrollHeight : document.body.scrollHeight; }""")
    height = max(original["height"], min(int(content_height) + 40, max_height))
    page.set_viewport_size({"width": original["width"], "height": height})
    try:
        page.wait_for_timeout(300)  # let the resized layout paint before the capture
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(original)
    return path


@pytest.fixture(scope="module")
def app_url():
    """Module-scoped running app against the DB the environment points at (real DB by default)."""
    with running_app() as url:
        yield url


@pytest.fixture()
def page():
    with browser_page() as p:
        yield p
