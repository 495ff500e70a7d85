"""A Discord channel webhook over real HTTP on 127.0.0.1, as Discord documents it.

GET /api/webhooks/{id}/{token} answers the webhook (name, channel_id, guild_id);
an unknown id is 404 (code 10015), a wrong token 401 (code 50027); `fail_next` injects
a 429 with Retry-After or a 5xx (for every method).

POST /api/webhooks/{id}/{token}[?wait=true] takes JSON or multipart (`payload_json` and
`files[n]`), checks Discord's limits and keeps the message with its attachments; with
`wait=true` it answers the message, without it 204. DELETE .../messages/{message_id} removes
one (404, code 10008, when unknown). `drop_after_next` keeps the next message, then closes the
connection without answering: the client cannot know the message is there.

GET .../messages/{message_id} answers one message. PATCH .../messages/{message_id} edits it
(Discord's "Edit Webhook Message"): `content` replaces the text; `attachments`, when given,
lists the attachments to keep by their id (the others are removed) and describes new files
sent as `files[n]` with `{"id": n}`; the message gets an `edited_timestamp`, and `edits`
counts the edits applied to each message. `drop_after_next` also drops an edit's answer.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

_PATH = re.compile(r"/api(?:/v\d+)?/webhooks/(\d+)/([\w-]+)")
_MESSAGE = re.compile(r"/api(?:/v\d+)?/webhooks/(\d+)/([\w-]+)/messages/(\d+)")
_FILE = re.compile(r"files\[(\d+)\]")
MAX_CONTENT, MAX_DESCRIPTION, MAX_FILES, MAX_FILE_BYTES = 2_000, 1_024, 10, 10 * 1024 * 1024


@dataclass
class FakeDiscord:
    webhook_id: str = "112233445566778899"
    token: str = "geheim-token-ABC_123"
    name: str = "Omroeper-test"
    channel_id: str = "998877665544332211"
    guild_id: str = "556677"
    fail_next: list[int] = field(default_factory=list)
    drop_after_next: bool = False
    requests: list[tuple[str, str]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)  # attachments keep their bytes
    edits: dict[str, int] = field(default_factory=dict)  # message id: edits applied

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(1_300_000_000_000_000_001)

    def start(self) -> FakeDiscord:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake.requests.append(("GET", self.path))
                if _MESSAGE.fullmatch(urlsplit(self.path).path):
                    if not self._failed() and self._authorised(_MESSAGE):
                        message = fake.message(self._message_id())
                        if message is None:
                            self._answer(404, {"message": "Unknown Message", "code": 10008})
                        else:
                            self._answer(200, _public(message))
                    return
                if not self._failed() and self._authorised(_PATH):
                    self._answer(200, fake.webhook())

            def do_PATCH(self) -> None:
                fake.requests.append(("PATCH", self.path))
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self._failed() or not self._authorised(_MESSAGE):
                    return
                try:
                    payload, files = _parse(self.headers.get("Content-Type", ""), body)
                except (ValueError, KeyError, TypeError):
                    self._answer(400, {"message": "Invalid Form Body", "code": 50035})
                    return
                message = fake.message(self._message_id())
                if message is None:
                    self._answer(404, {"message": "Unknown Message", "code": 10008})
                    return
                refusal = _refusal({"content": "-", **payload}, files)
                if refusal:
                    self._answer(*refusal)
                    return
                edited = fake._edit(message, payload, files)
                if fake.drop_after_next:
                    fake.drop_after_next = False
                    self.close_connection = True  # applied, but no answer ever comes
                    return
                self._answer(200, _public(edited))

            def _message_id(self) -> str:
                return _MESSAGE.fullmatch(urlsplit(self.path).path).group(3)

            def do_POST(self) -> None:
                fake.requests.append(("POST", self.path))
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self._failed() or not self._authorised(_PATH):
                    return
                try:
                    payload, files = _parse(self.headers.get("Content-Type", ""), body)
                except (ValueError, KeyError, TypeError):
                    self._answer(400, {"message": "Cannot send an empty message", "code": 50006})
                    return
                refusal = _refusal(payload, files)
                if refusal:
                    self._answer(*refusal)
                    return
                message = fake._keep(payload, files)
                if fake.drop_after_next:
                    fake.drop_after_next = False
                    self.close_connection = True  # taken, but no answer ever comes
                    return
                wait = parse_qs(urlsplit(self.path).query).get("wait", ["false"])[0]
                if wait.lower() == "true":
                    self._answer(200, _public(message))
                else:
                    self._answer(204, None)

            def do_DELETE(self) -> None:
                fake.requests.append(("DELETE", self.path))
                if self._failed() or not self._authorised(_MESSAGE):
                    return
                message_id = _MESSAGE.fullmatch(urlsplit(self.path).path).group(3)
                with fake._lock:
                    found = [m for m in fake.messages if m["id"] == message_id]
                    for message in found:
                        fake.messages.remove(message)
                if found:
                    self._answer(204, None)
                else:
                    self._answer(404, {"message": "Unknown Message", "code": 10008})

            def _failed(self) -> bool:
                if not fake.fail_next:
                    return False
                status = fake.fail_next.pop(0)
                body = {"message": "You are being rate limited.", "retry_after": 2.5}
                self._answer(status, body, {"Retry-After": "3"} if status == 429 else {})
                return True

            def _authorised(self, pattern: re.Pattern[str]) -> bool:
                match = pattern.fullmatch(urlsplit(self.path).path)
                if not match or match.group(1) != fake.webhook_id:
                    self._answer(404, {"message": "Unknown Webhook", "code": 10015})
                    return False
                if match.group(2) != fake.token:
                    self._answer(401, {"message": "Invalid Webhook Token", "code": 50027})
                    return False
                return True

            def _answer(self, status: int, body: dict | None, headers: dict | None = None) -> None:
                data = b"" if body is None else json.dumps(body).encode()
                self.send_response(status)
                if body is not None:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def url(self) -> str:
        return f"{self.base}/api/webhooks/{self.webhook_id}/{self.token}"

    def webhook(self) -> dict:
        # The real answer also echoes the token: it must never reach Omroeper's files or logs.
        return {
            "type": 1,
            "id": self.webhook_id,
            "name": self.name,
            "avatar": None,
            "channel_id": self.channel_id,
            "guild_id": self.guild_id,
            "application_id": None,
            "token": self.token,
        }

    def message(self, message_id: str) -> dict[str, Any] | None:
        with self._lock:
            return next((m for m in self.messages if m["id"] == message_id), None)

    def _attachments(self, payload: dict, files: dict[int, tuple[str, str, bytes]]) -> list[dict]:
        described = {int(a["id"]): a for a in payload.get("attachments") or []}
        attachments = []
        for number, (filename, content_type, data) in sorted(files.items()):
            attachments.append(
                {
                    "id": str(next(self._ids)),
                    "filename": described.get(number, {}).get("filename") or filename,
                    "description": described.get(number, {}).get("description"),
                    "content_type": content_type,
                    "size": len(data),
                    "data": data,
                }
            )
        return attachments

    def _edit(
        self, message: dict, payload: dict, files: dict[int, tuple[str, str, bytes]]
    ) -> dict[str, Any]:
        with self._lock:
            if "content" in payload:
                message["content"] = payload["content"] or ""
            if "attachments" in payload:
                kept = {
                    str(a["id"])
                    for a in payload["attachments"]
                    if str(a["id"]) not in {str(n) for n in files}
                }
                old = [a for a in message["attachments"] if a["id"] in kept]
                message["attachments"] = old + self._attachments(payload, files)
            message["edited_timestamp"] = "2026-12-07T10:00:00.000000+00:00"
            self.edits[message["id"]] = self.edits.get(message["id"], 0) + 1
            return message

    def _keep(self, payload: dict, files: dict[int, tuple[str, str, bytes]]) -> dict[str, Any]:
        with self._lock:
            message_id = str(next(self._ids))
            attachments = self._attachments(payload, files)
            message = {
                "id": message_id,
                "type": 0,
                "channel_id": self.channel_id,
                "webhook_id": self.webhook_id,
                "content": payload.get("content") or "",
                "attachments": attachments,
                "allowed_mentions": payload.get("allowed_mentions"),
                "edited_timestamp": None,
            }
            self.messages.append(message)
            return message


def _parse(content_type: str, body: bytes) -> tuple[dict, dict[int, tuple[str, str, bytes]]]:
    """The JSON payload and the files by their n in `files[n]`."""
    if content_type.startswith("application/json"):
        return json.loads(body), {}
    if not content_type.startswith("multipart/form-data"):
        raise ValueError(content_type)
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    form: Message = BytesParser(policy=HTTP).parsebytes(head + body)
    payload: dict = {}
    files: dict[int, tuple[str, str, bytes]] = {}
    for part in form.iter_parts():
        name = part.get_param("name", header="content-disposition")
        data = part.get_payload(decode=True) or b""
        if name == "payload_json":
            payload = json.loads(data)
        elif name and (match := _FILE.fullmatch(name)):
            filename = part.get_filename() or ""
            files[int(match.group(1))] = (filename, part.get_content_type(), data)
    return payload, files


def _refusal(payload: dict, files: dict) -> tuple[int, dict] | None:
    content = payload.get("content") or ""
    invalid = {"message": "Invalid Form Body", "code": 50035}
    if not content and not files:
        return 400, {"message": "Cannot send an empty message", "code": 50006}
    if len(content.encode("utf-16-le")) // 2 > MAX_CONTENT:
        return 400, {**invalid, "errors": {"content": "BASE_TYPE_MAX_LENGTH"}}
    for attachment in payload.get("attachments") or []:
        description = attachment.get("description") or ""
        if len(description.encode("utf-16-le")) // 2 > MAX_DESCRIPTION:
            return 400, {**invalid, "errors": {"attachments": "BASE_TYPE_MAX_LENGTH"}}
    if len(files) > MAX_FILES:
        return 400, {**invalid, "errors": {"files": "too many"}}
    if any(len(data) > MAX_FILE_BYTES for _name, _type, data in files.values()):
        return 413, {"message": "Request entity too large", "code": 40005}
    return None


def _public(message: dict) -> dict:
    """The message as Discord answers it: attachments with URLs, not bytes."""
    shown = dict(message)
    shown["attachments"] = [
        {**{k: v for k, v in a.items() if k != "data"}, "url": f"https://cdn.example/{a['id']}"}
        for a in message["attachments"]
    ]
    return shown
