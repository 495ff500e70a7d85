"""The website destination through the publish job engine with a real Store, against the
reference receiver from examples/ (which verifies every signature)."""

from __future__ import annotations

import json
import threading

import pytest

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.discord.publish import DiscordDestination
from composer.core.destinations.errors import UNCLEAR, PublishError
from composer.core.destinations.website import connect as website
from composer.core.destinations.website import webhook
from composer.core.destinations.website.publish import WebsiteDestination
from composer.core.drafts.draft import Draft, Image
from composer.core.publishing.destination import PublishRequest
from composer.core.publishing.publisher import Publisher
from composer.core.store.store import Store
from examples import webhook_receiver
from tests.support.fake_discord import FakeDiscord
from tests.support.images import photo

BASE = "https://example.org/nieuws"
SECRET = website.new_secret()
PAGE = f"{BASE}/open-dag-in-de-bibliotheek/"
DISCORD = Account(
    "discord-0000000b",
    AccountKind.DISCORD,
    Identity("Omroeper-test"),
    settings={"channel_id": "998877665544332211", "guild_id": "556677"},
)


class Dropping(webhook_receiver.Handler):
    """The receiver's own handler, except that the first answers never leave: the page is
    written, then the connection closes."""

    def _reply(self, status: int, answer: dict) -> None:
        if self.server.drops > 0:
            self.server.drops -= 1
            self.close_connection = True
            return
        super()._reply(status, answer)

    def do_POST(self) -> None:
        self.server.ids.append(self.headers["webhook-id"])
        super().do_POST()


@pytest.fixture
def site(tmp_path):
    receiver = webhook_receiver.Receiver(SECRET, tmp_path / "content", BASE)
    server = webhook_receiver.Server(("127.0.0.1", 0), receiver)
    server.RequestHandlerClass = Dropping
    server.drops, server.ids = 0, []
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}/omroeper"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def account(site):
    return Account(
        "website-0000000a",
        AccountKind.WEBSITE,
        Identity("127.0.0.1", url=site.url),
        server=site.url,
    )


@pytest.fixture
def store(tmp_path, account):
    with Store.open(tmp_path / "profile") as opened:
        opened.save_account(account)
        opened.save_account(DISCORD)
        yield opened


@pytest.fixture
def draft(tmp_path):
    photo(640, 480).save(tmp_path / "zaal.jpg", quality=90)
    return Draft(
        title="Open dag in de bibliotheek!",
        body="Zaterdag zijn **alle** zalen open.",
        text="Zaterdag open dag",
        language="nl",
        images=(Image(tmp_path / "zaal.jpg", alt="De leeszaal vol met mensen"),),
    )


def secrets_of(fake: FakeDiscord | None = None):
    known = {"website-0000000a": {"signing_secret": SECRET}}
    if fake is not None:
        known[DISCORD.id] = {"webhook_url": fake.url}
    return known.__getitem__


def publisher(store, account, fake=None):
    sleeps: list[float] = []
    lookup = secrets_of(fake)
    destinations = {
        AccountKind.WEBSITE: WebsiteDestination(lookup),
        AccountKind.DISCORD: DiscordDestination(lookup),
    }
    accounts = {account.id: account, DISCORD.id: DISCORD}
    return Publisher(store, destinations, accounts, sleep=sleeps.append), sleeps


def pages(site):
    return sorted(p.name for p in site.receiver.content.iterdir() if not p.name.startswith("."))


def test_the_page_is_written_once_and_its_url_returned(site, account, store, draft):
    job_id = store.create_job(draft, [account.id])
    job = publisher(store, account)[0].publish(job_id)
    row = job.destination(account.id)
    assert (row.state, row.url, row.remote_id) == ("done", PAGE, row.idempotency_key)
    assert row.idempotency_key.startswith("msg_")
    assert site.ids == [row.idempotency_key]
    assert job.canonical_url == PAGE
    assert pages(site) == ["open-dag-in-de-bibliotheek"]
    folder = site.receiver.content / "open-dag-in-de-bibliotheek"
    page = (folder / "index.md").read_text(encoding="utf-8")
    assert "![De leeszaal vol met mensen](" in page
    assert f"webhook_id: {row.idempotency_key}\n" in page


def test_a_dropped_answer_then_a_retry_is_still_one_page(site, account, store, draft):
    site.drops = 1
    job_id = store.create_job(draft, [account.id])
    engine, sleeps = publisher(store, account)
    job = engine.publish(job_id)
    row = job.destination(account.id)
    assert (row.state, row.url, row.attempts) == ("done", PAGE, 2)
    assert site.ids == [row.idempotency_key] * 2  # the same event id on the retry
    assert len(sleeps) == 1
    assert pages(site) == ["open-dag-in-de-bibliotheek"]


def test_a_job_resumed_after_a_drop_is_still_one_page(site, account, store, draft):
    site.drops = 5  # every answer lost: the job gives up for now
    job_id = store.create_job(draft, [account.id])
    engine = publisher(store, account)[0]
    row = engine.publish(job_id).destination(account.id)
    assert (row.state, row.retryable) == ("failed", True)
    job = engine.resume(job_id)  # later, the answers come through again
    assert job.destination(account.id).url == PAGE
    assert set(site.ids) == {row.idempotency_key}
    assert pages(site) == ["open-dag-in-de-bibliotheek"]


def test_syndicate_then_delete(site, account, store, draft):
    job_id = store.create_job(draft, [account.id])
    publisher(store, account)[0].publish(job_id)
    destination = WebsiteDestination(secrets_of())
    copies = [("mastodon", "https://mastodon.example/@bieb/1")]
    answer = destination.syndicate(account, PAGE, copies)
    assert (answer.status, answer.url) == (200, PAGE)
    page = (site.receiver.content / "open-dag-in-de-bibliotheek" / "index.md").read_text()
    assert "https://mastodon.example/@bieb/1" in page
    assert destination.delete_page(account, PAGE).status == 200
    assert pages(site) == []


def test_website_first_then_discord_with_the_link_back(site, account, store, draft):
    fake = FakeDiscord().start()
    try:
        job_id = store.create_job(draft, [account.id, DISCORD.id])
        job = publisher(store, account, fake)[0].publish(job_id)
        [message] = fake.messages
        assert message["content"] == f"Zaterdag open dag\n\n{PAGE}"
        assert job.destination(DISCORD.id).remote_id == message["id"]
        assert pages(site) == ["open-dag-in-de-bibliotheek"]
    finally:
        fake.stop()


def edited(draft):
    return Draft(
        title="Open dag in de bibliotheek: zondag!",
        body="Zondag zijn **alle** zalen open.",
        text="Zondag open dag",
        language="nl",
        images=draft.images,
    )


def edit_request(account, draft, key, attempt=1):
    return PublishRequest(edited(draft), account, None, key, attempt)


def test_an_edit_rewrites_the_page_at_the_same_address(site, account, store, draft):
    job_id = store.create_job(draft, [account.id])
    row = publisher(store, account)[0].publish(job_id).destination(account.id)
    destination = WebsiteDestination(secrets_of())
    assert destination.capabilities.can_edit
    done = destination.update(edit_request(account, draft, "edit-key-1"), row)
    assert (done.url, done.remote_id) == (PAGE, row.remote_id)
    assert pages(site) == ["open-dag-in-de-bibliotheek"]
    page = (site.receiver.content / "open-dag-in-de-bibliotheek" / "index.md").read_text()
    assert "Zondag zijn **alle** zalen open." in page and "Zaterdag" not in page
    assert site.ids[-1] == webhook.edit_event_id("edit-key-1") != row.idempotency_key


def test_a_lost_answer_during_an_edit_still_applies_it_once(site, account, store, draft):
    job_id = store.create_job(draft, [account.id])
    row = publisher(store, account)[0].publish(job_id).destination(account.id)
    destination = WebsiteDestination(secrets_of())
    site.drops = 1  # the site rewrites the page, its answer is lost
    with pytest.raises(PublishError) as unclear:
        destination.update(edit_request(account, draft, "edit-key-2"), row)
    assert unclear.value.code in UNCLEAR
    folder = site.receiver.content / "open-dag-in-de-bibliotheek"
    applied = (folder / "index.md").read_text()
    assert "Zondag" in applied
    # the retry of that edit is the same event: answered as before, not applied again
    done = destination.update(edit_request(account, draft, "edit-key-2", attempt=2), row)
    assert done.url == PAGE
    assert (folder / "index.md").read_text() == applied
    assert site.ids[-2:] == [webhook.edit_event_id("edit-key-2")] * 2
    events = json.loads((site.receiver.content / webhook_receiver.INDEX).read_text())["events"]
    assert list(events) == [row.idempotency_key, webhook.edit_event_id("edit-key-2")]
