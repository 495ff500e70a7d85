"""Offline or one server down: read from what the operating system said, never guessed from
which destination failed. Real failures on loopback, and the system's own error values."""

from __future__ import annotations

import errno
import socket

import pytest

from composer.core.destinations.errors import PublishError
from composer.core.destinations.http import reachability
from composer.core.destinations.website import webhook
from composer.core.destinations.website.connect import new_secret
from tests.support import broken_servers

SECRET = new_secret()


def send_to(url: str) -> PublishError:
    payload = webhook.build_test("msg_r")
    with pytest.raises(PublishError) as failure:
        webhook.send(url + "/hook", SECRET, payload, "msg_r")
    return failure.value


def test_a_refused_connection_with_a_network_is_that_server_down():
    with broken_servers.nobody_listening() as url:
        assert send_to(url).code == "unreachable"


def test_a_refused_connection_without_a_route_is_offline(no_network):
    with broken_servers.nobody_listening() as url:
        failure = send_to(url)
    assert failure.code == "offline" and failure.retryable


def test_an_answer_that_went_missing_is_never_offline(no_network):
    """Sent, and the answer did not come: the server may have the post, whatever the route."""
    with broken_servers.hangs_up() as url:
        assert send_to(url).code == "connection_lost"


@pytest.mark.parametrize(
    ("error", "offline"),
    [
        (OSError(errno.ENETUNREACH, "Network is unreachable"), True),
        (OSError(errno.ENETDOWN, "Network is down"), True),
        (socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"), True),
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), False),
        (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), False),
        (TimeoutError("timed out"), False),
    ],
)
def test_what_the_system_said_decides_while_a_route_exists(error, offline):
    previous = reachability.use_probe(lambda: True)
    try:
        wrapped = RuntimeError("connecting failed")
        wrapped.__cause__ = error  # as urllib3 and httpx carry the socket's error
        assert reachability.is_offline(wrapped) is offline
        assert reachability.refine("unreachable", wrapped) == (
            "offline" if offline else "unreachable"
        )
        assert reachability.refine("timeout", wrapped) == "timeout"
    finally:
        reachability.use_probe(previous)
