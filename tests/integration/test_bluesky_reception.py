"""How a post on Bluesky was received, read from a real PDS on loopback (tests/support/pds),
whose stand-in AppView counts the likes, reposts and replies other accounts on the same PDS
made with the atproto SDK, as the real AppView counts what it indexes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.bluesky.publish import BlueskyDestination
from composer.core.destinations.errors import PublishError
from composer.core.drafts.draft import Draft
from composer.core.publishing.destination import PublishRequest
from composer.core.store.jobs import JobDestination
from tests.support.pds import BlueskyAccount, Pds


@pytest.fixture(scope="module")
def dora(bluesky_pds: Pds) -> BlueskyAccount:
    return bluesky_pds.create_account("dora", display_name="Dora")


@pytest.fixture(scope="module")
def account(bluesky_pds: Pds, dora: BlueskyAccount) -> Account:
    return Account(
        id="bluesky-dora",
        kind=AccountKind.BLUESKY,
        identity=Identity(name="Dora", handle=f"@{dora.handle}"),
        server=bluesky_pds.url,
        settings={"did": dora.did},
    )


@pytest.fixture(scope="module")
def destination(bluesky_pds: Pds, dora: BlueskyAccount) -> BlueskyDestination:
    connected = bluesky.connect(dora.handle, bluesky_pds.create_app_password(dora), bluesky_pds.url)
    secrets = {"bluesky-dora": connected.secret}
    return BlueskyDestination(secrets.__getitem__, secrets.__setitem__)


@pytest.fixture
def sdk_client(bluesky_pds: Pds):
    """Another person on the same PDS, in their own app: the atproto SDK, logged in."""
    from atproto import Client

    made = []

    def log_in(person: BlueskyAccount):
        client = Client(base_url=bluesky_pds.url)
        made.append(client)
        client.login(person.handle, person.password)
        return client

    yield log_in
    for client in made:
        client.request.close()


def _copy(destination, account, text: str, key: str) -> JobDestination:
    published = destination.publish(PublishRequest(Draft(text=text), account, None, key, 1))
    return JobDestination(
        account.id,
        AccountKind.BLUESKY,
        1,
        "done",
        published.remote_id,
        published.url,
        None,
        {},
        False,
        1,
        key,
        datetime.now(UTC),
    )


def test_a_like_by_a_second_account_is_counted(bluesky_pds, account, destination, sdk_client):
    copy = _copy(destination, account, "Zondag boekenmarkt op het plein.", "3lbkrecept222")
    assert destination.capabilities.can_count
    first = destination.reception(account, copy)
    assert (first.replies, first.reposts, first.likes) == (0, 0, 0)

    erik = sdk_client(bluesky_pds.create_account("erik"))
    post = erik.app.bsky.feed.post.get(copy.remote_id.split("/")[2], copy.remote_id.split("/")[-1])
    erik.like(copy.remote_id, post.cid)  # createRecord app.bsky.feed.like
    seen = destination.reception(account, copy)
    assert (seen.replies, seen.reposts, seen.likes) == (0, 0, 1)
    assert seen.replies_url == copy.url and seen.read_at >= first.read_at

    fenna = sdk_client(bluesky_pds.create_account("fenna"))
    fenna.like(copy.remote_id, post.cid)
    fenna.repost(copy.remote_id, post.cid)
    from atproto import models

    ref = models.create_strong_ref(post)
    fenna.send_post("Ik kom!", reply_to=models.AppBskyFeedPost.ReplyRef(root=ref, parent=ref))
    seen = destination.reception(account, copy)
    assert (seen.replies, seen.reposts, seen.likes) == (1, 1, 2)


def test_a_deleted_post_is_a_failure(bluesky_pds, account, destination):
    copy = _copy(destination, account, "Weg ermee.", "3lbkrecept333")
    destination.delete(account, copy)
    with pytest.raises(PublishError) as failure:
        destination.reception(account, copy)
    assert failure.value.code == "rejected"
