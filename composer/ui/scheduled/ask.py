""" "Cancel this scheduled message?": asked before cancelling, naming what happens to the
servers' copies; the safe answer (keep it) is the default."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from composer.core.store.jobs import Job
from composer.ui.common.safe_display import plain_box
from composer.ui.scheduled.words import job_time, title_of

translate = QCoreApplication.translate


def ask_cancel(parent: QWidget, job: Job, then: Callable[[], None]) -> QMessageBox:
    """Opens the question (non-blocking); `then()` runs when the person cancels the message."""
    text = translate(
        "Scheduled", "Cancel “{title}”, planned for {time}? It will not be sent anywhere."
    ).format(title=title_of(job), time=job_time(job))
    if any(row.held_by == "server" and row.state == "scheduled" for row in job.destinations):
        text += " " + translate("Scheduled", "The copies the servers hold are cancelled there too.")
    box = plain_box(  # the title came from a draft file
        parent,
        QMessageBox.Icon.Question,
        translate("Scheduled", "Cancel the scheduled message?"),
        text,
        translate("Scheduled", "The message stays in Published messages as cancelled."),
    )
    yes = box.addButton(
        translate("Scheduled", "Cancel the message"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(translate("Scheduled", "Keep it"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)

    def answered(_result: int) -> None:
        if box.clickedButton() is yes:
            then()

    box.finished.connect(answered)
    box.open()
    return box
