"""safe_http's rules for httpx: the transport the atproto client is given (bluesky/session.py).

httpcore asks for a timeout on every read, write and connect: each is cut to what the request
has left, so the deadlines (connecting and sending, then the whole answer) cover the whole
request. httpx follows redirects above the
transport: one safe_http does not allow is an error here, before httpx can follow it.
"""

from __future__ import annotations

import contextlib
import threading
import time
import zlib
from collections.abc import Iterator
from typing import Any

import httpcore
import httpx

from composer.core import net
from composer.core.destinations.http.safe_http import (
    MAX_ANSWER,
    REDIRECTS,
    PastDeadline,
    RedirectRefused,
    TooLarge,
    redirect_allowed,
)

_CHUNK = 65_536
_current = threading.local()  # the _Span of the request this thread is making


class _Span:
    """Connecting and sending get `seconds`; the whole answer gets `seconds` again from the
    first read after the request went out (as safe_http's watch does)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.sending = False

    def sent(self) -> None:
        if self.sending:
            self.sending = False
            self.deadline = time.monotonic() + self.seconds


def _clamped(timeout: float | None) -> float:
    """The read, write or connect timeout httpcore asks for, cut to what the request has left."""
    span = getattr(_current, "span", None)
    if span is None:
        return timeout if timeout is not None else net.TIMEOUT
    left: float = span.deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout(PastDeadline.code) from PastDeadline()
    return min(left, timeout) if timeout is not None else left


def _span() -> _Span | None:
    return getattr(_current, "span", None)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        span = _span()
        if span is not None:
            span.sent()
        return self._inner.read(max_bytes, _clamped(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        span = _span()
        if span is not None:
            span.sending = True
        self._inner.write(buffer, _clamped(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: Any = None, timeout: Any = None) -> Any:
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, _clamped(timeout))
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: Any = None, *args: Any, **kw: Any) -> Any:
        return _DeadlineStream(self._inner.connect_tcp(host, port, _clamped(timeout), *args, **kw))

    def connect_unix_socket(self, path: str, timeout: Any = None, *args: Any, **kw: Any) -> Any:
        return _DeadlineStream(
            self._inner.connect_unix_socket(path, _clamped(timeout), *args, **kw)
        )

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


@contextlib.contextmanager
def _within(span: _Span) -> Iterator[None]:
    before = _span()
    _current.span = span
    try:
        yield
    finally:
        _current.span = before


class _CappedStream(httpx.SyncByteStream):
    """The answer's body, decompressed here (gzip, deflate) in steps of _CHUNK so that the
    limit counts what the answer *is*, not what it weighs on the wire: httpx would inflate a
    gzip bomb whole."""

    def __init__(self, inner: httpx.SyncByteStream, span: _Span, max_bytes: int, gzip: bool):
        self._inner, self._span, self._max = inner, span, max_bytes
        self._inflate = zlib.decompressobj(wbits=47) if gzip else None  # gzip or zlib header

    def __iter__(self) -> Iterator[bytes]:
        size = 0
        with _within(self._span):
            for chunk in self._inner:
                for part in self._decoded(chunk):
                    size += len(part)
                    if size > self._max:
                        too_large = TooLarge(limit=self._max)
                        raise httpx.TransportError(too_large.code) from too_large
                    yield part

    def _decoded(self, chunk: bytes) -> Iterator[bytes]:
        if self._inflate is None:
            yield chunk
            return
        try:
            yield self._inflate.decompress(chunk, _CHUNK)
            while self._inflate.unconsumed_tail:
                yield self._inflate.decompress(self._inflate.unconsumed_tail, _CHUNK)
        except zlib.error as failure:
            raise httpx.DecodingError(str(failure)) from None

    def close(self) -> None:
        self._inner.close()


class SafeTransport(httpx.BaseTransport):
    """An httpx transport under this layer's rules. httpx follows redirects above the
    transport: a redirect this layer does not allow is an error here, before it can."""

    def __init__(
        self, *, deadline: float | None = None, max_bytes: int = MAX_ANSWER, **transport: Any
    ) -> None:
        self.deadline = net.TIMEOUT if deadline is None else deadline
        self.max_bytes = max_bytes
        self._inner = httpx.HTTPTransport(**transport)
        pool = self._inner._pool  # httpx offers no other way to give httpcore a backend
        pool._network_backend = _DeadlineBackend(pool._network_backend)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["Accept-Encoding"] = "gzip, deflate"  # what _CappedStream can bound
        span = _Span(self.deadline)
        with _within(span):
            answer = self._inner.handle_request(request)
        location = answer.headers.get("Location")
        if answer.status_code in REDIRECTS and location:
            target = str(request.url.join(location.strip()))
            if not redirect_allowed(request.method, str(request.url), target):
                answer.close()
                refused = RedirectRefused(status=answer.status_code)
                raise httpx.TransportError(refused.code) from refused
        declared = answer.headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > self.max_bytes:
            answer.close()
            too_large = TooLarge(limit=self.max_bytes)
            raise httpx.TransportError(too_large.code) from too_large
        encoding = answer.headers.get("Content-Encoding", "identity").strip().lower()
        if encoding not in ("identity", "gzip", "deflate", "x-gzip"):
            answer.close()  # we asked for gzip or deflate: br or zstd cannot be bounded here
            raise httpx.DecodingError(f"unasked encoding {encoding[:20]}")
        # decoded below: httpx must not decode again, nor trust the wire length
        headers = [
            (name, value)
            for name, value in answer.headers.raw
            if name.lower() not in (b"content-encoding", b"content-length")
        ]
        assert isinstance(answer.stream, httpx.SyncByteStream)
        gzip = encoding != "identity"
        return httpx.Response(
            answer.status_code,
            headers=headers,
            stream=_CappedStream(answer.stream, span, self.max_bytes, gzip),
            extensions=answer.extensions,
        )

    def close(self) -> None:
        self._inner.close()
