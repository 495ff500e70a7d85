"""Editing a published job (core/publishing/editing.py) against real servers on loopback: the
reference website receiver, the Mastodon and Discord fakes. Exactly once: a copy already
edited is never sent again, one left `sending` goes again under the same key, a copy that
cannot be edited fails with that reason and is not retried."""

from __future__ import annotations

import pytest

from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.publishing.editing import Editor, start_edit
from composer.core.publishing.publisher import publisher_for
from composer.core.store.store import Store, StoreError
from tests.support.fake_mastodon import FakeMastodon
from tests.support.fake_mastodon_api import history
from tests.support.publish_servers import add_discord, add_mastodon, add_website

pytest_plugins = ["tests.support.publish_fixtures"]
DRAFT = Draft(title="Open dag", body="Zaterdag is iedereen welkom.", text="Zaterdag open dag!")
EDITED = Draft(title="Open dag", body="Zondag is iedereen welkom.", text="Zondag open dag!")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "profile") as opened:
        yield opened


def _publisher(store, accounts):
    return publisher_for(store, accounts, sleep=lambda _seconds: None)


def test_a_copy_left_sending_goes_again_under_its_key_and_edits_once(
    store, accounts, site, toot, hook
):
    ids = [add_website(accounts, site).id, add_mastodon(accounts, toot).id]
    ids.append(add_discord(accounts, hook).id)
    publisher = _publisher(store, accounts)
    job = publisher.publish(store.create_job(DRAFT, ids))
    number = start_edit(publisher, job.id, EDITED)
    keys = {copy.account_id: copy.idempotency_key for copy in store.edit(job.id, number).copies}

    edit = Editor(publisher).apply(job.id, number)
    assert {copy.state for copy in edit.copies} == {"done"}
    assert store.job(job.id).draft == EDITED  # the job is now the edited message
    # the process died after sending, before writing: every copy `sending` again
    for account_id in ids:
        store.set_edit_state(job.id, number, account_id, "sending", count_attempt=True)
    again = Editor(publisher).apply(job.id, number)
    assert {copy.state for copy in again.copies} == {"done"}
    assert {copy.account_id: copy.idempotency_key for copy in again.copies} == keys
    assert [copy.attempts for copy in again.copies] == [3, 3, 3]
    # one edit on each server
    # the site heard the same event twice (one webhook-id): it answered, it did not apply
    assert site.receiver.events.count("post.updated") == 2
    assert len(history(toot, toot.statuses[0]["id"])) == 2
    assert hook.edits == {hook.messages[0]["id"]: 1}
    # the same draft again takes up the same edit; another draft is a new one
    assert start_edit(publisher, job.id, EDITED) == number
    assert start_edit(publisher, job.id, DRAFT) == number + 1


def test_a_copy_that_cannot_be_edited_fails_with_its_reason_once(store, accounts, site):
    old = FakeMastodon(version="3.4.1").start()
    try:
        ids = [add_website(accounts, site).id, add_mastodon(accounts, old).id]
        publisher = _publisher(store, accounts)
        job = publisher.publish(store.create_job(DRAFT, ids))
        number = start_edit(publisher, job.id, EDITED)
        edit = Editor(publisher).apply(job.id, number)
        copy = edit.copy(ids[1])
        assert (copy.state, copy.error_code, copy.attempts) == ("failed", "cannot_edit", 1)
        assert copy.error_details.get("reason") == "software"
        assert Editor(publisher).apply(job.id, number).copy(ids[1]).attempts == 1  # not retried
        assert edit.copy(ids[0]).state == "done"
        assert old.statuses[0]["text"].startswith("Zaterdag")
    finally:
        old.stop()


def test_only_a_published_job_can_be_edited(store, accounts, site):
    ids = [add_website(accounts, site).id]
    publisher = _publisher(store, accounts)
    waiting = store.create_job(DRAFT, ids)  # never sent: nothing online
    with pytest.raises(CodedError) as refused:
        start_edit(publisher, waiting, EDITED)
    assert refused.value.code == "not_published"
    with pytest.raises(StoreError) as unknown:
        start_edit(publisher, 999, EDITED)
    assert unknown.value.code == "not_found"
