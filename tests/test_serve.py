"""Protocol-level load smoke test (Locust users speaking Streamlit's websocket protocol) and the HAProxy serve:
two replicas both used, sticky sessions, one replica killed mid-test. No timing is asserted: zero failed runs.

Ports 8665–8669 (this project's range for tests); everything on 127.0.0.1.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from machikurabe import serve
from tests.load import capacity
from tests.load.client import Session, widget_key

ROOT = Path(__file__).resolve().parent.parent


def test_haproxy_config_is_sticky_health_checked_and_passes_websockets():
    cfg = serve.haproxy_config([serve.Backend("r1", "127.0.0.1", 8502), serve.Backend("r2", "10.0.0.2", 8501)],
                               port=8501)
    assert "bind 127.0.0.1:8501" in cfg
    assert f"cookie {serve.COOKIE} insert indirect nocache" in cfg
    assert "option httpchk GET /_stcore/health" in cfg and "option redispatch" in cfg
    assert "timeout tunnel" in cfg  # an idle websocket stays open
    assert "server r1 127.0.0.1:8502 check" in cfg and "server r2 10.0.0.2:8501 check" in cfg
    assert "cookie r2" in cfg
    if serve.find_haproxy():  # and HAProxy itself accepts it
        import subprocess
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".cfg") as f:
            f.write(cfg)
            f.flush()
            assert subprocess.run([serve.find_haproxy(), "-c", "-q", "-f", f.name]).returncode == 0


def test_widget_key_reads_the_user_key_from_a_widget_id():
    assert widget_key("$$ID-0123abcd-np_k") == "np_k"
    assert widget_key("$$ID-0123abcd-np_group__ja") == "np_group__ja"
    assert widget_key("$$ID-0123abcd-None") is None


def test_locust_smoke_run_has_no_failed_run(real_db, tmp_path):
    """3 users for 12 s on /peers and /profile through one server: every run finishes without an error."""
    with capacity.single_server(8665, tmp_path, db=real_db) as (url, process):
        capacity.warm_up(url, ["05203"])
        raw = tmp_path / "smoke.jsonl"
        code = capacity.run_locust(url, users=3, seconds=12, raw=raw, think="0.2,0.8", seed=1, codes="05203",
                                   timeout=60)
    rows = [json.loads(line) for line in raw.read_text().splitlines()]
    failed = [r for r in rows if not r["ok"]]
    assert failed == [], failed[:3]
    assert code == 0, (tmp_path / "smoke.locust.txt").read_text()[-2000:]
    assert len(rows) >= 3
    assert any(r["action"] != "open" for r in rows), "no widget change was made"


@pytest.mark.skipif(serve.find_haproxy() is None, reason="haproxy is absent (Debian: apt-get install -y haproxy; "
                                                          ".ci/run installs it)")
def test_two_replicas_share_sessions_and_survive_one_dying(real_db, tmp_path):
    cluster = serve.Cluster(2, port=8666, first_port=8667, run_dir=tmp_path / "serve", db=real_db)
    with cluster:
        sessions = [Session(cluster.url, timeout=90) for _ in range(4)]
        for s in sessions:
            s.open("profile", "code=05203")
        # round robin without a cookie: both replicas hold sessions; each session keeps its cookie
        by_replica = {name: [s for s in sessions if s.replica == name] for name in ("r1", "r2")}
        assert all(by_replica.values()), {n: len(v) for n, v in by_replica.items()}
        assert all(s.cookies.get(serve.COOKIE) == s.replica for s in sessions)
        # sticky: a session's next page load goes back to its replica
        s0 = sessions[0]
        first = s0.replica
        s0.open("peers", "code=05203")
        assert s0.replica == first
        # kill r1 while its sessions are idle; r2's sessions keep working, in parallel
        cluster.kill("r1")
        survivors = by_replica["r2"]
        errors = []

        def rerun(s):
            try:
                w = s.widget("pf_trend") if s.page_name == "profile" else s.widget("np_k")
                s.set_widget(w, w.options[1] if w.options else 7)
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(repr(exc))
        threads = [threading.Thread(target=rerun, args=(s,)) for s in survivors]
        for th in threads:
            th.start()
        for th in threads:
            th.join(120)
        assert errors == []
        # r1's sessions reload (their cookie names the dead replica): redispatched to r2, and stay there
        for s in by_replica["r1"]:
            s.open("profile", "code=05203")
            assert s.replica == "r2"
        # new sessions all go to the live replica
        fresh = [Session(cluster.url, timeout=90) for _ in range(2)]
        for s in fresh:
            s.open("profile", "code=01100")
            assert s.replica == "r2"
        for s in sessions + fresh:
            s.close()
    assert "GET /_stcore/stream" in (tmp_path / "serve" / "haproxy.log").read_text()
