"""`omroeper publish` against servers that flood, stall, redirect and echo secrets
(tests/support/hostile_server.py): each ends in one clear error, in bounded memory and time,
and no secret reaches the database, the log or stdout."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

from composer.core.destinations.website import connect as website
from tests.support import hostile_server as scenes
from tests.support.fake_mastodon import FakeMastodon
from tests.support.hostile_server import HostileServer
from tests.support.images import photo

# Address space for the whole CLI process (Python, Qt core, keyring, TLS): the bound that a
# 2 GB answer must not break. Reading such an answer whole needs 4 GB and more.
MEMORY = ("prlimit", f"--as={400 * 2**20}")
GIGABYTES = 2 * 2**30
DRAFT = {"title": "Open dag", "body": "Iedereen welkom.", "text": "Open dag! #OpenDag"}


@pytest.fixture
def mastodon():
    fake = FakeMastodon().start()
    front = HostileServer(upstream=fake.base)  # a Mastodon whose chosen answers are hostile
    yield fake, front
    front.close()
    fake.stop()


def _add(cli, *args, stdin) -> str:
    result = cli("accounts", "add", *args, stdin=stdin + "\n")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["id"]


def _website(cli, url: str) -> tuple[str, str]:
    secret = website.new_secret()
    return _add(cli, "website", "--server", url, "--secret-stdin", stdin=secret), secret


def _mastodon(cli, fake: FakeMastodon, front: HostileServer) -> tuple[str, str]:
    token = fake.issue_token("read:accounts read:statuses write:statuses write:media")
    return _add(cli, "mastodon", "--server", front.url, "--token-stdin", stdin=token), token


def _publish(cli, draft_file, account: str, *, limits=(), draft=DRAFT):
    result = cli("publish", str(draft_file(draft)), "--to", account, limits=limits)
    assert result.returncode not in (124, -9), "killed by the outer time or memory bound"
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    report = json.loads(result.stdout)
    return result, report["destinations"][account], report


def _one_clear_line(result) -> None:
    """Exit 1 (a destination failed, the JSON says why), not killed, and no traceback."""
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "MemoryError" not in result.stderr and "Traceback" not in result.stderr


# -- a huge answer ---------------------------------------------------------------------------


def test_a_2gb_website_answer_is_cut_off_in_bounded_memory(cli, draft_file, hostile):
    account, _ = _website(cli, hostile.website_stage(scenes.huge(GIGABYTES)))
    result, outcome, _ = _publish(cli, draft_file, account, limits=MEMORY)
    _one_clear_line(result)
    assert outcome["error"]["code"] == "answer_too_large"
    assert "far more data" in outcome["error"]["message"]


def test_a_2gb_discord_answer_is_cut_off_in_bounded_memory(cli, draft_file, hostile):
    account = _add(
        cli, "discord", "--webhook-stdin", stdin=hostile.discord_stage(scenes.huge(GIGABYTES))
    )
    result, outcome, _ = _publish(cli, draft_file, account, limits=MEMORY)
    _one_clear_line(result)
    # Discord keeps no idempotency key: a copy that may exist is "unknown", with the reason
    assert outcome["state"] == "unknown"
    assert outcome["error"]["code"] == "answer_too_large"


def test_a_2gb_mastodon_answer_is_cut_off_in_bounded_memory(cli, draft_file, mastodon):
    fake, front = mastodon
    account, _ = _mastodon(cli, fake, front)
    front.play(scenes.huge(GIGABYTES), method="POST", path="/api/v1/statuses/?")
    result, outcome, _ = _publish(cli, draft_file, account, limits=MEMORY)
    _one_clear_line(result)
    assert outcome["error"]["code"] == "answer_too_large"


# -- a slow drip -----------------------------------------------------------------------------


def test_a_one_byte_a_second_discord_answer_ends_at_the_deadline(cli, draft_file, hostile):
    """docs/webhook.md promises 20 s for the whole request: the process ends by itself, long
    before the outer `timeout` (which would exit 124) kills it."""
    account = _add(cli, "discord", "--webhook-stdin", stdin=hostile.discord_stage(scenes.drip()))
    result, outcome, _ = _publish(cli, draft_file, account, limits=("timeout", "45"))
    _one_clear_line(result)
    assert outcome["state"] == "unknown"  # it may have been posted: look before sending again
    assert outcome["error"]["code"] == "timeout"


# -- redirects -------------------------------------------------------------------------------


def test_a_307_on_post_to_plain_http_elsewhere_is_not_followed(cli, draft_file, mastodon):
    fake, front = mastodon
    account, _ = _mastodon(cli, fake, front)
    # another host (localhost is not 127.0.0.1), plain http; what answers there says "posted"
    elsewhere = f"http://localhost:{front.port}/elsewhere/statuses"
    front.play(scenes.redirect(307, elsewhere), method="POST", path="/api/v1/statuses/?")
    stolen = fake_status("https://elsewhere.example/@x/1")
    front.play(scenes.json_answer(200, stolen), path="/elsewhere/.*")
    result, outcome, _ = _publish(cli, draft_file, account)
    _one_clear_line(result)
    assert outcome["state"] == "failed"
    assert outcome["error"]["code"] == "redirected"
    assert outcome["error"]["status"] == 307
    assert "another address" in outcome["error"]["message"]
    assert front.requests_to("/elsewhere/.*") == []  # the post never went there
    assert fake.statuses == []


def test_a_redirect_to_a_file_is_named_as_a_redirect(cli, draft_file, hostile):
    account, _ = _website(cli, hostile.website_stage(scenes.redirect(302, "file:///etc/passwd")))
    result, outcome, _ = _publish(cli, draft_file, account)
    _one_clear_line(result)
    assert outcome["error"]["code"] == "redirected"
    assert "connection broke" not in outcome["error"]["message"]
    assert "another address (302)" in outcome["error"]["message"]


def test_a_discord_redirect_says_why_it_was_refused(cli, draft_file, hostile):
    elsewhere = scenes.redirect(302, "https://elsewhere.example/api/webhooks/1/x")
    account = _add(cli, "discord", "--webhook-stdin", stdin=hostile.discord_stage(elsewhere))
    result, outcome, _ = _publish(cli, draft_file, account)
    _one_clear_line(result)
    assert outcome["error"]["code"] == "redirected"
    message = outcome["error"]["message"]
    assert not message.rstrip().endswith(":") and "another address (302)" in message


# -- a failing /api/v1/instance while publishing photos ----------------------------------------


def test_a_failing_instance_during_a_photo_publish_is_one_clear_failure_tried_again(
    cli, draft_file, mastodon, tmp_path
):
    fake, front = mastodon
    account, _ = _mastodon(cli, fake, front)  # connecting reads /api/v2/instance, not v1
    down = scenes.json_answer(500, {"error": "down"})
    front.play(down, method="GET", path="/api/v1/instance/?", times=1)
    photo(640, 480).save(tmp_path / "foto.jpg", quality=85)
    draft = {**DRAFT, "images": [{"path": "foto.jpg", "alt": "De zaal"}]}
    result, outcome, _ = _publish(cli, draft_file, account, draft=draft)
    # the failed attempt was a plain server error, so the job tried again and got through
    assert result.returncode == 0, result.stdout + result.stderr
    assert outcome["state"] == "done"
    assert len(fake.statuses) == 1 and len(fake.statuses[0]["media_attachments"]) == 1
    assert len(front.requests_to("/api/v1/instance/?")) == 2  # one per attempt, not 484
    log = (cli.profile / "logs" / "omroeper.log").read_text(encoding="utf-8")
    assert re.search(r"attempt 1: server_error: .*'status': 500", log), log
    assert "RecursionError" not in log and "Traceback" not in log


# -- echoed secrets ----------------------------------------------------------------------------


def _files_of(profile) -> str:
    """Everything Omroeper wrote: the database (with its journal) and the logs."""
    texts = []
    for path in sorted(profile.rglob("*")):
        if path.is_file() and not path.name.endswith((".jpg", ".png")):
            texts.append(path.read_bytes().decode("latin-1"))
    with sqlite3.connect(profile / "omroeper.db") as db:
        texts += [str(row) for row in db.execute("SELECT error_details FROM job_destinations")]
    return "\n".join(texts)


def test_a_4xx_echoing_the_bearer_token_leaves_it_in_no_file_and_not_on_stdout(
    cli, draft_file, mastodon
):
    fake, front = mastodon
    account, token = _mastodon(cli, fake, front)
    front.play(scenes.echo_authorization(422), method="POST", path="/api/v1/statuses/?")
    result, outcome, _ = _publish(cli, draft_file, account)
    assert outcome["error"]["code"] == "rejected"
    assert "[redacted]" in outcome["error"]["message"]  # the server's words, minus the token
    assert token not in result.stdout and token not in result.stderr
    assert token not in _files_of(cli.profile)


def test_a_discord_token_on_another_host_is_redacted_everywhere(cli, draft_file, hostile):
    token = "Zq9" + "hostileWebhookToken" * 3

    def echoing(request, reply):  # says back the URL it was called on, token and all
        body = {"message": f"no webhook at {request.path}", "code": 10015}
        reply.answer(400, json.dumps(body).encode(), {"Content-Type": "application/json"})

    url = hostile.discord_stage(echoing, token=token)
    account = _add(cli, "discord", "--webhook-stdin", stdin=url)
    result, outcome, _ = _publish(cli, draft_file, account)
    assert outcome["error"]["code"] == "rejected"
    assert token not in result.stdout and token not in result.stderr
    assert token not in _files_of(cli.profile)
    assert "[redacted]" in outcome["error"]["message"]


def fake_status(url: str) -> dict:
    """A status as a Mastodon server answers it: enough for Mastodon.py to call it posted."""
    return {
        "id": "424242",
        "url": url,
        "uri": url,
        "content": "<p>stolen</p>",
        "created_at": "2026-01-01T00:00:00.000Z",
        "visibility": "public",
        "account": {"id": "1", "username": "x", "acct": "x"},
        "media_attachments": [],
        "mentions": [],
        "tags": [],
        "emojis": [],
    }
