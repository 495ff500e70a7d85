"""Scheduled messages in plain words: their time in the person's zone and format, who holds
each copy until then, and what a run of the due messages did."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from composer.core.store.jobs import Job, JobDestination
from composer.ui.common.local_time import local_text, time_text, wall
from composer.ui.drafts.panel import display_title

translate = QCoreApplication.translate


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
            sent=_clock(now, job.zone),
            time=_clock(job.scheduled_at, job.zone),
        )
    return translate("Scheduled", "“{title}” was sent at its time ({time}).").format(
        title=title_of(job), time=job_time(job)
    )


def _clock(at: datetime, zone: str) -> str:
    """Only the time of day: "10:40"."""
    return local_text(wall(at, zone).time(), QLocale.FormatType.ShortFormat)
