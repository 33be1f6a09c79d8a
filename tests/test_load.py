"""Concurrent sessions against one local streamlit server (small version of the `make bench` load run), and the
load driver's own pieces (interaction plan, percentiles, reading tracebacks from the server log)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench import load

ROOT = Path(__file__).resolve().parent.parent
REAL_DB = ROOT / "data" / "municipal.duckdb"


def test_plan_mixes_links_and_sidebar_switches_over_every_page():
    paths = ["overview", "map", "profile", "programmes", "peers", "data_method"]
    plan = load.plan_interactions(paths, session=0, count=10)
    assert len(plan) == 10
    # every third interaction is a sidebar click (i = 2, 5, 8), the rest open links
    assert [kind for kind, _, _ in plan].count("click") == 3
    assert {path for _, path, _ in plan} == set(paths)
    assert plan == load.plan_interactions(paths, session=0, count=10)  # deterministic
    assert plan != load.plan_interactions(paths, session=1, count=10)  # sessions differ


def test_page_url_carries_the_representative_state_and_filters():
    assert load.page_url("http://127.0.0.1:1", "profile") == "http://127.0.0.1:1/profile?code=05203"
    assert load.page_url("http://127.0.0.1:1", "map", "kind=city") == "http://127.0.0.1:1/map?code=05203&kind=city"
    assert load.page_url("http://127.0.0.1:1", "overview") == "http://127.0.0.1:1/"
    assert load.page_url("http://127.0.0.1:1", "overview", "kind=city") == "http://127.0.0.1:1/?kind=city"


def test_percentile_interpolates_between_ranks():
    assert load.percentile([], 0.95) is None
    assert load.percentile([3.0], 0.95) == 3.0
    # 1..11: p50 is the 6th value; p95 sits at rank 9.5 -> between 10 and 11
    values = [float(v) for v in range(11, 0, -1)]
    assert load.percentile(values, 0.5) == 6.0
    assert load.percentile(values, 0.95) == pytest.approx(10.5)


def test_log_tracebacks_names_the_exception(tmp_path):
    log = tmp_path / "server.log"
    log.write_text("  You can now view your Streamlit app\n"
                   "2026-11-23 11:00:00.000 Uncaught app execution\n"
                   "Traceback (most recent call last):\n"
                   '  File "/x/app.py", line 3, in <module>\n'
                   "    1 / 0\n"
                   "ZeroDivisionError: division by zero\n"
                   "2026-11-23 11:00:01.000 next line\n", encoding="utf-8")
    assert load.log_tracebacks(log) == ["ZeroDivisionError: division by zero"]


@pytest.mark.browser
@pytest.mark.skipif(not Path(load.CHROMIUM).exists(),
                    reason=f"{load.CHROMIUM} is absent (install Debian's chromium to run the load test)")
def test_three_concurrent_sessions_without_errors(fixture_db):
    db_path = REAL_DB if REAL_DB.exists() else fixture_db
    with load.streamlit_server(db_path, log_name="test-load") as (url, process, log_path):
        assert url.startswith("http://127.0.0.1:")
        result = load.run_load(url, sessions=3, interactions=4, action_timeout_s=90, hard_timeout_s=300)
        rss = load.peak_rss_kib(process.pid)
    assert result["errors"] == []
    assert result["interactions_done"] == result["interactions_planned"] == 12
    # interaction 3 of each session switches page in the sidebar (same session, a rerun), not by a new link
    assert result["sidebar_switches_done"] == 3
    assert len(result["pages"]) >= 4  # overview, map, profile, programmes, data … as declared in app.py
    assert 0 < result["p50_s"] <= result["p95_s"] <= result["max_s"]
    assert rss["VmHWM"] >= rss["VmRSS"] > 0
    print(f"\n3 sessions × 4 interactions: p50 {result['p50_s']:.2f} s, p95 {result['p95_s']:.2f} s, "
          f"server peak RSS {rss['VmHWM'] / 1024:.0f} MiB")
