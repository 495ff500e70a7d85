"""A reference receiver for Omroeper's website webhook (docs/webhook.md): copy it and adapt.

Each post becomes a page bundle, `CONTENT/<slug>/index.md` with YAML front matter and its
images beside it, which Hugo and Jekyll both publish at `<base URL>/<slug>/`. Every request's
Standard Webhooks signature is verified; an index of webhook ids makes retries harmless.

Needs two packages (the signature check, and a real YAML writer for the front matter):

    pip install standardwebhooks PyYAML
    OMROEPER_WEBHOOK_SECRET=whsec_... python webhook_receiver.py --content content/nieuws \\
        --base-url https://example.org/nieuws --port 8080

Run it behind your web server's HTTPS (Omroeper sends to http:// on this machine only).

What keeps it safe to expose (docs/security.md):
- nothing past a small body is read before the sender proved it has the key (the
  `omroeper-length-signature` header signs the id, the time and the length);
- a fixed number of connections at a time (more get 503), each with a deadline for the whole
  request, not only per read: a slow sender cannot hold a connection;
- the front matter is written by a YAML writer and read back before the page is replaced;
- only plain https:// addresses on one line become syndication links.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import os
import re
import shutil
import socket
import tempfile
import threading
import time
import unicodedata
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from standardwebhooks import Webhook, WebhookVerificationError

MAX_BODY = 128 * 1024 * 1024  # images travel as base64: tens of MB is normal
SMALL_BODY = 64 * 1024  # read before any proof of the key: every event without images fits
TOLERANCE = 5 * 60  # seconds a webhook-timestamp may be away from this clock
CONNECTIONS = 16  # requests handled at a time; more are answered 503 at once
HEADER_SECONDS = 10.0  # the request line and headers must arrive within this
SLOWEST_BODY = 32 * 1024  # bytes per second a body must at least arrive at
MAX_URL = 2048
INDEX = ".omroeper-webhooks.json"  # a dot file: Hugo and Jekyll do not publish it
EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/avif": "avif",
}


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or "post"


def markdown_alt(alt: str) -> str:
    alt = " ".join(alt.split())
    return re.sub(r"([\\\[\]])", r"\\\1", alt)


def stamp(text: object) -> datetime:
    """An event's `timestamp` (ISO 8601, UTC) as a time to compare; ValueError if it is not."""
    if not isinstance(text, str):
        raise ValueError("timestamp is not text")
    made = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return made if made.tzinfo else made.replace(tzinfo=UTC)


def plain_https(url: object) -> str | None:
    """`url` when it is a plain https:// address on one line, else None: it goes into a page."""
    if not isinstance(url, str) or not url or len(url) > MAX_URL:
        return None
    if any(c.isspace() or unicodedata.category(c).startswith("C") for c in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme != "https" or not host or parts.username or parts.password:
        return None
    return url


def length_signature_ok(secret: str, headers: dict[str, str], length: int) -> bool:
    """Omroeper's `omroeper-length-signature`: HMAC-SHA256 of `{id}.{timestamp}.{length}`
    with the signing key, so a large body is read only from a sender who has the key."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers.get('webhook-id', '')}.{headers.get('webhook-timestamp', '')}.{length}"
    expected = base64.b64encode(hmac.new(key, signed.encode(), hashlib.sha256).digest()).decode()
    return any(
        hmac.compare_digest(part.removeprefix("v1,"), expected)
        for part in headers.get("omroeper-length-signature", "").split()
        if part.startswith("v1,")
    )


def stale(headers: dict[str, str]) -> str:
    """Why the id or timestamp is unusable ("" when fine): checked before reading a body,
    in the words the standardwebhooks package uses for the same refusals."""
    try:
        stamp = int(headers.get("webhook-timestamp", ""))
    except ValueError:
        return "Missing required headers"
    if not headers.get("webhook-id") or not headers.get("webhook-signature"):
        return "Missing required headers"
    if stamp < time.time() - TOLERANCE:
        return "Message timestamp too old"
    if stamp > time.time() + TOLERANCE:
        return "Message timestamp too new"
    return ""


class Receiver:
    """What the site does with each event; thread-safe, one event at a time."""

    def __init__(self, secret: str, content: Path, base_url: str) -> None:
        self.secret = secret
        self.webhook = Webhook(secret)
        self.content = Path(content)
        self.base_url = base_url.rstrip("/")
        self.lock = threading.Lock()
        self.content.mkdir(parents=True, exist_ok=True)

    def handle(self, body: bytes, headers: dict[str, str]) -> tuple[int, dict]:
        try:
            self.webhook.verify(body, headers, json_parse=False)
        except (WebhookVerificationError, ValueError) as failure:  # a malformed header too
            return 401, {"error": str(failure) or "bad signature"}
        event_id = {k.lower(): v for k, v in headers.items()}["webhook-id"]
        try:
            event = json.loads(body)
            if event["type"] == "webhook.test":  # Omroeper checks the connection: no page
                return 200, {}
            with self.lock:
                index = self._load()
                known = index["events"].get(event_id)
                if known is not None:  # a retry: answer as before, change nothing
                    return 200, {"url": known}
                status, url = self._dispatch(event, event_id, index)
                index["events"][event_id] = url
                self._save(index)
            return status, {"url": url}
        except Refused as refused:
            return refused.status, {"error": str(refused)}
        except (ValueError, KeyError, TypeError, AttributeError, yaml.YAMLError):
            return 400, {"error": "malformed event"}

    def _dispatch(self, event: dict, event_id: str, index: dict) -> tuple[int, str]:
        kind, data, posts = event["type"], event["data"], index["posts"]
        if kind == "post.published":
            slug = self._publish(event, event_id, set(posts.values()))
            url = f"{self.base_url}/{slug}/"
            posts[url] = slug
            return 201, url
        if kind == "post.updated":  # the same address, the page rewritten
            slug = posts.get(data["url"])
            if slug is None:
                raise Refused(404, "unknown post")
            self._update(event, event_id, slug)
            return 200, data["url"]
        if kind == "post.syndicated":
            slug = posts.get(data["url"])
            if slug is None:
                raise Refused(404, "unknown post")
            # `copies` is every copy so far, so the newest event is the list; one older than
            # the list on the page (held up on its way) would bring back an address gone
            made, latest = stamp(event["timestamp"]), index.setdefault("syndicated", {})
            if slug not in latest or made >= stamp(latest[slug]):
                self._set_syndication(slug, [copy["url"] for copy in data["copies"]])
                latest[slug] = event["timestamp"]
            return 200, data["url"]
        if kind == "post.deleted":
            slug = posts.pop(data["url"], None)
            if slug is not None:
                index.get("syndicated", {}).pop(slug, None)
                shutil.rmtree(self.content / slug, ignore_errors=True)
            return 200, data["url"]  # already gone is fine: deleting twice is one delete
        return 200, ""  # an event type this site does not know: accept and ignore it

    def _publish(self, event: dict, event_id: str, taken: set[str]) -> str:
        data = event["data"]
        base = slugify(data["title"] or data["text"] or data["body"])
        slug, n = base, 1
        while slug in taken or (self.content / slug).exists():
            n += 1
            slug = f"{base}-{n}"
        # Written aside and renamed into place: a crash never leaves half a post.
        work = Path(tempfile.mkdtemp(prefix=".incoming-", dir=self.content))
        try:
            names = self._write_images(work, data["images"])
            (work / "index.md").write_text(page(event, event_id, names), encoding="utf-8")
            os.replace(work, self.content / slug)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        return slug

    def _update(self, event: dict, event_id: str, slug: str) -> None:
        """Rewrite the page bundle in place, keeping its syndication links: the new one is
        written aside, then swapped in, so a crash leaves the old page or the new one."""
        folder = self.content / slug
        front, _body = split_page((folder / "index.md").read_text(encoding="utf-8"))
        work = Path(tempfile.mkdtemp(prefix=".incoming-", dir=self.content))
        old = self.content / f".replaced-{slug}"
        try:
            names = self._write_images(work, event["data"]["images"])
            text = page(event, event_id, names)
            if front.get("syndication"):
                new_front, new_body = split_page(text)
                text = join_page(new_front | {"syndication": front["syndication"]}, new_body)
            (work / "index.md").write_text(text, encoding="utf-8")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(folder, old)
            os.replace(work, folder)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            if old.exists() and not folder.exists():
                os.replace(old, folder)
            raise
        shutil.rmtree(old, ignore_errors=True)

    def _write_images(self, folder: Path, images: list[dict]) -> list[str]:
        names = []
        for n, image in enumerate(images, 1):
            ext = EXTENSIONS.get(image["type"])
            if ext is None:
                raise Refused(422, f"image type {image['type']} not accepted")
            try:
                data = base64.b64decode(image["data"], validate=True)
            except binascii.Error:
                raise Refused(400, "image data is not base64") from None
            names.append(f"image-{n}.{ext}")
            (folder / names[-1]).write_bytes(data)
        return names

    def _set_syndication(self, slug: str, urls: list[object]) -> None:
        """The page's links become these, each once: a copy posted anew (Bluesky, after an
        edit) replaces its old address. An address that is not a plain https:// one-liner
        is left out (it would become a link on the page)."""
        path = self.content / slug / "index.md"
        front, body = split_page(path.read_text(encoding="utf-8"))
        front["syndication"] = list(dict.fromkeys(u for u in urls if plain_https(u)))
        temporary = path.with_name(".index.md.tmp")
        temporary.write_text(join_page(front, body), encoding="utf-8")
        os.replace(temporary, path)

    def _load(self) -> dict:
        try:
            return json.loads((self.content / INDEX).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"events": {}, "posts": {}}

    def _save(self, index: dict) -> None:
        temporary = self.content / (INDEX + ".tmp")
        temporary.write_text(json.dumps(index, indent=1), encoding="utf-8")
        os.replace(temporary, self.content / INDEX)


def join_page(front: dict, body: str) -> str:
    """A page with `front` as YAML front matter, read back to be sure it says just that."""
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1_000_000)
    if yaml.safe_load(head) != front or "\n---" in "\n" + head:
        raise ValueError("front matter does not read back")
    return "---\n" + head + "---\n" + body


def split_page(text: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.index("\n---\n", 3)
    front = yaml.safe_load(text[4 : end + 1]) or {}
    if not isinstance(front, dict):
        raise ValueError("front matter is not a mapping")
    return front, text[end + 5 :]


def page(event: dict, event_id: str, images: list[str]) -> str:
    data = event["data"]
    front = {
        "title": str(data["title"]),
        "date": str(event["timestamp"]),
        "language": str(data["language"]),
        "description": str(data["text"]),
        "images": images,
        "webhook_id": event_id,
    }
    if data["content_warning"]:
        front["content_warning"] = str(data["content_warning"])
    pictures = [
        f"![{'' if image['decorative'] else markdown_alt(image['alt'])}]({name})"
        for image, name in zip(data["images"], images, strict=True)
    ]
    body = "\n\n".join([data["body"].strip(), *pictures]).strip()
    return join_page(front, "\n" + body + "\n")


class Handler(BaseHTTPRequestHandler):
    server: Server

    def do_POST(self) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            length = int(headers.get("content-length", "-1"))
        except ValueError:
            length = -1
        if length < 0:
            self._refuse(411, "Content-Length required")
        elif length > MAX_BODY:
            self._refuse(413, "too large")
        elif reason := stale(headers):
            self._refuse(401, reason)
        elif length > SMALL_BODY and not length_signature_ok(self.server.secret, headers, length):
            self._refuse(401, "a large body needs a valid omroeper-length-signature")
        else:
            self.server.extend(self.connection, length / SLOWEST_BODY)
            body = self.rfile.read(length)
            if len(body) < length:
                self.close_connection = True  # the deadline passed, or the sender gave up
                return
            self._reply(*self.server.receiver.handle(body, dict(self.headers.items())))

    def _refuse(self, status: int, error: str) -> None:
        self.close_connection = True  # the unread body is never read
        self._reply(status, {"error": error})

    def _reply(self, status: int, answer: dict) -> None:
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if status == 201 and answer["url"].isprintable():  # never a header split by a newline
            self.send_header("Location", answer["url"])
        self.end_headers()
        self.wfile.write(data)


class Server(ThreadingHTTPServer):
    """At most `connections` requests at a time, each cut off at its deadline."""

    daemon_threads = True
    request_queue_size = 64

    def __init__(
        self,
        address: tuple[str, int],
        receiver: Receiver,
        *,
        connections: int = CONNECTIONS,
        header_seconds: float = HEADER_SECONDS,
    ) -> None:
        super().__init__(address, Handler)
        self.receiver = receiver
        self.secret = receiver.secret
        self.header_seconds = header_seconds
        self.slots = threading.BoundedSemaphore(connections)
        self.deadlines: dict[socket.socket, float] = {}
        self.deadlines_lock = threading.Lock()
        self.closed = threading.Event()
        threading.Thread(target=self._cut_off_late, daemon=True).start()

    def process_request(self, request, client_address) -> None:
        if not self.slots.acquire(blocking=False):
            with contextlib.suppress(OSError):  # busy: say so, and let the sender retry later
                request.settimeout(1)
                request.sendall(b"HTTP/1.0 503 Service Unavailable\r\nRetry-After: 10\r\n\r\n")
                request.setblocking(False)
                request.recv(65536)  # what already came: closing on unread bytes resets the answer
            self.shutdown_request(request)
            return
        request.settimeout(self.header_seconds)  # also bounds each single read
        with self.deadlines_lock:
            self.deadlines[request] = time.monotonic() + self.header_seconds
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._done(request)
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._done(request)

    def extend(self, request: socket.socket, seconds: float) -> None:
        """The headers are in: the body gets time according to its size."""
        with self.deadlines_lock:
            self.deadlines[request] = time.monotonic() + self.header_seconds + seconds

    def _done(self, request: socket.socket) -> None:
        with self.deadlines_lock:
            self.deadlines.pop(request, None)
        self.slots.release()

    def _cut_off_late(self) -> None:
        while not self.closed.wait(0.25):
            now = time.monotonic()
            with self.deadlines_lock:
                late = [request for request, end in self.deadlines.items() if end < now]
            for request in late:
                with contextlib.suppress(OSError):
                    request.shutdown(socket.SHUT_RDWR)  # the handler's read ends at once

    def server_close(self) -> None:
        self.closed.set()
        super().server_close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--secret-env", default="OMROEPER_WEBHOOK_SECRET")
    parser.add_argument("--content", type=Path, required=True, help="e.g. content/nieuws")
    parser.add_argument("--base-url", required=True, help="the public URL of --content")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--connections", type=int, default=CONNECTIONS)
    parser.add_argument("--header-seconds", type=float, default=HEADER_SECONDS)
    args = parser.parse_args(argv)
    secret = os.environ.get(args.secret_env, "")
    if not secret:
        parser.error(f"set the signing secret (whsec_...) in ${args.secret_env}")
    receiver = Receiver(secret, args.content, args.base_url)
    server = Server(
        (args.host, args.port),
        receiver,
        connections=args.connections,
        header_seconds=args.header_seconds,
    )
    print(f"listening on http://{args.host}:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
