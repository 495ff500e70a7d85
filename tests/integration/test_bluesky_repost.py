"""Bluesky cannot edit: on the person's choice the edit is posted anew and the old post (with
its thread) deleted, on a real PDS on loopback (tests/support/pds), exactly once also when
an answer is lost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.bluesky.publish import POST, BlueskyDestination, derived_tid
from composer.core.destinations.errors import UNCLEAR, PublishError
from composer.core.drafts.draft import Draft
from composer.core.publishing.destination import PublishRequest, Unsupported
from composer.core.store.jobs import new_idempotency_key
from composer.core.store.store import Store
from tests.support.fault_proxy import FaultProxy
from tests.support.pds import Pds

CREATE = "/xrpc/com.atproto.repo.createRecord"
THREAD = " ".join(f"woord{i}" for i in range(70))  # about 500 characters: two posts


@pytest.fixture
def proxy(bluesky_pds: Pds) -> Iterator[FaultProxy]:
    made = FaultProxy(int(bluesky_pds.url.rsplit(":", 1)[1].rstrip("/")))
    yield made
    made.close()


@pytest.fixture
def dave(bluesky_pds: Pds, proxy: FaultProxy):
    """A PDS account connected through the proxy, its destination and its DID."""
    made = bluesky_pds.create_account("dave")
    connected = bluesky.connect(made.handle, bluesky_pds.create_app_password(made), proxy.url)
    secrets = {"bluesky-dave": connected.secret}
    account = Account(
        "bluesky-dave",
        AccountKind.BLUESKY,
        Identity("Dave", handle=f"@{made.handle}"),
        server=proxy.url,
        settings={"did": made.did},
    )
    destination = BlueskyDestination(secrets.__getitem__, secrets.__setitem__)
    return account, destination, made.did


def records(pds: Pds, did: str) -> list[dict]:
    answer = pds.xrpc("com.atproto.repo.listRecords", repo=did, collection=POST, limit="100")
    return answer["records"]


def published_row(tmp_path, account, destination, draft):
    with Store.open(tmp_path / "profile") as store:
        from composer.core.publishing.publisher import Publisher

        store.save_account(account)
        publisher = Publisher(store, {AccountKind.BLUESKY: destination}, {account.id: account})
        job_id = store.create_job(draft, [account.id])
        row = publisher.publish(job_id).destination(account.id)
    assert row.state == "done"
    return row


def test_bluesky_does_not_edit_but_reposts_on_request(dave):
    _account, destination, _did = dave
    assert not destination.capabilities.can_edit
    assert destination.capabilities.replaces_instead


def test_a_repost_replaces_the_thread_with_the_edit(tmp_path, bluesky_pds, dave):
    account, destination, did = dave
    row = published_row(tmp_path, account, destination, Draft(text=THREAD, thread=True))
    assert len(records(bluesky_pds, did)) == 2
    with pytest.raises(Unsupported):
        destination.update(PublishRequest(Draft(text="x"), account, None, "k", 1), row)
    key = new_idempotency_key(AccountKind.BLUESKY)
    edited = Draft(text="Zondag open dag, niet zaterdag", language="nl")
    done = destination.repost(PublishRequest(edited, account, None, key, 1), row)
    [record] = records(bluesky_pds, did)
    assert record["uri"] == done.remote_id == f"at://{did}/{POST}/{key}"
    assert record["value"]["text"] == "Zondag open dag, niet zaterdag"
    assert done.url.endswith(f"/post/{key}") and done.url != row.url


def test_a_lost_answer_during_a_repost_still_posts_once(tmp_path, bluesky_pds, proxy, dave):
    account, destination, did = dave
    row = published_row(tmp_path, account, destination, Draft(text="Zaterdag open dag"))
    key = new_idempotency_key(AccountKind.BLUESKY)
    request = PublishRequest(Draft(text="Zondag open dag"), account, None, key, 1)
    proxy.lose_answer("POST", CREATE)
    with pytest.raises(PublishError) as unclear:
        destination.repost(request, row)
    assert unclear.value.code in UNCLEAR
    destination.repost(PublishRequest(request.draft, account, None, key, 2), row)
    [record] = records(bluesky_pds, did)
    assert record["uri"].endswith(f"/{key}") and record["value"]["text"] == "Zondag open dag"
    assert derived_tid(key, 0) == key
    # once more (a crash after it was done): nothing new, nothing fails
    destination.repost(PublishRequest(request.draft, account, None, key, 3), row)
    assert len(records(bluesky_pds, did)) == 1
