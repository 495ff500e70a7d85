"""The atproto SDK's failures without an answer, read in one place (atproto_failures.py): the
real SDK client against broken servers on loopback. The answers of a real PDS, and the same
failure connecting and publishing, are in tests/integration/test_atproto_answers.py."""

from __future__ import annotations

import sys

import pytest

from composer.core import net
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.bluesky.failures import classify, sdk_errors
from composer.core.destinations.bluesky.session import client_for
from composer.core.destinations.errors import ConnectError

APP_PASSWORD = "abcd-ef23-4567-wxyz"
linux_only = pytest.mark.skipif(
    sys.platform != "linux", reason="a full accept queue drops the handshake on Linux"
)

# (broken server, the reading, what connecting calls it)
NETWORK = [
    ("nobody_listening", "unreachable", "unreachable"),
    pytest.param("queue_full", "unreachable", "unreachable", marks=linux_only),
    ("never_answers", "timeout", "timeout"),
    ("hangs_up", "connection_lost", "unreachable"),
    ("cuts_the_answer_short", "connection_lost", "unreachable"),
    ("untrusted_certificate", "tls_failed", "tls_failed"),
]


@pytest.fixture(autouse=True)
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(net, "TIMEOUT", 0.5)


@pytest.mark.parametrize(("kind", "code", "_connect"), NETWORK)
def test_what_the_sdk_raised(broken, kind, code, _connect):
    with broken(kind) as base:
        client, _ = client_for(base)
        try:
            with pytest.raises(sdk_errors()) as caught:
                client.login("alice.test", APP_PASSWORD, fetch_bsky_profile=False)
        finally:
            client.request.close()
    assert classify(caught.value, login=True) == (code, {})
    assert classify(caught.value) == (code, {})  # logging in or not: no answer is no answer


@pytest.mark.parametrize(("kind", "_code", "connect"), NETWORK)
def test_connecting_names_it(broken, kind, _code, connect):
    with broken(kind) as base, pytest.raises(ConnectError) as caught:
        bluesky.connect("alice.test", APP_PASSWORD, base)
    assert caught.value.code == connect
    assert APP_PASSWORD not in str(caught.value) and caught.value.__cause__ is None


def test_a_client_that_never_logged_in():
    client, _ = client_for("http://127.0.0.1:9")
    try:
        with pytest.raises(sdk_errors()) as caught:
            client.send_post("Hallo")  # the SDK refuses before sending anything
    finally:
        client.request.close()
    assert classify(caught.value) == ("expired", {})
