"""Connecting Mastodon and Pixelfed accounts: the real Mastodon.py against a fake server
over real HTTP on 127.0.0.1 (tests/support/fake_mastodon.py). Nothing here leaves the machine."""

from __future__ import annotations

import base64
import hashlib
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from composer.core import net
from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.errors import ConnectError
from composer.core.destinations.mastodon import connect as mastodon
from composer.core.destinations.mastodon.oauth import OOB
from tests.support.fake_mastodon import FakeMastodon


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> Iterator[FakeMastodon]:
    server = FakeMastodon(**getattr(request, "param", {})).start()
    yield server
    server.stop()


def sign_in_through_browser(fake: FakeMastodon, sign_in: mastodon.SignIn, approve: bool = True):
    """The person's browser and Omroeper's listener at once, as in real life."""
    with ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(mastodon.wait_for_redirect, sign_in, 10)
        visit = fake.browser(sign_in.authorize_url, approve=approve)
        return visit, waiting.result


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def test_sign_in_with_loopback_redirect_and_pkce(fake: FakeMastodon) -> None:
    sign_in = mastodon.start_sign_in(fake.base, AccountKind.MASTODON)
    asked = query(sign_in.authorize_url)
    assert sign_in.redirect_uri.startswith("http://127.0.0.1:") and not sign_in.out_of_band
    assert asked["code_challenge_method"] == "S256"
    assert asked["code_challenge"] == s256(sign_in.code_verifier)
    assert asked["state"] == sign_in.state and "lang" not in asked
    assert asked["scope"] == "read:accounts read:statuses write:statuses write:media"

    with ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(mastodon.wait_for_redirect, sign_in, 10)
        # Another page hitting the listener without our state changes nothing.
        forged = requests.get(f"{sign_in.redirect_uri}?code=evil&state=wrong", timeout=5)
        assert forged.status_code == 400
        odd = requests.get(f"{sign_in.redirect_uri}?code=evil&state=%C3%A9", timeout=5)
        assert odd.status_code == 400
        visit = fake.browser(sign_in.authorize_url)
        code = waiting.result()
    assert visit.status == 200 and "return to Omroeper" in visit.page
    connected = mastodon.finish_sign_in(sign_in, code)

    assert connected.identity.name == "Omroep Zuid"
    assert connected.identity.handle == "@omroep@social.example"  # the server's own domain
    assert connected.identity.avatar.endswith("/avatars/109/original/a.png")
    assert set(connected.secret) == {"access_token", "client_id", "client_secret"}
    needed = ["read:accounts", "read:statuses", "write:statuses", "write:media"]
    assert fake.tokens[connected.secret["access_token"]]["scopes"] == needed
    assert connected.settings["scopes"] == " ".join(needed)  # as the token answer granted
    exchange = next(r for r in fake.requests if r.path == "/oauth/token")
    assert exchange.form["code_verifier"] == sign_in.code_verifier
    registered = next(r for r in fake.requests if r.path == "/api/v1/apps")
    assert registered.form["redirect_uris"] == sign_in.redirect_uri


def test_a_wrong_verifier_is_refused(fake: FakeMastodon) -> None:
    sign_in = mastodon.start_sign_in(fake.base, "mastodon")
    _visit, code = sign_in_through_browser(fake, sign_in)
    with pytest.raises(ConnectError) as caught:
        mastodon.finish_sign_in(replace(sign_in, code_verifier="not-the-verifier"), code())
    assert caught.value.code == "wrong_credentials"


@pytest.mark.parametrize(
    "fake", [{"version": "4.2.10", "pkce": False, "loopback_redirects": False}], indirect=True
)
def test_out_of_band_code_on_an_older_server(fake: FakeMastodon) -> None:
    sign_in = mastodon.start_sign_in(fake.base, "mastodon", lang="nl")
    assert sign_in.out_of_band and sign_in.redirect_uri == OOB
    assert "code_challenge" not in query(sign_in.authorize_url)
    assert query(sign_in.authorize_url)["lang"] == "nl"
    attempts = [r.form["redirect_uris"] for r in fake.requests if r.path == "/api/v1/apps"]
    assert attempts[-1] == OOB and attempts[0].startswith("http://127.0.0.1:")

    visit = fake.browser(sign_in.authorize_url)  # the person copies the code from the page
    connected = mastodon.finish_sign_in(sign_in, f"  {visit.code}\n")
    assert connected.identity.handle == "@omroep@social.example"
    assert "code_verifier" not in next(r for r in fake.requests if r.path == "/oauth/token").form
    assert "alt_text_limit" not in connected.limits  # 4.2 does not report it


def test_refusing_on_the_server(fake: FakeMastodon) -> None:
    sign_in = mastodon.start_sign_in(fake.base, "mastodon")
    visit, code = sign_in_through_browser(fake, sign_in, approve=False)
    assert query(visit.location)["error"] == "access_denied"
    with pytest.raises(ConnectError) as caught:
        code()
    assert caught.value.code == "refused"


def test_nobody_comes_back(fake: FakeMastodon) -> None:
    sign_in = mastodon.start_sign_in(fake.base, "mastodon")
    with pytest.raises(ConnectError) as caught:
        mastodon.wait_for_redirect(sign_in, timeout=0.3)
    assert caught.value.code == "timeout"


def test_a_pasted_token(fake: FakeMastodon) -> None:
    token = fake.issue_token("read:accounts write:statuses write:media")
    connected = mastodon.connect_with_token(fake.base, "mastodon", token)
    assert connected.identity.handle == "@omroep@social.example"
    assert connected.secret == {"access_token": token}


@pytest.mark.parametrize(
    ("state", "code"),
    [("wrong", "wrong_credentials"), ("expired", "expired"), ("revoked", "expired")],
)
def test_a_token_the_server_refuses(fake: FakeMastodon, state: str, code: str) -> None:
    token = "not-a-token" if state == "wrong" else fake.issue_token(state=state)
    with pytest.raises(ConnectError) as caught:
        mastodon.connect_with_token(fake.base, "mastodon", token)
    assert caught.value.code == code
    assert token not in str(caught.value) and token not in repr(caught.value.details)


def test_an_unreachable_server() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nobody listens there
    with pytest.raises(ConnectError) as caught:
        mastodon.start_sign_in(f"http://127.0.0.1:{port}", "mastodon")
    assert caught.value.code == "unreachable"


def test_a_server_that_does_not_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(net, "TIMEOUT", 0.3)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)  # accepts the connection, never says a word
        with pytest.raises(ConnectError) as caught:
            mastodon.read_limits(f"http://127.0.0.1:{sock.getsockname()[1]}", "mastodon")
    assert caught.value.code == "timeout"


class _NotFound(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<html><body>Not Found</body></html>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *_args: object) -> None:
        pass


def test_a_web_server_that_is_not_mastodon() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotFound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for attempt in (
            lambda base: mastodon.start_sign_in(base, "mastodon"),
            lambda base: mastodon.connect_with_token(base, "pixelfed", "token"),
        ):
            with pytest.raises(ConnectError) as caught:
                attempt(f"http://127.0.0.1:{server.server_address[1]}")
            assert caught.value.code == "not_that_server"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("fake", [{"flavour": "pixelfed"}], indirect=True)
def test_a_pixelfed_is_not_a_mastodon(fake: FakeMastodon) -> None:
    with pytest.raises(ConnectError) as caught:
        mastodon.start_sign_in(fake.base, "mastodon")
    assert caught.value.code == "not_that_server" and caught.value.details["found"] == "pixelfed"


@pytest.mark.parametrize("address", ["http://mastodon.example", "http://192.0.2.7:3000"])
def test_plain_http_only_to_this_machine(address: str) -> None:
    for attempt in (mastodon.start_sign_in, mastodon.read_limits):
        with pytest.raises(ConnectError) as caught:
            attempt(address, "mastodon")
        assert caught.value.code == "insecure_address"


@pytest.mark.parametrize("fake", [{"limits": {"max_characters": 1000}}], indirect=True)
def test_mastodon_limits_are_read(fake: FakeMastodon) -> None:
    limits = mastodon.read_limits(fake.base, "mastodon")
    assert limits["max_characters"] == 1000
    assert limits["characters_reserved_per_url"] == 23 and limits["alt_text_limit"] == 1500
    assert "video/mp4" not in limits["image_types"] and "image/avif" in limits["image_types"]
    account = Account("mastodon-1", AccountKind.MASTODON, Identity("x"), limits=limits)
    effective = account.effective_limits()
    assert effective.max_characters == 1000 and effective.unit == "graphemes"
    assert effective.image_types == frozenset(limits["image_types"])


PIXELFED = {
    "max_caption_length": 2000,
    "album_limit": 10,
    "max_photo_size": 20_000,
    "max_altext_length": 1500,
    "media_types": "image/jpeg,image/png,video/mp4",
}


@pytest.mark.parametrize("fake", [{"flavour": "pixelfed", "limits": PIXELFED}], indirect=True)
def test_pixelfed_sign_in_scopes_and_limits(fake: FakeMastodon) -> None:
    sign_in = mastodon.start_sign_in(fake.base, AccountKind.PIXELFED)
    assert query(sign_in.authorize_url)["scope"] == "read write"
    assert not sign_in.code_verifier  # Pixelfed announces no PKCE
    _visit, code = sign_in_through_browser(fake, sign_in)
    connected = mastodon.finish_sign_in(sign_in, code())

    assert next(r for r in fake.requests if r.path == "/api/v1/apps").form["scopes"] == "read write"
    assert "refresh_token" in connected.secret  # Passport tokens expire
    assert connected.limits == {
        "max_characters": 2000,
        "max_images": 10,
        "image_bytes": 20_000 * 1024,
        "alt_text_limit": 1500,
        "image_types": ["image/jpeg", "image/png"],
    }
    account = Account(
        "pixelfed-1", AccountKind.PIXELFED, connected.identity, limits=connected.limits
    )
    effective = account.effective_limits()
    assert (effective.max_characters, effective.max_images) == (2000, 10)
    assert effective.image_required and effective.characters_reserved_per_url is None


@pytest.mark.parametrize("fake", [{"flavour": "pixelfed", "limits": PIXELFED}], indirect=True)
def test_pixelfed_limits_from_the_instance_when_config_fails(fake: FakeMastodon) -> None:
    fake.fail("GET", "/api/v2/config", 500)
    limits = mastodon.read_limits(fake.base, "pixelfed")
    assert limits == {
        "max_characters": 2000,
        "max_images": 10,
        "image_bytes": 20_000 * 1024,
        "image_types": ["image/jpeg", "image/png"],
    }


@pytest.mark.parametrize("fake", [{"flavour": "pixelfed"}], indirect=True)
def test_pixelfed_refuses_granular_scopes_and_bad_tokens(fake: FakeMastodon) -> None:
    with pytest.raises(ConnectError) as caught:
        mastodon.connect_with_token(fake.base, "pixelfed", "not-a-token")
    assert caught.value.code == "wrong_credentials"
    client_id = requests.post(
        f"{fake.base}/api/v1/apps",
        data={"client_name": "x", "redirect_uris": OOB, "scopes": "read:accounts"},
        timeout=5,
    ).json()
    url = f"{fake.base}/oauth/authorize?client_id={client_id['client_id']}&response_type=code"
    visit = fake.browser(f"{url}&redirect_uri={OOB}&scope=read:accounts")
    assert "invalid_scope" in visit.page  # why Omroeper asks Pixelfed for "read write"


def test_rate_limits_server_errors_and_lost_answers(fake: FakeMastodon) -> None:
    token = fake.issue_token()
    path = "/api/v1/accounts/verify_credentials"
    fake.rate_limit("GET", path, reset_in=30)
    fake.fail("GET", path, 500)
    fake.drop("GET", path)
    outcomes = []
    for _ in range(3):
        with pytest.raises(ConnectError) as caught:
            mastodon.connect_with_token(fake.base, "mastodon", token)
        outcomes.append((caught.value.code, caught.value.details))
    assert outcomes[0][0] == "rate_limited" and 25 <= outcomes[0][1]["retry_after"] <= 30
    assert outcomes[1] == ("server_error", {"address": fake.base, "status": 500})
    assert outcomes[2][0] == "unreachable"
    assert mastodon.connect_with_token(fake.base, "mastodon", token).identity.name


def test_secrets_stay_out_of_reprs_and_errors(fake: FakeMastodon) -> None:
    sign_in = mastodon.start_sign_in(fake.base, "mastodon")
    assert sign_in.client_secret not in repr(sign_in)
    assert sign_in.code_verifier not in repr(sign_in)
    _visit, code = sign_in_through_browser(fake, sign_in)
    connected = mastodon.finish_sign_in(sign_in, code())
    assert connected.secret["access_token"] not in repr(connected)
    with pytest.raises(ConnectError) as caught:
        mastodon.finish_sign_in(sign_in, "used-up-code")
    assert sign_in.client_secret not in str(caught.value)
    with pytest.raises(ConnectError) as caught:  # raised while handling Mastodon.py's error
        mastodon.connect_with_token(fake.base, "mastodon", "secret-but-wrong")
    # No chained library exception (with its message) rides along into a logged traceback.
    assert caught.value.__suppress_context__ and caught.value.__cause__ is None


@pytest.mark.parametrize("fake", [{"version": "3.5.9", "pkce": False}], indirect=True)
def test_limits_from_the_v1_instance_of_an_old_mastodon(fake: FakeMastodon) -> None:
    limits = mastodon.read_limits(fake.base, "mastodon")
    assert limits["max_characters"] == 500 and "alt_text_limit" not in limits
    assert any(r.path.startswith("/api/v1/instance") for r in fake.requests)


def test_an_answer_lost_after_the_server_made_the_token(fake: FakeMastodon) -> None:
    sign_in = mastodon.start_sign_in(fake.base, "mastodon")
    _visit, code = sign_in_through_browser(fake, sign_in)
    fake.drop("POST", "/oauth/token", after=True)
    with pytest.raises(ConnectError) as caught:
        mastodon.finish_sign_in(sign_in, code())
    assert caught.value.code == "unreachable"
    assert len(fake.tokens) == 1  # made on the server, never received
