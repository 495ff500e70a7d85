"""Connecting the website proves it works: a signed `webhook.test` goes to the real reference
receiver (or to loopback servers that fail as sites fail), and each outcome is a code with
words that say what to do and whom to ask. Offline is told apart from "the site is down"."""

from __future__ import annotations

import pytest

from composer.core.destinations.errors import ConnectError
from composer.core.destinations.website import connect as website
from composer.i18n.connect_errors import describe_connect_error
from tests.support import broken_servers
from tests.support.publish_servers import Site

SECRET = website.new_secret()


@pytest.fixture
def site(tmp_path):
    running = Site(tmp_path / "content", secret=SECRET).start()
    yield running
    running.stop()


def refusal(url: str, secret: str | None = None) -> ConnectError:
    with pytest.raises(ConnectError) as failure:
        website.connect_checked(url, secret)
    return failure.value


def test_the_key_the_site_has_is_accepted_and_no_page_is_made(site):
    connected = website.connect_checked(site.url, SECRET)
    assert connected.settings == {"key_installed": True}
    assert list(site.receiver.content.iterdir()) == []


def test_a_new_key_is_refused_by_the_site_as_it_should_be(site):
    connected = website.connect_checked(site.url)
    assert connected.settings == {"key_installed": False}
    assert connected.secret["signing_secret"] != SECRET
    assert list(site.receiver.content.iterdir()) == []


def test_a_key_the_site_does_not_have_says_whom_to_ask(site):
    failure = refusal(site.url, website.new_secret())
    assert failure.code == "wrong_credentials" and failure.details["status"] == 401
    words = describe_connect_error(failure)
    assert "web developer" in words and "signature" not in words


def test_a_site_that_accepts_any_key_is_not_connected():
    with broken_servers.answers_with(200) as url:
        failure = refusal(url + "/hook")
    assert failure.code == "unsigned_accepted"
    assert "anyone could publish" in describe_connect_error(failure)


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (403, "forbidden"),
        (404, "not_that_server"),
        (405, "not_that_server"),
        (413, "too_large"),
        (418, "rejected"),
        (429, "rate_limited"),
        (503, "server_error"),
        (302, "redirected"),
    ],
)
def test_each_answer_of_the_site_has_its_own_reason(status, code):
    with broken_servers.answers_with(status, b'{"error": "nee"}') as url:
        failure = refusal(url + "/hook", SECRET)
    assert failure.code == code
    words = describe_connect_error(failure)
    assert "{" not in words and "Connecting failed" not in words
    assert "website" in words


def test_the_reasons_differ_per_answer():
    said = set()
    for status in (401, 403, 404, 413, 429, 503, 302):
        with broken_servers.answers_with(status) as url:
            said.add(describe_connect_error(refusal(url + "/hook", SECRET)))
    assert len(said) == 7


def test_a_site_that_does_not_answer_is_not_no_internet():
    with broken_servers.nobody_listening() as url:
        failure = refusal(url + "/hook", SECRET)
    assert failure.code == "unreachable"
    words = describe_connect_error(failure)
    assert "Your website does not answer" in words and "not connected to the internet" not in words


def test_without_a_network_it_says_so(no_network):
    with broken_servers.nobody_listening() as url:
        failure = refusal(url + "/hook", SECRET)
    assert failure.code == "offline"
    assert "not connected to the internet" in describe_connect_error(failure)


def test_an_untrusted_certificate_says_whom_to_ask(tmp_path):
    with broken_servers.untrusted_certificate(tmp_path) as url:
        failure = refusal(url + "/hook", SECRET)
    assert failure.code == "tls_failed"
    assert "web developer" in describe_connect_error(failure)
