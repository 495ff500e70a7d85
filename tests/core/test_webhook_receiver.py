"""The reference receiver is safe to copy: the real script on loopback, attacked the way a
stranger on the internet would (big unsigned bodies, slow connections, hostile links), and its
pages' front matter stays YAML whatever Omroeper sends."""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from contextlib import ExitStack, suppress
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.destinations.website import connect as website
from composer.core.destinations.website import webhook
from composer.core.drafts.draft import Draft, Image
from composer.core.errors import CodedError
from composer.core.images.fit import fit_image
from composer.core.platforms import DEFAULTS, Platform
from examples import webhook_receiver
from tests.support.images import photo
from tests.support.publish_servers import BASE, Site

SECRET = website.new_secret()
SCRIPT = Path(webhook_receiver.__file__)


@pytest.fixture
def site(tmp_path):
    running = Site(tmp_path / "content", secret=SECRET).start()
    yield running
    running.stop()


def publish(url: str, draft: Draft, event_id: str = "msg_p") -> str:
    images = [fit_image(image.path, DEFAULTS[Platform.WEBSITE]) for image in draft.images]
    payload = webhook.build_published(draft, images, event_id)
    return webhook.send(url, SECRET, payload, event_id).url


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text[4 : text.index("\n---\n", 3) + 1])


def syndicate(url: str, page: str, copies: list[tuple[str, str]], event_id: str) -> None:
    payload = webhook.build_syndicated(page, copies, event_id)
    webhook.send(url, SECRET, payload, event_id)


SHORT = Draft(title="Open dag: kom!", body="Zaterdag.", text="Zaterdag\n---\nopen", language="nl")


def test_each_syndication_is_the_whole_list_and_the_front_matter_stays_yaml(site):
    """`copies` is every copy so far: a copy posted anew (Bluesky, after an edit) has a new
    address, which replaces the old one on the page; an older event come late changes
    nothing."""
    page = publish(site.url, SHORT)
    mastodon, bluesky = "https://mastodon.social/@bieb/1", "https://bsky.app/profile/b/post/2"
    reposted = "https://bsky.app/profile/b/post/9"
    path = site.receiver.content / "open-dag-kom" / "index.md"
    # after a resume the same copies come again, with one more
    syndicate(site.url, page, [("mastodon", mastodon)], "msg_s1")
    syndicate(site.url, page, [("mastodon", mastodon), ("bluesky", bluesky)], "msg_s2")
    assert front_matter(path)["syndication"] == [mastodon, bluesky]
    # the message was edited and reposted on Bluesky: the old post is gone
    syndicate(site.url, page, [("mastodon", mastodon), ("bluesky", reposted)], "msg_s3")
    assert front_matter(path)["syndication"] == [mastodon, reposted]
    # the event before, held up on its way (a proxy), arrives after it
    late = webhook.build_syndicated(page, [("bluesky", bluesky)], "msg_s0")
    late["timestamp"] = "2024-06-17T10:40:09Z"
    assert webhook.send(site.url, SECRET, late, "msg_s0").url == page
    # a time that cannot be read is refused, and changes nothing either
    unreadable = webhook.build_syndicated(page, [("bluesky", bluesky)], "msg_s4")
    unreadable["timestamp"] = "gisteren"
    with pytest.raises(CodedError) as refused:
        webhook.send(site.url, SECRET, unreadable, "msg_s4")
    assert refused.value.details.get("status") == 400
    front = front_matter(path)
    assert front["syndication"] == [mastodon, reposted]
    assert front["title"] == "Open dag: kom!"
    assert front["description"] == "Zaterdag\n---\nopen"


HOSTILE = [
    "javascript:alert(document.cookie)",
    "file:///etc/passwd",
    "http://mastodon.social/@bieb/1",
    "https://mastodon.social/@bieb/1\n\n@everyone Klik hier: https://phish.example/login",
    "https://mastodon.social/@bieb/1 extra",
    "https://user:pw@mastodon.social/@bieb/1",
    "https:///no-host",
    "https://example.org/" + "a" * 2100,
    "https://example.org/\u202eevil",
]


def test_only_plain_https_one_liners_become_links_on_the_page(site):
    page = publish(site.url, SHORT)
    good = "https://mastodon.social/@bieb/1"
    syndicate(site.url, page, [("mastodon", bad) for bad in HOSTILE] + [("x", good)], "msg_h")
    path = site.receiver.content / "open-dag-kom" / "index.md"
    assert front_matter(path)["syndication"] == [good]
    text = path.read_text(encoding="utf-8")
    assert "javascript" not in text and "phish" not in text and "passwd" not in text


@given(st.text(max_size=300))
def test_any_text_a_server_sends_is_a_plain_https_link_or_none(url):
    kept = webhook_receiver.plain_https(url)
    assert kept is None or (
        kept == url
        and url.startswith("https://")
        and not any(c.isspace() for c in url)
        and len(url) <= 2048
    )


@settings(max_examples=200)
@given(st.text(), st.text(), st.lists(st.text(max_size=40), max_size=3))
def test_front_matter_reads_back_whatever_the_texts_hold(title, text, links):
    front = {"title": title, "description": text, "syndication": links}
    try:
        written = webhook_receiver.join_page(front, "\nBody\n---\nmore\n")
    except ValueError:
        return  # refused as a whole (then no page is written): never a broken page
    assert webhook_receiver.split_page(written) == (front, "\nBody\n---\nmore\n")


def test_the_test_event_is_answered_and_makes_no_page(site):
    payload = webhook._event("webhook.test", "msg_t", {})
    answer = webhook.send(site.url, SECRET, payload, "msg_t")
    assert answer.status == 200
    assert [p.name for p in site.receiver.content.iterdir()] == []


# -- the real script, within process limits ------------------------------------------------


def start(tmp_path: Path, *options: str, memory: str = "") -> tuple[subprocess.Popen, str]:
    command = [sys.executable, str(SCRIPT), "--content", str(tmp_path / "site"), "--port", "0"]
    command += ["--base-url", BASE, *options]
    if memory:  # in bytes: prlimit reads no suffixes
        command = [shutil.which("prlimit"), f"--as={memory}", *command]
    env = {**os.environ, "OMROEPER_WEBHOOK_SECRET": SECRET}
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    return child, child.stdout.readline().split()[-1]


def stop(child: subprocess.Popen) -> None:
    child.terminate()
    child.wait(10)
    child.stdout.close()


def threads(child: subprocess.Popen) -> int:
    status = Path(f"/proc/{child.pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("Threads:"))[8:])


def request_head(length: int, signature: bool = False) -> bytes:
    stamp = str(int(time.time()))
    headers = {
        "Host": "127.0.0.1",
        "Content-Type": "application/json",
        "Content-Length": str(length),
        "webhook-id": "msg_big",
        "webhook-timestamp": stamp,
        "webhook-signature": "v1," + base64.b64encode(b"x" * 32).decode(),
    }
    if signature:  # signed with a key the sender does not really have
        headers["omroeper-length-signature"] = webhook.length_signature(
            website.new_secret(), "msg_big", stamp, length
        )
    lines = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return f"POST /hook HTTP/1.1\r\n{lines}\r\n".encode()


def everything(connection: socket.socket) -> bytes:
    """All the receiver says until it closes the connection."""
    said = b""
    while chunk := heard(connection, 4096):
        said += chunk
    return said


def send_quietly(connection: socket.socket, size: int) -> None:
    """Part of a body; the receiver may answer and close before it is all sent."""
    with suppress(OSError):
        connection.sendall(b"{" + b" " * size)


@pytest.mark.parametrize("signature", [False, True])
def test_a_big_body_without_the_key_is_refused_before_it_is_read(tmp_path, signature):
    """100 MB announced, 1 MB sent: the answer comes without waiting for the rest, and a
    receiver limited to 200 MB of address space stays up for a real post with a photo."""
    child, address = start(tmp_path, memory=str(200 * 1024 * 1024))
    port = int(address.rsplit(":", 1)[1].strip("/"))
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
            connection.sendall(request_head(100 * 1024 * 1024, signature))
            sending = threading.Thread(target=send_quietly, args=(connection, 1024 * 1024))
            sending.start()
            answer = everything(connection)
            sending.join()
        assert answer.startswith(b"HTTP/1.0 401")
        assert b"omroeper-length-signature" in answer
        photo(1600, 1200).save(tmp_path / "zaal.jpg", quality=95)
        big = Draft(title="Zaal", images=(Image(tmp_path / "zaal.jpg", alt="De zaal"),))
        assert (tmp_path / "zaal.jpg").stat().st_size > webhook_receiver.SMALL_BODY
        assert publish(address + "hook", big) == f"{BASE}/zaal/"
    finally:
        stop(child)


def heard(connection: socket.socket, size: int = 64) -> bytes:
    """What the receiver said before it closed the connection (b"" when it said nothing)."""
    try:
        return connection.recv(size)
    except ConnectionResetError:
        return b""


def test_slow_connections_are_bounded_and_cut_off(tmp_path):
    """200 connections that send one byte and no more: at most 8 are held at a time (the
    others hear 503), every held one is closed at its deadline, then posts go in."""
    child, address = start(tmp_path, "--connections", "8", "--header-seconds", "2")
    port = int(address.rsplit(":", 1)[1].strip("/"))
    with ExitStack() as stack:
        stack.callback(stop, child)
        slow = []
        for _ in range(200):
            connection = stack.enter_context(socket.create_connection(("127.0.0.1", port), 20))
            connection.sendall(b"P")  # and nothing more
            slow.append(connection)
        last = heard(slow[-1])  # the last one was accepted after all others
        assert threads(child) <= 8 + 3  # main, the deadline watch, one spare
        answers = [last] + [heard(connection) for connection in slow[:-1]]
        assert any(answer.startswith(b"HTTP/1.0 503") for answer in answers)
        assert all(answer == b"" or answer.startswith(b"HTTP/1.0 503") for answer in answers)
        assert publish(address + "hook", SHORT) == f"{BASE}/open-dag-kom/"


def test_the_signed_event_carries_a_valid_length_signature(site):
    """What Omroeper sends passes the receiver's check of the length signature."""
    body = json.dumps({"type": "webhook.test", "id": "msg_l", "data": {}})
    headers = webhook.signed_headers(SECRET, "msg_l", body)
    lowered = {k.lower(): v for k, v in headers.items()}
    assert webhook_receiver.length_signature_ok(SECRET, lowered, len(body.encode()))
    assert not webhook_receiver.length_signature_ok(SECRET, lowered, len(body.encode()) + 1)


def update(url: str, page: str, draft: Draft, event_id: str) -> webhook.WebhookAnswer:
    images = [fit_image(image.path, DEFAULTS[Platform.WEBSITE]) for image in draft.images]
    payload = webhook.build_updated(draft, images, page, event_id)
    return webhook.send(url, SECRET, payload, event_id)


def test_an_update_rewrites_the_page_at_its_address_and_keeps_its_links(site, tmp_path):
    page = publish(site.url, SHORT)
    mastodon = "https://mastodon.social/@bieb/1"
    syndicate(site.url, page, [("mastodon", mastodon)], "msg_s1")
    photo(320, 240).save(tmp_path / "zaal.jpg", quality=90)
    edited = Draft(
        title="Open dag: kom zondag!",
        body="Zondag, niet zaterdag.",
        text="Zondag open",
        language="nl",
        images=(Image(tmp_path / "zaal.jpg", alt="De zaal"),),
    )
    answer = update(site.url, page, edited, "msg_u1")
    assert (answer.status, answer.url) == (200, page)
    folder = site.receiver.content / "open-dag-kom"
    front = front_matter(folder / "index.md")
    assert (front["title"], front["description"]) == ("Open dag: kom zondag!", "Zondag open")
    assert front["syndication"] == [mastodon] and front["images"] == ["image-1.jpg"]
    assert "Zondag, niet zaterdag." in (folder / "index.md").read_text(encoding="utf-8")
    assert (folder / "image-1.jpg").is_file()
    names = sorted(p.name for p in site.receiver.content.iterdir() if not p.name.startswith("."))
    assert names == ["open-dag-kom"]


def test_an_update_is_applied_once_per_webhook_id(site):
    page = publish(site.url, SHORT)
    first = Draft(title="Eerste", body="Een.", text="een", language="nl")
    update(site.url, page, first, "msg_same")
    path = site.receiver.content / "open-dag-kom" / "index.md"
    applied = path.read_text(encoding="utf-8")
    # the same id again (even with other content) is a retry: answered, nothing rewritten
    other = Draft(title="Tweede", body="Twee.", text="twee", language="nl")
    assert update(site.url, page, other, "msg_same").url == page
    assert path.read_text(encoding="utf-8") == applied


def test_an_update_of_an_unknown_page_is_refused(site):
    with pytest.raises(webhook.PublishError) as refused:
        update(site.url, f"{BASE}/nergens/", SHORT, "msg_x")
    assert (refused.value.code, refused.value.details["status"]) == ("rejected", 404)
