"""Why the operating system's task that sends scheduled messages (core/scheduling/os_task)
could not be set up, in plain words: the person must know that this computer cannot send the
message by itself, so Omroeper has to be open at that time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from composer.core.scheduling.os_task.outcome import FAILURES, TaskOutcome

translate = QCoreApplication.translate


def _why() -> dict[str, Callable[[], str]]:
    return {
        "unsupported_platform": lambda: translate(
            "ScheduleTask", "Omroeper cannot use this computer’s scheduler."
        ),
        "no_scheduler": lambda: translate(
            "ScheduleTask", "This computer has no scheduler that Omroeper can use."
        ),
        "no_user_manager": lambda: translate(
            "ScheduleTask", "This computer’s scheduler does not run for your user account."
        ),
        "scheduler_failed": lambda: translate(
            "ScheduleTask", "This computer’s scheduler refused the task."
        ),
        "scheduler_timed_out": lambda: translate(
            "ScheduleTask", "This computer’s scheduler did not answer in time."
        ),
        "unusable_path": lambda: translate(
            "ScheduleTask",
            "The folder Omroeper is installed in cannot be given to this computer’s scheduler.",
        ),
        "io_error": lambda: translate(
            "ScheduleTask", "The task for this computer’s scheduler could not be saved."
        ),
    }


def describe_task_failure(outcome: TaskOutcome | str, *, wanted: bool = True) -> str:
    """Two sentences: what went wrong, and what the person must do now; "" when it went well.
    `wanted`: it was to be installed (a message waits for this computer); else it was to be
    taken away, which does no harm when it fails. The code itself is in the JSON and the log."""
    code = outcome if isinstance(outcome, str) else outcome.code
    if code not in FAILURES:
        return ""
    if not wanted:
        return translate(
            "ScheduleTask",
            "Omroeper could not switch off its check for scheduled messages on this computer."
            " That does no harm: the check sends nothing.",
        )
    make = _why().get(code)
    why = make() if make else translate("ScheduleTask", "Setting up the scheduler failed.")
    then = translate(
        "ScheduleTask",
        "This computer cannot send the message by itself: keep Omroeper open at that time,"
        " or open it afterwards.",
    )
    return f"{why} {then}"


def has_words(code: str) -> bool:
    return code in _why()
