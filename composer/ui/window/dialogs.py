"""What the window opens: accounts, settings, publishing, the published messages; and the
jobs a closed window left unfinished. Each loads its modules (and the keyring) when used."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from composer.ui.common.safe_display import plain_box

if TYPE_CHECKING:
    from composer.ui.window.composer_window import ComposerWindow

translate = QCoreApplication.translate


def open_accounts(window: ComposerWindow) -> None:
    from composer.ui.accounts.dialog import AccountsDialog

    window.finish_building()
    before = {account.id for account in window.accounts_list}
    dialog = AccountsDialog(window.accounts(), window)
    dialog.exec()
    dialog.deleteLater()
    window.accounts_list = window.store.list_accounts()
    added = tuple(a.id for a in window.accounts_list if a.id not in before)
    known = {account.id for account in window.accounts_list}
    targets = tuple(t for t in window.draft.targets if t in known) + added
    window.destinations.show_accounts(window.accounts_list, targets)
    if targets != window.draft.targets:
        window.change(replace(window.draft, targets=targets))
    else:
        window.refresh()
    window.parts.keep_tab_order()


def open_settings(window: ComposerWindow) -> None:
    from composer.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window.store.profile, window)
    if dialog.exec():
        window.settings = dialog.settings
    dialog.deleteLater()


def publish(window: ComposerWindow) -> None:
    from composer.core.analysis.composing import is_sample

    window.finish_building()
    if window.untouched:  # trying to publish an empty draft: now show what it lacks
        window.untouched = False
        window.refresh()
        window.editor.setFocus()
        return
    if not window.publish_bar.button.isEnabled():
        # the reasons may name accounts (the servers' names): plain text
        words = window.publish_bar.status.text()
        box = plain_box(window, QMessageBox.Icon.Information, "Omroeper", words)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return
    if not window.save_now():
        return
    from composer.ui.window.outbox import ask_to_publish_again, published_jobs

    before = published_jobs(window.store, window.draft_id)
    if before and not ask_to_publish_again(window, before, QMessageBox.question):
        return
    from composer.ui.publish.dialog import PublishDialog

    chosen = [account for account in window.chosen_accounts() if not is_sample(account)]
    dialog = PublishDialog(
        window.store, window.accounts(), window.draft, chosen, window, draft_id=window.draft_id
    )
    dialog.finished.connect(lambda _result: published(window))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.publish_dialog = dialog
    dialog.open()


def open_history(window: ComposerWindow) -> None:
    from composer.ui.history.dialog import HistoryDialog

    dialog = HistoryDialog(window.store, window.accounts(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def resume_unfinished(window: ComposerWindow) -> int | None:
    """A message a closed window or a crash left half-sent: carry on with what is not done
    (nothing is sent twice) and show it. Returns the job resumed, if any."""
    jobs = window.store.unfinished_jobs()
    if not jobs:
        return None
    from composer.ui.publish.dialog import PublishDialog

    dialog = PublishDialog.for_job(window.store, window.accounts(), jobs[-1], window, retry=True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.publish_dialog = dialog
    dialog.open()
    return jobs[-1]


def published(window: ComposerWindow) -> None:
    """A publish dialog closed: the drafts list and the window say whether it went out."""
    window.parts.outbox.show_draft(window.draft_id)
    window.draft_actions.show_list()
    window.refresh()


def show_job(window: ComposerWindow, job_id: int) -> None:
    """A message waiting to be sent: how far it got, per destination (it goes on by itself)."""
    from composer.ui.publish.dialog import PublishDialog

    dialog = PublishDialog.for_job(window.store, window.accounts(), job_id, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.publish_dialog = dialog
    dialog.open()


def may_close(window: ComposerWindow) -> bool:
    """Closing the window: not while a message goes out unless the person agrees, and never
    silently losing changes that could not be saved."""
    if not may_quit_while_sending(window):
        return False
    if window.save_now():
        return True
    answer = QMessageBox.warning(
        window,
        translate("ComposerWindow", "Not saved"),
        translate(
            "ComposerWindow",
            "Your latest changes could not be saved. If you close now, they are lost. "
            "Close anyway?",
        ),
        QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Close


def may_quit_while_sending(window: ComposerWindow) -> bool:
    """Quitting mid-send loses nothing (the next start carries on), but the person should
    know the message is not out everywhere yet."""
    run = sys.modules.get("composer.ui.publish.run")  # not loaded: nothing was sent (no keyring)
    if run is None or not run.running_jobs(window.store):
        return True
    answer = QMessageBox.question(
        window,
        translate("WindowDialogs", "Still publishing"),
        translate(
            "WindowDialogs",
            "Omroeper is still publishing your message. If you quit now, it carries on the "
            "next time you start Omroeper; nothing is sent twice. Quit anyway?",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
