"""Connecting a Bluesky account against a real PDS on loopback (tests/support/pds)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from composer.core import net
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.errors import ConnectError
from tests.support.pds import BlueskyAccount, Pds


@pytest.fixture(scope="module")
def alice(bluesky_pds: Pds) -> BlueskyAccount:
    return bluesky_pds.create_account("alice", display_name="Alice van de Bibliotheek")


@pytest.fixture
def app_password(bluesky_pds: Pds, alice: BlueskyAccount) -> str:
    return bluesky_pds.create_app_password(alice)


def _refused(code: str, *args: str, secret: str = "") -> ConnectError:
    with pytest.raises(ConnectError) as caught:
        bluesky.connect(*args)
    assert caught.value.code == code
    if secret:  # the password appears nowhere in what is raised
        assert secret not in str(caught.value)
        assert secret not in repr(caught.value.details)
        assert caught.value.__cause__ is None
        assert caught.value.__suppress_context__
    return caught.value


def test_app_password_shape():
    assert bluesky.looks_like_app_password("abcd-ef23-4567-wxyz")
    assert bluesky.looks_like_app_password(" abcd-ef23-4567-wxyz\n")  # pasted with a newline
    for other in ("hunter2", "ABCD-EF23-4567-WXYZ", "abcd-ef23-4567", "abcd-ef18-4567-wxyz", ""):
        assert not bluesky.looks_like_app_password(other)


def test_plain_http_to_another_machine_is_refused_before_sending_anything():
    _refused("insecure_address", "alice.test", "abcd-ef23-4567-wxyz", "http://example.com")


def test_connect_with_an_app_password(bluesky_pds, alice, app_password):
    assert bluesky.looks_like_app_password(app_password)
    connected = bluesky.connect(f"@{alice.handle}", app_password, bluesky_pds.url)
    assert connected.identity.name == "Alice van de Bibliotheek"  # from the AppView stand-in
    assert connected.identity.handle == f"@{alice.handle}"
    assert connected.server == bluesky_pds.url
    assert connected.settings == {"did": alice.did}
    assert connected.limits == {}
    assert connected.secret["identifier"] == alice.handle
    assert connected.secret["app_password"] == app_password
    assert connected.secret["access_jwt"] and connected.secret["refresh_jwt"]
    assert app_password not in repr(connected)


def test_connect_with_the_e_mail_address(bluesky_pds, alice, app_password):
    connected = bluesky.connect(alice.email, app_password, bluesky_pds.url)
    assert connected.settings["did"] == alice.did
    assert connected.secret["identifier"] == alice.email


def test_an_account_without_a_profile_is_named_by_its_handle(bluesky_pds):
    bob = bluesky_pds.create_account("bob")
    connected = bluesky.connect(bob.handle, bluesky_pds.create_app_password(bob), bluesky_pds.url)
    assert connected.identity.name == bob.handle
    assert connected.identity.avatar == ""


def test_a_main_password_is_recognised_and_the_pds_accepts_it(bluesky_pds, alice):
    # The caller warns (not an app password); this PDS, like bsky.social, still lets it in.
    assert not bluesky.looks_like_app_password(alice.password)
    connected = bluesky.connect(alice.handle, alice.password, bluesky_pds.url)
    assert connected.settings["did"] == alice.did


def test_wrong_password(bluesky_pds, alice):
    _refused("wrong_credentials", alice.handle, "zzzz-zzzz-zzzz-zzzz", bluesky_pds.url)
    wrong = "not-the-password-" + alice.password
    _refused("wrong_credentials", alice.handle, wrong, bluesky_pds.url, secret=wrong)


def test_unknown_handle(bluesky_pds, app_password):
    _refused("wrong_credentials", "nobody.test", app_password, bluesky_pds.url, secret=app_password)


def test_unreachable_server(app_password):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"http://127.0.0.1:{port}"
    _refused("unreachable", "alice.test", app_password, address, secret=app_password)


class _NotAPds(BaseHTTPRequestHandler):
    """An ordinary web server: a page for every GET, 404 or 405 for anything else."""

    def do_GET(self) -> None:
        self._page(200)

    def do_POST(self) -> None:
        self._page(404 if "createSession" in self.path else 405)

    def _page(self, status: int) -> None:
        body = b"<html><body>Welkom bij de bibliotheek</body></html>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


class _HtmlForEverything(_NotAPds):
    def do_POST(self) -> None:
        self._page(200)


@pytest.fixture(params=[_NotAPds, _HtmlForEverything])
def website(request) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), request.param)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_website_that_is_not_a_pds(website, app_password):
    _refused("not_that_server", "alice.test", app_password, website, secret=app_password)


def test_a_server_that_never_answers(monkeypatch, app_password):
    monkeypatch.setattr(net, "TIMEOUT", 0.5)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # accepts the connection, never answers
        address = f"http://127.0.0.1:{silent.getsockname()[1]}"
        _refused("timeout", "alice.test", app_password, address, secret=app_password)


# Resuming from the tokens in the keyring.


@pytest.fixture
def stored(bluesky_pds, alice, app_password) -> dict[str, str]:
    return bluesky.connect(alice.handle, app_password, bluesky_pds.url).secret


@pytest.fixture
def a_day_later(monkeypatch):
    """Moves the SDK's clock a day on: stored access tokens (2 hours) have then expired."""
    from atproto_client.client.methods_mixin.time import TimeMethodsMixin

    real = TimeMethodsMixin.get_current_time

    def move() -> None:
        monkeypatch.setattr(
            TimeMethodsMixin, "get_current_time", lambda self: real(self) + timedelta(days=1)
        )

    return move


@pytest.fixture
def resume():
    """bluesky.resume, closing every client it hands out when the test ends."""
    clients = []

    def resuming(*args):
        client, new_secret = bluesky.resume(*args)
        clients.append(client)
        return client, new_secret

    yield resuming
    for client in clients:
        client.request.close()


def _works(client, did: str) -> None:
    assert client.com.atproto.server.get_session().did == did
    assert client.me.did == did  # what send_post takes the author from


def test_resume_with_stored_tokens(bluesky_pds, alice, stored, resume):
    heard = []
    client, new_secret = resume(bluesky_pds.url, stored, heard.append)
    assert new_secret is None  # nothing to store
    _works(client, alice.did)
    assert heard == []


def test_resume_refreshes_an_expired_access_token(bluesky_pds, alice, stored, resume, a_day_later):
    a_day_later()
    heard = []
    client, new_secret = resume(bluesky_pds.url, stored, heard.append)
    assert new_secret is not None
    assert new_secret["refresh_jwt"] != stored["refresh_jwt"]  # refresh tokens are single-use
    assert new_secret["app_password"] == stored["app_password"]
    assert heard[-1] == new_secret  # the same tokens reach the callback, for the keyring
    _works(client, alice.did)


def test_resume_logs_in_again_when_the_refresh_token_was_revoked(
    bluesky_pds, alice, stored, resume, a_day_later
):
    a_day_later()
    bluesky_pds.xrpc("com.atproto.server.deleteSession", token=stored["refresh_jwt"], post=True)
    client, new_secret = resume(bluesky_pds.url, stored)
    assert new_secret is not None and new_secret["refresh_jwt"] != stored["refresh_jwt"]
    _works(client, alice.did)


def _revoke(pds: Pds, account: BlueskyAccount) -> None:
    listed = pds.xrpc("com.atproto.server.listAppPasswords", token=account.access_jwt)
    (name,) = [entry["name"] for entry in listed["passwords"]]
    pds.xrpc("com.atproto.server.revokeAppPassword", token=account.access_jwt, body={"name": name})


def test_resume_after_the_app_password_was_revoked(bluesky_pds, resume, a_day_later):
    carol = bluesky_pds.create_account("carol")
    app_password = bluesky_pds.create_app_password(carol)
    secret = bluesky.connect(carol.handle, app_password, bluesky_pds.url).secret
    _revoke(bluesky_pds, carol)
    # What the PDS does: an access token stays valid until it runs out (2 hours)...
    _works(resume(bluesky_pds.url, secret)[0], carol.did)
    # ...then neither the refresh token nor the app password is accepted any more.
    a_day_later()
    with pytest.raises(ConnectError) as caught:
        resume(bluesky_pds.url, secret)
    assert caught.value.code == "wrong_credentials"
    assert app_password not in str(caught.value)


def test_resume_works_in_a_fresh_process(bluesky_pds, alice, app_password):
    """The SDK's models need the whole package imported first: a fresh process shows it."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    connected = bluesky.connect(alice.handle, app_password, bluesky_pds.url)
    code = (
        "import json, sys\n"
        "from composer.core.destinations.bluesky.session import resume\n"
        "client, _ = resume(sys.argv[1], json.loads(sys.stdin.read()))\n"
        "print(client.me.handle)\n"
        "client.request.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, bluesky_pds.url],
        input=json.dumps(connected.secret),
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == alice.handle
