"""Locust users that speak Streamlit's websocket protocol (tests/load/client.py): no browser.

Each user visits 比較 (/peers) or the profile (/profile) of a place, then changes widgets one at a time, thinking
between steps, and starts over:

* /peers?code=…: k (slider np_k), the indicators shown (box np_indicators_box opened, then multiselect np_show), the
  group kind (radio np_group) and back to nearest neighbours;
* /profile?code=…: the trend indicator (selectbox pf_trend), the topic of the benchmark table (pf_topic), the trend
  indicator again.

Each step is one Locust request named "<page> <action>", timed from the BackMsg to ``script_finished``; a failed run
(exception element, lost connection, timeout) is a Locust failure. Every run is also written as one JSON line to
$LOAD_RAW (when set), which tests/load/capacity.py reads for exact per-page percentiles.

Settings (environment): LOAD_THINK="min,max" seconds between steps (default 5,15), LOAD_CODES (comma-separated
municipality codes, default 05203 and nine others), LOAD_PAGES="peers:1,profile:1" (weights), LOAD_TIMEOUT (s a run
may take, default 60), LOAD_SEED. Only ever run against 127.0.0.1 (tests/load/capacity.py and `make load` do so).

    python -m locust -f tests/load/locustfile.py --headless -u 4 -r 2 -t 30s --host http://127.0.0.1:8651
"""
from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

from locust import User, events
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.load.client import RunFailed, Session  # noqa: E402

THINK = tuple(float(v) for v in os.environ.get("LOAD_THINK", "5,15").split(","))
CODES = os.environ.get("LOAD_CODES", "05203,01100,13101,15202,20202,26100,32203,38202,43100,47201").split(",")
PAGES = dict((p.split(":")[0], float(p.split(":")[1])) for p in os.environ.get("LOAD_PAGES", "peers:1,profile:1").split(","))
TIMEOUT = float(os.environ.get("LOAD_TIMEOUT", "60"))
RAW = os.environ.get("LOAD_RAW")
_raw_file = open(RAW, "a", buffering=1) if RAW else None  # noqa: SIM115 - one file for the whole run


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception=None, context=None, **_):
    if _raw_file is not None and request_type == "streamlit":
        page, action = name.split(" ", 1)
        _raw_file.write(json.dumps({"t": round(time.time(), 3), "page": page, "action": action,
                                    "ms": round(response_time, 1), "ok": exception is None,
                                    "replica": (context or {}).get("replica"),
                                    "error": str(exception) if exception else None}) + "\n")


class StreamlitUser(User):
    """One person on one browser tab: a page load, then widget changes with think time between them."""

    def on_start(self):
        if not self.host.startswith(("http://127.0.0.1", "http://localhost")):
            raise StopUser(f"load tests only run against 127.0.0.1, not {self.host}")
        self.rng = random.Random(int(os.environ.get("LOAD_SEED", "0")) * 1000 + id(self) % 1000)
        self.session = Session(self.host, timeout=TIMEOUT)

    def on_stop(self):
        self.session.close()

    def wait_time(self):
        return self.rng.uniform(*THINK)

    def _step(self, page: str, action: str, call) -> bool:
        start = time.perf_counter()
        exception, length = None, 0
        try:
            length = call().bytes
        except (RunFailed, KeyError, OSError) as exc:
            exception = exc
        self.environment.events.request.fire(
            request_type="streamlit", name=f"{page} {action}", response_time=(time.perf_counter() - start) * 1000,
            response_length=length, exception=exception, context={"replica": self.session.replica})
        return exception is None

    def _widget_step(self, page: str, action: str, key: str, choose) -> bool:
        """Change widget ``key`` to choose(widget); a widget the page does not show is a failed step."""
        def call():
            widget = self.session.widget(key)
            return self.session.set_widget(widget, choose(widget))
        ok = self._step(page, action, call)
        self.wait()
        return ok

    def _visit(self, page: str, steps) -> None:
        code = self.rng.choice(CODES)
        if not self._step(page, "open", lambda: self.session.open(page, f"code={code}")):
            self.session.close()
            return
        self.wait()
        for action, key, choose in steps:
            if not self._widget_step(page, action, key, choose):
                self.session.close()
                return

    def peers(self):
        rng = self.rng
        other = lambda w: rng.choice([o for o in w.options[1:3]])  # noqa: E731 - 類似団体区分 or same prefecture
        self._visit("peers", [
            ("k", "np_k", lambda w: rng.randint(5, 50)),
            ("open", "np_indicators_box", lambda w: True),  # the indicator picker is drawn once its box is open
            ("indicator", "np_show", lambda w: rng.sample(w.options, 6)),
            ("group", "np_group", other),
            ("group", "np_group", lambda w: w.options[0]),  # back to nearest neighbours
        ])

    def profile(self):
        rng = self.rng
        self._visit("profile", [
            ("indicator", "pf_trend", lambda w: rng.choice(w.options)),
            ("topic", "pf_topic", lambda w: rng.choice(w.options)),
            ("indicator", "pf_trend", lambda w: rng.choice(w.options)),
        ])

    # page weights from LOAD_PAGES; a page of weight 0 is not visited
    tasks = {fn: max(1, round(PAGES[name] * 10)) for name, fn in (("peers", peers), ("profile", profile))
             if PAGES.get(name, 0) > 0}
