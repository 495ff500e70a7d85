"""Reading how every copy of a published message was received, against real servers on
loopback (the website, the Mastodon fake, the Discord fake): only networks that count are
asked, each reading is kept, and a copy that cannot be read is a result, not a crash."""

from __future__ import annotations

import pytest

from composer.core.destinations.registry import destinations_for
from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.publishing.publisher import Publisher
from composer.core.publishing.receiving import read_receptions
from composer.core.publishing.reception import Reception
from composer.core.store.store import Store
from tests.support.fake_mastodon_api import react

pytest_plugins = ["tests.support.publish_fixtures"]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "profile") as opened:
        yield opened


def _publish(store, accounts, chosen) -> int:
    job_id = store.create_job(Draft(text="Zondag boekenmarkt."), [a.id for a in chosen])
    Publisher(store, destinations_for(accounts), accounts, sleep=lambda _s: None).publish(job_id)
    return job_id


def test_only_the_counting_networks_are_read_and_each_reading_is_kept(
    store, accounts, chosen, toot, hook
):
    mastodon = chosen[1]
    job_id = _publish(store, accounts, chosen)
    status_id = store.job(job_id).destination(mastodon.id).remote_id
    react(toot, status_id, "favourites", by="anna")
    react(toot, status_id, "replies", by="bram")
    found = read_receptions(store, accounts, job_id)
    assert set(found) == {mastodon.id}  # the website and Discord have nothing to count
    seen = found[mastodon.id]
    assert isinstance(seen, Reception) and (seen.replies, seen.reposts, seen.likes) == (1, 0, 1)
    assert store.receptions(job_id) == {mastodon.id: seen}
    assert len(hook.messages) == 1  # Discord was not asked anything new

    toot.stop()  # the network is away: a result, and the last figures stay
    try:
        found = read_receptions(store, accounts, job_id)
        assert isinstance(found[mastodon.id], CodedError)
        assert found[mastodon.id].code in ("unreachable", "offline")
        assert store.receptions(job_id) == {mastodon.id: seen}
    finally:
        toot.start(toot.server.server_address[1])


def test_a_deleted_copy_is_not_read(store, accounts, chosen):
    job_id = _publish(store, accounts, chosen)
    mastodon = chosen[1]
    store.mark_deleted(job_id, mastodon.id)
    assert read_receptions(store, accounts, job_id) == {}
