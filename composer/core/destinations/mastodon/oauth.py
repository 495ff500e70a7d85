"""The OAuth pieces of signing in to Mastodon or Pixelfed that Mastodon.py lacks: PKCE
(its `auth_request_url` and `log_in` know no code challenge or verifier), the one-shot
loopback listener that catches the browser's redirect, and the code exchange.

Everything here blocks: call it from a worker thread, never from the UI thread.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import socket
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

import requests

from composer.core import net
from composer.core.destinations.errors import ConnectError, connect_error
from composer.core.destinations.http.requests_failures import transport_code

OOB = "urn:ietf:wg:oauth:2.0:oob"
CALLBACK = "/callback"

_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Omroeper</title></head>"
    "<body style='font-family:sans-serif;text-align:center;margin-top:4em'>"
    "<h1>{title}</h1><p>You can close this tab and return to Omroeper.</p></body></html>"
)


@dataclass(frozen=True)
class SignIn:
    """One sign-in in progress: what the browser opens and what finishing it needs."""

    authorize_url: str
    redirect_uri: str
    state: str
    code_verifier: str = field(repr=False)  # empty when the server has no PKCE
    client_id: str = field(repr=False)
    client_secret: str = field(repr=False)
    server: str = ""
    kind: str = "mastodon"
    scopes: tuple[str, ...] = ()
    # The loopback port stays bound from start to finish so nothing else can take it.
    listener: socket.socket | None = field(default=None, repr=False, compare=False)

    @property
    def out_of_band(self) -> bool:
        """True when the person copies the code from the server's page into Omroeper."""
        return self.redirect_uri == OOB

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()


def new_pkce() -> tuple[str, str]:
    """(verifier, S256 challenge), RFC 7636."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def bind_loopback() -> socket.socket:
    """A listening socket on 127.0.0.1 with a port the system picks (RFC 8252 §7.3)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    return sock


def loopback_uri(sock: socket.socket) -> str:
    return f"http://127.0.0.1:{sock.getsockname()[1]}{CALLBACK}"


def wait_for_redirect(sign_in: SignIn, timeout: float = 300.0) -> str:
    """Wait for the browser to come back to the loopback address; the authorization code.

    Answers the browser with a short page. Requests without our `state` (another page,
    a forgery) get a 400 and waiting goes on. `error=access_denied` → ConnectError("refused");
    nothing within `timeout` seconds → ConnectError("timeout"). Blocks: worker thread only.
    """
    if sign_in.listener is None:
        raise ValueError("this sign-in uses the out-of-band code, not a redirect")
    outcome: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        timeout = 5  # a browser's idle preconnect must not hold the one-shot listener

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            ours = parts.path == CALLBACK and secrets.compare_digest(
                query.get("state", "").encode(), sign_in.state.encode()
            )
            if not ours:
                self._page(400, "This page is not for Omroeper")
                return
            outcome.update(query)
            title = "Omroeper is connected" if "code" in query else "Nothing was connected"
            self._page(200, title)

        def _page(self, status: int, title: str) -> None:
            body = _PAGE.format(title=title).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass  # the query holds the code: never log it

    server = HTTPServer(sign_in.listener.getsockname(), Handler, bind_and_activate=False)
    server.socket.close()  # the unbound socket HTTPServer made; ours is already listening
    server.socket = sign_in.listener
    deadline = time.monotonic() + timeout
    try:
        while not outcome:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ConnectError("timeout", {"address": sign_in.server})
            server.timeout = left
            server.handle_request()
    finally:
        sign_in.close()
    if "code" in outcome:
        return outcome["code"]
    if outcome.get("error") == "access_denied":
        raise ConnectError("refused", {"address": sign_in.server})
    raise ConnectError("server_error", {"address": sign_in.server, "error": outcome.get("error")})


def exchange_code(
    session: requests.Session, sign_in: SignIn, code: str
) -> tuple[dict[str, str], dict[str, object]]:
    """Trade the authorization code (and the PKCE verifier) for a token: the secret dict, and
    the token answer's other fields (its `scope`: what was granted).

    Done here rather than with Mastodon.py's `log_in`: that sends no `code_verifier` and
    turns every failure, network or refusal, into one undistinguishable error.
    """
    form = {
        "grant_type": "authorization_code",
        "code": code.strip(),
        "client_id": sign_in.client_id,
        "client_secret": sign_in.client_secret,
        "redirect_uri": sign_in.redirect_uri,
        "scope": " ".join(sign_in.scopes),
    }
    if sign_in.code_verifier:
        form["code_verifier"] = sign_in.code_verifier
    try:
        answer = session.post(f"{sign_in.server}/oauth/token", data=form, timeout=net.TIMEOUT)
    except requests.RequestException as error:
        raise connect_error(transport_code(error), {"address": sign_in.server}) from None
    details = {"address": sign_in.server, "status": answer.status_code}
    if answer.status_code in (400, 401):  # invalid_grant, invalid_client: a wrong code
        raise ConnectError("wrong_credentials", details)
    if answer.status_code == 429:
        raise ConnectError("rate_limited", details)
    if answer.status_code >= 400:
        raise ConnectError("server_error", details)
    try:
        token = answer.json()
        secret = {"access_token": str(token["access_token"])}
    except (ValueError, KeyError, TypeError):
        raise ConnectError("not_that_server", {"address": sign_in.server}) from None
    if token.get("refresh_token"):  # Pixelfed's tokens expire; Mastodon's do not
        secret["refresh_token"] = str(token["refresh_token"])
    secret |= {"client_id": sign_in.client_id, "client_secret": sign_in.client_secret}
    rest = {k: v for k, v in token.items() if k not in ("access_token", "refresh_token")}
    return secret, rest
