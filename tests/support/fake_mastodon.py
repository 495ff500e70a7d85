"""A Mastodon (or Pixelfed) server over real HTTP on 127.0.0.1, for Mastodon.py to talk to.

The endpoints behave as documented and as the servers' code does (fake_mastodon_api.py);
this module is the machinery: a routes table (add more with `route`), every request
recorded, faults injected per endpoint (`fail`, `rate_limit`, `drop`, also after the server
has done the work), and the person's side: `browser` approves or refuses on the
authorization page, `issue_token` makes a token as on the server's Development page.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests

from tests.support import fake_mastodon_api as api
from tests.support import fake_mastodon_scheduled as scheduling


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    @property
    def form(self) -> dict[str, str]:
        if "json" in self.headers.get("Content-Type", ""):
            return {k: str(v) for k, v in json.loads(self.body or b"{}").items()}
        return dict(parse_qsl(self.body.decode("utf-8", "replace")))

    @property
    def token(self) -> str:
        auth = self.headers.get("Authorization", "")
        return auth[7:] if auth.startswith("Bearer ") else ""


@dataclass
class Answer:
    status: int = 200
    body: Any = None  # dict/list → JSON, str → HTML, bytes as they are (set Content-Type)
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Fault:
    method: str
    path: re.Pattern[str]
    times: int
    answer: Answer | None = None  # answered instead of the real thing
    drop: str = ""  # "before": no work done; "after": work done, answer lost


Handler = Callable[["FakeMastodon", Recorded, re.Match[str]], Answer]


@dataclass
class FakeMastodon:
    flavour: str = "mastodon"  # or "pixelfed", or "gotosocial" (fake_mastodon_api says how)
    version: str = ""  # default per flavour, see __post_init__
    pkce: bool = True  # announces S256 at /.well-known/oauth-authorization-server (4.3+)
    loopback_redirects: bool = True  # accepts http://127.0.0.1:PORT/… as redirect URI
    domain: str = "social.example"  # LOCAL_DOMAIN: the @user@domain part of handles
    limits: dict[str, Any] = field(default_factory=dict)  # overrides of api.DEFAULT_LIMITS
    username: str = "omroep"
    display_name: str = "Omroep Zuid"
    requests: list[Recorded] = field(default_factory=list)
    apps: dict[str, dict[str, Any]] = field(default_factory=dict)
    grants: dict[str, dict[str, Any]] = field(default_factory=dict)
    tokens: dict[str, dict[str, Any]] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    routes: list[tuple[str, re.Pattern[str], Handler]] = field(default_factory=list)
    # What was published, oldest first (with `text`, the status as typed), for assertions.
    statuses: list[dict[str, Any]] = field(default_factory=list)
    media: dict[str, dict[str, Any]] = field(default_factory=dict)
    # (token, Idempotency-Key) → (status id, when): what a repeat within the hour gets
    idempotency: dict[tuple[str, str], tuple[str, float]] = field(default_factory=dict)
    clock: Callable[[], float] = time.time  # the server's: move it with advance()
    # Statuses held until their `scheduled_at` (fake_mastodon_scheduled.py), oldest first;
    # every id ever given (ids are not reused); ids whose publication fails when due.
    scheduled: list[dict[str, Any]] = field(default_factory=list)
    scheduled_ids: list[str] = field(default_factory=list)
    refuse_when_due: set[str] = field(default_factory=set)
    # called with each status just created, before it is answered (inside the server's lock):
    # a test's moment to take the server down between a thread's parts
    on_created: Callable[[dict[str, Any]], None] | None = None
    _last_id: int = 110_000_000_000_000_000

    def __post_init__(self) -> None:
        pixelfed = self.flavour == "pixelfed"
        self.version = self.version or api.DEFAULT_VERSIONS[self.flavour]
        self.pkce = self.pkce and not pixelfed  # Pixelfed publishes no OAuth metadata
        self.limits = api.DEFAULT_LIMITS[self.flavour] | self.limits
        self._lock = threading.Lock()
        for method, pattern, handler in api.ROUTES:
            self.route(method, pattern)(handler)

    # -- the server ---------------------------------------------------------------------

    def route(self, method: str, pattern: str) -> Callable[[Handler], Handler]:
        def add(handler: Handler) -> Handler:
            self.routes.insert(0, (method, re.compile(pattern), handler))  # newest wins
            return handler

        return add

    def start(self, port: int = 0) -> FakeMastodon:
        self.server = ThreadingHTTPServer(("127.0.0.1", port), _handler_class(self))
        self.server.daemon_threads = True
        serve = self.server.serve_forever
        threading.Thread(target=serve, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def restart(self) -> None:
        """Down and up again on the same port, keeping everything it holds (as a server
        restarted by its admin): connections in between are refused."""
        port = self.server.server_address[1]
        self.stop()
        self.start(port)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def advance(self, seconds: float) -> None:
        """Move the server's clock on by `seconds`: the held statuses whose time has come
        are published (as the server's scheduler does, without anyone asking)."""
        before = self.clock
        self.clock = lambda: before() + seconds
        with self._lock:
            scheduling.publish_due(self)

    def dispatch(self, request: Recorded) -> tuple[Answer | None, str]:
        """(answer, drop) for one request; the lock keeps the state consistent."""
        with self._lock:
            scheduling.publish_due(self)
            self.requests.append(request)
            fault = next((f for f in self.faults if self._hits(f, request)), None)
            if fault:
                fault.times -= 1
                if fault.answer or fault.drop == "before":
                    return fault.answer, fault.drop
            for method, pattern, handler in self.routes:
                match = pattern.fullmatch(request.path)
                if match and method == request.method:
                    return handler(self, request, match), fault.drop if fault else ""
            return Answer(404, api.NOT_FOUND_PAGE), ""

    @staticmethod
    def _hits(fault: Fault, request: Recorded) -> bool:
        return (
            fault.times > 0
            and fault.method == request.method
            and bool(fault.path.fullmatch(request.path))
        )

    def next_id(self) -> int:
        self._last_id += 1
        return self._last_id

    @staticmethod
    def timestamp(when: float) -> str:
        moment = datetime.fromtimestamp(when, UTC).isoformat(timespec="milliseconds")
        return moment.replace("+00:00", "Z")

    def status(self, status_id: str) -> dict[str, Any] | None:
        return next((s for s in self.statuses if s["id"] == status_id), None)

    # -- fault injection ----------------------------------------------------------------

    def fail(self, method: str, path: str, status: int, body: Any = None, times: int = 1) -> None:
        body = body if body is not None else {"error": f"Injected {status}"}
        self.faults.append(Fault(method, re.compile(path), times, Answer(status, body)))

    def rate_limit(self, method: str, path: str, reset_in: float = 30, times: int = 1) -> None:
        reset = (datetime.now(UTC) + timedelta(seconds=reset_in)).isoformat(timespec="milliseconds")
        headers = {
            "X-RateLimit-Limit": "300",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": reset.replace("+00:00", "Z"),
        }
        answer = Answer(429, {"error": "Too many requests"}, headers)
        self.faults.append(Fault(method, re.compile(path), times, answer))

    def drop(self, method: str, path: str, *, after: bool = False, times: int = 1) -> None:
        """Close the connection without an answer; with `after`, once the work is done."""
        self.faults.append(
            Fault(method, re.compile(path), times, drop="after" if after else "before")
        )

    # -- the person's side --------------------------------------------------------------

    def issue_token(self, scopes: str = "read write", state: str = "ok") -> str:
        """A token as made on the server's Development page (state: ok, expired, revoked)."""
        return api.new_token(self, scopes.split(), user=True, state=state)

    def expire(self, token: str) -> None:
        self.tokens[token]["state"] = "expired"

    def revoke(self, token: str) -> None:
        self.tokens[token]["state"] = "revoked"

    def browser(self, authorize_url: str, approve: bool = True) -> BrowserVisit:
        """Open the authorization page as the signed-in person and approve or refuse; follow
        the redirect to the app (the loopback listener) as a browser would."""
        page = requests.get(authorize_url, allow_redirects=False, timeout=10)
        if page.status_code != 200 or "consent" not in page.text:
            return BrowserVisit(page.status_code, page.headers.get("Location", ""), "", page.text)
        form = dict(parse_qsl(urlsplit(authorize_url).query))
        if not approve:
            form["_method"] = "delete"
        decided = requests.post(
            f"{self.base}/oauth/authorize", data=form, allow_redirects=False, timeout=10
        )
        location = decided.headers.get("Location", "")
        if decided.status_code == 302:
            landed = requests.get(location, timeout=10)
            return BrowserVisit(landed.status_code, location, "", landed.text)
        code = re.search(r"class='oauth-code'[^>]*value='([^']+)'", decided.text)
        return BrowserVisit(decided.status_code, "", code.group(1) if code else "", decided.text)


@dataclass
class BrowserVisit:
    status: int
    location: str  # where the server sent the browser (redirect flow)
    code: str  # the code shown on the page (out-of-band flow)
    page: str


def _handler_class(fake: FakeMastodon) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            request = Recorded(
                self.command,
                parts.path,
                dict(parse_qsl(parts.query)),
                dict(self.headers.items()),
                self.rfile.read(length) if length else b"",
            )
            answer, drop = fake.dispatch(request)
            if drop:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            assert answer is not None
            if isinstance(answer.body, bytes):
                data, kind = answer.body, "application/octet-stream"
            elif isinstance(answer.body, str):
                data, kind = answer.body.encode(), "text/html; charset=utf-8"
            else:
                data, kind = json.dumps(answer.body).encode(), "application/json; charset=utf-8"
            self.send_response(answer.status)
            for key, value in {"Content-Type": kind, **answer.headers}.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _any

        def log_message(self, *_args: object) -> None:
            pass

    return Handler
