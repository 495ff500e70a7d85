"""Mastodon.py's failures read in one place (mastodon_failures.py): the real library against
the fake server (tests/support/fake_mastodon.py) and broken servers on loopback; then the same
failure while connecting and while publishing, read the same and named by each side."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from mastodon import Mastodon

from composer.core import net
from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.errors import ConnectError, PublishError
from composer.core.destinations.mastodon import connect as mastodon
from composer.core.destinations.mastodon import failures
from composer.core.destinations.mastodon.client import Session, client
from composer.core.destinations.mastodon.failures import classify
from composer.core.destinations.mastodon.publish import MastodonDestination
from composer.core.drafts.draft import Draft
from composer.core.publishing.publisher import PublishRequest
from tests.support import broken_servers
from tests.support.fake_mastodon import FakeMastodon

VERIFY = "/api/v1/accounts/verify_credentials"
STATUSES = "/api/v1/statuses"
SCOPES = {"error": "This action is outside the authorized scopes"}
DISABLED = {"error": "Your login is currently disabled"}  # Api::BaseController, 403
TOO_LONG = {"error": "Validation failed: Text character limit of 500 exceeded"}
PAGE = "<html><body>Welkom</body></html>"


@pytest.fixture
def fake() -> Iterator[FakeMastodon]:
    server = FakeMastodon().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(net, "TIMEOUT", 0.5)


def _raised(call: Callable[[], object]) -> BaseException:
    try:
        call()
    except Exception as error:  # the library's own exception, as it raises it
        return error
    raise AssertionError("it did not fail")


def _verify(fake: FakeMastodon, token: str | None = None) -> tuple[BaseException, Session]:
    session = Session()
    api = client(fake.base, token or fake.issue_token(), session)
    return _raised(api.account_verify_credentials), session


# -- every kind of exception, read ---------------------------------------------------------


def test_a_rate_limit(fake):
    fake.rate_limit("GET", VERIFY, reset_in=30)
    error, session = _verify(fake)
    code, details = classify(error, session)
    assert code == "rate_limited" and 25 <= details["retry_after"] <= 30


@pytest.mark.parametrize("status", [500, 502, 503, 504, 520])
def test_a_server_in_trouble(fake, status):
    fake.fail("GET", VERIFY, status)
    error, session = _verify(fake)
    assert classify(error, session) == ("server_error", {"status": status})


@pytest.mark.parametrize(
    ("state", "code"),
    [("expired", "expired"), ("revoked", "expired"), ("wrong", "wrong_credentials")],
)
def test_a_token_refused(fake, state, code):
    token = "not-a-token" if state == "wrong" else fake.issue_token(state=state)
    error, session = _verify(fake, token)
    assert classify(error, session) == (code, {})


def test_pixelfed_says_unauthenticated_in_its_own_words():
    pixelfed = FakeMastodon(flavour="pixelfed").start()
    try:
        error, session = _verify(pixelfed, "not-a-token")
    finally:
        pixelfed.stop()
    assert classify(error, session) == ("wrong_credentials", {})


@pytest.mark.parametrize(
    "body",
    [
        SCOPES,  # Mastodon: Api::BaseController
        {"error": "Forbidden: token has insufficient scope permission"},  # GoToSocial
        {"error": "Insufficient permissions: read:statuses."},  # Pleroma, Akkoma
    ],
)
def test_a_token_without_the_scope_is_told_apart(fake, body):
    """A 403 for lack of scope is no refusal of the post: the account is connected again."""
    fake.fail("GET", VERIFY, 403, body)
    error, session = _verify(fake)
    assert classify(error, session) == ("scope_missing", {"status": 403, "message": body["error"]})


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (403, DISABLED, DISABLED["error"]),
        (404, {"error": "Record not found"}, "Record not found"),
        (422, TOO_LONG, TOO_LONG["error"]),
        (422, PAGE, ""),  # no words from the server: none made up
        (400, {"message": "Duplicate idempotency key."}, "Duplicate idempotency key."),
    ],
)
def test_a_refusal_keeps_the_servers_words(fake, status, body, message):
    fake.fail("GET", VERIFY, status, body)
    error, session = _verify(fake)
    assert classify(error, session) == ("rejected", {"status": status, "message": message})


def test_an_answer_that_is_not_json(fake):
    fake.fail("GET", VERIFY, 200, PAGE)
    error, session = _verify(fake)
    assert classify(error, session) == ("bad_answer", {"status": 200})


def test_what_mastodon_py_does_not_check(fake):
    fake.fail("GET", VERIFY, 200, ["not", "an", "account"])
    session = Session()
    api = client(fake.base, fake.issue_token(), session)
    error = _raised(lambda: api.account_verify_credentials()["username"])
    assert isinstance(error, TypeError | KeyError)
    assert classify(error, session) == ("bad_answer", {"status": 200})


@pytest.mark.parametrize("after", [False, True])
def test_a_dropped_answer(fake, after):
    fake.drop("GET", VERIFY, after=after)  # either way, sent: the client cannot tell
    error, session = _verify(fake)
    assert classify(error, session) == ("connection_lost", {})


class _Page(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


def test_registering_with_a_web_page():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    session = Session()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:  # create_app hides the JSON error inside a MastodonNetworkError
        error = _raised(lambda: Mastodon.create_app("x", api_base_url=base, session=session))
    finally:
        server.shutdown()
        server.server_close()
    assert classify(error, session) == ("bad_answer", {})


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("nobody_listening", "unreachable"),
        ("never_answers", "timeout"),
        ("hangs_up", "connection_lost"),
        ("cuts_the_answer_short", "connection_lost"),
        ("untrusted_certificate", "tls_failed"),
    ],
)
def test_the_network(broken, kind, code):
    session = Session()
    with broken(kind) as base:
        error = _raised(client(base, "token", session).instance_v2)
    assert classify(error, session) == (code, {})


# -- the same failure, connecting and publishing ------------------------------------------

# (failure, what connecting says, what publishing says). Where the words differ, connecting
# names the same reading with its own (errors.connect_error): it posts nothing, and it checks
# a token the person just gave; publishing uses one that worked before (errors.publish_error).
SAME_FAILURE = [
    ("rate_limited", "rate_limited", "rate_limited"),
    ("status 500", "server_error", "server_error"),
    ("status 503", "server_error", "server_error"),
    ("status 520", "server_error", "server_error"),
    ("token expired", "expired", "expired"),
    ("token unknown", "wrong_credentials", "expired"),
    ("status 403", "scope_missing", "scope_missing"),
    ("status 403 disabled", "wrong_credentials", "rejected"),
    ("status 404", "not_that_server", "rejected"),
    ("status 422", "server_error", "rejected"),
    ("a web page", "not_that_server", "bad_answer"),
    ("dropped before", "unreachable", "connection_lost"),
    ("dropped after", "unreachable", "connection_lost"),
    ("nobody_listening", "unreachable", "unreachable"),
    ("never_answers", "timeout", "timeout"),
    ("untrusted_certificate", "tls_failed", "tls_failed"),
]


def _inject(fake: FakeMastodon, failure: str, method: str, path: str) -> None:
    if failure == "rate_limited":
        fake.rate_limit(method, path, reset_in=30)
    elif failure.startswith("status "):
        status = int(failure.split()[1])
        body = (
            DISABLED if failure.endswith("disabled") else {403: SCOPES, 422: TOO_LONG}.get(status)
        )
        fake.fail(method, path, status, body)
    elif failure.startswith("token "):
        said = "expired" if failure == "token expired" else "is invalid"
        fake.fail(method, path, 401, {"error": f"The access token {said}"})
    elif failure == "a web page":
        fake.fail(method, path, 200, PAGE)
    else:
        fake.drop(method, path, after=failure == "dropped after")


@contextlib.contextmanager
def _server(fake, broken, failure: str, method: str, path: str) -> Iterator[str]:
    if hasattr(broken_servers, failure):
        with broken(failure) as base:
            yield base
    else:
        _inject(fake, failure, method, path)
        yield fake.base


@pytest.fixture
def readings(monkeypatch) -> list[tuple[str, dict]]:
    """Every reading classify makes, in order."""
    seen: list[tuple[str, dict]] = []
    real = failures.classify

    def spy(error: BaseException, session: Session) -> tuple[str, dict]:
        seen.append(real(error, session))
        return seen[-1]

    monkeypatch.setattr(failures, "classify", spy)
    return seen


@pytest.mark.parametrize(("failure", "connecting", "publishing"), SAME_FAILURE)
def test_the_same_failure_connecting_and_publishing(
    fake, broken, readings, *, failure, connecting, publishing
):
    token = fake.issue_token()
    with _server(fake, broken, failure, "GET", VERIFY) as base, pytest.raises(ConnectError) as c:
        mastodon.connect_with_token(base, "mastodon", token)
    with _server(fake, broken, failure, "POST", STATUSES) as base, pytest.raises(PublishError) as p:
        account = Account("mastodon-1", AccountKind.MASTODON, Identity("Omroep"), server=base)
        destination = MastodonDestination(lambda _id: {"access_token": token})
        destination.publish(PublishRequest(Draft(text="Hallo"), account, None, "key-1", 1))

    assert (c.value.code, p.value.code) == (connecting, publishing)
    # One reading of the failure on both sides: only the naming differs.
    (on_connect, on_publish) = readings
    assert on_connect[0] == on_publish[0]
    assert on_connect[1].keys() == on_publish[1].keys()
    assert {k: v for k, v in on_connect[1].items() if k != "retry_after"} == {
        k: v for k, v in on_publish[1].items() if k != "retry_after"
    }
    for raised in (c.value, p.value):
        assert token not in str(raised) and token not in repr(raised.details)
        assert raised.__cause__ is None and raised.__suppress_context__
