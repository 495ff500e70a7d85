"""Changing a published message from the window, as a person does it: "Edit…" in the
history opens it in the composer, "Publish changes" shows what happens to each copy, then
changes every copy once. Real servers on loopback: the reference website receiver, the
Mastodon and Discord fakes, the real PDS; the real keyring-free accounts of the publish tests.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from composer.core.accounts.account import AccountKind
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.drafts.draft import Draft
from composer.core.publishing.editing import start_edit
from composer.core.publishing.publisher import publisher_for
from composer.ui.editing.dialog import EditDialog
from composer.ui.history.dialog import HistoryDialog
from tests.support.fake_mastodon_api import history
from tests.support.publish_servers import WAIT, window_with

pytest_plugins = ["tests.support.publish_fixtures"]

DRAFT = Draft(
    title="Open dag",
    body="Zaterdag is iedereen welkom.",
    text="Zaterdag open dag in de bibliotheek!",
    language="nl",
)
POSTS = "app.bsky.feed.post"


@pytest.fixture
def sky(accounts, bluesky_pds):
    made = bluesky_pds.create_account("windowedit")
    password = bluesky_pds.create_app_password(made)
    account = accounts.add(
        AccountKind.BLUESKY, bluesky.connect(made.handle, password, bluesky_pds.url)
    )
    return account, made


@pytest.fixture
def published(store, accounts, chosen, sky):
    """The message online on the website, Mastodon, Discord and Bluesky."""
    everywhere = [*chosen, sky[0]]
    publisher = publisher_for(store, accounts, sleep=lambda _s: None)
    job = publisher.publish(store.create_job(DRAFT, [account.id for account in everywhere]))
    assert {row.state for row in job.destinations} == {"done"}
    return job, everywhere


def _history(window, job_id) -> HistoryDialog:
    window.open_history()
    (shown,) = [found for found in window.findChildren(HistoryDialog) if found.isVisible()]
    shown.select(job_id)
    return shown


def _edit_from_history(qtbot, window, job_id) -> None:
    shown = _history(window, job_id)
    assert shown.edit_button.isVisible()
    qtbot.mouseClick(shown.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editing == job_id, timeout=WAIT)


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def _publish_changes(qtbot, window) -> EditDialog:
    assert window.publish_bar.button.text() == "&Publish changes…"
    qtbot.waitUntil(window.publish_bar.button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(window.publish_bar.button, Qt.MouseButton.LeftButton)
    dialog = window.edit_dialog
    assert isinstance(dialog, EditDialog) and dialog.isVisible()
    return dialog


def _posts(pds, did):
    return pds.xrpc("com.atproto.repo.listRecords", repo=did, collection=POSTS)["records"]


def _events(site) -> list[str]:
    """The events the website received, by type, in order (retries included)."""
    return list(site.receiver.events)


def test_edit_in_the_history_changes_every_copy_once_and_bluesky_only_when_chosen(
    qtbot, published, window, store, *, site, toot, hook, bluesky_pds, sky
):
    job, everywhere = published
    web, masto, chat, sky_account = everywhere
    old_post = job.destination(sky_account.id).remote_id
    page = job.destination(web.id).url

    _edit_from_history(qtbot, window, job.id)
    # the message as it is online, in the composer, going to its copies and no other
    assert window.editor.toPlainText() == DRAFT.text
    assert window.writing.body.toPlainText() == DRAFT.body
    assert set(window.destinations.boxes) == {a.id for a in everywhere}
    assert not any(box.isEnabled() for box in window.destinations.boxes.values())
    assert window.parts.editing.isVisible() and "Open dag" in window.parts.editing.label.text()
    assert "Change to a published message" in window.drafts.list.currentItem().text()

    _type(qtbot, window.editor, "Zondag open dag in de bibliotheek!")
    _type(qtbot, window.writing.body, "Zondag is iedereen welkom.")
    dialog = _publish_changes(qtbot, window)
    plan = {key: label.text() for key, label in dialog.plan.items()}
    assert "keeps its address" in plan[web.id]
    assert "replies, boosts and likes stay" in plan[masto.id]
    assert "Bluesky cannot change a post" in plan[sky_account.id]
    assert dialog.repost_box is not None and not dialog.repost_box.isChecked()
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT)

    assert dialog.heading.text() == "<h3>Changes published</h3>", dialog.overall.text()
    assert "The others stay as they were" in dialog.overall.text()
    assert dialog.rows[sky_account.id].state == "unchanged"
    assert "Bluesky cannot change" in dialog.rows[sky_account.id].status.text()
    assert {dialog.rows[a.id].state for a in (web, masto, chat)} == {"done"}
    # each copy changed once, where it is; Bluesky as it was
    (status,) = toot.statuses
    assert len(history(toot, status["id"])) == 2 and "Zondag" in status["text"]
    (message,) = hook.messages
    assert hook.edits == {message["id"]: 1} and "Zondag" in message["content"]
    assert _events(site).count("post.updated") == 1
    assert store.job(job.id).destination(web.id).url == page
    (record,) = _posts(bluesky_pds, sky[1].did)
    assert record["uri"] == old_post and "Zaterdag" in record["value"]["text"]
    # the change is done: its draft goes, the window opens another
    qtbot.waitUntil(lambda: window.editing is None, timeout=WAIT)
    assert store.editing_drafts() == {} and store.job(job.id).draft.text.startswith("Zondag")
    assert window.statusBar().currentMessage() == "The changes are published."
    dialog.close()
    shown = _history(window, job.id)
    assert "Changed on" in shown.when.text() and "Not every copy" not in shown.when.text()
    shown.close()

    # again, now posting Bluesky anew: its new address replaces the old, the site is told
    _edit_from_history(qtbot, window, job.id)
    assert window.editor.toPlainText() == "Zondag open dag in de bibliotheek!"
    _type(qtbot, window.editor, "Zondag om 10 uur open dag!")
    dialog = _publish_changes(qtbot, window)
    dialog.repost_box.click()
    assert "likes and replies are lost" in dialog.plan[sky_account.id].text()
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT)
    assert dialog.heading.text() == "<h3>Changes published</h3>", dialog.overall.text()
    (record,) = _posts(bluesky_pds, sky[1].did)
    assert record["uri"] != old_post and "10 uur" in record["value"]["text"]
    assert store.job(job.id).destination(sky_account.id).remote_id == record["uri"]
    qtbot.waitUntil(lambda: _events(site)[-1] == "post.syndicated", timeout=WAIT)
    assert len(history(toot, status["id"])) == 3 and hook.edits[message["id"]] == 2


def test_a_change_cut_short_is_finished_at_the_next_start_once(
    qtbot, window, store, accounts, *, site, toot
):
    from tests.support.publish_servers import add_mastodon, add_website

    web, masto = add_website(accounts, site), add_mastodon(accounts, toot)
    publisher = publisher_for(store, accounts, sleep=lambda _s: None)
    job = publisher.publish(store.create_job(DRAFT, [web.id, masto.id]))
    # the person sent a change, then the app closed before a copy was changed
    edited = Draft(title="Open dag", body="Zondag.", text="Zondag open dag!", language="nl")
    number = start_edit(publisher, job.id, edited)
    assert window.resume_unfinished() is None  # no publish job: the change goes on instead
    dialog = window.edit_dialog
    assert isinstance(dialog, EditDialog) and dialog.number == number
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT)
    assert dialog.heading.text() == "<h3>Changes published</h3>"
    (status,) = toot.statuses
    assert len(history(toot, status["id"])) == 2 and status["text"].startswith("Zondag")
    window.resume_unfinished()  # nothing is left: nothing is sent again
    assert window.edit_dialog is dialog
    assert len(history(toot, status["id"])) == 2
    assert _events(site).count("post.updated") == 1


def test_stop_changing_puts_the_change_in_the_bin_and_changes_nothing(
    qtbot, window, store, accounts, *, site
):
    from tests.support.publish_servers import add_website

    web = add_website(accounts, site)
    publisher = publisher_for(store, accounts, sleep=lambda _s: None)
    job = publisher.publish(store.create_job(DRAFT, [web.id]))
    _edit_from_history(qtbot, window, job.id)
    _type(qtbot, window.editor, "Iets anders")
    qtbot.mouseClick(window.parts.editing.stop_button, Qt.MouseButton.LeftButton)
    assert window.editing is None and store.editing_drafts() == {}
    assert not window.parts.editing.isVisible()
    assert window.publish_bar.button.text() != "&Publish changes…"
    assert store.job(job.id).draft.text == DRAFT.text
    assert "Deleted" in window.drafts.undo_label.text()  # the usual undo, should it be wanted


def test_a_copy_that_refuses_the_change_says_why_and_the_change_stays_to_try_again(
    qtbot, store, accounts, english, *, site, toot
):
    from tests.support.fault_proxy import FaultProxy
    from tests.support.publish_servers import add_mastodon, add_website

    proxy = FaultProxy(toot.server.server_address[1])
    try:
        web, masto = add_website(accounts, site), add_mastodon(accounts, toot, proxy.url)
        publisher = publisher_for(store, accounts, sleep=lambda _s: None)
        job = publisher.publish(store.create_job(DRAFT, [web.id, masto.id]))
        made = window_with(qtbot, store, accounts)
        _edit_from_history(qtbot, made, job.id)
        _type(qtbot, made.editor, "Zondag open dag!")
        proxy.fail("PUT", r"/api/v1/statuses/\d+$", status=422)
        dialog = _publish_changes(qtbot, made)
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT)
        assert dialog.heading.text() == "<h3>Not everything was changed</h3>"
        assert dialog.rows[masto.id].state == "failed" and dialog.rows[web.id].state == "done"
        assert "could not be changed" in dialog.overall.text()
        assert "refused the change" in dialog.rows[masto.id].status.text()
        # the change stays open in the window, and the history says a copy lacks it
        assert made.editing == job.id and store.editing_drafts()
        dialog.close()
        shown = _history(made, job.id)
        assert "Not every copy could be changed." in shown.when.text()
        (status,) = toot.statuses
        assert len(history(toot, status["id"])) <= 1 and "Zaterdag" in status["text"]
    finally:
        proxy.close()
