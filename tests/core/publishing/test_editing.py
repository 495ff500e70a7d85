"""Editing a published job (core/publishing/editing.py) against real servers on loopback: the
reference website receiver, the Mastodon and Discord fakes. Exactly once: a copy already
edited is never sent again, one left `sending` goes again under the same key, a copy that
cannot be edited fails with that reason and is not retried."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from composer.core.accounts.account import AccountKind
from composer.core.accounts.accounts import Accounts
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.bluesky.publish import POST
from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.publishing.claim import CLAIM_FOR, claimed, run_owner
from composer.core.publishing.destination import PublishRequest
from composer.core.publishing.editing import (
    BUSY,
    NEEDS_REPOST,
    PAGE_NOT_OURS,
    Editor,
    start_edit,
)
from composer.core.publishing.publisher import publisher_for
from composer.core.scheduling.plan import schedule_job
from composer.core.scheduling.times import ScheduledTime
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


def test_bluesky_is_left_alone_unless_asked_and_a_repost_cut_short_posts_once(
    store, accounts, bluesky_pds
):
    made = bluesky_pds.create_account("editrepost")
    connected = bluesky.connect(made.handle, bluesky_pds.create_app_password(made), bluesky_pds.url)
    sky = accounts.add(AccountKind.BLUESKY, connected)
    publisher = _publisher(store, accounts)
    job = publisher.publish(store.create_job(DRAFT, [sky.id]))
    old = job.destination(sky.id)
    number = start_edit(publisher, job.id, EDITED)

    left = Editor(publisher).apply(job.id, number).copy(sky.id)
    assert (left.state, left.error_code, left.attempts) == ("unchanged", NEEDS_REPOST, 0)
    assert [r["uri"] for r in _posts(bluesky_pds, made.did)] == [old.remote_id]

    # the process that reposted died before it could write it down: the copy is `sending`
    key = left.idempotency_key
    store.set_edit_state(job.id, number, sky.id, "sending", count_attempt=True)
    account, destination = publisher.resolve(sky.id)
    destination.repost(PublishRequest(EDITED, account, None, key, 1), old)

    # taken up again without the choice (the window's start, the same command without the
    # flag): a repost once begun is finished, never left half-done beside the old post
    done = Editor(publisher).apply(job.id, number).copy(sky.id)
    (record,) = _posts(bluesky_pds, made.did)  # the old post gone, the new one once
    assert record["uri"] != old.remote_id and record["value"]["text"] == EDITED.text
    assert (done.state, done.idempotency_key) == ("done", key)
    row = store.job(job.id).destination(sky.id)
    assert (row.remote_id, row.url) == (record["uri"], done.url)


def _posts(pds, did):
    answer = pds.xrpc("com.atproto.repo.listRecords", repo=did, collection=POST, limit="100")
    return answer["records"]


def test_a_page_the_message_only_linked_to_is_left_alone(store, accounts, site, toot):
    ids = [add_website(accounts, site).id, add_mastodon(accounts, toot).id]
    publisher = _publisher(store, accounts)
    page = "https://example.org/nieuws/bestaand/"
    job = publisher.publish(store.create_job(replace(DRAFT, link=page), ids))
    number = start_edit(publisher, job.id, replace(EDITED, link=page))
    edit = Editor(publisher).apply(job.id, number)
    assert (edit.copy(ids[0]).state, edit.copy(ids[0]).error_code) == ("unchanged", PAGE_NOT_OURS)
    assert edit.copy(ids[1]).state == "done" and "Zondag" in toot.statuses[0]["text"]
    assert site.receiver.events.count("post.updated") == 0


def test_a_second_run_editing_the_job_meanwhile_is_refused_and_sends_nothing(
    store, accounts, site, hook
):
    """Two runs on one profile (the window and the command line, each its own connection):
    while one sends the edit, the other is refused before it sends anything."""
    ids = [add_website(accounts, site).id, add_discord(accounts, hook).id]
    publisher = _publisher(store, accounts)
    job = publisher.publish(store.create_job(DRAFT, ids))
    number = start_edit(publisher, job.id, EDITED)
    refused: list[CodedError] = []

    def other_run() -> None:
        with Store.open(store.profile) as other:
            editor = Editor(_publisher(other, Accounts(other, accounts.credentials)))
            try:
                editor.apply(job.id, number)
            except CodedError as error:
                refused.append(error)

    def while_sending() -> None:  # the first write of the first run: it is sending
        if not started:
            started.append(True)
            thread = threading.Thread(target=other_run)
            thread.start()
            thread.join()

    started: list[bool] = []
    edit = Editor(publisher, on_written=while_sending).apply(job.id, number)
    assert started and [error.code for error in refused] == [BUSY]
    assert refused[0].details == {"job": job.id}
    assert {copy.state for copy in edit.copies} == {"done"}
    # each copy edited once: the refused run sent nothing
    assert site.receiver.events.count("post.updated") == 1
    assert hook.edits == {hook.messages[0]["id"]: 1}
    assert [copy.attempts for copy in store.edit(job.id, number).copies] == [1, 1]
    # released after the run, for the next one
    now = datetime.now(UTC)
    assert store.claim_job(job.id, "next run", now, now + CLAIM_FOR)


def test_a_claim_held_refuses_the_edit_one_left_by_a_crash_expires_and_others_do_not_count(
    store, accounts, site, hook
):
    ids = [add_discord(accounts, hook).id]
    publisher = _publisher(store, accounts)
    job = publisher.publish(store.create_job(DRAFT, ids))
    later = ScheduledTime(datetime.now(UTC) + timedelta(days=1), "Europe/Amsterdam")
    waiting = schedule_job(publisher, DRAFT, [add_website(accounts, site).id], later)
    now = datetime.now(UTC)
    assert store.claim_job(job.id, "another run", now, now + CLAIM_FOR)
    # a new change refused as busy leaves no edit behind for a later start to send
    with pytest.raises(CodedError) as busy:
        Editor(publisher).edit(job.id, replace(EDITED, text="Maandag open dag!"))
    assert busy.value.code == BUSY and store.latest_edit(job.id) is None
    assert store.unfinished_edits() == []
    number = start_edit(publisher, job.id, EDITED)
    with pytest.raises(CodedError) as busy:
        Editor(publisher).apply(job.id, number, repost_bluesky=True)
    assert busy.value.code == BUSY
    assert hook.edits == {} and store.edit(job.id, number).copies[0].state == "pending"

    # a run that crashed holding it: its claim ran out, the edit takes the job over; the
    # claim is per job: a `publish --due` run sending another job meanwhile holds up nothing
    store.release_job(job.id, "another run")
    crashed = now - CLAIM_FOR - timedelta(minutes=1)
    assert store.claim_job(job.id, "crashed run", crashed, crashed + CLAIM_FOR)
    with claimed(store, waiting.id, datetime.now(UTC), run_owner()) as got:
        assert got
        edit = Editor(publisher).apply(job.id, number)
    assert edit.copies[0].state == "done" and hook.edits == {hook.messages[0]["id"]: 1}
    with pytest.raises(CodedError) as refused:  # a scheduled job is not an edit's
        start_edit(publisher, waiting.id, EDITED)
    assert refused.value.code == "not_published"
    # nothing is left held for the runs after these
    now = datetime.now(UTC)
    for job_id in (job.id, waiting.id):
        assert store.claim_job(job_id, "next run", now, now + CLAIM_FOR)
