"""The answers of a real PDS (tests/support/pds), and faults injected in front of it
(tests/support/fault_proxy.py), read in one place (atproto_failures.py); then the same failure
while connecting and while publishing, read the same and named by each side."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator

import pytest

from composer.core import net
from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.bluesky import publish as bluesky_publish
from composer.core.destinations.bluesky import session
from composer.core.destinations.bluesky.failures import classify, sdk_errors
from composer.core.destinations.bluesky.publish import BlueskyDestination
from composer.core.destinations.bluesky.session import client_for
from composer.core.destinations.errors import ConnectError, PublishError
from composer.core.drafts.draft import Draft
from composer.core.publishing.publisher import PublishRequest
from tests.support.fault_proxy import FaultProxy
from tests.support.pds import BlueskyAccount, Pds

LOGIN = "/xrpc/com.atproto.server.createSession"
CREATE = "/xrpc/com.atproto.repo.createRecord"
_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def new_tid() -> str:
    value = (time.time_ns() // 1000) << 10 | secrets.randbelow(1024)
    return "".join(_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(13)))


@pytest.fixture(scope="module")
def dora(bluesky_pds: Pds) -> BlueskyAccount:
    return bluesky_pds.create_account("dora")


@pytest.fixture(scope="module")
def app_password(bluesky_pds: Pds, dora: BlueskyAccount) -> str:
    return bluesky_pds.create_app_password(dora)


@pytest.fixture
def proxy(bluesky_pds: Pds) -> Iterator[FaultProxy]:
    made = FaultProxy(int(bluesky_pds.url.rsplit(":", 1)[1].rstrip("/")))
    yield made
    made.close()


def _raised(call: Callable[[], object]) -> BaseException:
    with pytest.raises(sdk_errors()) as caught:
        call()
    return caught.value


# -- what the PDS itself answers ------------------------------------------------------------


def test_a_wrong_password_and_a_bad_token(bluesky_pds, dora):
    client, _ = client_for(bluesky_pds.url)
    try:
        wrong = _raised(lambda: client.login(dora.handle, "zzzz-zzzz-zzzz-zzzz"))
        assert classify(wrong, login=True) == ("wrong_credentials", {"status": 401})
        forged = dora.access_jwt.rsplit(".", 1)[0] + ".c2lnbmF0dXJl"  # not the PDS's signature
        client.login(
            session_string=_session(dora, bluesky_pds.url, forged), fetch_bsky_profile=False
        )
        stale = _raised(client.com.atproto.server.get_session)
    finally:
        client.request.close()
    code, details = classify(stale)
    assert code == "expired" and 400 <= details["status"] < 500


def _session(account: BlueskyAccount, server: str, access: str) -> str:
    from atproto import Session

    return Session(account.handle, account.did, access, account.refresh_jwt, server).encode()


def test_a_record_that_is_not_there(bluesky_pds, dora, app_password):
    client, _ = client_for(bluesky_pds.url)
    try:
        client.login(dora.handle, app_password)
        params = {"repo": dora.did, "collection": "app.bsky.feed.post", "rkey": new_tid()}
        missing = _raised(lambda: client.com.atproto.repo.get_record(params))
    finally:
        client.request.close()
    assert classify(missing) == ("rejected", {"status": 400, "error": "RecordNotFound"})


@pytest.mark.parametrize("retry_after", [False, True])
def test_a_rate_limit_says_how_long(proxy, dora, app_password, retry_after):
    proxy.rate_limit("POST", LOGIN, reset_in=40, retry_after=retry_after)
    client, _ = client_for(proxy.url)
    try:
        limited = _raised(lambda: client.login(dora.handle, app_password))
    finally:
        client.request.close()
    code, details = classify(limited, login=True)
    assert code == "rate_limited" and details["status"] == 429
    assert details["retry_after"] == 40.0 if retry_after else 35 <= details["retry_after"] <= 40


# -- the same failure, connecting and publishing ------------------------------------------

# (fault in front of the PDS, what connecting says, what publishing says). Where the words
# differ, connecting names the same reading with its own (errors.connect_error); logging in,
# a refusal means a wrong password, and later an expired session (atproto_failures.classify).
SAME_FAILURE = [
    ("status 500", "server_error", "server_error"),
    ("status 502", "server_error", "server_error"),
    ("rate_limited", "rate_limited", "rate_limited"),
    ("status 401", "wrong_credentials", "expired"),
    ("status 400", "wrong_credentials", "rejected"),
    ("status 404", "not_that_server", "rejected"),
    ("status 413", "server_error", "rejected"),
    ("status 200", "not_that_server", "bad_answer"),  # 2xx, but no session or record in it
    ("answer lost", "unreachable", "connection_lost"),
    ("no answer in time", "timeout", "timeout"),
]


def _inject(proxy: FaultProxy, failure: str, path: str) -> None:
    if failure == "rate_limited":
        proxy.rate_limit("POST", path, reset_in=30)
    elif failure.startswith("status "):
        proxy.fail("POST", path, int(failure.split()[1]))
    elif failure == "answer lost":
        proxy.lose_answer("POST", path)
    else:
        proxy.hold("POST", path, seconds=3.0)


@pytest.mark.parametrize(("failure", "connecting", "publishing"), SAME_FAILURE)
def test_the_same_failure_connecting_and_publishing(
    proxy, dora, app_password, monkeypatch, *, failure, connecting, publishing
):
    monkeypatch.setattr(net, "TIMEOUT", 1.0)
    secret = bluesky.connect(dora.handle, app_password, proxy.url).secret
    seen = _readings(monkeypatch)

    _inject(proxy, failure, LOGIN)
    with pytest.raises(ConnectError) as c:
        bluesky.connect(dora.handle, app_password, proxy.url)
    _inject(proxy, failure, CREATE)
    account = Account("bluesky-dora", AccountKind.BLUESKY, Identity("Dora"), server=proxy.url)
    destination = BlueskyDestination(lambda _id: secret, lambda _id, _secret: None)
    with pytest.raises(PublishError) as p:
        destination.publish(PublishRequest(Draft(text="Hallo"), account, None, new_tid(), 1))

    assert (c.value.code, p.value.code) == (connecting, publishing)
    # One reading of the failure on both sides: only `login` and the naming differ.
    (_, on_connect), (on_publish, _) = seen
    assert on_connect[0] == on_publish[0]
    assert _without_timing(on_connect[1]) == _without_timing(on_publish[1])
    for raised in (c.value, p.value):
        assert app_password not in str(raised) and secret["access_jwt"] not in str(raised)
        assert raised.__cause__ is None and raised.__suppress_context__


def _readings(monkeypatch) -> list[tuple[tuple[str, dict], tuple[str, dict]]]:
    """From now on, every reading made: (as made, as made without `login`)."""
    seen: list[tuple[tuple[str, dict], tuple[str, dict]]] = []

    def spy(error: BaseException, *, login: bool = False) -> tuple[str, dict]:
        seen.append((classify(error, login=login), classify(error)))
        return seen[-1][0]

    monkeypatch.setattr(session, "classify", spy)
    monkeypatch.setattr(bluesky_publish, "classify", spy)
    return seen


def _without_timing(details: dict) -> dict:
    return {k: v for k, v in details.items() if k != "retry_after"}
