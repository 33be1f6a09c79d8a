"""Drive ONE local streamlit server with many concurrent browser sessions (playwright contexts in one headless
Chromium) and measure each interaction; also the server starter the browser and memory benchmarks share.

Only ever talks to 127.0.0.1. Everything is bounded: a per-interaction timeout and a hard timeout for the run.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
HOST = "127.0.0.1"
# what counts as "the page has drawn its first result": a plotly chart, a deck.gl map canvas or a data grid
FIRST_RESULT = ('.js-plotly-plot, [data-testid="stDeckGlJsonChart"] canvas, #deckgl-overlay, '
                '[data-testid="stDataFrame"]')
EXCEPTION = '[data-testid="stException"]'
# Streamlit's frontend marks its root with the script state (initial → running → notRunning); a fresh page load
# is done when it reads notRunning
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# after a sidebar page switch: the new page's title has replaced the old one and the run has finished. (Watching
# the script state for a running -> notRunning transition misses fast runs: the frontend can batch both into one
# render, so the attribute never changes.)
PAGE_SWITCHED_JS = """(oldTitle) => {
  const title = document.querySelector('h1');
  const app = document.querySelector('[data-testid="stApp"]');
  return !!title && title.textContent !== oldTitle && !!app
         && app.getAttribute('data-test-script-state') === 'notRunning';
}"""

DEFAULT_PAGE = "overview"  # what the bench calls the page app.py serves at "/"
# representative state per page (url path → query string); pages not listed get none
# 横手市 (05203): a national place outside the model project, the case the national pages must carry
PAGE_QUERY = {"profile": "code=05203", "programmes": "q=%E5%9C%B0%E5%9F%9F", "peers": "code=05203", "map": "code=05203"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(db_path: str | os.PathLike | None = None, timeout: float = 90.0, log_name: str = "server",
                     script: str | os.PathLike = "app.py"):
    """``streamlit run app.py`` (or ``script``) on 127.0.0.1 at a free port; yields (base_url, process, log_path),
    stops it after."""
    port = free_port()
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false", PYTHONUNBUFFERED="1")
    if db_path is not None:
        env["MACHIKURABE_DB"] = str(db_path)
    log_path = ROOT / "bench-results" / f"{log_name}-{port}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
             "--server.address", HOST, "--server.port", str(port), "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none", "--server.runOnSave", "false"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://{HOST}:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"streamlit exited with code {process.returncode}; see {log_path}")
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"streamlit did not answer at {url} within {timeout:.0f}s")
                time.sleep(0.2)  # start-up polling interval, not a measurement
            yield url, process, log_path
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def peak_rss_kib(pid: int) -> dict[str, int]:
    """VmHWM (peak resident set) and VmRSS of a live process, in KiB, from /proc."""
    out = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(("VmHWM:", "VmRSS:")):
                name, value = line.split(":", 1)
                out[name] = int(value.split()[0])
    return out


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a live process has used, from /proc (seconds)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # after the command name: state is field 3, utime and stime are fields 14 and 15 of the full line
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU seconds all cores have spent busy since boot (everything but idle and iowait), from /proc/stat."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


def log_tracebacks(log_path: Path) -> list[str]:
    """Tracebacks the server printed (errors Streamlit caught and logged rather than showed)."""
    text = Path(log_path).read_text(errors="replace")
    blocks = re.split(r"(?=Traceback \(most recent call last\):)", text)[1:]
    found = []
    for block in blocks:
        # the exception line is the first unindented line after the traceback header that names an error
        lines = [ln for ln in block.splitlines()[1:] if ln and not ln.startswith(" ")]
        errors = [ln for ln in lines if re.match(r"^[\w.]+(Error|Exception|Invalid|Interrupt|Exit)\b", ln)]
        found.append((errors or lines or ["(traceback)"])[0][:300])
    return found


async def nav_paths(page, base_url: str) -> list[str]:
    """The url paths of the pages the running app declares, read from its sidebar navigation."""
    await page.goto(base_url, wait_until="domcontentloaded")
    await page.wait_for_selector('[data-testid="stSidebarNav"] a', timeout=60_000)
    hrefs = await page.eval_on_selector_all('[data-testid="stSidebarNav"] a', "els => els.map(e => e.href)")
    paths = []
    for href in hrefs:
        path = href.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        path = "" if href.split("?", 1)[0].rstrip("/") == base_url.rstrip("/") else path
        paths.append(path or DEFAULT_PAGE)
    return list(dict.fromkeys(paths))


def page_url(base_url: str, path: str, extra_query: str = "") -> str:
    query = "&".join(q for q in (PAGE_QUERY.get(path, ""), extra_query) if q)
    # the default page is served at "/" only; /overview is an unknown path that Streamlit answers with the default
    # page, after which the first sidebar click can be dropped (seen with Streamlit 1.67)
    url_path = "" if path == DEFAULT_PAGE else path
    return f"{base_url}/{url_path}" + (f"?{query}" if query else "")


async def wait_idle(page, timeout_ms: int) -> None:
    """After a navigation: the page has its heading and the script run that drew it has finished.

    The heading comes first: on a first visit the frontend can report notRunning between the navigation's
    runs, before the page itself has run.
    """
    await page.wait_for_selector('[data-testid="stHeading"], h1', state="attached", timeout=timeout_ms)
    await page.wait_for_selector(IDLE, state="attached", timeout=timeout_ms)


@dataclass
class SessionResult:
    times_s: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    clicks: int = 0  # in-session page switches done through the sidebar (the rest were links opened)


# filters a user would pick in the sidebar, as the URL carries them (pref/kind/prog, see machikurabe.analysis.filters)
FILTERS = ["", "pref=%E5%8C%97%E6%B5%B7%E9%81%93", "kind=city", "prog=multi_agency",
           "kind=town,village", "pref=%E6%9D%B1%E4%BA%AC%E9%83%BD&prog=community_capacity"]


def plan_interactions(paths: list[str], session: int, count: int) -> list[tuple[str, str, str]]:
    """A deterministic mix for one session: (kind, url path, extra query).

    kind is 'goto' (open a link: new script run with filters from the URL) or 'click' (switch page in the
    sidebar within the same session); peers and profile get a body code, i.e. a comparison is computed.
    """
    plan = []
    for i in range(count):
        path = paths[(session + i) % len(paths)]
        kind = "click" if i % 3 == 2 else "goto"
        extra = FILTERS[(session * 7 + i) % len(FILTERS)] if kind == "goto" else ""
        plan.append((kind, path, extra))
    return plan


async def _one_session(browser, base_url: str, paths: list[str], session: int, count: int,
                       action_timeout_ms: int, ramp_s: float) -> SessionResult:
    result = SessionResult()
    # sessions ramp up (one more every ramp_s) as users arrive; on a 2-core machine 20 tabs parsing Streamlit's
    # JavaScript at the same instant starve the server they are measuring
    await asyncio.sleep(ramp_s * session)
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    context.set_default_timeout(action_timeout_ms)
    context.set_default_navigation_timeout(action_timeout_ms)
    page = await context.new_page()
    page.on("pageerror", lambda exc: result.errors.append(f"session {session}: page error: {exc}"))
    try:
        try:
            await page.goto(page_url(base_url, paths[0]), wait_until="domcontentloaded")
            await wait_idle(page, action_timeout_ms)
        except Exception as exc:
            result.errors.append(f"session {session} first visit: {type(exc).__name__}: {exc}"[:400])
            return result
        for kind, path, extra in plan_interactions(paths, session, count):
            started = time.perf_counter()
            try:
                # the default page's link is the bare root URL
                href = f'a[href="{base_url}/"]' if path == paths[0] else f'a[href$="/{path}"]'
                link = page.locator(f'[data-testid="stSidebarNav"] {href}')
                if kind == "click" and await link.count() and not await link.first.is_visible():
                    # Streamlit folds long menus behind "View N more" when the sidebar also holds widgets
                    more = page.locator('[data-testid="stSidebarNavViewButton"]')
                    if await more.count():
                        await more.first.click()
                if kind == "click" and await link.count() and await link.first.is_visible():
                    old_title = await page.evaluate("() => (document.querySelector('h1') || {}).textContent || ''")
                    # force: a nav link is always clickable; under load playwright's stability wait is the slow part
                    await link.first.click(force=True)
                    wanted = (rf"^{re.escape(base_url)}/?(\?|$)" if path == paths[0]
                              else rf"/{re.escape(path)}(\?|$)")
                    await page.wait_for_url(re.compile(wanted), timeout=action_timeout_ms)
                    await page.wait_for_function(PAGE_SWITCHED_JS, arg=old_title, timeout=action_timeout_ms)
                    result.clicks += 1
                else:
                    await page.goto(page_url(base_url, path, extra), wait_until="domcontentloaded")
                await wait_idle(page, action_timeout_ms)
                result.times_s.append(time.perf_counter() - started)
                shown = await page.locator(EXCEPTION).count()
                if shown:
                    text = await page.locator(EXCEPTION).first.inner_text()
                    result.errors.append(f"session {session} {kind} /{path}?{extra}: exception shown: {text[:300]}")
            except Exception as exc:  # a timeout or a crashed page is a failed interaction, counted, not raised
                result.errors.append(f"session {session} {kind} /{path}?{extra}: {type(exc).__name__}: {exc}"[:400])
    finally:
        await context.close()
    return result


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


async def run_load_async(base_url: str, sessions: int, interactions: int, action_timeout_s: float = 60.0,
                         hard_timeout_s: float = 600.0, ramp_s: float = 1.0) -> dict:
    from playwright.async_api import async_playwright

    assert base_url.startswith(f"http://{HOST}:"), "load is only ever run against the local server"
    started = time.perf_counter()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            probe = await browser.new_page()
            paths = await nav_paths(probe, base_url)
            await probe.close()
            tasks = [asyncio.create_task(_one_session(browser, base_url, paths, s, interactions,
                                                      int(action_timeout_s * 1000), ramp_s)) for s in range(sessions)]
            done, pending = await asyncio.wait(tasks, timeout=hard_timeout_s)
            for task in pending:
                task.cancel()
            results = [t.result() for t in done if not t.cancelled() and t.exception() is None]
            errors = [e for r in results for e in r.errors]
            errors += [f"session task failed: {t.exception()!r}" for t in done if t.exception() is not None]
            if pending:
                errors.append(f"{len(pending)} sessions still running at the hard timeout ({hard_timeout_s:.0f}s)")
        finally:
            await browser.close()
    times = [x for r in results for x in r.times_s]
    return {
        "sessions": sessions, "interactions_per_session": interactions, "pages": paths,
        "interactions_done": len(times), "interactions_planned": sessions * interactions,
        "sidebar_switches_done": sum(r.clicks for r in results),
        "errors": errors, "p50_s": percentile(times, 0.5), "p95_s": percentile(times, 0.95),
        "max_s": max(times) if times else None, "wall_s": time.perf_counter() - started, "ramp_s": ramp_s,
    }


def run_load(base_url: str, sessions: int, interactions: int, action_timeout_s: float = 60.0,
             hard_timeout_s: float = 600.0, ramp_s: float = 1.0) -> dict:
    return asyncio.run(run_load_async(base_url, sessions, interactions, action_timeout_s, hard_timeout_s, ramp_s))


def run_load_measured(base_url: str, server_pid: int, sessions: int, interactions: int, **kwargs) -> dict:
    """run_load, plus how the machine's CPU was shared: the server's CPU seconds against all cores' busy seconds
    (the rest is the browser sessions, which on a small machine are the load's own bottleneck)."""
    server_before, busy_before = cpu_seconds(server_pid), machine_busy_seconds()
    result = run_load(base_url, sessions, interactions, **kwargs)
    result["server_cpu_s"] = cpu_seconds(server_pid) - server_before
    result["machine_busy_cpu_s"] = machine_busy_seconds() - busy_before
    result["cores"] = os.cpu_count()
    return result


def main(argv: list[str] | None = None) -> int:
    import argparse
    import json

    parser = argparse.ArgumentParser(description="concurrent sessions against one local streamlit server")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--interactions", type=int, default=10)
    parser.add_argument("--db", default=None)
    parser.add_argument("--action-timeout", type=float, default=120.0, help="seconds per interaction")
    parser.add_argument("--ramp", type=float, default=1.0, help="seconds between session starts")
    args = parser.parse_args(argv)
    with streamlit_server(args.db, log_name="load") as (url, process, log_path):
        result = run_load_measured(url, process.pid, args.sessions, args.interactions,
                                   action_timeout_s=args.action_timeout, hard_timeout_s=900, ramp_s=args.ramp)
        result["server_peak_rss_kib"] = peak_rss_kib(process.pid)
        result["server_log_tracebacks"] = log_tracebacks(log_path)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0 if not result["errors"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
