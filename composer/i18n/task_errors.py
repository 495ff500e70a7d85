"""Why the OS task could not be put in place or taken away (the codes of
core/scheduling/os_task/outcome.py), in plain words: one line, what it means for the person."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from composer.core.scheduling.os_task.outcome import FAILURES

translate = QCoreApplication.translate


def describe_task_failure(code: str, *, wanted: bool) -> str:
    """`wanted`: it was to be installed (a message waits for this computer); "" for a code
    that is no failure. The code itself is in the JSON and the log, for support."""
    if code not in FAILURES:
        return ""
    if wanted:
        return translate(
            "Task",
            "This computer cannot send the message by itself at its time: keep Omroeper open then.",
        )
    return translate(
        "Task",
        "Omroeper could not switch off its check for scheduled messages on this computer."
        " That does no harm: the check sends nothing.",
    )
