"""`omroeper publish` and `omroeper delete` end to end: real processes, the real keyring, the
reference website receiver, the real PDS, faithful Mastodon and Discord fakes."""

import json
import threading

import pytest

from composer.core.destinations.website import connect as website
from examples import webhook_receiver
from tests.support import cli_accounts as connect
from tests.support.fake_discord import FakeDiscord
from tests.support.fake_mastodon import FakeMastodon
from tests.support.hostile_server import HostileServer, rewritten

BASE = "https://example.org/nieuws"


@pytest.fixture
def site(tmp_path):
    secret = website.new_secret()
    receiver = webhook_receiver.Receiver(secret, tmp_path / "content", BASE)
    server = webhook_receiver.Server(("127.0.0.1", 0), receiver)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    server.secret = secret
    server.url = f"http://127.0.0.1:{server.server_port}/omroeper"
    server.content = tmp_path / "content"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def servers(site, bluesky_pds):
    mastodon, discord = FakeMastodon().start(), FakeDiscord().start()
    yield site, mastodon, discord, bluesky_pds
    mastodon.stop()
    discord.stop()


def test_publish_everywhere_once_then_resume_and_delete(cli, servers, draft_file):
    site, mastodon, discord, pds = servers
    ids = [
        connect.website(cli, site),
        connect.mastodon(cli, mastodon),
        connect.discord(cli, discord),
    ]
    bluesky, alice = connect.bluesky(cli, pds, "pubalice")
    ids.append(bluesky)
    path = draft_file(
        {
            "title": "Open dag in de bibliotheek",
            "body": "Zaterdag is iedereen welkom. Er is voorlezen, knutselen en koffie.",
            "text": "Zaterdag open dag in de bibliotheek! #OpenDag",
            "language": "nl",
        }
    )
    result = cli("publish", str(path), "--to", ",".join(ids))
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    states = {key: value["state"] for key, value in report["destinations"].items()}
    assert states == dict.fromkeys(ids, "done")
    page = report["destinations"][ids[0]]["url"]
    assert page == f"{BASE}/open-dag-in-de-bibliotheek/"
    assert (site.content / "open-dag-in-de-bibliotheek" / "index.md").exists()
    (status,) = mastodon.statuses
    assert page in status["text"]
    (message,) = discord.messages
    assert page in message["content"]
    assert report["destinations"][ids[3]]["url"].startswith("https://bsky.app/profile/")
    # step 3: the site was told where the copies are; it links only https:// ones (the fakes
    # here serve plain http on loopback)
    index = (site.content / "open-dag-in-de-bibliotheek" / "index.md").read_text(encoding="utf-8")
    for copy in ids[1:]:
        url = report["destinations"][copy]["url"]
        assert (url in index) == url.startswith("https://")

    again = cli("publish", "--resume", str(report["job"]))
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["destinations"] == report["destinations"]
    assert len(mastodon.statuses) == len(discord.messages) == 1  # nothing posted twice

    deleted = cli("delete", str(report["job"]))
    assert deleted.returncode == 0, deleted.stdout + deleted.stderr
    assert set(json.loads(deleted.stdout)["destinations"]) == set(ids)
    assert not (site.content / "open-dag-in-de-bibliotheek").exists()
    assert mastodon.statuses == [] and discord.messages == []
    records = pds.xrpc(
        "com.atproto.repo.listRecords", repo=alice.did, collection="app.bsky.feed.post"
    )
    assert records["records"] == []


def test_publish_refuses_unusable_input_in_one_line(cli, draft_file):
    path = draft_file({"text": "Hallo"})
    for args in [("publish", str(path)), ("publish",), ("publish", str(path), "--to", "nope-1")]:
        result = cli(*args)
        assert result.returncode == 2, result
        assert result.stderr.startswith("omroeper: ") and result.stderr.count("\n") == 1


def test_failures_are_explained_in_plain_words(cli, draft_file):
    discord = FakeDiscord().start()
    try:
        account = connect.discord(cli, discord)
        path = draft_file({"text": "Zaterdag open dag!", "link": "https://example.org/open-dag"})
        discord.drop_after_next = True  # the message lands, the answer never comes
        unclear = json.loads(cli("publish", str(path), "--to", account).stdout)
        error = unclear["destinations"][account]["error"]
        assert unclear["destinations"][account]["state"] == "unknown"
        assert error["code"] == "connection_lost"
        assert error["message"].startswith("Omroeper cannot tell whether this copy arrived")
        assert len(discord.messages) == 1
        discord.token = "ingetrokken"  # the webhook was deleted in Discord
        refused = cli("publish", str(path), "--to", account)
        assert refused.returncode == 1
        error = json.loads(refused.stdout)["destinations"][account]["error"]
        assert error["code"] == "rejected"
        assert error["message"].startswith("Discord no longer accepts this account’s sign-in (401)")
    finally:
        discord.stop()


def test_a_copy_posted_with_an_unusable_address_is_done_and_says_so(cli, draft_file):
    discord = FakeDiscord()
    discord.start()
    front = HostileServer(upstream=discord.base)  # the real message, its channel made hostile
    front.play(rewritten({"channel_id": "1\n@everyone https://phish.example"}), method="POST")
    try:
        hook = discord.url.replace(discord.base, front.url)
        account = connect.account(cli, "discord", "--webhook-stdin", stdin=hook)
        path = draft_file({"text": "Zaterdag open dag!", "link": "https://example.org/open-dag"})
        result = cli("publish", str(path), "--to", account)
        assert result.returncode == 0, result.stderr
        copy = json.loads(result.stdout)["destinations"][account]
        assert (copy["state"], copy["url"]) == ("done", "")
        assert copy["remote_id"] == discord.messages[0]["id"]  # `omroeper delete` finds it
        assert copy["error"]["code"] == "unsafe_url"
        assert copy["error"]["message"].startswith("Published, but the server gave an address")
        assert "phish" not in result.stdout
    finally:
        front.close()
        discord.stop()


def test_a_message_another_run_is_sending_waits_until_that_run_has_ended(cli):
    import socket
    import subprocess
    import sys
    from datetime import UTC, datetime

    from composer.core.drafts.draft import Draft
    from composer.core.publishing.claim import CLAIM_FOR
    from composer.core.store.store import Store

    discord = FakeDiscord().start()  # Discord cannot tell a second post from the first
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        chat = connect.discord(cli, discord)
        with Store.open(cli.profile) as store:  # a window (this process) is sending it
            job = store.create_job(Draft(text="Open dag!"), [chat])
            now = datetime.now(UTC)
            owner = f"{socket.gethostname()}:{running.pid}:5e5e5e5e"
            assert store.claim_job(job, owner, now, now + CLAIM_FOR)
        busy = cli("publish", "--resume", str(job))
        assert busy.returncode == 2 and busy.stdout == "", busy.stdout + busy.stderr
        assert len(busy.stderr.strip().splitlines()) == 1 and str(job) in busy.stderr
        assert discord.messages == []

        running.kill()  # that run ended without finishing (killed): taken over at once
        running.wait()
        done = cli("publish", "--resume", str(job))
        assert done.returncode == 0, done.stdout + done.stderr
        assert len(discord.messages) == 1
    finally:
        running.kill()
        running.wait()
        discord.stop()
