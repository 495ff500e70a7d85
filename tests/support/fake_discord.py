"""A Discord channel webhook over real HTTP on 127.0.0.1, as Discord documents it.

GET /api/webhooks/{id}/{token} answers the webhook (name, channel_id, guild_id);
an unknown id is 404 (code 10015), a wrong token 401 (code 50027); `fail_next` injects
a 429 with Retry-After or a 5xx. Publishing (POST ?wait=true, DELETE) comes with the
publishing issue.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_PATH = re.compile(r"/api(?:/v\d+)?/webhooks/(\d+)/([\w-]+)")


@dataclass
class FakeDiscord:
    webhook_id: str = "112233445566778899"
    token: str = "geheim-token-ABC_123"
    name: str = "Omroeper-test"
    channel_id: str = "998877665544332211"
    fail_next: list[int] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)

    def start(self) -> FakeDiscord:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake.requests.append(("GET", self.path))
                if fake.fail_next:
                    status = fake.fail_next.pop(0)
                    body = {"message": "You are being rate limited.", "retry_after": 2.5}
                    self._answer(status, body, {"Retry-After": "3"} if status == 429 else {})
                    return
                match = _PATH.fullmatch(self.path.split("?")[0])
                if not match or match.group(1) != fake.webhook_id:
                    self._answer(404, {"message": "Unknown Webhook", "code": 10015})
                elif match.group(2) != fake.token:
                    self._answer(401, {"message": "Invalid Webhook Token", "code": 50027})
                else:
                    self._answer(200, fake.webhook())

            def _answer(self, status: int, body: dict, headers: dict | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
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
            "guild_id": "556677",
            "application_id": None,
            "token": self.token,
        }
