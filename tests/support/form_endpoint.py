"""A Formspree-like form endpoint on 127.0.0.1 that records every request.

Tests switch its answer with `set_mode`:

- "ok": 200 {"ok": true} to script posts; a native post is redirected (303)
  to its `_next`, as a hosted service does;
- "rejected": 400 with a Formspree-style `errors` list (one error tied to
  the email field, one not tied to a field);
- "rejected_plain": 400 with only {"error": ...};
- "rate_limited": 429;
- "server_error": 500 with an HTML body;
- "bad_json": 400 whose body is not JSON;
- "slow": answers only when released (mode change or `release()`), so a
  client's timeout fires first.

`closed()` shuts the listening socket for a while: a real closed port, then
reopens the same port. Every answer, preflight included, carries CORS
headers the way a hosted service sends them.
"""
from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MODES = ("ok", "rejected", "rejected_plain", "rate_limited", "server_error", "bad_json", "slow")
PATH = "/f/test"
# Field errors as Formspree sends them; the texts are the service's, not ours.
REJECTED_ERRORS = [
    {"code": "TYPE_EMAIL", "field": "email", "message": "should be an email"},
    {"code": "BLOCKED", "message": "Submission <b>blocked</b> by spam filter"},
]
SLOW_LIMIT = 60  # seconds a "slow" answer waits at most


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""
    fields: dict[str, str] = field(default_factory=dict)


class FormEndpoint:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.mode = "ok"
        self.port = 0
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._release = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- control ---------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{PATH}"

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown endpoint mode {mode!r}; use one of {MODES}")
        self.release()
        self.mode = mode

    def release(self) -> None:
        """Let every waiting "slow" answer go."""
        with self._lock:
            self._release.set()
            self._release = threading.Event()

    def reset(self) -> None:
        self.set_mode("ok")
        with self._lock:
            self.requests.clear()

    def posts(self) -> list[Recorded]:
        with self._lock:
            return self._posted()

    def start(self) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), make_endpoint_handler(self))
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.release()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @contextmanager
    def closed(self):
        """Nothing listens on the endpoint's port inside this block."""
        self.stop()
        try:
            yield
        finally:
            self.start()

    # --- used by the handler -------------------------------------------------

    def record(self, entry: Recorded) -> None:
        with self._lock:
            self.requests.append(entry)
            self._arrived.notify_all()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Recorded]:
        """Wait until `count` posts have arrived (woken by each arrival); return them."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: len(self._posted()) >= count, timeout):
                raise AssertionError(f"the endpoint got {len(self._posted())} posts, expected {count}")
            return self._posted()

    def _posted(self) -> list[Recorded]:
        """The posts so far; the caller holds the lock."""
        return [r for r in self.requests if r.method == "POST"]

    def release_event(self) -> threading.Event:
        with self._lock:
            return self._release


def make_endpoint_handler(endpoint: FormEndpoint):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output quiet
            pass

        def cors(self) -> None:
            origin = self.headers.get("Origin")
            self.send_header("Access-Control-Allow-Origin", origin or "*")
            self.send_header("Vary", "Origin")

        def answer(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.cors()
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (extra or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (its timeout), as the test wants

        def json(self, status: int, data) -> None:
            self.answer(status, json.dumps(data).encode(), "application/json")

        def do_OPTIONS(self):
            endpoint.record(Recorded("OPTIONS", self.path, dict(self.headers)))
            self.send_response(204)
            self.cors()
            self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type, X-Requested-With")
            self.send_header("Access-Control-Max-Age", "600")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self):
            self.answer(405, b"POST only", "text/plain; charset=utf-8", {"Allow": "POST, OPTIONS"})

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            fields = {}
            if self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
                parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
                fields = {name: values[-1] for name, values in parsed.items()}
            endpoint.record(Recorded("POST", self.path, dict(self.headers), body, fields))
            wants_json = "application/json" in self.headers.get("Accept", "")
            mode = endpoint.mode
            if urlsplit(self.path).path != PATH:
                return self.json(404, {"error": "Form not found"})
            if mode == "slow":
                endpoint.release_event().wait(SLOW_LIMIT)
                return self.json(200, {"ok": True})
            if mode == "ok":
                if not wants_json and fields.get("_next"):
                    return self.answer(303, b"", "text/plain", {"Location": fields["_next"]})
                return self.json(200, {"ok": True})
            if mode == "rejected":
                return self.json(400, {"error": "Validation errors", "errors": REJECTED_ERRORS})
            if mode == "rejected_plain":
                return self.json(400, {"error": "This form is <i>disabled</i>"})
            if mode == "rate_limited":
                return self.json(429, {"error": "Too many requests"})
            if mode == "server_error":
                return self.answer(500, b"<html><body>Internal Server Error</body></html>", "text/html")
            if mode == "bad_json":
                return self.answer(400, b"<html>not json", "application/json")
            raise AssertionError(mode)

    return Handler


@contextmanager
def serve_form_endpoint():
    """Yield a running FormEndpoint on a port fixed for its whole life."""
    endpoint = FormEndpoint()
    endpoint.start()
    try:
        yield endpoint
    finally:
        endpoint.stop()


