"""Capacity at the protocol level: Locust users speaking Streamlit's websocket protocol (tests/load/locustfile.py),
stepped up in users against one app server and against HAProxy with 1 and 2 replicas (machikurabe.serve), with a
table of runs per second and p50/p95 run time per page and step. `make load` runs it; only ever against 127.0.0.1.

    python -m tests.load.capacity --targets direct --users 1,2,4,8 --seconds 30
    python -m tests.load.capacity --targets direct,lb1,lb2 --users 1,2,4,8,16 --seconds 45   # docs/deployment.md

Bounded: at most --max-users users (64) and --seconds per step (at most 300); each step is its own Locust run.
"Holds" = the largest step whose p95 run time (page load and widget changes together) is under --p95-limit (1 s).
The raw runs (one JSON line each) and the table go to bench-results/load-<time>/.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from machikurabe.serve import HEALTH, Cluster, wait_healthy
from tests.bench.load import percentile  # the bench's one interpolated percentile
from tests.load.client import RunFailed, Session

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
PAGES = ("peers", "profile")
LABEL = {"peers": "比較 /peers", "profile": "プロフィール /profile"}
MAX_USERS, MAX_SECONDS = 64, 300


def rss_mib(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a live process, MiB."""
    out = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(("VmHWM:", "VmRSS:")):
                name, value = line.split(":", 1)
                out[name] = int(value.split()[0]) / 1024
    return out.get("VmRSS", 0.0), out.get("VmHWM", 0.0)


@contextlib.contextmanager
def single_server(port: int, run_dir: Path, db: str | None = None):
    """One `streamlit run app.py` on 127.0.0.1:port; yields (url, process)."""
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false", PYTHONUNBUFFERED="1")
    if db:
        env["MACHIKURABE_DB"] = str(db)
    run_dir.mkdir(parents=True, exist_ok=True)
    with open(run_dir / f"direct-{port}.log", "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.address", HOST,
             "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
             "--server.runOnSave", "false"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_healthy(f"http://{HOST}:{port}{HEALTH}", 120, process)
            yield f"http://{HOST}:{port}", process
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def warm_up(url: str, codes: list[str]) -> None:
    """Open every page for every place once on this server (the app's shared caches), so steps measure a warm app."""
    session = Session(url, timeout=120)
    try:
        for code in codes:
            for page in PAGES:
                with contextlib.suppress(RunFailed):
                    session.open(page, f"code={code}")
    finally:
        session.close()


def run_locust(url: str, users: int, seconds: int, raw: Path, think: str, seed: int, pages: str = "peers:1,profile:1",
               codes: str | None = None, timeout: float = 60) -> int:
    """One bounded headless Locust run; returns its exit code (1 when a request failed)."""
    if not url.startswith(f"http://{HOST}:"):
        raise ValueError(f"load tests only run against {HOST}")
    users = min(users, MAX_USERS)
    seconds = min(seconds, MAX_SECONDS)
    env = dict(os.environ, LOAD_RAW=str(raw), LOAD_THINK=think, LOAD_SEED=str(seed), LOAD_PAGES=pages,
               LOAD_TIMEOUT=str(timeout))
    if codes:
        env["LOAD_CODES"] = codes
    spawn = max(1.0, users / 5)  # all users within ~5 s
    cmd = [sys.executable, "-m", "locust", "-f", str(ROOT / "tests/load/locustfile.py"), "--headless",
           "-u", str(users), "-r", str(spawn), "-t", f"{seconds}s", "--host", url, "--only-summary",
           "--stop-timeout", str(int(timeout) + 5), "--loglevel", "WARNING"]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=seconds + timeout + 60)
    (raw.parent / f"{raw.stem}.locust.txt").write_text(done.stdout + done.stderr)
    return done.returncode


def summarise(raw: Path, seconds: float) -> dict:
    rows = [json.loads(line) for line in raw.read_text().splitlines() if line.strip()] if raw.exists() else []
    out = {}
    for page in PAGES:
        mine = [r for r in rows if r["page"] == page]
        ok = [r["ms"] / 1000 for r in mine if r["ok"]]
        changes = [r["ms"] / 1000 for r in mine if r["ok"] and r["action"] != "open"]
        out[page] = {"runs": len(mine), "failed": sum(not r["ok"] for r in mine), "runs_per_s": len(ok) / seconds,
                     "p50": percentile(ok, 0.5), "p95": percentile(ok, 0.95), "p95_changes": percentile(changes, 0.95),
                     "errors": sorted({r["error"] for r in mine if r["error"]})[:3]}
    out["replicas"] = sorted({r["replica"] for r in rows if r.get("replica")})
    return out


def _fmt(v: float | None) -> str:
    return "–" if v is None else f"{v:.2f}"


def table(results: list[dict], limit: float) -> str:
    lines = ["| target | users | page | runs/s | p50 s | p95 s | p95 widget changes s | runs | failed |",
             "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        for page in PAGES:
            s = r["pages"][page]
            lines.append(f"| {r['target']} | {r['users']} | {LABEL[page]} | {s['runs_per_s']:.2f} | {_fmt(s['p50'])} | "
                         f"{_fmt(s['p95'])} | {_fmt(s['p95_changes'])} | {s['runs']} | {s['failed']} |")
    lines += ["", f"| target | page | users held (p95 < {limit:g} s, no failed run) | memory per replica MiB (RSS / peak) |",
              "|---|---|---:|---|"]
    for target in dict.fromkeys(r["target"] for r in results):
        mine = [r for r in results if r["target"] == target]
        for page in PAGES:
            held = [r["users"] for r in mine if r["pages"][page]["p95"] is not None
                    and r["pages"][page]["p95"] < limit and r["pages"][page]["failed"] == 0]
            memory = ", ".join(f"{rss:.0f} / {peak:.0f}" for rss, peak in mine[-1].get("memory", []))
            lines.append(f"| {target} | {LABEL[page]} | {max(held) if held else 'none of the steps'} | {memory} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.load.capacity", description=__doc__.split("\n\n")[0])
    parser.add_argument("--targets", default="direct", help="comma-separated: direct, lb1, lb2 (HAProxy + replicas)")
    parser.add_argument("--users", default="1,2,4,8", help="comma-separated user steps")
    parser.add_argument("--seconds", type=int, default=30, help="length of each step")
    parser.add_argument("--think", default="2,8", help="min,max seconds a user thinks between steps")
    parser.add_argument("--p95-limit", type=float, default=1.0)
    parser.add_argument("--port", type=int, default=8651, help="first of the ports used (direct; LB = +1, replicas +2…)")
    parser.add_argument("--codes", default="05203,01100,13101,15202,20202,26100,32203,38202,43100,47201")
    parser.add_argument("--db", help="database file (default data/municipal.duckdb)")
    args = parser.parse_args(argv)
    steps = [min(int(u), MAX_USERS) for u in args.users.split(",")]
    codes = args.codes.split(",")
    out_dir = ROOT / "bench-results" / time.strftime("load-%Y%m%d-%H%M%S")
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for target in args.targets.split(","):
        if target == "direct":
            context = single_server(args.port, out_dir, args.db)
        elif target in ("lb1", "lb2"):
            cluster = Cluster(int(target[-1]), port=args.port + 1, first_port=args.port + 2, run_dir=out_dir / target,
                              db=args.db)
            context = cluster
        else:
            raise SystemExit(f"unknown target {target!r}")
        with context as started:
            if target == "direct":
                url, process = started
                pids = [process.pid]
                warm_up(url, codes)
            else:
                url, pids = cluster.url, [p.pid for p in cluster.replicas.values()]
                for b in cluster.backends:
                    warm_up(f"http://{b.host}:{b.port}", codes)
            for i, users in enumerate(steps):
                raw = out_dir / f"{target}-{users}u.jsonl"
                code = run_locust(url, users, args.seconds, raw, args.think, seed=i, codes=args.codes)
                result = {"target": target, "users": users, "locust_exit": code,
                          "pages": summarise(raw, args.seconds), "memory": [rss_mib(pid) for pid in pids],
                          "load_average": os.getloadavg()[0]}
                results.append(result)
                p = result["pages"]
                print(f"{target} {users:>3} users: " + "; ".join(
                    f"{page} {p[page]['runs_per_s']:.2f} runs/s p50 {_fmt(p[page]['p50'])} p95 {_fmt(p[page]['p95'])}"
                    f" failed {p[page]['failed']}" for page in PAGES) + f"; load avg {result['load_average']:.1f}",
                    flush=True)
    text = table(results, args.p95_limit)
    (out_dir / "capacity.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    (out_dir / "capacity.md").write_text(text + "\n")
    print("\n" + text + f"\n\n(raw runs and Locust output in {out_dir.relative_to(ROOT)}/; think time {args.think} s, "
          f"steps of {args.seconds} s; load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
