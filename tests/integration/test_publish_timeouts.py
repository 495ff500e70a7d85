"""A timeout while the answer is on its way back, through the real Publisher: Mastodon
deduplicates by Idempotency-Key, so the status is sent again and stays one; a Discord webhook
cannot, so the message is never resent and the outcome is `unknown` for the person to check."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from composer.core import net
from composer.core.accounts.account import AccountKind
from composer.core.accounts.accounts import Accounts
from composer.core.destinations.discord import connect as discord
from composer.core.destinations.mastodon import connect as mastodon
from composer.core.destinations.registry import destinations_for
from composer.core.drafts.draft import Draft
from composer.core.publishing.publisher import Publisher
from composer.core.store.store import Store
from tests.support.fake_discord import FakeDiscord
from tests.support.fake_mastodon import FakeMastodon
from tests.support.fault_proxy import FaultProxy

DRAFT = Draft(text="Zaterdag open dag in de bibliotheek! #OpenDag", language="nl")
STATUSES = "/api/v1/statuses"
WEBHOOK = r"/api/webhooks/.*"
HELD = 3.0  # seconds the answer is kept back: longer than the client waits
WAITS = 1.0  # net.TIMEOUT in these tests


@pytest.fixture(autouse=True)
def short_timeout(monkeypatch) -> None:
    monkeypatch.setattr(net, "TIMEOUT", WAITS)


def _behind_a_proxy(fake):
    """The started fake with a FaultProxy in front of it; both stopped afterwards."""
    proxy = FaultProxy(fake.server.server_address[1])
    try:
        yield fake, proxy
    finally:
        proxy.close()
        fake.stop()


@pytest.fixture
def toot() -> Iterator[tuple[FakeMastodon, FaultProxy]]:
    yield from _behind_a_proxy(FakeMastodon().start())


@pytest.fixture
def hook() -> Iterator[tuple[FakeDiscord, FaultProxy]]:
    yield from _behind_a_proxy(FakeDiscord().start())


def _publish(store: Store, accounts: Accounts, account_id: str):
    """Publish DRAFT to one account; also what the row said each time the Publisher waited."""
    job_id = store.create_job(DRAFT, [account_id])
    waits: list[tuple[float, str, str | None]] = []

    def sleep(seconds: float) -> None:
        row = store.job(job_id).destination(account_id)
        waits.append((seconds, row.state, row.error_code))

    publisher = Publisher(store, destinations_for(accounts), accounts, sleep=sleep)
    return job_id, publisher.publish(job_id).destination(account_id), waits


def test_mastodon_timeout_is_read_back_into_one_status_not_sent_again(store, accounts, toot):
    fake, proxy = toot
    token = fake.issue_token("read:accounts read:statuses write:statuses write:media")
    connected = mastodon.connect_with_token(proxy.url, "mastodon", token)
    account_id = accounts.add(AccountKind.MASTODON, connected).id
    proxy.hold("POST", STATUSES, seconds=HELD)

    _, row, waits = _publish(store, accounts, account_id)

    assert [hit[:2] for hit in proxy.hits] == [("POST", STATUSES)]
    assert [hit[2] for hit in proxy.hits] == ["hold"]
    assert waits == [(1.0, "failed", "timeout")]  # the timeout, then one backoff
    posts = [r for r in fake.requests if r.method == "POST" and r.path == STATUSES]
    assert len(posts) == 1  # the status the timeout was about is found among the account's
    keys = {r.headers.get("Idempotency-Key") for r in posts}
    assert keys == {row.idempotency_key} and row.idempotency_key
    (status,) = fake.statuses
    assert row.state == "done"
    assert row.attempts == 2
    assert row.remote_id == status["id"]
    assert status["text"] == DRAFT.text


def test_discord_timeout_is_unknown_and_never_sent_again(store, accounts, hook):
    fake, proxy = hook
    webhook = fake.url.replace(fake.base, proxy.url)
    account_id = accounts.add(AccountKind.DISCORD, discord.connect(webhook)).id
    proxy.hold("POST", WEBHOOK, seconds=HELD)

    job_id, row, waits = _publish(store, accounts, account_id)

    assert [hit[2] for hit in proxy.hits] == ["hold"]
    assert row.state == "unknown"
    assert row.error_code == "timeout"
    assert row.attempts == 1
    assert waits == []  # no backoff: nothing is retried
    assert len(fake.messages) == 1
    assert sum(r[0] == "POST" for r in fake.requests) == 1
    assert store.unfinished_jobs() == []

    # a resume leaves it alone: only the person can tell whether it arrived
    again = Publisher(store, destinations_for(accounts), accounts, sleep=pytest.fail)
    assert again.resume(job_id).destination(account_id).state == "unknown"
    assert sum(r[0] == "POST" for r in fake.requests) == 1
    assert len(fake.messages) == 1
