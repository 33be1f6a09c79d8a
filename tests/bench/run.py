"""`make bench`: measure build time, query latency, page run time (real and ~30× data), browser time to first
chart, server memory and 20 concurrent sessions; print a table and write JSON + markdown to bench-results/.

Each page is timed through app.py's navigation with AppTest (the shell's sidebar filters run too, as in the
app), against the floor of an *empty page run through the same shell*, measured in the same process.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench-results"
REAL_DB = ROOT / "data" / "municipal.duckdb"
SCALE_DB = RESULTS / "synthetic.duckdb"

# bound values for named parameters found in queries/*.sql ($name); real values of the source (釧路市)
QUERY_DEFAULTS = {"code": "01206", "field": "welfare_rate_pct", "needle": "地域", "programme": "multi_agency",
                  "prefecture": "北海道", "kind": "city", "document_id": "003", "rule": "per_mille_converted",
                  "indicator": "ageing_rate_pct", "year": 2020,
                  # the nearest-neighbour indicators (analysis.national.DEFAULT_WEIGHTS): a list parameter
                  "indicators": ["A1101", "density_per_km2", "ageing_rate_pct", "single_elderly_household_pct",
                                 "primary_employment_pct", "welfare_spending_share_pct"]}
# state a user brings to a page so its full content runs (a chosen body, a search); from load.PAGE_QUERY
# a national place outside the model project (横手市) for the pages that take a place: the national-scale case
PAGE_QUERY_PARAMS = {"profile": {"code": "05203"}, "programmes": {"q": "地域"}, "peers": {"code": "05203"},
                     "map": {"code": "05203"}}
# views measured beside the pages: (name in the tables, page file, query parameters) — 比較's 推移 tab against its
# spine tab (the page's default) in the same run (issue 20)
EXTRA_VIEWS = (("peers_trend", "peers", {"code": "05203", "tab": "trend"}),)
EXTRA_BROWSER_VIEWS = (("peers", "tab=trend"),)

TARGETS = {"build_s": 5.0, "query_p95_ms": 20.0, "page_ratio": 4.0, "scale_page_ratio": 4.0, "browser_s": 3.0,
           "national_build_s": 5.0, "national_place_p95_ms": 20.0, "national_indicator_p95_ms": 50.0}


def percentile(values, q):
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


# --- machine -------------------------------------------------------------------------------------------------

def machine_info() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {"python": platform.python_version()}
    for module in ("streamlit", "duckdb", "pandas", "plotly", "pyarrow", "playwright"):
        try:
            from importlib.metadata import version
            versions[module] = version(module)
        except Exception:
            versions[module] = None
    try:
        versions["chromium"] = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                                              timeout=30).stdout.strip() or None
    except (OSError, subprocess.TimeoutExpired):
        versions["chromium"] = None
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gib": ram_gib, "os": platform.platform(),
            "load_average_at_start": os.getloadavg(), "versions": versions}


# --- build ---------------------------------------------------------------------------------------------------

def bench_build(runs: int) -> dict:
    """Wall time of `python -m machikurabe.ingest.build` (as `make data` runs it, interpreter start included)."""
    import resource

    times, cpu = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            out = Path(tmp) / f"build-{i}.duckdb"
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "machikurabe.ingest.build", "--out", str(out)], cwd=ROOT,
                                  capture_output=True, text=True, timeout=300)
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0:
                return {"error": (done.stderr or done.stdout)[-2000:], "runs_s": times}
            times.append(elapsed)
            cpu.append((after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime))
    return {"runs_s": times, "median_s": statistics.median(times), "cpu_median_s": statistics.median(cpu),
            "target_s": TARGETS["build_s"], "met": statistics.median(times) < TARGETS["build_s"]}


# --- queries -------------------------------------------------------------------------------------------------

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def query_params_for(sql: str) -> tuple[dict, list[str]]:
    """Named parameters in ``sql`` (ignoring -- comments and string literals) with their defaults; unknown names."""
    code = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    code = re.sub(r"'(?:[^']|'')*'", "''", code)
    names = list(dict.fromkeys(_PARAM.findall(code)))
    return {n: QUERY_DEFAULTS[n] for n in names if n in QUERY_DEFAULTS}, [n for n in names if n not in QUERY_DEFAULTS]


def bench_queries(db_path: Path, runs: int) -> dict:
    from machikurabe import db

    con = db.connect(db_path, read_only=True)
    out = {}
    try:
        for name in db.available_queries():
            params, unknown = query_params_for(db.load_query(name))
            if unknown:
                out[name] = {"skipped": f"no default for parameter(s) {', '.join(unknown)}: add to QUERY_DEFAULTS"}
                continue
            cursor = con.cursor()
            try:
                rows = len(db.run_query(cursor, name, params or None))  # warm-up, and the result size
                times, cpu = [], []
                for _ in range(runs):
                    started, cpu_started = time.perf_counter(), time.process_time()
                    db.run_query(cursor, name, params or None)
                    times.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - cpu_started) * 1000)
            except Exception as exc:
                out[name] = {"error": f"{type(exc).__name__}: {exc}"[:500]}
                continue
            finally:
                cursor.close()
            p95 = percentile(times, 0.95)
            out[name] = {"params": params, "rows": rows, "p50_ms": percentile(times, 0.5), "p95_ms": p95,
                         "cpu_p50_ms": percentile(cpu, 0.5), "cpu_p95_ms": percentile(cpu, 0.95),
                         "met": p95 < TARGETS["query_p95_ms"]}
    finally:
        con.close()
    return out


# --- national baseline (issue 11) -----------------------------------------------------------------------------

def bench_national(db_path: Path, runs: int) -> dict:
    """DB size, national row counts, and the two named national queries over many places / indicators.

    ``national_values_for_place``: every indicator of one place over all years, for ``runs`` places spread over the
    code list; ``national_values_for_indicator``: one indicator in one year over all 1,788 places, for ``runs``
    (indicator, year) pairs. The build time (seed + national, target < 5 s) is the ``build`` part.
    """
    from machikurabe import db

    con = db.connect(db_path, read_only=True)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("places", "national_indicators", "national_values", "national_revisions")}
        codes = [c for (c,) in con.execute("SELECT code FROM places ORDER BY code").fetchall()]
        pairs = con.execute("SELECT DISTINCT indicator, year FROM national_values ORDER BY indicator, year").fetchall()
        picked_codes = [codes[i * len(codes) // runs] for i in range(runs)]
        picked_pairs = [pairs[i * len(pairs) // runs] for i in range(runs)]
        out = {"db_bytes": db_path.stat().st_size, "counts": counts}
        for name, params_list, target in (
                ("national_values_for_place", [{"code": c} for c in picked_codes], TARGETS["national_place_p95_ms"]),
                ("national_values_for_indicator", [{"indicator": i, "year": y} for i, y in picked_pairs],
                 TARGETS["national_indicator_p95_ms"])):
            cursor = con.cursor()
            db.run_query(cursor, name, params_list[0])  # warm-up
            times, cpu, rows = [], [], []
            for params in params_list:
                started, cpu_started = time.perf_counter(), time.process_time()
                rows.append(len(db.run_query(cursor, name, params)))
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
            cursor.close()
            out[name] = {"runs": len(times), "rows_median": statistics.median(rows), "p50_ms": percentile(times, 0.5),
                         "p95_ms": percentile(times, 0.95), "cpu_p95_ms": percentile(cpu, 0.95), "target_ms": target,
                         "met": percentile(times, 0.95) < target}
    finally:
        con.close()
    return out


# --- pages (AppTest, in a child process per database so caches and the env var start clean) -----------------

def discover_pages() -> list[str]:
    """Page files the app shell can declare: pages/*.py that app.py names (directly or by its optional-page loop)."""
    shell = (ROOT / "app.py").read_text(encoding="utf-8")
    found = []
    for path in sorted((ROOT / "pages").glob("*.py")):
        if path.name.startswith("_"):
            continue
        if f'"{path.name}"' in shell or f'"{path.stem}"' in shell or f"'{path.stem}'" in shell:
            found.append(path.stem)
    return found


def _empty_shell(tmp: Path) -> Path:
    """A copy of app.py whose page files are all empty pages: the floor of a page run through the shell."""
    shutil.copy(ROOT / "app.py", tmp / "app.py")
    (tmp / "pages").mkdir()
    for path in (ROOT / "pages").glob("*.py"):
        (tmp / "pages" / path.name).write_text("import streamlit as st\n\nst.title('empty')\n", encoding="utf-8")
    return tmp / "app.py"


def _timed_run(app_test) -> tuple[float, float]:
    """(wall s, CPU s of this process) of one full script run; CPU time is what contention from other
    processes on a shared machine does not inflate."""
    wall, cpu = time.perf_counter(), time.process_time()
    app_test.run()
    return time.perf_counter() - wall, time.process_time() - cpu


def _page_problems(app_test) -> list[str]:
    problems = [f"exception: {e.value}"[:300] for e in app_test.exception]
    problems += [f"error: {e.value}"[:300] for e in app_test.error]
    return problems


def _share_script_cache() -> None:
    """One script cache for every AppTest run, as a running server has: it compiles app.py and each page once
    (Streamlit's ScriptCache, kept for the server's life), while AppTest makes a new cache per run and so would
    count compiling the page file (with Streamlit's magic AST pass: 3–35 ms a page here) in every warm run."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def measure_pages_here(runs: int) -> dict:
    """Run in a child process with MACHIKURABE_DB set: per-page warm run times via app.py, against the floor.

    The floor (an empty page in a copy of the shell) is run right before every page run, so a burst of load
    from elsewhere on the machine affects both sides of the ratio alike.
    """
    from streamlit.testing.v1 import AppTest

    _share_script_cache()
    result = {"pages": {}, "floor": {}}
    floor_wall, floor_cpu = [], []
    bare = AppTest.from_string("import streamlit as st\n\nst.title('empty')\n", default_timeout=60)
    bare.run()
    bare_runs = [_timed_run(bare) for _ in range(runs)]
    result["floor"]["bare_script_s"] = statistics.median(w for w, _ in bare_runs)
    result["floor"]["bare_script_cpu_s"] = statistics.median(c for _, c in bare_runs)
    with tempfile.TemporaryDirectory() as tmp:
        shell = AppTest.from_file(str(_empty_shell(Path(tmp))), default_timeout=120)
        shell.run()
        shell.run()
        result["floor"]["problems"] = _page_problems(shell)
        views = [(name, name, PAGE_QUERY_PARAMS.get(name, {})) for name in discover_pages()] + list(EXTRA_VIEWS)
        for name, page_file, params in views:
            app_test = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
            for key, value in params.items():
                app_test.query_params[key] = value
            try:
                app_test.switch_page(f"pages/{page_file}.py")
                cold_wall, cold_cpu = _timed_run(app_test)
                page_runs, floors = [], []
                for _ in range(runs):
                    floors.append(_timed_run(shell))
                    page_runs.append(_timed_run(app_test))
            except Exception as exc:
                result["pages"][name] = {"error": f"{type(exc).__name__}: {exc}"[:500]}
                continue
            floor_wall += [w for w, _ in floors]
            floor_cpu += [c for _, c in floors]
            titles = [t.value for t in app_test.title]
            wall = statistics.median(w for w, _ in page_runs)
            cpu = statistics.median(c for _, c in page_runs)
            result["pages"][name] = {
                "first_run_s": cold_wall, "median_s": wall, "cpu_median_s": cpu,
                "floor_median_s": statistics.median(w for w, _ in floors),
                "floor_cpu_median_s": statistics.median(c for _, c in floors),
                "runs_s": [w for w, _ in page_runs], "title": titles[0] if titles else None,
                "problems": _page_problems(app_test)}
    result["floor"]["empty_page_in_shell_s"] = statistics.median(floor_wall) if floor_wall else None
    result["floor"]["empty_page_in_shell_cpu_s"] = statistics.median(floor_cpu) if floor_cpu else None
    return result


def bench_pages(db_path: Path, runs: int) -> dict:
    env = dict(os.environ, MACHIKURABE_DB=str(db_path), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    done = subprocess.run([sys.executable, "-m", "tests.bench.run", "--pages-worker", "--runs", str(runs)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    marker = "PAGES-JSON:"
    for line in done.stdout.splitlines()[::-1]:
        if line.startswith(marker):
            data = json.loads(line[len(marker):])
            break
    else:
        return {"error": (done.stderr or done.stdout)[-3000:]}
    for page in data["pages"].values():
        if "median_s" in page:
            page["ratio_to_empty"] = page["median_s"] / page["floor_median_s"]
            page["cpu_ratio_to_empty"] = page["cpu_median_s"] / page["floor_cpu_median_s"]
            page["ratio_to_bare"] = page["median_s"] / data["floor"]["bare_script_s"]
    return data


# --- browser and memory --------------------------------------------------------------------------------------

async def _visit(browser_or_context, url: str, problems: list[str], fresh_context: bool) -> tuple[float | None, float]:
    """One page load: seconds to the first chart/map/table and to the end of the script run."""
    import asyncio

    from tests.bench import load

    if fresh_context:
        context = await browser_or_context.new_context(viewport={"width": 1400, "height": 1000}, locale="ja-JP")
    else:
        context = browser_or_context
    page = await context.new_page()
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"[:300]))
    started = time.perf_counter()

    async def first_result():
        try:
            await page.wait_for_selector(load.FIRST_RESULT, state="visible", timeout=30_000)
            return time.perf_counter() - started
        except Exception:
            problems.append("no chart, map or table drawn within 30 s")
            return None

    async def script_done():
        await load.wait_idle(page, 60_000)
        return time.perf_counter() - started

    try:
        await page.goto(url, wait_until="commit")
        # both clocks run from the same start: the first drawing can come before the run ends
        got_first, got_idle = await asyncio.gather(first_result(), script_done())
        if await page.locator(load.EXCEPTION).count():
            problems.append("exception shown")
        return got_first, got_idle
    finally:
        await page.close()
        if fresh_context:
            await context.close()


def paired_difference(visits: list, floors: list) -> float | None:
    """The median over pairs of (a page's first result − the floor's first result just before it), in seconds.

    Each of ``visits`` and ``floors`` is (first result, script done) or None; a pair with a missing first result on
    either side is left out, and no complete pair gives None."""
    differences = [visit[0] - floor[0] for visit, floor in zip(visits, floors)
                   if visit and floor and visit[0] is not None and floor[0] is not None]
    return statistics.median(differences) if differences else None


async def _measure_url(browser, url: str, runs: int, floor_url: str | None = None) -> dict:
    """Cold: a fresh browser context per visit (nothing cached: Streamlit's JavaScript is fetched and compiled
    again). Warm: one context, so the browser cache holds the app's static files as on a user's second visit;
    each visit is still a new page load and a new Streamlit session. The first visit of each kind is not counted.

    With ``floor_url``, each cold visit is paired with a cold visit of the one-chart floor made just before it, and
    the page's distance to the floor is the median of the pairs' differences: this machine's speed drifts by a
    second over a run, so a floor measured minutes earlier is not side by side."""
    problems: list[str] = []
    cold, floors = [], []
    for attempt in range(runs + 1):
        floor = await _visit(browser, floor_url, problems, True) if floor_url else None
        visit = await _visit(browser, url, problems, True)
        if attempt == 0:
            continue
        cold.append(visit)
        floors.append(floor)
    context = await browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ja-JP")
    try:
        warm = [await _visit(context, url, problems, False) for _ in range(runs + 1)][1:]
    finally:
        await context.close()

    def median(values):
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None

    out = {"first_result_s": median(f for f, _ in cold), "idle_s": median(i for _, i in cold),
           "warm_first_result_s": median(f for f, _ in warm), "warm_idle_s": median(i for _, i in warm),
           "runs": len(cold), "problems": sorted(set(problems)),
           "minus_floor_paired_s": paired_difference(cold, floors)}
    out["met"] = out["first_result_s"] is not None and out["first_result_s"] < TARGETS["browser_s"]
    out["warm_met"] = out["warm_first_result_s"] is not None and out["warm_first_result_s"] < TARGETS["browser_s"]
    return out


# browser floors: Streamlit apps that draw one small table, or one small plotly chart, and nothing else; every page's
# cold visits are paired with visits of the chart floor
CHART_FLOOR = "(floor: one-chart app)"
FLOOR_APPS = {
    "(floor: one-table app)": "import pandas as pd\nimport streamlit as st\n\nst.title('floor')\n"
                              "st.dataframe(pd.DataFrame({'a': [1]}))\n",
    "(floor: one-chart app)": "import plotly.graph_objects as go\nimport streamlit as st\n\nst.title('floor')\n"
                              "st.plotly_chart(go.Figure(go.Bar(x=['a', 'b'], y=[1, 2])))\n",
}


# a third floor, paired with the one-chart floor like the pages: the 推移 tab's own grid figure (taken from a run of the
# page) drawn alone, so that the 推移 view's distance to the floor splits into the chart's part and the page's part
GRID_FLOOR = "(floor: the 推移 grid alone)"
GRID_FLOOR_APP = ("import json\nimport streamlit as st\n\nst.title('floor')\n"
                  "st.plotly_chart(json.loads(open({spec!r}, encoding='utf-8').read()), theme=None)\n")


def trend_grid_spec(db_path: Path) -> str:
    """The plotly JSON of the grid the 推移 tab draws first (wide layout) for the bench's place, from an AppTest run."""
    from streamlit.testing.v1 import AppTest

    page, query = next((page, query) for name, page, query in EXTRA_VIEWS if name == "peers_trend")
    previous = os.environ.get("MACHIKURABE_DB")
    os.environ["MACHIKURABE_DB"] = str(db_path)
    try:
        app = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=300)
        app.query_params.update(query)
        app.run()
        if app.exception:
            raise RuntimeError(f"the {page} page failed: {app.exception[0].message}")
        return app.get("plotly_chart")[0].proto.spec
    finally:
        if previous is None:
            os.environ.pop("MACHIKURABE_DB", None)
        else:
            os.environ["MACHIKURABE_DB"] = previous


async def _browser_async(base_url: str, runs: int, floor_urls: dict[str, str] | None = None) -> dict:
    from playwright.async_api import async_playwright

    from tests.bench import load

    out = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=load.CHROMIUM, args=load.CHROMIUM_ARGS, headless=True)
        try:
            chart_floor = (floor_urls or {}).get(CHART_FLOOR)
            for name, floor_url in (floor_urls or {}).items():
                out[name] = await _measure_url(browser, floor_url, runs, chart_floor if name == GRID_FLOOR else None)
            probe = await browser.new_page()
            paths = await load.nav_paths(probe, base_url)
            await probe.close()
            for path in paths:
                out[path] = await _measure_url(browser, load.page_url(base_url, path), runs, chart_floor)
            for path, query in EXTRA_BROWSER_VIEWS:
                out[f"{path}?{query}"] = await _measure_url(browser, load.page_url(base_url, path, query), runs,
                                                            chart_floor)
        finally:
            await browser.close()
    return out


async def _visit_every_page(base_url: str) -> list[str]:
    """Open every declared page once (fresh session each) and wait for its run to finish; returns problems."""
    from playwright.async_api import async_playwright

    from tests.bench import load

    problems = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=load.CHROMIUM, args=load.CHROMIUM_ARGS, headless=True)
        try:
            page = await browser.new_page()
            for path in await load.nav_paths(page, base_url):
                try:
                    await page.goto(load.page_url(base_url, path), wait_until="commit")
                    await load.wait_idle(page, 120_000)
                except Exception as exc:
                    problems.append(f"{path}: {type(exc).__name__}")
        finally:
            await browser.close()
    return problems


def bench_scale_memory(db_path: Path) -> dict:
    import asyncio

    from tests.bench import load

    if not Path(load.CHROMIUM).exists():
        return {"skipped": f"{load.CHROMIUM} is absent"}
    with load.streamlit_server(db_path, log_name="bench-scale-memory") as (url, process, log_path):
        problems = asyncio.run(_visit_every_page(url))
        return {"after_every_page_kib": load.peak_rss_kib(process.pid), "problems": problems}


def bench_browser_memory_load(db_path: Path, runs: int, sessions: int, interactions: int) -> dict:
    import asyncio

    from tests.bench import load

    if not Path(load.CHROMIUM).exists():
        return {"skipped": f"{load.CHROMIUM} is absent"}
    out = {}
    floor_urls = {}
    spec_path = ROOT / "bench-results" / "trend_grid.json"
    spec_path.parent.mkdir(parents=True, exist_ok=True)
    spec_path.write_text(trend_grid_spec(db_path), encoding="utf-8")
    floor_apps = {**FLOOR_APPS, GRID_FLOOR: GRID_FLOOR_APP.format(spec=str(spec_path))}
    with contextlib.ExitStack() as servers:
        for i, (name, source) in enumerate(floor_apps.items()):
            script = ROOT / "bench-results" / f"floor_app_{i}.py"
            script.parent.mkdir(parents=True, exist_ok=True)
            script.write_text(source, encoding="utf-8")
            floor_url, _, _ = servers.enter_context(load.streamlit_server(db_path, log_name=f"bench-floor-{i}",
                                                                          script=script))
            floor_urls[name] = floor_url
        with load.streamlit_server(db_path, log_name="bench-browser") as (url, process, log_path):
            out["browser"] = asyncio.run(_browser_async(url, runs, floor_urls))
            out["memory"] = {"after_every_page_kib": load.peak_rss_kib(process.pid)}
            out["browser_log_tracebacks"] = load.log_tracebacks(log_path)
    with load.streamlit_server(db_path, log_name="bench-load") as (url, process, log_path):
        out["load"] = load.run_load_measured(url, process.pid, sessions, interactions, action_timeout_s=120,
                                             hard_timeout_s=900)
        out["load"]["server_rss_kib"] = load.peak_rss_kib(process.pid)
        out["load"]["server_log_tracebacks"] = load.log_tracebacks(log_path)
    return out


# --- report --------------------------------------------------------------------------------------------------

def _f(value, fmt="{:.2f}", missing="–"):
    return missing if value is None else fmt.format(value)


def _ok(flag):
    return "✅" if flag else "❌"


def markdown(report: dict) -> str:
    m = report["machine"]
    v = m["versions"]
    start_load = ", ".join(f"{x:.1f}" for x in m.get("load_average_at_start", ()))
    end_load = ", ".join(f"{x:.1f}" for x in report.get("load_average_at_end", ()))
    lines = [f"### Benchmark {report['date']}", "",
             f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM; {m['os']}  ",
             "Versions: " + ", ".join(f"{k} {val}" for k, val in v.items() if val) + "  ",
             f"Load average (1, 5, 15 min) at start: {start_load}; at end: {end_load}"
             + ("  \n**The machine was busy with other work: wall times are inflated; CPU times are the steadier "
                "measure.**" if m.get("load_average_at_start", (0,))[0] > 0.7 * (m["cores"] or 1) else "") + "  ",
             f"Runs per measurement: {report['runs']} (medians; query percentiles over {report['query_runs']} runs)",
             ""]
    b = report.get("build")
    if b:
        lines += ["**Build** (`python -m machikurabe.ingest.build`, wall time incl. interpreter start): "
                  + (f"median {b['median_s']:.2f} s, CPU {b['cpu_median_s']:.2f} s "
                     f"(target < {b['target_s']:.0f} s wall) {_ok(b['met'])}"
                     if "median_s" in b else f"FAILED: {b.get('error', '')[:200]}"), ""]
    n = report.get("national")
    if n:
        lines += [f"**National baseline** (issue 11): database {n['db_bytes'] / 1024 / 1024:.1f} MiB; "
                  + ", ".join(f"{t} {c:,}" for t, c in n["counts"].items())
                  + f"; build target < {TARGETS['national_build_s']:.0f} s (see Build)", "",
                  "| query | runs | rows (median) | p50 ms | p95 ms | CPU p95 ms | target p95 | |",
                  "|---|---:|---:|---:|---:|---:|---:|---|"]
        for name in ("national_values_for_place", "national_values_for_indicator"):
            r = n[name]
            lines.append(f"| {name} | {r['runs']} | {r['rows_median']:,.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
                         f"{r['cpu_p95_ms']:.1f} | < {r['target_ms']:.0f} ms | {_ok(r['met'])} |")
        lines.append("")
    for label, key in (("real DB", "queries_real"), ("scale DB", "queries_scale")):
        q = report.get(key)
        if not q:
            continue
        lines += [f"**Queries** ({label}; target p95 < {TARGETS['query_p95_ms']:.0f} ms wall)", "",
                  "| query | params | rows | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms | |",
                  "|---|---|---:|---:|---:|---:|---:|---|"]
        for name, r in q.items():
            if "p95_ms" in r:
                params = ", ".join(f"{k}={val}" for k, val in r["params"].items())
                lines.append(f"| {name} | {params} | {r['rows']:,} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
                             f"{r['cpu_p50_ms']:.1f} | {r['cpu_p95_ms']:.1f} | {_ok(r['met'])} |")
            else:
                lines.append(f"| {name} | | | | | | | {r.get('skipped') or r.get('error')} |")
        lines.append("")
    real, scale = report.get("pages_real") or {}, report.get("pages_scale") or {}
    if real.get("pages"):
        body_ratio = report.get("body_ratio") or float("nan")
        rf, sf = real["floor"], scale.get("floor") or {}
        lines += ["**Pages** (AppTest through app.py's navigation, warm cache, server-side run of the script; "
                  "× empty = ratio to an empty page run through the same shell, interleaved with the page's runs; "
                  f"targets ≤ {TARGETS['page_ratio']:.0f}× real, ≤ {TARGETS['scale_page_ratio']:.0f}× at scale, "
                  f"growth scale/real below the body ratio {body_ratio:.1f}×)", "",
                  "| page | real ms | CPU ms | × empty | | scale ms | CPU ms | × empty | | scale/real | |",
                  "|---|---:|---:|---:|---|---:|---:|---:|---|---:|---|"]

        def floor_cell(f, key, cpu_key):
            return (f"{f[key] * 1000:.0f} | {f[cpu_key] * 1000:.0f} | 1.00 | "
                    if f.get(key) is not None else " | | | ")
        lines.append("| (empty page in shell) | " + floor_cell(rf, "empty_page_in_shell_s", "empty_page_in_shell_cpu_s")
                     + "| " + floor_cell(sf, "empty_page_in_shell_s", "empty_page_in_shell_cpu_s") + "| | |")
        lines.append("| (bare one-line script) | " + floor_cell(rf, "bare_script_s", "bare_script_cpu_s").replace("1.00", "")
                     + "| " + floor_cell(sf, "bare_script_s", "bare_script_cpu_s").replace("1.00", "") + "| | |")
        for name, r in real["pages"].items():
            s = (scale.get("pages") or {}).get(name, {})
            if "median_s" not in r:
                lines.append(f"| {name} | error: {r.get('error', '')[:120]} | | | | | | | | | |")
                continue
            growth = s["median_s"] / r["median_s"] if "median_s" in s else None
            lines.append(
                f"| {name} | {r['median_s'] * 1000:.0f} | {r['cpu_median_s'] * 1000:.0f} | {r['ratio_to_empty']:.1f} | "
                f"{_ok(r['ratio_to_empty'] <= TARGETS['page_ratio'])} | "
                + (f"{s['median_s'] * 1000:.0f} | {s['cpu_median_s'] * 1000:.0f} | {s['ratio_to_empty']:.1f} | "
                   f"{_ok(s['ratio_to_empty'] <= TARGETS['scale_page_ratio'])} | {growth:.1f} | "
                   f"{_ok(growth < body_ratio)} |" if growth is not None else "| | | | | |"))
        problems = {f"{label} {n}": r.get("problems") for label, d in (("real", real), ("scale", scale))
                    for n, r in (d.get("pages") or {}).items() if r.get("problems")}
        if problems:
            lines += ["", "Problems shown by pages: " + "; ".join(f"{k}: {v}" for k, v in problems.items())]
        lines.append("")
    elif real.get("error"):
        lines += [f"**Pages**: FAILED: {real['error'][-300:]}", ""]
    br = report.get("browser") or {}
    if br.get("browser"):
        lines += [f"**Browser** (headless Chromium, seconds from navigation; median of {report['runs']} after one "
                  f"warm-up visit; target first chart/map/table < {TARGETS['browser_s']:.0f} s). Cold = a fresh "
                  "browser profile per visit (Streamlit's JavaScript fetched and compiled again); warm = the browser "
                  "cache kept, as on a second visit (still a new page load and a new session). The first rows are "
                  "Streamlit apps that only draw one small table or one small chart: the floors on this machine; "
                  "then the 推移 tab's own grid drawn alone in such an app (its − floor is the chart's share of the "
                  "推移 view's distance, the rest is the page around it). "
                  "− floor: each cold visit of a page right after a cold visit of the one-chart floor, the median "
                  "of the pairs' differences (the target: within 1 s).", "",
                  "| page | cold: first result | − floor (paired) | cold: script done | | warm: first result | "
                  "warm: script done | | problems |", "|---|---:|---:|---:|---|---:|---:|---|---|"]
        for name, r in br["browser"].items():
            paired = r.get("minus_floor_paired_s")
            lines.append(f"| {name} | {_f(r['first_result_s'])} | "
                         f"{'' if paired is None else f'{paired:+.2f}'} | {_f(r['idle_s'])} | {_ok(r['met'])} | "
                         f"{_f(r.get('warm_first_result_s'))} | {_f(r.get('warm_idle_s'))} | "
                         f"{_ok(r.get('warm_met'))} | {'; '.join(r['problems'])} |")
        mem = br["memory"]["after_every_page_kib"]
        scale_mem = (report.get("scale_memory") or {}).get("after_every_page_kib")
        lines += ["", f"**Memory**: streamlit server peak RSS (VmHWM) after visiting every page: "
                  f"{mem['VmHWM'] / 1024:.0f} MiB real DB (current {mem['VmRSS'] / 1024:.0f} MiB)"
                  + (f"; {scale_mem['VmHWM'] / 1024:.0f} MiB with the scale DB" if scale_mem else ""), ""]
    elif br.get("skipped"):
        lines += [f"**Browser / memory / load**: skipped ({br['skipped']})", ""]
    ld = br.get("load")
    if ld:
        lines += [f"**Load**: {ld['sessions']} concurrent browser sessions × {ld['interactions_per_session']} "
                  f"interactions (page links with filters, sidebar page switches, profile/peer comparisons; one new "
                  f"session every {ld.get('ramp_s', 0):g} s) against "
                  f"one server: {ld['interactions_done']}/{ld['interactions_planned']} done, "
                  f"{len(ld['errors'])} errors, p50 {_f(ld['p50_s'])} s, p95 {_f(ld['p95_s'])} s, "
                  f"max {_f(ld['max_s'])} s, wall {ld['wall_s']:.0f} s; server peak RSS "
                  f"{ld['server_rss_kib']['VmHWM'] / 1024:.0f} MiB", ""]
        if ld.get("machine_busy_cpu_s"):
            lines += [f"CPU during the load: the streamlit server used {ld['server_cpu_s']:.0f} s of the "
                      f"{ld['machine_busy_cpu_s']:.0f} busy CPU-seconds of all {ld['cores']} cores "
                      f"({100 * ld['server_cpu_s'] / ld['machine_busy_cpu_s']:.0f} %); the rest went to the "
                      f"{ld['sessions']} headless browser sessions driving it.", ""]
        if ld["errors"]:
            lines += ["Load errors (first 5): " + " | ".join(ld["errors"][:5]), ""]
    logged = sorted(set((br.get("browser_log_tracebacks") or []) + ((ld or {}).get("server_log_tracebacks") or [])))
    if logged:
        lines += ["Errors the server logged (caught by Streamlit, not shown as exceptions): "
                  + " | ".join(logged[:5]), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per page / build / browser visit")
    parser.add_argument("--query-runs", type=int, default=50)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--interactions", type=int, default=10)
    parser.add_argument("--skip", default="", help="comma-separated: build,national,queries,pages,scale,browser")
    parser.add_argument("--pages-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.pages_worker:
        print("PAGES-JSON:" + json.dumps(measure_pages_here(args.runs), ensure_ascii=False), flush=True)
        return 0
    skip = set(filter(None, args.skip.split(",")))
    if not REAL_DB.exists():
        print(f"{REAL_DB} is missing: run `make data` first", file=sys.stderr)
        return 2
    RESULTS.mkdir(exist_ok=True)
    report = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine_info(),
              "runs": args.runs, "query_runs": args.query_runs, "targets": TARGETS}

    def step(name):
        print(f"[bench] {name} …", file=sys.stderr, flush=True)

    if "build" not in skip:
        step("build")
        report["build"] = bench_build(args.runs)
    if "national" not in skip:
        step("national")
        report["national"] = bench_national(REAL_DB, max(args.query_runs, 50))
    if "queries" not in skip:
        step("queries (real)")
        report["queries_real"] = bench_queries(REAL_DB, args.query_runs)
    if "pages" not in skip:
        step("pages (real)")
        report["pages_real"] = bench_pages(REAL_DB, args.runs)
    if "scale" not in skip:
        from tests.bench.synthetic import build_synthetic_db

        step("scale database")
        report["scale_counts"] = build_synthetic_db(SCALE_DB, REAL_DB)
        import duckdb

        with duckdb.connect(str(REAL_DB), read_only=True) as con:
            real_bodies = con.execute("SELECT count(*) FROM municipalities").fetchone()[0]
        report["body_ratio"] = report["scale_counts"]["municipalities"] / real_bodies
        if "queries" not in skip:
            step("queries (scale)")
            report["queries_scale"] = bench_queries(SCALE_DB, args.query_runs)
        if "pages" not in skip:
            step("pages (scale)")
            report["pages_scale"] = bench_pages(SCALE_DB, args.runs)
    if "browser" not in skip and "scale" not in skip:
        step("memory (scale)")
        report["scale_memory"] = bench_scale_memory(SCALE_DB)
    if "browser" not in skip:
        step("browser, memory, load")
        report["browser"] = bench_browser_memory_load(REAL_DB, args.runs, args.sessions, args.interactions)
    report["load_average_at_end"] = os.getloadavg()
    table = markdown(report)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"bench-{stamp}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str))
    (RESULTS / f"bench-{stamp}.md").write_text(table + "\n", encoding="utf-8")
    (RESULTS / "latest.md").write_text(table + "\n", encoding="utf-8")
    (RESULTS / "latest.json").write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str))
    print(table)
    print(f"\n(written to {RESULTS / f'bench-{stamp}.json'} and .md)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
