"""An HTTP-aware TCP proxy on 127.0.0.1 that breaks chosen requests the way networks do.

One request per connection (`Connection: close` both ways). For requests whose method and
path match, the next `times` of them get one fault:

- `lose_answer`: forwarded, fully handled by the server, then the client's connection is
  closed without the answer ("accepted, answer lost");
- `fail(status)`: answered with that status, never forwarded;
- `rate_limit(reset_in)`: 429 with `RateLimit-*` headers (and `Retry-After` if asked), never
  forwarded;
- `hold`: forwarded and handled, the answer kept back for `seconds` or until `release()`
  (longer than the client waits: a timeout; or until the client is killed).
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field

_HEAD_END = b"\r\n\r\n"


@dataclass
class _Fault:
    method: str
    path: re.Pattern[str]
    times: int
    kind: str  # lose_answer, answer, hold
    answer: bytes = b""
    seconds: float | None = None
    skip: int = 0  # matching requests passed on untouched before the fault applies


@dataclass
class FaultProxy:
    target_port: int
    hits: list[tuple[str, str, str]] = field(default_factory=list)  # (method, path, fault)

    def __post_init__(self) -> None:
        self._faults: list[_Fault] = []
        self._lock = threading.Lock()
        self._released = threading.Event()
        self.handled = threading.Condition(self._lock)  # notified after a fault is applied
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- what to break ---------------------------------------------------------------------

    def lose_answer(self, method: str, path: str, times: int = 1, skip: int = 0) -> None:
        """The request reaches the server; its answer never comes back (the connection is
        cut). The first `skip` matching requests pass untouched."""
        self._add(_Fault(method, re.compile(path), times, "lose_answer", skip=skip))

    def fail(
        self, method: str, path: str, status: int = 500, times: int = 1, skip: int = 0
    ) -> None:
        body = {"error": "InternalServerError", "message": "Injected failure"}
        answer = _response(status, body)
        self._add(_Fault(method, re.compile(path), times, "answer", answer, skip=skip))

    def rate_limit(
        self, method: str, path: str, reset_in: int = 30, *, retry_after: bool = False, times=1
    ) -> None:
        headers = {
            "RateLimit-Limit": "100",
            "RateLimit-Remaining": "0",
            "RateLimit-Reset": str(int(time.time()) + reset_in),
            "RateLimit-Policy": "100;w=300",
        }
        if retry_after:
            headers["Retry-After"] = str(reset_in)
        body = {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}
        answer = _response(429, body, headers)
        self._add(_Fault(method, re.compile(path), times, "answer", answer))

    def hold(
        self, method: str, path: str, seconds: float | None = None, times: int = 1, skip: int = 0
    ) -> None:
        """Forward, then keep the answer back for `seconds` (None: until `release()`); the
        first `skip` matching requests pass untouched (hold a thread's second part)."""
        self._released.clear()
        self._add(_Fault(method, re.compile(path), times, "hold", seconds=seconds, skip=skip))

    def release(self) -> None:
        self._released.set()

    def wait_for(self, fault: str, count: int = 1, timeout: float = 30.0) -> bool:
        """True once `count` requests got `fault` (and were handled by the server)."""
        with self.handled:
            return self.handled.wait_for(
                lambda: sum(hit[2] == fault for hit in self.hits) >= count, timeout
            )

    def close(self) -> None:
        self.release()
        self.listener.close()

    def _add(self, fault: _Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def _take(self, method: str, path: str) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.times > 0 and fault.method == method and fault.path.fullmatch(path):
                    if fault.skip > 0:
                        fault.skip -= 1
                        return None
                    fault.times -= 1
                    return fault
            return None

    def _note(self, method: str, path: str, kind: str) -> None:
        with self.handled:
            self.hits.append((method, path, kind))
            self.handled.notify_all()

    # -- the proxy -------------------------------------------------------------------------

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        with client:
            try:
                request = _read_request(client)
            except (OSError, ValueError):
                return
            if request is None:
                return
            method, path, data = request
            fault = self._take(method, path.split("?")[0])
            if fault is not None and fault.kind == "answer":
                self._note(method, path, "answer")
                with contextlib.suppress(OSError):
                    client.sendall(fault.answer)
                return
            try:
                answer = self._forward(data)
            except OSError:
                return  # the server is gone: the client sees its connection closed
            if fault is None:
                with contextlib.suppress(OSError):
                    client.sendall(answer)
                return
            self._note(method, path, fault.kind)
            if fault.kind == "lose_answer":
                with contextlib.suppress(OSError):
                    client.shutdown(socket.SHUT_RDWR)
                return
            self._released.wait(fault.seconds)
            with contextlib.suppress(OSError):
                client.sendall(answer)

    def _forward(self, data: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.target_port), timeout=60) as server:
            server.sendall(data)
            chunks = []
            while chunk := server.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks)


def _read_request(client: socket.socket) -> tuple[str, str, bytes] | None:
    """(method, path, the request as it goes upstream), with `Connection: close`."""
    buffer = b""
    while _HEAD_END not in buffer:
        chunk = client.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    head, body = buffer.split(_HEAD_END, 1)
    lines = head.decode("latin-1").split("\r\n")
    method, path, _version = lines[0].split(" ", 2)
    headers = [line for line in lines[1:] if line.split(":", 1)[0].strip().lower() != "connection"]
    length = 0
    for line in headers:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
        elif name.strip().lower() == "transfer-encoding":
            raise ValueError("chunked requests are not supported")
    while len(body) < length:
        chunk = client.recv(65536)
        if not chunk:
            return None
        body += chunk
    upstream = "\r\n".join([lines[0], *headers, "Connection: close"]).encode("latin-1")
    return method, path, upstream + _HEAD_END + body


def _response(status: int, body: dict, headers: dict[str, str] | None = None) -> bytes:
    data = json.dumps(body).encode()
    lines = [
        f"HTTP/1.1 {status} Injected",
        "Content-Type: application/json; charset=utf-8",
        f"Content-Length: {len(data)}",
        "Connection: close",
        *(f"{name}: {value}" for name, value in (headers or {}).items()),
    ]
    return "\r\n".join(lines).encode("latin-1") + _HEAD_END + data
