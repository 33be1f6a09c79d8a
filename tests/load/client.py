"""A Streamlit client without a browser: one user session spoken over Streamlit's own websocket protocol.

What the browser does, reduced to what costs the server work:

1. ``GET /<page>?<query>`` (the HTML shell; behind the load balancer this is where the sticky cookie is set),
2. open ``ws://…/_stcore/stream`` with the subprotocol ``streamlit`` (and the cookie),
3. send a ``BackMsg`` ``rerun_script`` carrying the page's query string and ``page_name`` (its URL path), as the
   frontend's first message; the server answers with ``new_session``, ``navigation`` (the hash of the page that
   ran), deltas and ``script_finished``,
4. on a widget change, send ``rerun_script`` again with the widget's new value in ``widget_states`` (the widget id read
   from the deltas), the current query string (the app rewrites it, ``page_info_changed``) and the page's script hash
   from ``navigation``,
5. list the hashes of the cacheable messages it holds (``cached_message_hashes``), so the server sends references
   instead of repeating large charts, as it does for the browser.

A run is timed from sending the BackMsg to receiving ``script_finished``. A run fails when the server sends an
exception element, the page is not found, the script does not compile, or no ``script_finished`` comes in time.

Widget states: only the widgets this client changed are sent (cumulatively); the server keeps the others' values
from the previous run, as it does for a browser's unchanged widgets. No Streamlit import here (only its generated
protobuf modules), so the module works under Locust's gevent as well as in plain threads.
"""
from __future__ import annotations

import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import websocket  # websocket-client
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = ForwardMsg.ScriptFinishedStatus
DONE = {FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
# the response header the load balancer adds with the replica that served the request (machikurabe.serve)
REPLICA_HEADER = "X-Machikurabe-Replica"


class RunFailed(Exception):
    """A script run that ended in an error, an exception element, a missing page or a timeout."""


@dataclass
class Widget:
    id: str
    kind: str  # element type: selectbox, radio, slider, …
    label: str
    options: list[str] = field(default_factory=list)


@dataclass
class RunResult:
    seconds: float
    messages: int
    bytes: int


def widget_key(widget_id: str) -> str | None:
    """The user key inside a Streamlit widget id (``$$ID-<hash>-<key>``), or None for a keyless widget."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[2] != "None" else None


class Session:
    """One browser-less user session. Not thread-safe: one session per thread or greenlet."""

    def __init__(self, base_url: str, timeout: float = 60.0, timezone: str = "Asia/Tokyo", locale: str = "ja-JP"):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.timezone = timezone
        self.locale = locale
        self.ws: websocket.WebSocket | None = None
        self.cookies: dict[str, str] = {}
        self.replica: str | None = None  # from the load balancer's header, when there is one
        self.session_id: str | None = None
        self.page_name = ""
        self.page_script_hash = ""
        self.query_string = ""
        self.widgets: dict[str, Widget] = {}  # by id, from the deltas of this page load's runs
        self.widget_states: dict[str, tuple[str, object]] = {}  # what this client changed: id → (value field, value)
        self.cached_hashes: set[str] = set()
        self.errors: list[str] = []

    # --- connection ----------------------------------------------------------------------------------------
    def _get_page(self, page: str, query: str) -> None:
        url = f"{self.base_url}/{page}" + (f"?{query}" if query else "")
        request = urllib.request.Request(url, headers=self._cookie_header())
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            response.read()
            self.replica = response.headers.get(REPLICA_HEADER) or self.replica
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value

    def _cookie_header(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}

    def connect(self) -> None:
        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        header = [f"{k}: {v}" for k, v in self._cookie_header().items()]
        self.ws = websocket.create_connection(f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream",
                                              subprotocols=["streamlit"], header=header, timeout=self.timeout,
                                              enable_multithread=False)

    def close(self) -> None:
        if self.ws is not None:
            try:
                self.ws.close(timeout=1)
            except Exception:  # noqa: BLE001 - closing a dead socket
                pass
            self.ws = None

    # --- runs ----------------------------------------------------------------------------------------------
    def open(self, page: str, query: str = "") -> RunResult:
        """Load ``/<page>?<query>`` as a browser would: the HTML, the websocket, the first rerun_script."""
        self.close()
        self._get_page(page, query)
        self.connect()
        self.page_name, self.page_script_hash, self.query_string = page, "", query
        self.widgets, self.widget_states = {}, {}
        self.cached_hashes = set()  # a page load starts with the browser's message cache empty
        return self._run()

    def set_widget(self, widget: Widget, value: object) -> RunResult:
        """Change one widget the way the frontend reports it and wait for the rerun to finish."""
        if widget.kind in ("selectbox", "radio"):
            self.widget_states[widget.id] = ("string_value", str(value))
        elif widget.kind == "slider":
            self.widget_states[widget.id] = ("double_array_value", [float(value)])
        elif widget.kind == "multiselect":
            self.widget_states[widget.id] = ("string_array_value", [str(v) for v in value])
        elif widget.kind in ("checkbox", "expandable"):  # an expander that reruns reports open/closed
            self.widget_states[widget.id] = ("bool_value", bool(value))
        else:
            raise ValueError(f"no widget state for a {widget.kind}")
        return self._run()

    def widget(self, key: str) -> Widget:
        """The widget of the latest run whose user key is ``key`` (or starts with ``key__``, the language-suffixed
        keys of machikurabe.ui.state.choose)."""
        for w in self.widgets.values():
            k = widget_key(w.id)
            if k == key or (k or "").startswith(f"{key}__"):
                return w
        raise KeyError(f"no widget {key!r} on {self.page_name!r}; have {sorted(filter(None, map(widget_key, self.widgets)))}")

    def _back_msg(self) -> bytes:
        msg = BackMsg()
        rerun = msg.rerun_script
        rerun.query_string = self.query_string
        rerun.page_script_hash = self.page_script_hash
        rerun.page_name = self.page_name
        rerun.context_info.timezone = self.timezone
        rerun.context_info.timezone_offset = -540 if self.timezone == "Asia/Tokyo" else 0
        rerun.context_info.locale = self.locale
        rerun.context_info.url = f"{self.base_url}/{self.page_name}" + (f"?{self.query_string}" if self.query_string else "")
        rerun.cached_message_hashes.extend(sorted(self.cached_hashes))
        for wid, (kind, value) in self.widget_states.items():
            state = rerun.widget_states.widgets.add()
            state.id = wid
            if kind in ("double_array_value", "string_array_value"):
                getattr(state, kind).data.extend(value)
            else:
                setattr(state, kind, value)
        return msg.SerializeToString()

    def _run(self) -> RunResult:
        assert self.ws is not None, "open() first"
        start = time.perf_counter()
        self.ws.send_binary(self._back_msg())
        deadline = start + self.timeout
        count = size = 0
        widgets: dict[str, Widget] = {}
        failure = None
        while True:
            self.ws.settimeout(max(0.1, deadline - time.perf_counter()))
            try:
                data = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                raise RunFailed(f"no script_finished within {self.timeout:.0f}s") from None
            except (websocket.WebSocketException, OSError) as exc:
                raise RunFailed(f"connection lost: {exc!r}") from None
            if not data:
                raise RunFailed("connection closed by the server")
            count += 1
            size += len(data)
            fmsg = ForwardMsg()
            fmsg.ParseFromString(data)
            kind = fmsg.WhichOneof("type")
            if fmsg.metadata.cacheable and fmsg.hash:
                self.cached_hashes.add(fmsg.hash)
            if kind == "new_session":
                self.session_id = fmsg.new_session.initialize.session_id or self.session_id
            elif kind == "navigation":
                # the page that ran (st.navigation): the frontend sends its hash with every later rerun
                self.page_script_hash = fmsg.navigation.page_script_hash or self.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = fmsg.page_info_changed.query_string
            elif kind == "page_not_found":
                failure = failure or f"page not found: {fmsg.page_not_found.page_name!r}"
            elif kind == "delta" and fmsg.delta.WhichOneof("type") == "new_element":
                element = fmsg.delta.new_element
                etype = element.WhichOneof("type")
                if etype == "exception":
                    failure = failure or f"exception: {element.exception.type}: {element.exception.message[:200]}"
                elif etype:
                    body = getattr(element, etype)
                    wid = getattr(body, "id", "") if hasattr(body, "DESCRIPTOR") and "id" in body.DESCRIPTOR.fields_by_name else ""
                    if wid:
                        options = list(body.options) if "options" in body.DESCRIPTOR.fields_by_name else []
                        widgets[wid] = Widget(wid, etype, getattr(body, "label", ""), [str(o) for o in options])
            elif kind == "delta" and fmsg.delta.WhichOneof("type") == "add_block":
                block = fmsg.delta.add_block
                if block.WhichOneof("type") == "expandable" and block.expandable.id:
                    widgets[block.expandable.id] = Widget(block.expandable.id, "expandable", block.expandable.label, [])
            elif kind == "script_finished":
                status = fmsg.script_finished
                if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    failure = failure or "script did not compile"
                if status in DONE or status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    break
                # FINISHED_EARLY_FOR_RERUN: the app asked for another run (st.rerun); wait for that one
        elapsed = time.perf_counter() - start
        # the server does not resend an element that did not change since the last run (the frontend keeps it), so
        # the widgets of the page are those of this run over those of the earlier runs of the same page load
        self.widgets = {**self.widgets, **widgets}
        if failure:
            self.errors.append(failure)
            raise RunFailed(failure)
        return RunResult(elapsed, count, size)
