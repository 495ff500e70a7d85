"""The safe HTTP layer (safe_http.py, safe_httpx.py) through the real destinations and the
real atproto client, against the shared hostile server: the deadline covers the whole
request, answers have a size limit, and redirects go only where they may."""

from __future__ import annotations

import gzip

import pytest

from composer.core import net
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.bluesky.card import fetch_card
from composer.core.destinations.discord import connect as discord
from composer.core.destinations.errors import ConnectError, PublishError
from composer.core.destinations.http.safe_http import MAX_ANSWER, SafeSession, redirect_allowed
from composer.core.destinations.website import webhook
from composer.i18n.connect_errors import describe_connect_error
from tests.support import hostile_server as scenes
from tests.support.hostile_server import HostileServer

SECRET = "whsec_" + "A" * 44
EVENT = {"type": "post.published", "id": "msg_1", "data": {}}


def _send(url: str) -> webhook.WebhookAnswer:
    return webhook.send(url, SECRET, EVENT, "msg_1")


@pytest.fixture
def pds():
    """A hostile server standing in for a PDS: its base URL is all a Bluesky account has."""
    server = HostileServer()
    yield server
    server.close()


# -- the deadline ----------------------------------------------------------------------------


def test_a_dripping_website_is_cut_off_at_the_deadline_not_per_byte(hostile, monkeypatch):
    monkeypatch.setattr(net, "TIMEOUT", 1.0)  # the per-read timeout alone never fires here
    url = hostile.stage(scenes.drip(every=0.2, most=30))
    with pytest.raises(PublishError) as failure:
        _send(url)
    assert failure.value.code == "timeout" and failure.value.retryable


def test_a_dripping_pds_is_cut_off_at_the_deadline(pds, monkeypatch):
    monkeypatch.setattr(net, "TIMEOUT", 1.0)
    pds.play(scenes.drip(every=0.2, most=30))
    with pytest.raises(ConnectError) as failure:
        bluesky.connect("alice.test", "abcd-ef23-4567-wxyz", pds.url)
    assert failure.value.code == "timeout"


# -- the size limit --------------------------------------------------------------------------


@pytest.mark.parametrize("declared", [False, True])
def test_a_huge_website_answer_is_refused_past_the_limit(hostile, declared):
    url = hostile.stage(scenes.huge(20 * MAX_ANSWER, declare_length=declared))
    with pytest.raises(PublishError) as failure:
        _send(url)
    assert failure.value.code == "answer_too_large"
    assert failure.value.details["limit"] == MAX_ANSWER
    assert not failure.value.retryable  # the page may exist: look before sending again


def test_an_answer_just_under_the_limit_is_read_whole(hostile):
    body = b'{"url": "https://example.org/a"}'
    answer = body + b" " * (MAX_ANSWER - len(body))
    url = hostile.stage(lambda _request, reply: reply.answer(200, answer))
    assert _send(url).url == "https://example.org/a"


def test_a_gzip_bomb_counts_as_what_it_inflates_to(hostile):
    with pytest.raises(PublishError) as failure:
        _send(hostile.stage(scenes.gzip_bomb(50 * MAX_ANSWER)))
    assert failure.value.code == "answer_too_large"


def test_a_gzip_bomb_from_a_pds_counts_as_what_it_inflates_to(pds):
    pds.play(scenes.gzip_bomb(50 * MAX_ANSWER))
    with pytest.raises(ConnectError) as failure:
        bluesky.connect("alice.test", "abcd-ef23-4567-wxyz", pds.url)
    assert failure.value.code == "answer_too_large"


def test_a_gzip_answer_under_the_limit_is_read(pds):
    """The PDS's real answers are gzip too: the transport decodes them itself."""
    body = gzip.compress(b'{"error": "AuthenticationRequired", "message": "no"}')
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    pds.play(lambda _request, reply: reply.answer(401, body, headers))
    with pytest.raises(ConnectError) as failure:
        bluesky.connect("alice.test", "abcd-ef23-4567-wxyz", pds.url)
    assert failure.value.code == "wrong_credentials"  # read, understood: a refusal


def test_a_huge_pds_answer_is_refused(pds):
    pds.play(scenes.huge(20 * MAX_ANSWER))
    with pytest.raises(ConnectError) as failure:
        bluesky.connect("alice.test", "abcd-ef23-4567-wxyz", pds.url)
    assert failure.value.code == "answer_too_large"


# -- redirects -------------------------------------------------------------------------------


def test_a_post_is_never_redirected_even_to_https(hostile):
    url = hostile.stage(scenes.redirect(308, "https://example.org/elsewhere"), method="POST")
    with pytest.raises(PublishError) as failure:
        _send(url)
    assert (failure.value.code, failure.value.details["status"]) == ("redirected", 308)


def test_a_pds_307_on_post_to_plain_http_is_refused(pds):
    elsewhere = f"http://localhost:{pds.port}/elsewhere"
    pds.play(scenes.redirect(307, elsewhere), method="POST")
    with pytest.raises(ConnectError) as failure:
        bluesky.connect("alice.test", "abcd-ef23-4567-wxyz", pds.url)
    assert failure.value.code == "redirected"
    assert pds.requests_to("/elsewhere") == []


@pytest.mark.parametrize(
    "target",
    [
        "file:///etc/passwd",
        "http://localhost:{port}/here",
        "http://example.org/plain",
        "gopher://x",
    ],
)
def test_connecting_discord_refuses_a_redirect_that_is_not_safe(hostile, target):
    def away(request, reply):
        reply.answer(302, b"", {"Location": target.format(port=hostile.port)})

    url = hostile.discord_stage(scenes.json_answer(500, {}), get_scene=away)
    with pytest.raises(ConnectError) as failure:
        discord.connect(url)
    assert failure.value.code == "redirected"
    words = describe_connect_error(failure.value)
    assert "another, unsafe address" in words and "{" not in words


def test_a_get_follows_a_redirect_to_the_same_loopback_host(hostile):
    target = hostile.stage(scenes.json_answer(200, {"ok": True}))
    start = hostile.stage(scenes.redirect(302, target))
    assert SafeSession().get(start).json() == {"ok": True}


@pytest.mark.parametrize(
    ("method", "source", "target", "allowed"),
    [
        ("GET", "https://a.example/x", "https://b.example/y", True),
        ("GET", "http://127.0.0.1:1/x", "http://127.0.0.1:2/y", True),
        ("GET", "http://127.0.0.1:1/x", "http://localhost:1/y", False),
        ("GET", "https://a.example/x", "http://a.example/y", False),
        ("GET", "https://a.example/x", "file:///etc/passwd", False),
        ("HEAD", "https://a.example/x", "https://a.example/y", True),
        ("POST", "https://a.example/x", "https://a.example/y", False),
        ("PUT", "https://a.example/x", "https://a.example/y", False),
        ("DELETE", "https://a.example/x", "https://a.example/y", False),
    ],
)
def test_which_redirects_are_followed(method, source, target, allowed):
    assert redirect_allowed(method, source, target) is allowed


# -- a link card's page (GET, its head kept) --------------------------------------------------


def test_a_link_card_from_a_huge_page_keeps_its_head(hostile):
    page = b"<html><head><title>Open dag</title></head><body>" + b" " * (50 * MAX_ANSWER)

    def huge_page(_request, reply):
        reply.answer(200, page, {"Content-Type": "text/html; charset=utf-8"})

    card = fetch_card(hostile.stage(huge_page))
    assert card is not None and card.title == "Open dag"


def test_a_dripping_link_card_page_is_given_up_at_the_deadline(hostile, monkeypatch):
    monkeypatch.setattr(net, "TIMEOUT", 1.0)
    page = b"<html><head><title>Open dag</title></head><body>" + b"." * 500
    whole = scenes.head(200, {"Content-Type": "text/html", "Content-Length": str(len(page))})
    assert fetch_card(hostile.stage(scenes.drip(whole + page, every=0.01, most=30))) is None
