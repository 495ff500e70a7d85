"""One hostile HTTP server on 127.0.0.1 for every test that needs a server that lies, stalls,
floods or redirects. Raw sockets, so a scene controls every byte and its timing.

A scene is a function `scene(request, reply)`: it reads the Request and writes whatever it
likes through the Reply (`answer`, `send`, `hang_up`). Add a scene by writing one; the ones
here are the attacks of issue 14:

- `huge(size)`: an answer of `size` bytes, streamed from one small buffer (gigabytes cost
  nothing here); `gzip_bomb(size)`: a small gzip answer that inflates to `size` bytes;
- `drip(answer, every)`: a whole answer, head included, one byte every `every` seconds;
- `redirect(status, location)`: a 3xx to anywhere (another host, plain http, file://);
- `echo_authorization(status)`: an error answer quoting the request's Authorization header;
- `json_answer(status, body)`: any fixed answer (a failing /api/v1/instance is one);
- `discord_webhook()`: what Discord answers a GET of a webhook (name, channel);
- `rewritten(fields)`: the real answer of the server behind, with `fields` laid over its JSON
  (a post's `url` as `javascript:`, a page address with a phishing line after it).

Where a scene plays:
- `stage(*rules)` gives a fresh path prefix (`/stage/<n>`) on the shared server (the session
  fixture `hostile` in tests/conftest.py) and returns its URL: tests never see each other's
  scenes. `discord_stage(post_scene)` does the same under a webhook path;
- `HostileServer(upstream=url)` stands in front of a real fake (FakeMastodon): requests no
  scene claims are forwarded, so connecting works and only the scene's request is hostile.

Every request is recorded in `hits` (method, path, headers, body), to show what a client
did or did not send.
"""

from __future__ import annotations

import contextlib
import http.client
import itertools
import json
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_HEAD_END = b"\r\n\r\n"
_REASONS = {200: "OK", 301: "Moved", 302: "Found", 307: "Temporary Redirect", 401: "No"}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes
    server: HostileServer
    raw_headers: list[tuple[str, str]] = field(default_factory=list)  # as sent, for forwarding


class Reply:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def send(self, data: bytes) -> bool:
        """False once the client has hung up."""
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        return True

    def answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> bool:
        return self.send(head(status, {"Content-Length": str(len(body)), **(headers or {})}) + body)

    def hang_up(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)


Scene = Callable[[Request, Reply], None]


def head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Hostile')}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


# -- scenes --------------------------------------------------------------------------------


def json_answer(status: int, body: Any, headers: dict[str, str] | None = None) -> Scene:
    data = json.dumps(body).encode()

    def scene(_request: Request, reply: Reply) -> None:
        reply.answer(status, data, {"Content-Type": "application/json", **(headers or {})})

    return scene


def huge(size: int, *, declare_length: bool = False, status: int = 200) -> Scene:
    """`size` bytes of a JSON string that never ends; without a Content-Length unless asked,
    so only reading it shows how big it is."""
    block = b" " * 65_536

    def scene(_request: Request, reply: Reply) -> None:
        headers = {"Content-Type": "application/json"}
        if declare_length:
            headers["Content-Length"] = str(size)
        if not reply.send(head(status, headers) + b'{"url": "'):
            return
        left = size
        while left > 0:
            if not reply.send(block[: min(left, len(block))]):
                return  # the client stopped reading: good
            left -= len(block)

    return scene


def gzip_bomb(size: int) -> Scene:
    """A gzip answer that inflates to `size` bytes of spaces (a few KB per hundred MB on the
    wire), made as it is sent."""

    def scene(_request: Request, reply: Reply) -> None:
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        if not reply.send(head(200, headers)):
            return
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header
        block, left = b" " * 1_048_576, size
        while left > 0:
            if not reply.send(packer.compress(block[: min(left, len(block))])):
                return
            left -= len(block)
        reply.send(packer.flush())

    return scene


def drip(answer: bytes | None = None, every: float = 1.0, most: float = 600.0) -> Scene:
    """`answer` (a whole HTTP answer; by default a 200 with a small JSON body), one byte
    every `every` seconds, for at most `most` seconds or until the client hangs up."""
    body = b'{"id": "1", "url": "https://example.org/slow"}'
    whole = answer or head(200, {"Content-Type": "application/json"}) + body * 1000

    def scene(_request: Request, reply: Reply) -> None:
        stop = time.monotonic() + most
        for byte in whole:
            if time.monotonic() > stop or not reply.send(bytes([byte])):
                return
            time.sleep(every)

    return scene


def redirect(status: int, location: str | Callable[[Request], str]) -> Scene:
    def scene(request: Request, reply: Reply) -> None:
        where = location(request) if callable(location) else location
        reply.answer(status, b"", {"Location": where})

    return scene


def echo_authorization(status: int = 401) -> Scene:
    """An error answer that quotes the request's credentials back, as careless servers do."""

    def scene(request: Request, reply: Reply) -> None:
        said = request.headers.get("authorization", "")
        body = {
            "error": f"Refused. You sent Authorization: {said} (token {said.partition(' ')[2]})",
            "message": f"bad credentials {said}",
        }
        reply.answer(status, json.dumps(body).encode(), {"Content-Type": "application/json"})

    return scene


def rewritten(fields: dict[str, Any]) -> Scene:
    """The real answer of the server behind (`upstream`), with `fields` laid over its JSON:
    a post that really exists, whose answer lies about where it is."""

    def scene(request: Request, reply: Reply) -> None:
        status, body = request.server.ask_upstream(request)
        try:
            data = json.loads(body)
        except ValueError:
            reply.answer(status, body)
            return
        if isinstance(data, dict):
            data |= fields
        reply.answer(status, json.dumps(data).encode(), {"Content-Type": "application/json"})

    return scene


def discord_webhook(channel: str = "998877665544332211") -> Scene:
    return json_answer(200, {"id": "1", "name": "Hostile", "channel_id": channel, "guild_id": "7"})


# -- the server ----------------------------------------------------------------------------


@dataclass
class _Rule:
    method: str  # "*" for any
    path: re.Pattern[str]
    scene: Scene
    times: int | None  # None: every time


@dataclass
class HostileServer:
    upstream: str | None = None  # "http://127.0.0.1:port": where unclaimed requests go
    hits: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._rules: list[_Rule] = []
        self._lock = threading.Lock()
        self._stages = itertools.count(1)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def play(self, scene: Scene, *, method: str = "*", path: str = ".*", times=None) -> None:
        """`scene` answers requests whose method and path (without query) match; the most
        recently added rule first."""
        with self._lock:
            self._rules.insert(0, _Rule(method.upper(), re.compile(path), scene, times))

    def stage(self, scene: Scene, *, method: str = "*") -> str:
        """A fresh URL on this server where `scene` plays (for every path below it)."""
        prefix = f"/stage/{next(self._stages)}"
        self.play(scene, method=method, path=re.escape(prefix) + "(/.*)?")
        return self.url + prefix

    def website_stage(self, scene: Scene) -> str:
        """A website webhook URL on this server: connecting's signed `webhook.test` is
        answered as a receiver answers it (200), every later request gets `scene`."""
        url = self.stage(scene)
        prefix = url.removeprefix(self.url)
        self.play(json_answer(200, {}), method="POST", path=re.escape(prefix) + "(/.*)?", times=1)
        return url

    def discord_stage(
        self, post_scene: Scene, token: str = "", *, get_scene: Scene | None = None
    ) -> str:
        """A Discord webhook URL on this server: a GET answers as Discord does (connecting
        works) unless `get_scene` is given; POST and DELETE get `post_scene`."""
        number = 10**17 + next(self._stages)
        path = f"/api/webhooks/{number}/"
        self.play(get_scene or discord_webhook(), method="GET", path=re.escape(path) + ".*")
        self.play(post_scene, method="POST", path=re.escape(path) + ".*")
        self.play(post_scene, method="DELETE", path=re.escape(path) + ".*")
        return f"{self.url}{path}{token or 'hostile-token-' + 'x' * 40}"

    def requests_to(self, pattern: str) -> list[Request]:
        return [hit for hit in self.hits if re.fullmatch(pattern, hit.path.split("?")[0])]

    def close(self) -> None:
        self.listener.close()

    # -- inside ----------------------------------------------------------------------------

    def _scene_for(self, method: str, path: str) -> Scene | None:
        with self._lock:
            for rule in self._rules:
                if rule.method in ("*", method) and rule.path.fullmatch(path):
                    if rule.times is not None:
                        if rule.times <= 0:
                            continue
                        rule.times -= 1
                    return rule.scene
        return None

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
                request = self._read(client)
            except (OSError, ValueError):
                return
            if request is None:
                return
            self.hits.append(request)
            scene = self._scene_for(request.method, request.path.split("?")[0])
            reply = Reply(client)
            if scene is not None:
                scene(request, reply)
            elif self.upstream:
                self._forward(request, reply)
            else:
                reply.answer(404, b'{"error": "no scene here"}')

    def _read(self, client: socket.socket) -> Request | None:
        client.settimeout(30)
        buffer = b""
        while _HEAD_END not in buffer:
            chunk = client.recv(65_536)
            if not chunk:
                return None
            buffer += chunk
        top, body = buffer.split(_HEAD_END, 1)
        lines = top.decode("latin-1").split("\r\n")
        method, path, _version = lines[0].split(" ", 2)
        raw = [
            (name.strip(), value.strip())
            for name, _, value in (line.partition(":") for line in lines[1:])
        ]
        headers = {name.lower(): value for name, value in raw}
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = self._dechunk(client, body)
        else:
            length = int(headers.get("content-length", "0") or 0)
            while len(body) < length:
                chunk = client.recv(65_536)
                if not chunk:
                    return None
                body += chunk
        return Request(method, path, headers, body, self, raw)

    @staticmethod
    def _dechunk(client: socket.socket, buffer: bytes) -> bytes:
        body = b""
        while True:
            while b"\r\n" not in buffer:
                buffer += client.recv(65_536)
            size_line, buffer = buffer.split(b"\r\n", 1)
            size = int(size_line.split(b";")[0], 16)
            while len(buffer) < size + 2:
                buffer += client.recv(65_536)
            body, buffer = body + buffer[:size], buffer[size + 2 :]
            if size == 0:
                return body

    def ask_upstream(self, request: Request) -> tuple[int, bytes]:
        """The server behind's answer to `request`: its status and body."""
        host, _, port = (self.upstream or "").removeprefix("http://").partition(":")
        skip = {"connection", "transfer-encoding", "content-length", "host", "accept-encoding"}
        headers = {k: v for k, v in request.raw_headers if k.lower() not in skip}
        connection = http.client.HTTPConnection(host, int(port or 80), timeout=60)
        try:
            connection.request(request.method, request.path, request.body, headers)
            answer = connection.getresponse()
            return answer.status, answer.read()
        finally:
            connection.close()

    def _forward(self, request: Request, reply: Reply) -> None:
        host, _, port = (self.upstream or "").removeprefix("http://").partition(":")
        skip = {"connection", "transfer-encoding", "content-length", "host"}
        lines = [f"{request.method} {request.path} HTTP/1.1", f"Host: {host}:{port}"]
        lines += [f"{k}: {v}" for k, v in request.raw_headers if k.lower() not in skip]
        lines += [f"Content-Length: {len(request.body)}", "Connection: close"]
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + request.body
        try:
            with socket.create_connection((host, int(port or 80)), timeout=60) as server:
                server.sendall(data)
                while chunk := server.recv(65_536):
                    reply.send(chunk)
        except OSError:
            reply.hang_up()
