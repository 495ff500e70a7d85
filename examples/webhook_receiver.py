"""A reference receiver for Omroeper's website webhook (docs/webhook.md): copy it and adapt.

Each post becomes a page bundle, `CONTENT/<slug>/index.md` with YAML front matter and its
images beside it, which Hugo and Jekyll both publish at `<base URL>/<slug>/`. Every request's
Standard Webhooks signature is verified; an index of webhook ids makes retries harmless.

    pip install standardwebhooks
    OMROEPER_WEBHOOK_SECRET=whsec_... python webhook_receiver.py --content content/nieuws \\
        --base-url https://example.org/nieuws --port 8080

Run it behind your web server's HTTPS (Omroeper sends to http:// on this machine only).
"""

from __future__ import annotations

import argparse
import base64
import binascii
import json
import os
import re
import shutil
import tempfile
import threading
import unicodedata
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from standardwebhooks import Webhook, WebhookVerificationError

MAX_BODY = 128 * 1024 * 1024  # images travel as base64: tens of MB is normal
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


def quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def markdown_alt(alt: str) -> str:
    alt = " ".join(alt.split())
    return re.sub(r"([\\\[\]])", r"\\\1", alt)


class Receiver:
    """What the site does with each event; thread-safe, one event at a time."""

    def __init__(self, secret: str, content: Path, base_url: str) -> None:
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
        except (ValueError, KeyError, TypeError, AttributeError):
            return 400, {"error": "malformed event"}

    def _dispatch(self, event: dict, event_id: str, index: dict) -> tuple[int, str]:
        kind, data, posts = event["type"], event["data"], index["posts"]
        if kind == "post.published":
            slug = self._publish(event, event_id, set(posts.values()))
            url = f"{self.base_url}/{slug}/"
            posts[url] = slug
            return 201, url
        if kind == "post.syndicated":
            slug = posts.get(data["url"])
            if slug is None:
                raise Refused(404, "unknown post")
            self._add_syndication(slug, [copy["url"] for copy in data["copies"]])
            return 200, data["url"]
        if kind == "post.deleted":
            slug = posts.pop(data["url"], None)
            if slug is not None:
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

    def _add_syndication(self, slug: str, urls: list[str]) -> None:
        path = self.content / slug / "index.md"
        _, head, rest = path.read_text(encoding="utf-8").split("---\n", 2)
        lines, known = [], []
        for line in head.splitlines():
            if line.startswith("  - ") and lines and lines[-1] == "syndication:":
                known.append(json.loads(line[4:]))
            elif line != "syndication:":
                lines.append(line)
        lines.append("syndication:")
        lines += [f"  - {quoted(url)}" for url in dict.fromkeys(known + urls)]
        path.write_text("---\n" + "\n".join(lines) + "\n---\n" + rest, encoding="utf-8")

    def _load(self) -> dict:
        try:
            return json.loads((self.content / INDEX).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"events": {}, "posts": {}}

    def _save(self, index: dict) -> None:
        temporary = self.content / (INDEX + ".tmp")
        temporary.write_text(json.dumps(index, indent=1), encoding="utf-8")
        os.replace(temporary, self.content / INDEX)


def page(event: dict, event_id: str, images: list[str]) -> str:
    data = event["data"]
    front = [
        f"title: {quoted(data['title'])}",
        f"date: {quoted(event['timestamp'])}",
        f"language: {quoted(data['language'])}",
        f"description: {quoted(data['text'])}",
        f"images: [{', '.join(quoted(name) for name in images)}]",
        f"webhook_id: {quoted(event_id)}",
    ]
    if data["content_warning"]:
        front.append(f"content_warning: {quoted(data['content_warning'])}")
    pictures = [
        f"![{'' if image['decorative'] else markdown_alt(image['alt'])}]({name})"
        for image, name in zip(data["images"], images, strict=True)
    ]
    body = "\n\n".join([data["body"].strip(), *pictures]).strip()
    return "---\n" + "\n".join(front) + "\n---\n\n" + body + "\n"


class Handler(BaseHTTPRequestHandler):
    server: Server

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or -1)
        if length < 0:
            self._reply(411, {"error": "Content-Length required"})
        elif length > MAX_BODY:
            self._reply(413, {"error": "too large"})
        else:
            body = self.rfile.read(length)
            self._reply(*self.server.receiver.handle(body, dict(self.headers.items())))

    def _reply(self, status: int, answer: dict) -> None:
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if status == 201:
            self.send_header("Location", answer["url"])
        self.end_headers()
        self.wfile.write(data)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], receiver: Receiver) -> None:
        super().__init__(address, Handler)
        self.receiver = receiver


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--secret-env", default="OMROEPER_WEBHOOK_SECRET")
    parser.add_argument("--content", type=Path, required=True, help="e.g. content/nieuws")
    parser.add_argument("--base-url", required=True, help="the public URL of --content")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    secret = os.environ.get(args.secret_env, "")
    if not secret:
        parser.error(f"set the signing secret (whsec_...) in ${args.secret_env}")
    server = Server((args.host, args.port), Receiver(secret, args.content, args.base_url))
    print(f"listening on http://{args.host}:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
