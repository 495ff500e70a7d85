"""The one way Omroeper's destinations talk HTTP, so each rule is made once:

- deadlines that count for the whole request, not per read: net.TIMEOUT to connect and send
  it, then net.TIMEOUT for the whole answer (headers and body), as docs/webhook.md promises;
  a server that sends one byte a second is cut off;
- a maximum answer size, read as it streams in and cut off past it;
- no redirect on POST, PUT, PATCH or DELETE (a 307 would send the post elsewhere); on GET only
  to https, or to the same loopback host;
- every failure is a library exception that the existing readers (requests_failures.py,
  bluesky/failures.py) classify: the reason rides along as its cause (`Limit.code`).

`SafeSession` is the requests side: the website webhook and Discord use it directly, and
Mastodon.py through the session it accepts. `safe_httpx.SafeTransport` is the httpx side,
for the atproto client (apart, so httpx loads only with Bluesky). These errors carry
only a status or a limit, never a URL: nothing here can leak a token.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from composer.core import net

if TYPE_CHECKING:
    from composer.core.destinations.errors import Failure

MAX_ANSWER = 4_000_000  # bytes: JSON answers are a few KB; a page's head is read by its reader
MAX_REDIRECTS = 5
_CHUNK = 65_536
_FOLLOWED = frozenset({"GET", "HEAD"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})


# -- why a request was stopped: carried as the cause of the library's own exception ---------


class Limit(Exception):
    """A rule of this layer stopped the request; `code` is in errors.PUBLISH_CODES."""

    code: ClassVar[Failure]

    def __init__(self, **details: Any) -> None:
        super().__init__(self.code, details)
        self.details = details


class PastDeadline(Limit):
    code: ClassVar[Failure] = "timeout"


class TooLarge(Limit):
    code: ClassVar[Failure] = "answer_too_large"


class RedirectRefused(Limit):
    code: ClassVar[Failure] = "redirected"


def limit_details(error: BaseException) -> dict[str, Any]:
    """The numbers of the rule that stopped a request (`status`, `limit`), if one did."""
    from composer.core.destinations.errors import causes

    for cause in causes(error):
        if isinstance(cause, Limit):
            return dict(cause.details)
    return {}


def json_object(answer: requests.Response) -> dict[str, Any]:
    """The answer's body as a JSON object; {} for anything else (not JSON, a list, a number)."""
    try:
        found = answer.json()
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def redirect_allowed(method: str, source: str, target: str) -> bool:
    """Only a GET (or HEAD) follows, and only to https or to the same loopback host."""
    if method.upper() not in _FOLLOWED:
        return False
    to, came = urlsplit(target), urlsplit(source)
    if to.scheme == "https" and to.hostname:
        return True
    host = to.hostname or ""
    return to.scheme == "http" and net.is_loopback(host) and host == came.hostname


def _remaining(deadline: float) -> float:
    return deadline - time.monotonic()


# -- requests ------------------------------------------------------------------------------


class _Watch:
    """Shuts the sockets of one request down at its deadline: socket timeouts count per
    read, so without this a server sending a byte a second is never cut off.

    Two spans of `seconds` each: connecting and sending the request (socket.sendall has a
    total timeout too), then the whole answer, from the moment the request is sent: photos
    on a slow uplink do not eat the server's time to answer."""

    current = threading.local()

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.fired = False
        self._connections: list[HTTPConnection] = []
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    @contextlib.contextmanager
    def watching(self) -> Iterator[_Watch]:
        _Watch.current.watch = self
        self._start()
        try:
            yield self
        finally:
            with self._lock:
                if self._timer is not None:
                    self._timer.cancel()
            _Watch.current.watch = None

    @classmethod
    def note(cls, connection: HTTPConnection) -> None:
        watch = getattr(cls.current, "watch", None)
        if watch is not None:
            with watch._lock:
                watch._connections.append(connection)

    @classmethod
    def sent(cls) -> None:
        """The request is out: the answer gets the whole span from now."""
        watch = getattr(cls.current, "watch", None)
        if watch is not None and not watch.fired:
            watch._start()

    def _start(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self.deadline = time.monotonic() + self.seconds
            self._timer = threading.Timer(self.seconds, self._fire)
            self._timer.daemon = True
            self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for connection in self._connections:
                sock = getattr(connection, "sock", None)
                if sock is None:
                    continue
                with contextlib.suppress(OSError, AttributeError):
                    sock.shutdown(socket.SHUT_RDWR)


class _Watched:
    def connect(self) -> None:
        _Watch.note(self)  # type: ignore[arg-type]
        super().connect()  # type: ignore[misc]

    def request(self, *args: Any, **kwargs: Any) -> None:
        _Watch.note(self)  # type: ignore[arg-type]
        super().request(*args, **kwargs)  # type: ignore[misc]
        _Watch.sent()


class _HTTPConnection(_Watched, HTTPConnection):
    pass


class _HTTPSConnection(_Watched, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


_POOLS = {"http": _HTTPPool, "https": _HTTPSPool}


class _Adapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        if hasattr(manager, "pool_classes_by_scheme") and "socks" not in proxy.lower():
            manager.pool_classes_by_scheme = _POOLS
        return manager


class SafeSession(requests.Session):
    """A requests Session under this layer's rules. Every answer comes back read (at most
    `max_bytes`), so `.content`, `.text` and `.json()` work as usual."""

    def __init__(
        self, *, deadline: float | None = None, max_bytes: int = MAX_ANSWER, keep_head: bool = False
    ) -> None:
        """`keep_head`: an answer over `max_bytes` is cut there instead of refused (a web
        page whose <head> is all that is wanted)."""
        super().__init__()
        self.deadline = net.TIMEOUT if deadline is None else deadline
        self.max_bytes, self.keep_head = max_bytes, keep_head
        adapter = _Adapter()
        self.mount("http://", adapter)
        self.mount("https://", adapter)

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        method = method.decode() if isinstance(method, bytes) else method
        address = url.decode() if isinstance(url, bytes) else url
        kwargs.pop("allow_redirects", None)  # this layer's rule, whatever the caller asked
        kwargs.pop("stream", None)
        for _hop in range(MAX_REDIRECTS + 1):
            answer = self._one(method, address, args, kwargs)
            location = answer.headers.get("Location")
            if answer.status_code not in REDIRECTS or not location:
                return answer
            target = urljoin(answer.url or address, location.strip())
            if not redirect_allowed(method, address, target):
                refused = RedirectRefused(status=answer.status_code)
                raise requests.RequestException(refused.code, response=answer) from refused
            if self.should_strip_auth(address, target):  # never hand a token to another host
                headers = dict(kwargs.get("headers") or {})
                headers.pop("Authorization", None)
                kwargs["headers"] = headers
            kwargs.pop("params", None)  # the Location is the whole address
            address = target
        raise requests.TooManyRedirects(MAX_REDIRECTS)

    def _one(self, method: str, url: str, args: Any, kwargs: Any) -> Any:
        timeout = kwargs.pop("timeout", None)
        span = min(self.deadline, _first(timeout)), min(self.deadline, _second(timeout))
        watch = _Watch(self.deadline)
        try:
            with watch.watching():
                # the caller's timeout, allow_redirects and stream were taken out: this layer's
                fixed = {"timeout": span, "allow_redirects": False, "stream": True}
                options: dict[str, Any] = {**kwargs, **fixed}
                answer = super().request(method, url, *args, **options)
                self._read(answer, watch)
        except (requests.RequestException, OSError) as failure:
            # never connected: nothing was sent, which says more than "too late"
            unsent = isinstance(failure, requests.ConnectTimeout) or _unsent(failure)
            if not unsent and (watch.fired or _remaining(watch.deadline) <= 0):
                raise requests.Timeout(PastDeadline.code) from PastDeadline()
            raise
        finally:
            kwargs["timeout"] = timeout
        if watch.fired:  # an answer without a length may end quietly when its socket is shut
            answer.close()
            raise requests.Timeout(PastDeadline.code) from PastDeadline()
        return answer

    def _read(self, answer: requests.Response, watch: _Watch) -> None:
        declared = answer.headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > self.max_bytes and not self.keep_head:
            answer.close()
            too_large = TooLarge(limit=self.max_bytes)
            raise requests.RequestException(too_large.code) from too_large
        chunks, size = [], 0
        for chunk in answer.iter_content(_CHUNK):  # decoded: a gzip bomb counts as what it is
            size += len(chunk)
            if size > self.max_bytes:
                answer.close()
                if self.keep_head:
                    chunks.append(chunk[: len(chunk) - (size - self.max_bytes)])
                    break
                too_large = TooLarge(limit=self.max_bytes)
                raise requests.RequestException(too_large.code) from too_large
            if watch.fired or _remaining(watch.deadline) <= 0:
                answer.close()
                raise requests.Timeout(PastDeadline.code) from PastDeadline()
            chunks.append(chunk)
        answer._content = b"".join(chunks)
        answer._content_consumed = True


def _unsent(failure: BaseException) -> bool:
    from urllib3.exceptions import NewConnectionError

    from composer.core.destinations.errors import causes

    return any(isinstance(cause, NewConnectionError) for cause in causes(failure))


def _first(timeout: Any) -> float:
    if isinstance(timeout, tuple):
        return float(timeout[0]) if timeout[0] is not None else net.TIMEOUT
    return float(timeout) if timeout is not None else net.TIMEOUT


def _second(timeout: Any) -> float:
    if isinstance(timeout, tuple):
        return float(timeout[1]) if timeout[1] is not None else net.TIMEOUT
    return _first(timeout)
