"""The whole WordPress flow in the window, on the tests' real WordPress (tests/support/wordpress.py)
and the Mastodon fake: connect the site in the Accounts dialog (address, user, application
password typed into the form), write a message with a photo and its alt text, publish it with
the publish dialog, and find one post with the photo and its alt text on the site."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from composer.core.accounts.account import AccountKind
from composer.ui.accounts.dialog import AccountsDialog
from composer.ui.window.composer_window import ComposerWindow
from tests.support.images import photo, save
from tests.support.publish_servers import WAIT, add_mastodon

pytest_plugins = ["tests.support.publish_fixtures"]

ALT = "De leeszaal vol met mensen"


@pytest.fixture
def window(qtbot, english, store, accounts, toot):
    add_mastodon(accounts, toot)  # a network, connected earlier
    made = ComposerWindow(store, lambda: accounts)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.finish_building()
    return made


def _in_accounts_dialog(window: ComposerWindow, steps: Callable[[AccountsDialog], None]) -> None:
    """Open the window's Accounts dialog (modal) and run `steps` in it; they close it. Should a
    step fail, the dialog is closed all the same, so that the test ends and reports it."""
    failures: list[BaseException] = []

    def run() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, AccountsDialog)]
        dialog = next(w for w in shown if w.isVisible())
        try:
            steps(dialog)
        except BaseException as failure:  # reported once the dialog is closed
            failures.append(failure)
            dialog.reject()

    QTimer.singleShot(0, run)
    window.open_accounts()
    if failures:
        raise failures[0]


def _connect_wordpress(
    window: ComposerWindow, site: str, user: str, password: str, category: str = ""
) -> dict:
    """Connect through the form as a person would (and choose a category); what the Done
    page showed."""
    seen: dict = {}

    def steps(dialog: AccountsDialog) -> None:
        dialog.add_button.click()
        dialog.kind_buttons[AccountKind.WORDPRESS].click()
        form = dialog.form
        QTest.keyClicks(form.server, site)
        QTest.keyClicks(form.user, user)
        QTest.keyClicks(form.password, password)
        dialog.connect_button.click()
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.start(WAIT)
        while dialog.working and deadline.isActive():
            QApplication.processEvents()
            QTest.qWait(20)
        choices = dialog.wordpress_choices
        seen.update(
            page=dialog.pages.currentIndex() == dialog.DONE,
            words=dialog.connected_label.text(),
            message=dialog.message.text(),
            types=[choices.post_type.itemText(i) for i in range(choices.post_type.count())],
            chosen=choices.post_type.currentText(),
        )
        if category:
            choices.category.setCurrentIndex(choices.category.findText(category))
        dialog.show_list()  # the Done button: the account is in the list
        seen["listed"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        dialog.accept()

    _in_accounts_dialog(window, steps)
    return seen


def _write(qtbot, window: ComposerWindow, title: str, text: str, tmp_path) -> None:
    window.writing.title.setFocus()
    qtbot.keyClicks(window.writing.title, title)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, text)
    window.images.add_files([save(photo(800, 600, seed=3), tmp_path / "zaal.jpg")])
    qtbot.waitUntil(lambda: len(window.draft.images) == 1, timeout=WAIT)
    card = window.images.cards[0]
    card.alt_edit.setFocus()
    qtbot.keyClicks(card.alt_edit, ALT)
    qtbot.waitUntil(window.publish_bar.button.isEnabled, timeout=WAIT)


def _choose(window: ComposerWindow, account_id: str) -> None:
    """Tick a destination in the window's list, as a person would."""
    box = window.destinations.boxes[account_id]
    if not box.isChecked():
        box.click()
    assert account_id in window.draft.targets


def _publish(qtbot, window: ComposerWindow):
    window.publish_bar.button.click()
    dialog = window.publish_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT * 3):
        dialog.confirm.publish_button.click()
    return dialog


def _posts(wordpress, title: str) -> list[dict]:
    found = wordpress.rest("/wp/v2/posts", search=title, status="any", context="edit")
    return [post for post in found if post["title"]["raw"] == title]


def test_connect_write_with_a_photo_and_publish_to_wordpress_and_mastodon(
    qtbot, window, tmp_path, *, accounts, toot, wordpress
):
    editor = wordpress.user("editor")
    seen = _connect_wordpress(window, wordpress.url, editor.user, editor.app_password, "Agenda")
    assert seen["page"], seen["message"]
    assert seen["words"].startswith("Connected as Editor Omroeper (editor@")
    assert "Role on the site: Editor." in seen["words"]
    assert (seen["types"], seen["chosen"]) == (["Posts", "Pages"], "Posts")
    host = wordpress.url.removeprefix("http://")
    assert f"WordPress · Editor Omroeper (editor@{host}) · Editor" in seen["listed"]
    site = next(a for a in accounts.list() if a.kind is AccountKind.WORDPRESS)
    masto = next(a for a in accounts.list() if a.kind is AccountKind.MASTODON)
    assert site.id in window.draft.targets  # the account just connected is chosen

    title = f"Open dag {uuid.uuid4().hex[:8]}"
    _write(qtbot, window, title, "Zaterdag zijn alle zalen open. #opendag", tmp_path)
    _choose(window, masto.id)
    dialog = _publish(qtbot, window)

    (post,) = _posts(wordpress, title)  # one post, published, with the photo and its words
    assert post["status"] == "publish"
    agenda = next(c["id"] for c in site.settings["categories"] if c["name"] == "Agenda")
    assert post["categories"] == [agenda]  # as chosen once the account was checked
    media = wordpress.rest(f"/wp/v2/media/{post['featured_media']}", context="edit")
    assert media["alt_text"] == ALT
    assert f'alt="{ALT}"' in post["content"]["raw"]
    row = dialog.rows[site.id]
    assert row.state == "done"
    assert dialog.job.destination(site.id).url == post["link"]
    assert f'href="{post["link"]}"' in row.status.text() and "✓" in row.status.text()
    (status,) = toot.statuses  # the network's copy links to the post
    assert post["link"] in status["text"]


def test_a_contributors_post_waits_for_approval_and_the_network_waits(
    qtbot, window, tmp_path, *, accounts, toot, wordpress
):
    contributor = wordpress.user("contributor")
    seen = _connect_wordpress(window, wordpress.url, contributor.user, contributor.app_password)
    assert seen["page"], seen["message"]
    assert "Role on the site: Contributor." in seen["words"]
    assert "holds them for review" in seen["words"]
    site = next(a for a in accounts.list() if a.kind is AccountKind.WORDPRESS)
    masto = next(a for a in accounts.list() if a.kind is AccountKind.MASTODON)

    title = f"Voorleesmiddag {uuid.uuid4().hex[:8]}"
    window.writing.title.setFocus()
    qtbot.keyClicks(window.writing.title, title)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Kom luisteren")
    _choose(window, masto.id)
    qtbot.waitUntil(window.publish_bar.button.isEnabled, timeout=WAIT)
    dialog = _publish(qtbot, window)

    (post,) = _posts(wordpress, title)
    assert post["status"] == "pending"
    words = dialog.rows[site.id].status.text()
    assert "waiting for approval in WordPress" in words
    assert "✓" not in words and "✗" not in words
    assert toot.statuses == []  # the network waits until the post is published
    assert dialog.rows[masto.id].state != "done"
