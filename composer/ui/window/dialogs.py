"""What the window opens: accounts, settings, publishing, the published messages; and the
jobs a closed window left unfinished. Each loads its modules (and the keyring) when used.

They get the window's state and a parent for their dialogs, never the window itself: what the
screen shows afterwards is the window's to do, with what they return."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from composer.ui.common.safe_display import plain_box

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from composer.core.store.jobs import Job
    from composer.ui.editing.dialog import EditDialog
    from composer.ui.history.dialog import HistoryDialog
    from composer.ui.publish.dialog import PublishDialog
    from composer.ui.scheduled.actions import ScheduleActions
    from composer.ui.window.state import WindowState

translate = QCoreApplication.translate


def open_accounts(state: WindowState, parent: QWidget) -> tuple[str, ...]:
    """The Accounts dialog; afterwards the accounts are read anew. Returns where the draft goes
    now: the destinations still connected, and any account just added."""
    from composer.ui.accounts.dialog import AccountsDialog

    before = {account.id for account in state.accounts_list}
    dialog = AccountsDialog(state.accounts(), parent)
    dialog.exec()
    dialog.deleteLater()
    state.accounts_list = state.store.list_accounts()
    added = tuple(a.id for a in state.accounts_list if a.id not in before)
    known = {account.id for account in state.accounts_list}
    return tuple(t for t in state.draft.targets if t in known) + added


def open_settings(state: WindowState, parent: QWidget) -> None:
    from composer.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(state.settings, state.store.profile, parent)
    if dialog.exec():
        state.settings = dialog.settings
    dialog.deleteLater()


def publish(
    state: WindowState, parent: QWidget, why_not: Callable[[], str]
) -> PublishDialog | None:
    """The publish dialog for the open draft, not yet open; None when it may not be published
    now (then `why_not()`'s words say why), could not be saved or the person would rather not
    publish it again."""
    from composer.core.analysis.composing import is_sample

    if not may_send(state, parent, why_not):
        return None
    from composer.ui.window.outbox import ask_to_publish_again, published_jobs

    before = published_jobs(state.store, state.draft_id)
    if before and not ask_to_publish_again(parent, before, QMessageBox.question):
        return None
    waiting = scheduled_jobs(state)
    if waiting and not ask_while_scheduled(parent, waiting[0], QMessageBox.question):
        return None
    from composer.ui.publish.dialog import PublishDialog

    chosen = [account for account in state.chosen_accounts() if not is_sample(account)]
    dialog = PublishDialog(
        state.store, state.accounts(), state.draft, chosen, parent, draft_id=state.draft_id
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def may_send(state: WindowState, parent: QWidget, why_not: Callable[[], str]) -> bool:
    """The open draft may go now and is saved; else `why_not()`'s words are shown."""
    if not state.readiness().allowed:
        # the reasons may name accounts (the servers' names): plain text
        box = plain_box(parent, QMessageBox.Icon.Information, "Omroeper", why_not())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return False
    return state.save_now()


def publish_changes(
    state: WindowState, parent: QWidget, why_not: Callable[[], str]
) -> EditDialog | None:
    """The dialog that sends the open draft as a change to its published job, not yet open;
    None when it may not go now (then `why_not()`'s words say why) or could not be saved."""
    if state.editing is None or not may_send(state, parent, why_not):
        return None
    from composer.ui.editing.dialog import EditDialog

    dialog = EditDialog(state.store, state.accounts(), state.editing, state.draft, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def resume_edit(state: WindowState, parent: QWidget) -> tuple[EditDialog | None, int | None]:
    """A change a closed window or a crash left half-sent: the dialog that sends the rest at
    once (nothing is changed twice), not yet open, and the draft it was made from when that
    still holds it unchanged. (None, None) when there is none."""
    edits = state.store.unfinished_edits()
    if not edits:
        return None, None
    from composer.ui.editing.dialog import EditDialog

    job_id, number = edits[-1]
    dialog = EditDialog(state.store, state.accounts(), job_id, None, parent, number=number)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    draft_id = state.store.editing_draft(job_id)
    sent = dialog.edit.draft if dialog.edit is not None else None  # read once, by the dialog
    if draft_id is not None and state.store.load_draft(draft_id) != sent:
        draft_id = None  # changed since: it stays, to be sent as a new change
    dialog.start()
    return dialog, draft_id


def scheduled_jobs(state: WindowState) -> list[Job]:
    """The jobs of the open draft that wait for their time (or were found late): newest first."""
    return [
        job
        for job in state.store.publications(state.draft_id)
        if job.state in ("scheduled", "late")
    ]


def ask_while_scheduled(parent: QWidget, job: Job, ask: Callable[..., int]) -> bool:
    """A draft scheduled already would go out twice: only when the person says so (no is the
    default); changing or cancelling the scheduled message is the usual way."""
    from composer.ui.common.local_time import moment_text

    buttons = QMessageBox.StandardButton
    when = moment_text(job.scheduled_at) if job.scheduled_at else ""
    answer = ask(
        parent,
        translate("WindowDialogs", "Scheduled already"),
        translate(
            "WindowDialogs",
            "This message is scheduled already, for {when}. Publishing or scheduling it again "
            "makes a second copy everywhere.\n\nTo change its time or text, or to cancel it, "
            "use “Published messages…”.",
        ).format(when=when),
        buttons.Yes | buttons.No,
        buttons.No,
    )
    return answer == buttons.Yes


def open_history(
    state: WindowState, parent: QWidget, actions: ScheduleActions, job_id: int | None = None
) -> HistoryDialog:
    """Published messages (and scheduled ones), open; `job_id` the one shown first."""
    from composer.ui.history.dialog import HistoryDialog

    dialog = HistoryDialog(
        state.store, state.accounts(), parent, destinations=actions.destinations, actions=actions
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if job_id is not None:
        dialog.select(job_id)
    dialog.open()
    return dialog


def resume_unfinished(state: WindowState, parent: QWidget) -> PublishDialog | None:
    """A message a closed window or a crash left half-sent: the dialog that carries on with
    what is not done (nothing is sent twice), not yet open. None when there is none."""
    jobs = state.store.unfinished_jobs()
    if not jobs:
        return None
    from composer.ui.publish.dialog import PublishDialog

    dialog = PublishDialog.for_job(state.store, state.accounts(), jobs[-1], parent, retry=True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def show_job(state: WindowState, parent: QWidget, job_id: int) -> PublishDialog:
    """A message waiting to be sent: how far it got, per destination (it goes on by itself)."""
    from composer.ui.publish.dialog import PublishDialog

    dialog = PublishDialog.for_job(state.store, state.accounts(), job_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def may_close(state: WindowState, parent: QWidget) -> bool:
    """Closing the window: not while a message goes out unless the person agrees, and never
    silently losing changes that could not be saved."""
    if not may_quit_while_sending(state, parent):
        return False
    if state.save_now():
        return True
    answer = QMessageBox.warning(
        parent,
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


def may_quit_while_sending(state: WindowState, parent: QWidget) -> bool:
    """Quitting mid-send loses nothing (the next start carries on), but the person should
    know the message is not out everywhere yet."""
    run = sys.modules.get("composer.ui.publish.run")  # not loaded: nothing was sent (no keyring)
    if run is None or not run.running_jobs(state.store):
        return True
    answer = QMessageBox.question(
        parent,
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
