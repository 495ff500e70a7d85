"""The history of published messages against real servers on loopback: links per destination,
"Continue sending" for what is unfinished, and "Delete everywhere" with its confirmation."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from composer.core.accounts.account import AccountKind
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.registry import destinations_for
from composer.core.drafts.draft import Draft
from composer.core.publishing import publisher as publishing
from composer.core.publishing.deleting import delete_everywhere
from composer.core.publishing.publisher import Publisher
from composer.ui.history.dialog import HistoryDialog
from composer.ui.publish.dialog import PublishDialog
from tests.support.fake_mastodon import Answer
from tests.support.fake_mastodon_api import status_create
from tests.support.publish_servers import WAIT, add_mastodon, add_website

pytest_plugins = ["tests.support.publish_fixtures"]

FIRST = Draft(title="Boekenmarkt", text="Zondag boekenmarkt op het plein.", language="nl")
SECOND = Draft(title="Open dag in de bibliotheek", text="Zaterdag open dag!", language="nl")


@pytest.fixture
def history(qtbot, english, store, accounts):
    def show() -> HistoryDialog:
        dialog = HistoryDialog(store, accounts)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return show


def _publish(store, accounts, draft, chosen):
    job_id = store.create_job(draft, [account.id for account in chosen])
    publisher = Publisher(store, destinations_for(accounts), accounts, sleep=lambda _s: None)
    return publisher.publish(job_id)


def _box(dialog) -> QMessageBox:
    return next(box for box in dialog.findChildren(QMessageBox) if box.isVisible())


def _press(box: QMessageBox, words: str) -> None:
    next(button for button in box.buttons() if button.text() == words).click()


def test_newest_first_with_a_link_per_destination(history, store, accounts, chosen):
    _publish(store, accounts, FIRST, chosen)
    job = _publish(store, accounts, SECOND, chosen)
    dialog = history()
    items = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert [item.split("\n")[0] for item in items] == [SECOND.title, FIRST.title]
    assert all(item.endswith(" · Published") for item in items)
    assert dialog.focusWidget() is dialog.list and dialog.list.currentRow() == 0
    assert dialog.title.text() == SECOND.title
    rows = _rows(dialog)
    assert [row.account_id for row in rows] == [account.id for account in chosen]
    for row in rows:
        url = job.destination(row.account_id).url
        assert url and f'href="{url}"' in row.status.text() and row.open.isVisibleTo(dialog)
    assert dialog.delete_button.isVisible() and not dialog.continue_button.isVisible()

    dialog.list.setCurrentRow(1)  # by keyboard: the arrow keys move through the list
    assert dialog.title.text() == FIRST.title


def _rows(dialog):
    return [dialog.rows_box.itemAt(n).widget() for n in range(dialog.rows_box.count())]


def test_delete_everywhere_asks_first_then_every_server_confirms(
    qtbot, history, store, accounts, chosen, *, site, toot, hook
):
    job = _publish(store, accounts, SECOND, chosen)
    assert len(toot.statuses) == len(hook.messages) == len(site.pages()) == 1
    dialog = history()
    dialog.delete_button.click()
    box = _box(dialog)
    assert box.text() == (
        "Delete “Open dag in de bibliotheek” everywhere? It will be removed from: "
        "Mastodon @omroep@social.example, Discord (Omroeper-test), Your website (127.0.0.1)."
    )
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(toot.statuses) == 1 and not store.job(job.id).deleted

    dialog.delete_button.click()
    _press(_box(dialog), "Delete everywhere")
    qtbot.waitUntil(lambda: not dialog.deleting, timeout=WAIT)
    assert dialog.outcome.text().split("\n") == [
        "✓ Removed from Mastodon @omroep@social.example.",
        "✓ Removed from Discord (Omroeper-test).",
        "✓ Removed from Your website (127.0.0.1).",
    ]
    assert toot.statuses == [] and hook.messages == [] and site.pages() == []
    assert store.job(job.id).deleted
    assert dialog.list.item(0).text().endswith(" · Deleted")
    assert not dialog.delete_button.isVisible()
    assert all("Deleted on" in row.status.text() for row in _rows(dialog))

    again = history()  # it is kept
    assert again.list.item(0).text().endswith(" · Deleted")
    assert not again.delete_button.isVisible()


def test_a_copy_that_cannot_be_removed_says_why_and_can_be_tried_again(
    qtbot, history, store, accounts, chosen, *, toot
):
    job = _publish(store, accounts, SECOND, chosen)
    toot.fail("DELETE", r"/api/v1/statuses/\d+", 503, times=10)
    dialog = history()
    dialog.delete_button.click()
    _press(_box(dialog), "Delete everywhere")
    qtbot.waitUntil(lambda: not dialog.deleting, timeout=WAIT)
    lines = dialog.outcome.text().split("\n")
    assert lines[0] == (
        "✗ Still on Mastodon @omroep@social.example: the server could not be reached or had "
        "a problem. Try again later."
    )
    assert len(toot.statuses) == 1 and not store.job(job.id).deleted
    assert dialog.delete_button.isVisible()  # what is still online can be tried again
    toot.faults.clear()
    dialog.delete_button.click()
    box = _box(dialog)
    assert "removed from: Mastodon @omroep@social.example." in box.text()  # only what is left
    _press(box, "Delete everywhere")
    qtbot.waitUntil(lambda: not dialog.deleting, timeout=WAIT)
    assert dialog.outcome.text().split("\n") == [  # the whole picture, as it now stands
        "✓ Removed from Mastodon @omroep@social.example.",
        "✓ Removed from Discord (Omroeper-test).",
        "✓ Removed from Your website (127.0.0.1).",
    ]
    assert toot.statuses == [] and store.job(job.id).deleted


def test_an_unfinished_message_can_be_continued(
    qtbot, history, store, accounts, chosen, *, toot, hook, monkeypatch
):
    monkeypatch.setattr(publishing, "BACKOFF_FIRST", 0.01)
    masto = chosen[1]
    toot.fail("POST", "/api/v1/statuses", 422, {"error": "Validation failed"})
    job = _publish(store, accounts, SECOND, chosen)
    assert job.destination(masto.id).state == "failed"
    dialog = history()
    assert dialog.list.item(0).text().endswith(" · Partly published")
    shown = {row.account_id: row for row in _rows(dialog)}
    assert "✗" in shown[masto.id].status.text()
    assert (
        "The server refused the message (422): Validation failed" in shown[masto.id].status.text()
    )
    assert dialog.continue_button.isVisible()
    dialog.continue_button.click()
    publish = dialog.findChild(PublishDialog)
    assert publish is not None and publish.isVisible()
    with qtbot.waitSignal(publish.finished_job, timeout=WAIT):
        pass
    assert len(toot.statuses) == 1 and len(hook.messages) == 1  # only Mastodon went again
    assert dialog.list.item(0).text().endswith(" · Published")
    assert not dialog.continue_button.isVisible()


def test_bluesky_on_the_real_pds_is_deleted_too(
    qtbot, history, store, accounts, site, *, bluesky_pds
):
    person = bluesky_pds.create_account("history")
    connected = bluesky.connect(
        person.handle, bluesky_pds.create_app_password(person), bluesky_pds.url
    )
    sky = accounts.add(AccountKind.BLUESKY, connected)
    job = _publish(store, accounts, SECOND, [add_website(accounts, site), sky])
    assert job.destination(sky.id).url.startswith("https://bsky.app/profile/")
    dialog = history()
    dialog.delete_button.click()
    assert f"Bluesky @{person.handle}" in _box(dialog).text()
    _press(_box(dialog), "Delete everywhere")
    qtbot.waitUntil(lambda: not dialog.deleting, timeout=WAIT)
    records = bluesky_pds.xrpc(
        "com.atproto.repo.listRecords", repo=person.did, collection="app.bsky.feed.post"
    )["records"]
    assert records == [] and site.pages() == []
    assert store.job(job.id).deleted


def test_a_thread_sent_partway_says_so_in_dutch_and_delete_removes_its_parts(
    qtbot, dutch, store, accounts, *, toot
):
    masto = add_mastodon(accounts, toot)
    text = " ".join(f"Zin {n}: zaterdag is er voorlezen en koffie in de bieb." for n in range(20))

    @toot.route("POST", "/api/v1/statuses")
    def refuse_the_third(fake, request, match):
        if len(fake.statuses) >= 2:
            return Answer(422, {"error": "Validation failed: Text is invalid"})
        return status_create(fake, request, match)

    job = _publish(store, accounts, Draft(text=text, thread=True), [masto])
    assert job.destination(masto.id).parts_online == 2
    dialog = HistoryDialog(store, accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    (row,) = _rows(dialog)
    assert "2 van 3 delen staan online." in row.status.text()
    assert dialog.delete_button.isVisible()  # what is online can be removed

    delete_everywhere(store, accounts, job.id)
    assert toot.statuses == []
    assert store.job(job.id).destination(masto.id).deleted is not None
