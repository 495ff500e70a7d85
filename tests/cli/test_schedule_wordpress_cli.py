"""Scheduling end to end with real parts: the command line as a process, the real WordPress
(tests/support/wordpress.py) holding a `future` post, the real PDS (tests/support/pds.py) as
a Bluesky this computer sends to with the post's future address as its link back, and the
Mastodon fake holding a post. The site's time is not waited for: its administrator moves the
post's date into the past, which is what publishing it at its time does to it; the command
line's own clock is the hidden `--now`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.cli.test_schedule_cli import _json
from tests.support import cli_accounts as connect

DRAFT = {
    "title": "Opening van de nieuwe zaal",
    "body": "Zaterdag om tien uur openen we de nieuwe zaal.",
    "text": "Zaterdag opening van de nieuwe zaal!",
    "language": "nl",
}


def _moment(ahead: timedelta) -> str:
    return (datetime.now(UTC) + ahead).replace(microsecond=0).isoformat()


@pytest.fixture
def site_and_bluesky(cli, wordpress, bluesky_pds):
    site = connect.wordpress(cli, wordpress, "editor")
    bluesky, alice = connect.bluesky(cli, bluesky_pds, "wpsched")

    def records() -> list[dict]:
        return bluesky_pds.xrpc(
            "com.atproto.repo.listRecords", repo=alice.did, collection="app.bsky.feed.post"
        )["records"]

    return site, bluesky, records


def _schedule(cli, draft_file, ids, at):
    return cli(
        "publish",
        str(draft_file(DRAFT)),
        "--to",
        ",".join(ids),
        "--at",
        at,
        "--now",
        _moment(timedelta()),
    )


def test_wordpress_holds_its_post_and_this_computer_sends_bluesky_with_its_future_address(
    cli, draft_file, wordpress, site_and_bluesky
):
    site, bluesky, records = site_and_bluesky
    at = _moment(timedelta(days=2))
    report = _json(_schedule(cli, draft_file, [site, bluesky], at))
    page, copy = report["destinations"][site], report["destinations"][bluesky]
    assert (page["state"], page["held_by"]) == ("scheduled", "server")
    assert (copy["state"], copy["held_by"]) == ("scheduled", "computer")
    post = wordpress.rest(f"/wp/v2/posts/{page['remote_id']}", context="edit")
    assert post["status"] == "future"
    address = page["url"]  # the address the post will have: Bluesky's link back
    assert address.startswith(wordpress.url) and post["slug"] in address

    before = _json(cli("publish", "--due", "--now", _moment(timedelta(days=1))))
    assert before == {"jobs": []} and records() == []

    # the site's time comes: WordPress publishes the post by itself
    past = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%S")
    admin = wordpress.user("administrator")
    wordpress.post_as(admin, f"/wp/v2/posts/{page['remote_id']}", {"date_gmt": past})
    after = (datetime.fromisoformat(at) + timedelta(seconds=30)).isoformat()
    due = cli("publish", "--due", "--now", after)
    assert due.returncode == 0, due.stdout + due.stderr
    (entry,) = _json(due)["jobs"]
    assert entry["state"] == "finished"
    settled, sent = entry["destinations"][site], entry["destinations"][bluesky]
    assert (settled["state"], settled["remote_id"], settled["url"]) == (
        "done",
        page["remote_id"],
        address,
    )
    assert sent["state"] == "done"
    (record,) = records()
    assert address in json.dumps(record["value"])  # the link back, to the page's address
    assert wordpress.rest(f"/wp/v2/posts/{page['remote_id']}")["link"] == address

    again = _json(cli("publish", "--due", "--now", after))
    assert again["jobs"] == [] and len(records()) == 1


def test_cancelling_trashes_the_wordpress_future_post(cli, draft_file, wordpress, site_and_bluesky):
    site, bluesky, records = site_and_bluesky
    report = _json(_schedule(cli, draft_file, [site, bluesky], _moment(timedelta(days=2))))
    post_id = report["destinations"][site]["remote_id"]
    assert wordpress.rest(f"/wp/v2/posts/{post_id}", context="edit")["status"] == "future"
    cancelled = cli("publish", "--cancel", str(report["job"]), "--now", _moment(timedelta()))
    assert cancelled.returncode == 0, cancelled.stdout + cancelled.stderr
    answer = _json(cancelled)
    assert answer["state"] == "cancelled"
    assert {v["state"] for v in answer["destinations"].values()} == {"cancelled"}
    assert wordpress.rest(f"/wp/v2/posts/{post_id}", context="edit")["status"] == "trash"
    after = _moment(timedelta(days=3))
    assert _json(cli("publish", "--due", "--now", after))["jobs"] == []
    assert records() == []


def test_cancelling_a_message_mastodon_holds_withdraws_it_there(cli, draft_file):
    from tests.support.fake_mastodon import FakeMastodon

    mastodon = FakeMastodon().start()
    try:
        account = connect.mastodon(cli, mastodon)
        report = _json(_schedule(cli, draft_file, [account], _moment(timedelta(days=2))))
        assert report["destinations"][account]["held_by"] == "server"
        assert len(mastodon.scheduled) == 1
        cancelled = _json(cli("publish", "--cancel", str(report["job"])))
        assert cancelled["destinations"][account]["state"] == "cancelled"
        assert mastodon.scheduled == []
        mastodon.advance(3 * 24 * 3600)  # its time passes on the server: nothing is published
        assert mastodon.statuses == []
    finally:
        mastodon.stop()
