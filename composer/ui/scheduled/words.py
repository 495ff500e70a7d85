"""Scheduled messages in plain words: their time in the person's zone and format, who holds
each copy until then, and what a run of the due messages did."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from composer.core.errors import CodedError
from composer.core.scheduling.times import system_zone, zone_info
from composer.core.store.jobs import Job, JobDestination
from composer.ui.common.local_time import local_text
from composer.ui.drafts.panel import display_title

translate = QCoreApplication.translate


def wall(at: datetime, zone: str) -> datetime:
    """`at` (UTC) as the clock on the wall shows it in `zone` (the computer's when unknown),
    without its zone: Qt would otherwise move it to the computer's."""
    try:
        local = at.astimezone(zone_info(zone)) if zone else at.astimezone()
    except CodedError:
        local = at.astimezone()
    return local.replace(tzinfo=None)


def time_text(at: datetime, zone: str) -> str:
    """ "za 24 dec 09:00": the day short, in the person's language; the zone's name when it is
    not this computer's (a trip abroad must not move the time unseen)."""
    shown = wall(at, zone)
    day = QLocale().toString(shown.date(), "ddd d MMM")  # type: ignore[call-overload]
    words = f"{day} {local_text(shown.time(), QLocale.FormatType.ShortFormat)}"
    if zone and zone != system_zone():
        words += f" ({zone})"
    return words


def job_time(job: Job) -> str:
    return time_text(job.scheduled_at, job.zone) if job.scheduled_at else ""


def title_of(job: Job) -> str:
    return display_title(job.draft.title, job.draft.text, translate("Scheduled", "Your message"))


def holder_text(row: JobDestination) -> str:
    """Who sends this copy at its time, for a copy that waits."""
    if row.held_by == "server":
        return translate("Scheduled", "Its server holds it and publishes it at its time.")
    return translate(
        "Scheduled", "This computer sends it: leave it on, or open Omroeper after the time."
    )


def standing(job: Job) -> str:
    """The history list's word for a job that waits or was cancelled; "" for any other."""
    if job.state == "scheduled":
        return translate("Scheduled", "Scheduled")  # the list shows its time beside it
    if job.state == "late":
        return translate("Scheduled", "Too late: send now or cancel?")
    if job.state == "cancelled":
        return translate("Scheduled", "Cancelled")
    return ""


def late_question(job: Job) -> str:
    return translate(
        "Scheduled", "“{title}” was not sent at its time ({time}). Too late: send now or cancel?"
    ).format(title=title_of(job), time=job_time(job))


def sent_words(job: Job, now: datetime) -> str:
    """What a due run did with `job`, in one line (the window's status and its notice)."""
    failed = any(row.state in ("failed", "unknown") for row in job.destinations)
    if job.state == "late":
        return late_question(job)
    if failed:
        return translate(
            "Scheduled", "“{title}” could not be sent everywhere: see Published messages."
        ).format(title=title_of(job))
    if job.sent_late and job.scheduled_at is not None:
        return translate(
            "Scheduled", "“{title}” was sent late: at {sent} instead of {time}."
        ).format(
            title=title_of(job),
            sent=local_text(wall(now, job.zone).time(), QLocale.FormatType.ShortFormat),
            time=local_text(
                wall(job.scheduled_at, job.zone).time(), QLocale.FormatType.ShortFormat
            ),
        )
    return translate("Scheduled", "“{title}” was sent at its time ({time}).").format(
        title=title_of(job), time=job_time(job)
    )


def _clock(at: datetime, zone: str) -> str:
    """Only the time of day: "10:40"."""
    return local_text(wall(at, zone).time(), QLocale.FormatType.ShortFormat)
