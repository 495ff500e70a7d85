"""Why a time cannot be scheduled, or a scheduled message cannot be changed, in plain words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from composer.core.errors import CodedError

translate = QCoreApplication.translate


def _words() -> dict[str, Callable[[], str]]:
    return {
        "time_unreadable": lambda: translate(
            "Schedule",
            "The time cannot be read: write it as 2026-12-24T09:00 (with +01:00 for the zone).",
        ),
        "time_needs_zone": lambda: translate(
            "Schedule", "Add the time zone to the time, such as +01:00, or choose a time zone."
        ),
        "zone_unknown": lambda: translate("Schedule", "There is no time zone called “{zone}”."),
        "time_does_not_exist": lambda: translate(
            "Schedule",
            "{time} does not exist in {zone}: the clocks jump forward an hour then."
            " Choose a time an hour later or earlier.",
        ),
        "time_in_past": lambda: translate(
            "Schedule", "This time has passed already: choose a time in the future."
        ),
        "time_too_soon": lambda: translate(
            "Schedule",
            "This time is less than a minute away: choose a later time, or publish now.",
        ),
        "job_busy": lambda: translate(
            "Schedule", "Message {job} is being sent right now: try again in a moment."
        ),
        "not_scheduled": lambda: translate(
            "Schedule", "Message {job} is not waiting to be sent any more: nothing was changed."
        ),
        "held_by_server": lambda: translate(
            "Schedule",
            "A server holds message {job} until its time: it cannot be sent now instead."
            " Cancel it and publish it again.",
        ),
    }


def describe_schedule_error(failure: CodedError) -> str:
    """One line; a code without words (a server's failure) is described by the caller."""
    make = _words().get(failure.code)
    if make is None:
        return translate("Schedule", "Scheduling failed ({code}).").format(code=failure.code)
    blanks = {"job": "", "zone": "", "time": "", "state": ""}
    # shown as plain text on one line: a hostile zone name cannot break it
    details = {
        key: "".join(char if char.isprintable() else "\ufffd" for char in str(value))
        for key, value in failure.details.items()
    }
    return make().format(**{**blanks, **details})


def has_words(code: str) -> bool:
    return code in _words()
