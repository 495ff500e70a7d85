"""A server's answer cannot put an address into Omroeper that is not a safe link: the post is
done (with its remote id, so it can still be deleted), its address is stored as none with a
warning, and a hostile page URL from the website never reaches the networks' copies.

Real servers on loopback: the reference website receiver, the Mastodon and Discord fakes, each
behind the shared hostile server, which lays hostile addresses over their real answers."""

from __future__ import annotations

import json

import pytest

from composer.core.accounts.account import AccountKind
from composer.core.destinations.discord import connect as discord
from composer.core.destinations.mastodon import connect as mastodon
from composer.core.destinations.registry import destinations_for
from composer.core.destinations.website import connect as website
from composer.core.drafts.draft import Draft
from composer.core.publishing.deleting import delete_everywhere
from composer.core.publishing.publisher import Publisher
from composer.core.store.store import Store
from tests.support.hostile_server import HostileServer, rewritten
from tests.support.publish_servers import add_discord, add_mastodon, add_website

pytest_plugins = ["tests.support.publish_fixtures"]

DRAFT = Draft(title="Open dag", text="Zaterdag open dag in de bibliotheek!", language="nl")
HOSTILE = [
    "javascript:alert(document.cookie)",
    "file:///etc/passwd",
    "https://social.example/@omroep/1\n\n@everyone Klik hier: https://phish.example/login",
    "http://phish.example/@omroep/1",
    "https://bank.example@phish.example/",
]
PHISHING = "https://example.org/nieuws/x\n\n@everyone Klik hier: https://phish.example/login"


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "profile") as opened:
        yield opened


@pytest.fixture
def lying():
    """`lying(upstream, fields, method, path)`: a hostile front for a real server, whose answers
    to that request carry `fields` laid over the real ones."""
    fronts: list[HostileServer] = []

    def make(upstream: str, fields: dict, method: str = "POST", path: str = ".*") -> str:
        front = HostileServer(upstream=upstream)
        front.play(rewritten(fields), method=method, path=path)
        fronts.append(front)
        return front.url

    yield make
    for front in fronts:
        front.close()


STATUSES = "/api/v1/statuses/?"


def _site_behind(accounts, site, front: str):
    return accounts.add(AccountKind.WEBSITE, website.connect(f"{front}/omroeper", site.secret))


def _hook_behind(accounts, hook, front: str):
    return accounts.add(AccountKind.DISCORD, discord.connect(hook.url.replace(hook.base, front)))


def _publish(store, accounts, chosen, draft=DRAFT):
    job_id = store.create_job(draft, [account.id for account in chosen])
    publisher = Publisher(store, destinations_for(accounts), accounts, sleep=lambda _s: None)
    return publisher.publish(job_id)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_post_url_is_done_without_an_address(store, accounts, toot, lying, hostile):
    front = lying(toot.base, {"url": hostile, "uri": hostile}, path=STATUSES)
    account = add_mastodon(accounts, toot, front)
    job = _publish(store, accounts, [account])
    row = job.destination(account.id)
    assert (row.state, row.url, row.error_code) == ("done", "", "unsafe_url")
    assert row.remote_id == toot.statuses[0]["id"]  # kept: "delete everywhere" still works
    assert len(toot.statuses) == 1
    assert delete_everywhere(store, accounts, job.id)[account.id].ok
    assert toot.statuses == []


def test_the_activitypub_id_serves_when_only_the_page_url_is_hostile(store, accounts, toot, lying):
    front = lying(toot.base, {"url": "javascript:alert(1)"}, path=STATUSES)
    account = add_mastodon(accounts, toot, front)
    row = _publish(store, accounts, [account]).destination(account.id)
    status = toot.statuses[0]
    assert (row.state, row.url, row.error_code) == ("done", status["uri"], None)


def test_a_hostile_discord_answer_leaves_no_address(store, accounts, hook, lying):
    front = lying(hook.base, {"channel_id": "1/../../x\n@everyone https://phish.example"})
    account = _hook_behind(accounts, hook, front)
    row = _publish(store, accounts, [account]).destination(account.id)
    assert (row.state, row.url, row.error_code) == ("done", "", "unsafe_url")
    assert row.remote_id == hook.messages[0]["id"]


def test_a_hostile_page_url_never_reaches_the_networks(store, accounts, *, site, toot, hook, lying):
    front = lying(f"http://127.0.0.1:{site.port}", {"url": PHISHING})
    chosen = [
        _site_behind(accounts, site, front),
        add_mastodon(accounts, toot),
        add_discord(accounts, hook),
    ]
    job = _publish(store, accounts, chosen)
    website = job.destination(chosen[0].id)
    assert (website.state, website.url, website.error_code) == ("failed", "", "unsafe_url")
    assert not job.canonical_url
    # without a page to link back to, the networks wait: nothing was posted with the phishing
    assert [row.state for row in job.destinations[1:]] == ["pending", "pending"]
    assert toot.statuses == [] and hook.messages == []
    assert "phish" not in json.dumps([row.error_details for row in job.destinations])


@pytest.mark.parametrize("hostile", ["javascript:alert(1)", "file:///etc/passwd", " https://x/"])
def test_a_hostile_location_is_refused_too(store, accounts, site, lying, hostile):
    front = lying(f"http://127.0.0.1:{site.port}", {"url": hostile})
    account = _site_behind(accounts, site, front)
    row = _publish(store, accounts, [account]).destination(account.id)
    assert (row.state, row.error_code) == ("failed", "unsafe_url")


def test_the_site_hears_only_safe_copies(store, accounts, *, site, toot, hook, lying):
    hostile = {"url": "javascript:alert(1)", "uri": "file:///etc/passwd"}
    chosen = [
        add_website(accounts, site),
        add_mastodon(accounts, toot, lying(toot.base, hostile, path=STATUSES)),
        add_discord(accounts, hook),
    ]
    job = _publish(store, accounts, chosen)
    assert [row.state for row in job.destinations] == ["done"] * 3
    page = next(site.content.glob("*/index.md"), None) or next(site.content.rglob("*.md"))
    written = page.read_text(encoding="utf-8")
    assert "javascript:" not in written and "file:" not in written
    assert job.destination(chosen[2].id).url in written  # the Discord copy is listed


def test_a_hostile_avatar_or_profile_url_is_not_kept(toot, lying):
    hostile = {"avatar": "file:///etc/passwd", "url": "javascript:alert(1)"}
    front = lying(toot.base, hostile, method="GET", path="/api/v1/accounts/verify_credentials")
    token = toot.issue_token("read:accounts read:statuses write:statuses write:media")
    connected = mastodon.connect_with_token(front, AccountKind.MASTODON, token)
    assert connected.identity.avatar == "" and connected.identity.url == ""


def test_a_job_an_older_version_left_never_sends_its_unsafe_page_url(
    store, accounts, *, site, toot
):
    """Written before this check: the website done with the phishing address as its page.
    Resumed now, the networks' copies do not carry it, nor does the site hear of it."""
    chosen = [add_website(accounts, site), add_mastodon(accounts, toot)]
    job_id = store.create_job(DRAFT, [account.id for account in chosen])
    store.set_destination_state(job_id, chosen[0].id, "done", remote_id="msg_x", url=PHISHING)
    store.set_canonical_url(job_id, PHISHING)
    publisher = Publisher(store, destinations_for(accounts), accounts, sleep=lambda _s: None)
    job = publisher.resume(job_id)
    assert job.destination(chosen[1].id).state == "done"
    assert "phish" not in toot.statuses[0]["text"]
    assert site.receiver.events == []  # no post.syndicated with that page
