"""An edit of a published job in the store (core/store/edits.py): a key per online copy made
once, the photos copied into the profile, the job's draft replaced by the first copy edited,
and the same draft asked again recognised as the same edit."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from PIL import Image as PILImage

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.drafts.draft import Draft, Image
from composer.core.store.store import Store
from tests.support.strategies import text

ACCOUNTS = [
    Account("website-00000001", AccountKind.WEBSITE, Identity("Site")),
    Account("mastodon-00000002", AccountKind.MASTODON, Identity("Toot")),
    Account("bluesky-00000003", AccountKind.BLUESKY, Identity("Sky")),
    Account("discord-00000004", AccountKind.DISCORD, Identity("Chat")),
]
IDS = [account.id for account in ACCOUNTS]


def _published(store: Store, draft: Draft) -> int:
    """A job whose copies are online but the Discord one, which failed."""
    for account in ACCOUNTS:
        store.save_account(account)
    job_id = store.create_job(draft, IDS)
    for account_id in IDS[:3]:
        store.set_destination_state(job_id, account_id, "done", remote_id="r", url="https://x/")
    store.set_destination_state(job_id, IDS[3], "failed", error_code="rejected")
    return job_id


def test_an_edit_has_a_key_per_online_copy_and_its_photos_in_the_store(tmp_path):
    photo = tmp_path / "zaal.png"
    PILImage.new("RGB", (8, 6), "teal").save(photo)
    with Store.open(tmp_path / "profile") as store:
        job_id = _published(store, Draft(text="Zaterdag"))
        edited = Draft(text="Zondag", images=(Image(photo, "De zaal", False),))
        number = store.create_edit(job_id, edited)
        photo.unlink()  # the edit keeps its own copy, as a job does
        edit = store.edit(job_id, number)
        assert [copy.account_id for copy in edit.copies] == IDS[:3]  # not the failed one
        assert {copy.state for copy in edit.copies} == {"pending"}
        keys = [copy.idempotency_key for copy in edit.copies]
        published_keys = [row.idempotency_key for row in store.job(job_id).destinations]
        assert len(set(keys)) == 3 and not set(keys) & set(published_keys)
        assert keys[0].startswith("msg_") and len(keys[2]) == 13  # webhook-id; a Bluesky TID
        assert edit.draft.images[0].path.read_bytes()[:4] == b"\x89PNG"
        assert edit.draft.images[0].alt == "De zaal"

        # the job is still the old message until a copy is edited, then the new one
        store.set_edit_state(job_id, number, IDS[1], "sending", count_attempt=True)
        assert store.job(job_id).draft.text == "Zaterdag"
        store.set_edit_state(job_id, number, IDS[1], "done", url="https://m/1")
        assert store.job(job_id).draft.text == "Zondag"
        assert store.edit(job_id, number).copy(IDS[1]).attempts == 1
        # a repost: the copy's new id and address with its `done`
        store.set_edit_state(job_id, number, IDS[2], "done", url="https://b/2", remote_id="at://2")
        row = store.job(job_id).destination(IDS[2])
        assert (row.remote_id, row.url) == ("at://2", "https://b/2")
        assert store.edit(job_id, number).copy(IDS[0]).idempotency_key == keys[0]  # kept


@settings(max_examples=25, deadline=None)
@given(first=text(max_size=40), second=text(max_size=40))
def test_the_same_draft_again_is_the_same_edit_and_another_is_a_new_one(first, second):
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder)) as store:
        job_id = _published(store, Draft(text="Zaterdag"))
        number = store.create_edit(job_id, Draft(text=first), same_as_last=True)
        again = store.create_edit(job_id, Draft(text=second), same_as_last=True)
        assert (again == number) == (first == second)
        keys = {copy.idempotency_key for copy in store.edit(job_id, number).copies}
        assert keys == {copy.idempotency_key for copy in store.edit(job_id, again).copies} or (
            first != second
            and not keys & {c.idempotency_key for c in store.edit(job_id, again).copies}
        )
        # not asked to take up the last one: always a new edit
        assert store.create_edit(job_id, Draft(text=second)) == again + 1


def test_the_draft_a_published_job_is_changed_in(tmp_path):
    photo = tmp_path / "zaal.png"
    PILImage.new("RGB", (8, 6), "teal").save(photo)
    with Store.open(tmp_path / "profile") as store:
        message = Draft(text="Zaterdag", title="Open dag", language="nl")
        message = replace(message, images=(Image(photo, "De zaal", False),), targets=tuple(IDS))
        job_id = _published(store, message)
        photo.unlink()
        draft_id = store.edit_draft(job_id)
        # the message as it is online now, going to the copies online (not the failed one)
        draft = store.load_draft(draft_id)
        assert (draft.text, draft.title, draft.targets) == ("Zaterdag", "Open dag", tuple(IDS[:3]))
        assert draft.images[0].alt == "De zaal" and draft.images[0].path.exists()
        assert store.edited_job(draft_id) == job_id and store.editing_drafts() == {draft_id: job_id}
        # asked again (Edit… clicked twice): the same draft, with the changes made in it
        store.save_draft(draft_id, replace(draft, text="Zondag"))
        assert store.edit_draft(job_id) == draft_id
        # an ordinary draft, or a copy of this one, changes nothing published
        assert store.edited_job(store.duplicate_draft(draft_id)) is None
        assert store.edited_job(store.create_draft(Draft(text="x"))) is None
        # once it is in the bin, Edit… starts from what is online again
        store.delete_draft(draft_id)
        assert store.editing_drafts() == {}
        again = store.edit_draft(job_id)
        assert again != draft_id and store.load_draft(again).text == "Zaterdag"


def test_only_the_latest_edit_cut_short_is_taken_up_again(tmp_path):
    with Store.open(tmp_path / "profile") as store:
        job_id = _published(store, Draft(text="Zaterdag"))
        assert store.unfinished_edits() == []
        first = store.create_edit(job_id, Draft(text="Zondag"))
        assert store.unfinished_edits() == [(job_id, first)]  # made, never sent: a crash
        for account_id in IDS[:3]:
            store.set_edit_state(job_id, first, account_id, "done")
        assert store.unfinished_edits() == []
        second = store.create_edit(job_id, Draft(text="Maandag"))
        store.set_edit_state(job_id, second, IDS[0], "sending", count_attempt=True)
        store.set_edit_state(job_id, second, IDS[1], "done")
        store.set_edit_state(job_id, second, IDS[2], "unchanged", error_code="edit_needs_repost")
        assert store.unfinished_edits() == [(job_id, second)]  # cut short while sending
        store.set_edit_state(job_id, second, IDS[0], "failed", error_code="x", retryable=True)
        assert store.unfinished_edits() == []  # failed, shown: the person retries
        third = store.create_edit(job_id, Draft(text="Dinsdag"))
        store.set_edit_state(job_id, third, IDS[0], "done")
        # the older edit is never taken up again: it would bring back the older text
        store.set_edit_state(job_id, second, IDS[0], "sending")
        assert store.unfinished_edits() == [(job_id, third)]
