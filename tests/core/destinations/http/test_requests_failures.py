"""requests' failures read in one place (requests_failures.py): real failures on loopback,
through requests itself, then through Discord's connecting and publishing and the website
webhook, which must name each failure as the shared reading says."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from composer.core import net
from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.discord import connect as discord
from composer.core.destinations.discord.publish import DiscordDestination
from composer.core.destinations.errors import ConnectError, PublishError
from composer.core.destinations.http.requests_failures import transport_code
from composer.core.destinations.website import webhook
from composer.core.drafts.draft import Draft
from composer.core.publishing.publisher import PublishRequest

WEBHOOK = "/api/webhooks/112233/geheim-token"
ACCOUNT = Account("discord-1", AccountKind.DISCORD, Identity("Kanaal"))

linux_only = pytest.mark.skipif(
    sys.platform != "linux", reason="a full accept queue drops the handshake on Linux"
)

# (broken server, what requests' failure is, what connecting calls it, what publishing does)
FAILURES = [
    ("nobody_listening", "unreachable", "unreachable", "unreachable"),
    pytest.param("queue_full", "unreachable", "unreachable", "unreachable", marks=linux_only),
    ("never_answers", "timeout", "timeout", "timeout"),
    # Sent, and no answer: publishing must not resend blindly; connecting just tries again.
    ("hangs_up", "connection_lost", "unreachable", "connection_lost"),
    ("cuts_the_answer_short", "connection_lost", "unreachable", "connection_lost"),
    ("untrusted_certificate", "tls_failed", "tls_failed", "tls_failed"),
]


@pytest.fixture(autouse=True)
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(net, "TIMEOUT", 0.5)
    net.use_system_trust()  # as every client of the app does


def _failure(call: Callable[[], object]) -> BaseException:
    try:
        call()
    except Exception as error:  # the real exception, whatever it is
        return error
    raise AssertionError("it did not fail")


@pytest.mark.parametrize(("kind", "code", "_connect", "_publish"), FAILURES)
def test_what_requests_raised(broken, kind, code, _connect, _publish):
    with broken(kind) as base:
        error = _failure(lambda: requests.post(f"{base}/x", data=b"{}", timeout=net.TIMEOUT))
    assert isinstance(error, requests.RequestException)
    assert transport_code(error) == code


@pytest.mark.parametrize(("kind", "_code", "connect", "publish"), FAILURES)
def test_discord_names_it_on_both_sides(broken, kind, _code, connect, publish):
    with broken(kind) as base:
        url = f"{base}{WEBHOOK}"
        with pytest.raises(ConnectError) as connecting:
            discord.connect(url)
        destination = DiscordDestination(lambda _id: {"webhook_url": url})
        request = PublishRequest(Draft(text="Hallo"), ACCOUNT, None, "k", 1)
        with pytest.raises(PublishError) as publishing:
            destination.publish(request)
    assert (connecting.value.code, publishing.value.code) == (connect, publish)
    for raised in (connecting.value, publishing.value):
        assert "geheim-token" not in str(raised) and raised.__cause__ is None
        assert raised.__suppress_context__


@pytest.mark.parametrize(("kind", "_code", "_connect", "publish"), FAILURES)
def test_the_website_webhook_names_it_as_publishing_does(broken, kind, _code, _connect, publish):
    payload = webhook.build_deleted("https://example.org/p/", "msg_x")
    with broken(kind) as base, pytest.raises(PublishError) as publishing:
        webhook.send(f"{base}/hook", "whsec_" + "A" * 43 + "=", payload, "msg_x")
    assert publishing.value.code == publish


class _Unreadable(BaseHTTPRequestHandler):
    """A page where JSON was expected, and a redirect to itself."""

    def do_GET(self) -> None:
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"<html>Welkom</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def unreadable() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Unreadable)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_answer_that_cannot_be_read_is_a_bad_answer(unreadable):
    not_json = _failure(lambda: requests.get(unreadable, timeout=5).json())
    loop = _failure(lambda: requests.get(f"{unreadable}/loop", timeout=5))
    assert transport_code(not_json) == transport_code(loop) == "bad_answer"
