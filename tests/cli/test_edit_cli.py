"""`omroeper edit JOB FILE [--repost-bluesky]` end to end: real processes, the real keyring,
the reference website receiver, the Mastodon fake (behind a fault proxy), the Discord fake
and the real PDS. Each copy is edited once; the same command again after an unclear
failure finishes the same edit under the same keys."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from composer.core.publishing.claim import CLAIM_FOR
from composer.core.store.store import Store
from examples.webhook_receiver import INDEX
from tests.cli.test_publish_cli import site  # noqa: F401 (the receiver, a fixture)
from tests.support import cli_accounts as connect
from tests.support.fake_discord import FakeDiscord
from tests.support.fake_mastodon import FakeMastodon
from tests.support.fake_mastodon_api import history
from tests.support.fault_proxy import FaultProxy

DRAFT = {
    "title": "Open dag in de bibliotheek",
    "body": "Zaterdag is iedereen welkom.",
    "text": "Zaterdag open dag in de bibliotheek! #OpenDag",
    "language": "nl",
}
EDITED = DRAFT | {
    "body": "Zondag is iedereen welkom.",
    "text": "Zondag open dag in de bibliotheek! #OpenDag",
}


@pytest.fixture
def published(cli, site, bluesky_pds, draft_file):  # noqa: F811
    """A message published on the site, Mastodon (through a fault proxy), Discord and
    Bluesky: the job's report, the account ids, and the servers."""
    mastodon, discord = FakeMastodon().start(), FakeDiscord().start()
    proxy = FaultProxy(mastodon.server.server_address[1])
    ids = [
        connect.website(cli, site),
        connect.mastodon(cli, mastodon, server=proxy.url),
        connect.discord(cli, discord),
    ]
    bluesky, alice = connect.bluesky(cli, bluesky_pds, "editalice")
    ids.append(bluesky)
    result = cli("publish", str(draft_file(DRAFT)), "--to", ",".join(ids))
    assert result.returncode == 0, result.stdout + result.stderr
    yield json.loads(result.stdout), ids, (mastodon, proxy, discord, alice)
    proxy.close()
    mastodon.stop()
    discord.stop()


def test_each_copy_is_edited_once_bluesky_only_when_asked(
    cli,
    site,  # noqa: F811
    bluesky_pds,
    published,
    draft_file,
):
    report, ids, (mastodon, proxy, discord, alice) = published
    web, toot, chat, sky = ids
    page = report["destinations"][web]["url"]
    old_post = report["destinations"][sky]["remote_id"]
    path = draft_file(EDITED, "edited.json")
    # the answer to Mastodon's edit is lost, and the status cannot be read back after it:
    # the run gives up, unclear, after its attempts (the edit is in fact on the server)
    proxy.lose_answer("PUT", r"/api/v1/statuses/\d+$")
    proxy.fail("GET", r"/api/v1/statuses/\d+$", status=503, times=4, skip=1)

    # the test hook's clock: the backoff between attempts moves it instead of sleeping
    now = datetime.now(UTC).isoformat()
    first = cli("edit", str(report["job"]), str(path), "--now", now)
    assert first.returncode == 1, first.stdout + first.stderr
    edited = json.loads(first.stdout)
    states = {key: value["state"] for key, value in edited["destinations"].items()}
    assert states == {web: "edited", toot: "failed", chat: "edited", sky: "unchanged"}
    assert edited["destinations"][web]["url"] == page  # the page keeps its address
    assert edited["destinations"][sky]["error"]["code"] == "edit_needs_repost"
    assert "Bluesky" in edited["destinations"][sky]["error"]["message"]
    assert edited["destinations"][toot]["error"]["message"]

    # the same command again, now choosing to repost on Bluesky: the same edit, finished
    again = cli("edit", str(report["job"]), str(path), "--repost-bluesky")
    assert again.returncode == 0, again.stdout + again.stderr
    done = json.loads(again.stdout)
    assert done["edit"] == edited["edit"]
    states = {key: value["state"] for key, value in done["destinations"].items()}
    assert states == dict.fromkeys(ids, "edited")

    # each server holds exactly one edit
    (status,) = mastodon.statuses
    assert len(history(mastodon, status["id"])) == 2  # the original and one edit
    assert "Zondag" in status["text"] and page in status["text"]
    (message,) = discord.messages
    assert discord.edits == {message["id"]: 1} and "Zondag" in message["content"]
    slug = page.rstrip("/").rsplit("/", 1)[1]
    index = (site.content / slug / "index.md").read_text(encoding="utf-8")
    assert "Zondag is iedereen welkom." in index
    events = json.loads((site.content / INDEX).read_text(encoding="utf-8"))["events"]
    # published, syndicated, updated, syndicated again with Bluesky's new address
    assert len(events) == 4

    # Bluesky: the old post gone, one new post linking to the page, the site told of it
    records = bluesky_pds.xrpc(
        "com.atproto.repo.listRecords", repo=alice.did, collection="app.bsky.feed.post"
    )["records"]
    (record,) = records
    assert record["uri"] != old_post
    assert "Zondag" in record["value"]["text"]
    assert page in json.dumps(record["value"])
    new_url = done["destinations"][sky]["url"]
    assert new_url.startswith("https://bsky.app/profile/") and new_url in index
    # the page links to the new post only: the old one is gone
    assert report["destinations"][sky]["url"] not in index

    # the job now is the edited message, with Bluesky's new address
    with Store.open(cli.profile) as store:
        job = store.job(report["job"])
    assert job.draft.text == EDITED["text"] and job.draft.body == EDITED["body"]
    assert job.destination(sky).url == new_url and job.destination(sky).remote_id == record["uri"]
    assert job.destination(web).url == page

    # asked once more: nothing is sent again
    third = cli("edit", str(report["job"]), str(path), "--repost-bluesky")
    assert third.returncode == 0, third.stdout + third.stderr
    assert json.loads(third.stdout)["edit"] == done["edit"]
    assert len(history(mastodon, status["id"])) == 2 and discord.edits[message["id"]] == 1
    assert len(json.loads((site.content / INDEX).read_text(encoding="utf-8"))["events"]) == 4


def test_an_unknown_job_or_an_unusable_file_exits_2_and_sends_nothing(
    cli,
    site,  # noqa: F811
    draft_file,
):
    web = connect.website(cli, site)
    published = cli("publish", str(draft_file(DRAFT)), "--to", web)
    assert published.returncode == 0, published.stderr
    job = json.loads(published.stdout)["job"]
    before = (site.content / INDEX).read_text(encoding="utf-8")

    unknown = cli("edit", "9999", str(draft_file(EDITED, "edited.json")))
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert len(unknown.stderr.strip().splitlines()) == 1

    bad = draft_file({"text": 5}, "bad.json")
    unusable = cli("edit", str(job), str(bad))
    assert unusable.returncode == 2 and unusable.stdout == ""
    assert len(unusable.stderr.strip().splitlines()) == 1

    missing = cli("edit", str(job), str(bad.with_name("nowhere.json")))
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1

    later = cli("publish", str(draft_file(DRAFT)), "--to", web, "--at", "2099-01-01T09:00:00Z")
    assert later.returncode == 0, later.stderr
    scheduled = cli("edit", str(json.loads(later.stdout)["job"]), str(draft_file(EDITED)))
    assert scheduled.returncode == 2 and scheduled.stdout == ""
    assert "not online" in scheduled.stderr
    assert (site.content / INDEX).read_text(encoding="utf-8") == before


def test_an_edit_while_another_run_holds_the_message_exits_2_and_sends_nothing(
    cli,
    site,  # noqa: F811
    draft_file,
):
    """Two processes on one profile: this test holds the job's claim on a connection of its
    own, as the window or another command sending it would; `edit` refuses in one line.
    A claim left by a run that crashed has run out: `edit` takes the job over."""
    discord = FakeDiscord().start()
    try:
        ids = [
            connect.website(cli, site),
            connect.discord(cli, discord),
        ]
        published = cli("publish", str(draft_file(DRAFT)), "--to", ",".join(ids))
        assert published.returncode == 0, published.stdout + published.stderr
        job = json.loads(published.stdout)["job"]
        path = str(draft_file(EDITED, "edited.json"))
        before = (site.content / INDEX).read_text(encoding="utf-8")
        now = datetime.now(UTC)

        with Store.open(cli.profile) as other:
            assert other.claim_job(job, "the window", now, now + CLAIM_FOR)
            busy = cli("edit", str(job), path)
            assert busy.returncode == 2 and busy.stdout == "", busy.stdout + busy.stderr
            (line,) = busy.stderr.strip().splitlines()
            assert f"Message {job} is being changed or sent right now" in line
            assert discord.edits == {}
            assert (site.content / INDEX).read_text(encoding="utf-8") == before

            # the window crashed an hour ago holding it: its claim has run out
            other.release_job(job, "the window")
            crashed = now - CLAIM_FOR - timedelta(minutes=1)
            assert other.claim_job(job, "the window", crashed, crashed + CLAIM_FOR)
            taken = cli("edit", str(job), path)
        assert taken.returncode == 0, taken.stdout + taken.stderr
        states = {
            key: value["state"] for key, value in json.loads(taken.stdout)["destinations"].items()
        }
        assert states == dict.fromkeys(ids, "edited")
        assert discord.edits == {discord.messages[0]["id"]: 1}
    finally:
        discord.stop()
