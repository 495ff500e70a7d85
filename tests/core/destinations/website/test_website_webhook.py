"""The website webhook over real HTTP, against the reference receiver from examples/."""

import json
import os
import re
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st
from standardwebhooks import Webhook

from composer.core import net
from composer.core.destinations.errors import PublishError
from composer.core.destinations.website import connect as website
from composer.core.destinations.website import webhook
from composer.core.drafts.draft import Draft, Image
from composer.core.images.fit import fit_image
from composer.core.platforms import DEFAULTS, Platform
from examples import webhook_receiver
from tests.support.images import photo
from tests.support.publish_servers import BASE, Site

SECRET = website.new_secret()


@pytest.fixture
def site(tmp_path):
    running = Site(tmp_path / "content", secret=SECRET).start()
    yield running
    running.stop()


@pytest.fixture
def draft(tmp_path):
    photo(640, 480).save(tmp_path / "zaal.jpg", quality=90)
    photo(64, 16, seed=2).save(tmp_path / "rand.png")
    return Draft(
        title="Open dag in de bibliotheek!",
        body="Zaterdag zijn **alle** zalen open.\n\nKom langs.",
        text="Zaterdag open dag",
        language="nl",
        content_warning="",
        images=(
            Image(tmp_path / "zaal.jpg", alt="De leeszaal [vol] met mensen"),
            Image(tmp_path / "rand.png", decorative=True),
        ),
    )


def fitted(draft):
    return [fit_image(image.path, DEFAULTS[Platform.WEBSITE]) for image in draft.images]


def publish(site, draft, event_id="msg_1", secret=SECRET, **options):
    images = fitted(draft)
    payload = webhook.build_published(draft, images, event_id)
    return webhook.send(site.url, secret, payload, event_id, **options), images


def posts(site):
    return sorted(p.name for p in site.receiver.content.iterdir() if not p.name.startswith("."))


def test_a_published_post_lands_as_markdown_with_its_images(site, draft):
    answer, images = publish(site, draft)
    assert answer == webhook.WebhookAnswer(201, f"{BASE}/open-dag-in-de-bibliotheek/")
    folder = site.receiver.content / "open-dag-in-de-bibliotheek"
    page = (folder / "index.md").read_text(encoding="utf-8")
    front, body = webhook_receiver.split_page(page)
    assert front["title"] == "Open dag in de bibliotheek!"
    assert front["language"] == "nl"
    assert front["description"] == "Zaterdag open dag"
    assert front["images"] == ["image-1.jpg", "image-2.png"]
    assert datetime.fromisoformat(front["date"]).tzinfo is not None
    assert body.startswith("\nZaterdag zijn **alle** zalen open.\n\nKom langs.")
    assert "![De leeszaal \\[vol\\] met mensen](image-1.jpg)" in body
    assert "![](image-2.png)" in body
    assert (folder / "image-1.jpg").read_bytes() == images[0].data
    assert (folder / "image-2.png").read_bytes() == images[1].data


def test_the_payload_carries_the_draft_and_the_fitted_images(draft):
    images = fitted(draft)
    payload = webhook.build_published(draft, images, "msg_x")
    assert payload["type"] == "post.published"
    assert datetime.fromisoformat(payload["timestamp"]).tzinfo is not None
    data = payload["data"]
    assert data["body"] == draft.body and data["text"] == draft.text
    first, second = data["images"]
    assert first["type"] == "image/jpeg" and first["alt"] == "De leeszaal [vol] met mensen"
    assert (first["width"], first["height"], first["bytes"]) == (640, 480, images[0].bytes)
    assert second["decorative"] is True and second["alt"] == ""
    json.dumps(payload)  # plain JSON all the way down


def test_the_same_webhook_id_twice_makes_one_post_and_the_same_url(site, draft):
    first, _ = publish(site, draft, "msg_same")
    again, _ = publish(site, draft, "msg_same")
    assert again.url == first.url and again.status == 200
    assert posts(site) == ["open-dag-in-de-bibliotheek"]
    other, _ = publish(site, draft, "msg_other")  # a new event: a second post
    assert other.url == f"{BASE}/open-dag-in-de-bibliotheek-2/"


def test_a_wrong_secret_is_refused(site, draft):
    with pytest.raises(PublishError) as failure:
        publish(site, draft, secret=website.new_secret())
    assert failure.value.code == "rejected" and not failure.value.retryable
    assert failure.value.details["status"] == 401
    assert posts(site) == []


def test_an_old_timestamp_is_refused(site, draft):
    old = datetime.now(UTC) - timedelta(minutes=6)
    with pytest.raises(PublishError) as failure:
        publish(site, draft, sent_at=old)
    assert failure.value.details == {"status": 401, "message": "Message timestamp too old"}
    assert posts(site) == []


def test_syndicated_adds_the_copies_and_deleted_removes_the_post(site, draft):
    answer, _ = publish(site, draft)
    copies = [("mastodon", "https://mastodon.social/@bieb/1"), ("bluesky", "https://bsky.app/x")]
    for event_id, some in (("msg_s1", copies[:1]), ("msg_s2", copies)):
        payload = webhook.build_syndicated(answer.url, some, event_id)
        assert webhook.send(site.url, SECRET, payload, event_id).url == answer.url
    page = (site.receiver.content / "open-dag-in-de-bibliotheek" / "index.md").read_text()
    assert page.count("syndication:") == 1
    front, _ = webhook_receiver.split_page(page)
    assert front["syndication"] == ["https://mastodon.social/@bieb/1", "https://bsky.app/x"]

    for event_id in ("msg_d1", "msg_d2"):  # deleting twice is harmless
        payload = webhook.build_deleted(answer.url, event_id)
        assert webhook.send(site.url, SECRET, payload, event_id).status == 200
    assert posts(site) == []


def test_syndicated_for_an_unknown_post_is_rejected(site):
    payload = webhook.build_syndicated(f"{BASE}/nope/", [], "msg_u")
    with pytest.raises(PublishError) as failure:
        webhook.send(site.url, SECRET, payload, "msg_u")
    assert failure.value.details == {"status": 404, "message": "unknown post"}


class Captured(BaseHTTPRequestHandler):
    def do_POST(self):
        server = self.server
        body = self.rfile.read(int(self.headers["Content-Length"]))
        server.requests.append((dict(self.headers.items()), body))
        mode = server.mode
        if mode == "drop":
            self.close_connection = True  # the post may have been accepted; no answer comes
            return
        if mode == "slow":
            server.release.wait(5)
        status, headers, answer = {
            "500": (500, {}, b""),
            "503": (503, {"Retry-After": "7"}, b""),
            "429": (429, {"Retry-After": "30"}, b""),
            "400": (400, {}, b'{"error": "title required"}'),
            "empty": (200, {}, b"{}"),
            "not-http": (200, {}, b'{"url": "javascript:alert(1)"}'),
            "location": (201, {"Location": "/nieuws/p/"}, b""),
            "file-location": (201, {"Location": "file:///etc/passwd"}, b""),
            "two-lines": (
                200,
                {},
                b'{"url": "https://example.org/x\\n@everyone https://phish.example"}',
            ),
            "not-text": (200, {}, b'{"url": ["https://example.org/x"]}'),
            "moved": (301, {"Location": "https://elsewhere.example/"}, b""),
            "no-content": (204, {}, b""),
            "slow": (200, {}, b'{"url": "https://example.org/late/"}'),
        }[mode]
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Captured)
    server.daemon_threads = True
    server.requests, server.mode, server.release = [], "empty", threading.Event()
    server.url = f"http://127.0.0.1:{server.server_port}/hook"
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def send_to(fake_site, mode, kind="published"):
    fake_site.mode = mode
    payload = {
        "published": webhook.build_published(Draft(text="Hallo"), [], "msg_f"),
        "deleted": webhook.build_deleted("https://example.org/p/", "msg_f"),
    }[kind]
    return webhook.send(fake_site.url, SECRET, payload, "msg_f")


@pytest.mark.parametrize(
    ("mode", "code", "details"),
    [
        ("500", "server_error", {"status": 500, "retry_after": None}),
        ("503", "server_error", {"status": 503, "retry_after": 7.0}),
        ("429", "rate_limited", {"retry_after": 30.0}),
        ("400", "rejected", {"status": 400, "message": "title required"}),
        ("drop", "connection_lost", None),  # reached, and the page may be made: not offline
        ("empty", "bad_answer", {"status": 200}),
        ("not-http", "unsafe_url", {"status": 200}),
        ("file-location", "unsafe_url", {"status": 201}),
        ("two-lines", "unsafe_url", {"status": 200}),
        ("not-text", "bad_answer", {"status": 200}),
        ("moved", "redirected", None),  # status and address: test_hostile_servers,
    ],
)
def test_failures_become_codes(fake_site, mode, code, details):
    with pytest.raises(PublishError) as failure:
        send_to(fake_site, mode)
    assert failure.value.code == code
    if details is not None:
        assert failure.value.details == details
    assert failure.value.retryable == (code in {"server_error", "rate_limited", "connection_lost"})


def test_a_slow_site_times_out(fake_site, monkeypatch):
    monkeypatch.setattr(net, "TIMEOUT", 0.3)
    with pytest.raises(PublishError) as failure:
        send_to(fake_site, "slow")
    assert failure.value.code == "timeout" and failure.value.retryable


def test_a_location_header_gives_the_url_and_a_delete_needs_none(fake_site):
    assert send_to(fake_site, "location").url == f"http://{fake_site.url.split('/')[2]}/nieuws/p/"
    assert send_to(fake_site, "no-content", "deleted") == webhook.WebhookAnswer(204, "")


def test_the_signature_verifies_with_the_standard_webhooks_package(fake_site, draft):
    fake_site.mode = "location"
    payload = webhook.build_published(draft, fitted(draft), "msg_sig")
    webhook.send(fake_site.url, SECRET, payload, "msg_sig")
    webhook.send(fake_site.url, SECRET, payload, "msg_sig")  # a retry
    (headers, body), (again, _) = fake_site.requests
    assert Webhook(SECRET).verify(body, headers) == payload
    assert headers["webhook-id"] == again["webhook-id"] == "msg_sig"
    assert headers["webhook-signature"].startswith("v1,")
    assert headers["Content-Type"] == "application/json"
    assert abs(int(headers["webhook-timestamp"]) - datetime.now(UTC).timestamp()) < 60
    with pytest.raises(Exception, match="signature"):
        Webhook(website.new_secret()).verify(body, headers)


def test_plain_http_to_another_machine_is_refused_before_sending():
    class NoNetwork(requests.Session):
        def request(self, *args, **kwargs):
            raise AssertionError("nothing may be sent")

    payload = webhook.build_deleted("https://example.org/p/", "msg_h")
    with pytest.raises(PublishError) as failure:
        webhook.send("http://example.org/hook", SECRET, payload, "msg_h", NoNetwork())
    assert failure.value.code == "insecure_address"


def test_the_receiver_runs_from_the_command_line(tmp_path, draft):
    script = Path(webhook_receiver.__file__)
    command = [sys.executable, str(script), "--content", str(tmp_path / "site"), "--port", "0"]
    env = {**os.environ, "OMROEPER_WEBHOOK_SECRET": SECRET}
    child = subprocess.Popen(
        [*command, "--base-url", BASE + "/"], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        address = child.stdout.readline().split()[-1]
        site = type("Site", (), {"url": address + "hook"})
        answer, _ = publish(site, draft)
        assert answer.url == f"{BASE}/open-dag-in-de-bibliotheek/"
        assert (tmp_path / "site" / "open-dag-in-de-bibliotheek" / "index.md").exists()
    finally:
        child.terminate()
        child.wait(10)
        child.stdout.close()
    missing = subprocess.run(
        [*command, "--base-url", BASE],
        env={k: v for k, v in env.items() if k != "OMROEPER_WEBHOOK_SECRET"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2 and "OMROEPER_WEBHOOK_SECRET" in missing.stderr


@given(st.text(max_size=80), st.text(max_size=80))
def test_an_edits_webhook_id_comes_from_its_key_alone(first, second):
    """Every retry of one edit is the same event; two edits, or an edit and the post's own
    post.published id, are never the same event."""
    made = webhook.edit_event_id(first)
    assert made == webhook.edit_event_id(first) and made != first
    assert re.fullmatch(r"msg_[0-9a-f]{32}", made)
    assert (made == webhook.edit_event_id(second)) == (first == second)
