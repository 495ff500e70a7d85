"""Scheduled jobs' rows: when a job waits for its time, who holds each copy, and the
database lock `publish --due` claims a job with (core/scheduling decides what to do).

The lock is a claim on the job's row with an expiry, taken in one write transaction: of
two processes claiming at the same moment one gets it; a process that crashes leaves a
claim that expires, so nothing stays stuck. Times are UTC strings as rows.stamp makes them,
which compare in time order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from composer.core.accounts.account import AccountKind
from composer.core.store.jobs import HeldBy, new_idempotency_key, settle_job


@dataclass(frozen=True, slots=True)
class Schedule:
    """A job's time (a UTC stamp), the person's zone, and who holds each copy."""

    at: str
    zone: str
    held_by: Mapping[str, HeldBy]


def mark_scheduled(db: sqlite3.Connection, job_id: int, schedule: Schedule) -> None:
    """A job just inserted waits for its time: it and each copy are `scheduled`."""
    db.execute(
        "UPDATE jobs SET state = 'scheduled', scheduled_at = ?, zone = ? WHERE id = ?",
        (schedule.at, schedule.zone, job_id),
    )
    for account_id, holder in schedule.held_by.items():
        db.execute(
            "UPDATE job_destinations SET state = 'scheduled', held_by = ?"
            " WHERE job_id = ? AND account_id = ?",
            (holder, job_id, account_id),
        )


def hold(db: sqlite3.Connection, job_id: int, account_id: str, holder: HeldBy) -> bool:
    return (
        db.execute(
            "UPDATE job_destinations SET held_by = ? WHERE job_id = ? AND account_id = ?",
            (holder, job_id, account_id),
        ).rowcount
        > 0
    )


def due(db: sqlite3.Connection, now: str) -> list[int]:
    """Scheduled jobs whose time has come, oldest first: waiting ones, and ones already
    started (a copy its server holds to settle, or a run a crash cut short)."""
    return [
        row[0]
        for row in db.execute(
            "SELECT id FROM jobs WHERE scheduled_at IS NOT NULL AND scheduled_at <= ?"
            " AND state IN ('scheduled', 'open') ORDER BY scheduled_at, id",
            (now,),
        )
    ]


def next_time(db: sqlite3.Connection) -> str | None:
    """The earliest time a job waits for (`scheduled`, or started with a copy its server
    holds still to read back): when the OS task must run `--due` next; None: nothing waits."""
    row = db.execute(
        "SELECT min(scheduled_at) FROM jobs WHERE scheduled_at IS NOT NULL AND (state ="
        " 'scheduled' OR (state = 'open' AND EXISTS (SELECT 1 FROM job_destinations AS d"
        " WHERE d.job_id = jobs.id AND d.state = 'scheduled')))"
    ).fetchone()
    return row[0] if row else None


def waiting_drafts(db: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    """Per draft with a job that waits (scheduled or late): the soonest time and its zone."""
    rows = db.execute(
        "SELECT draft_id, min(scheduled_at), zone FROM jobs WHERE draft_id IS NOT NULL"
        " AND scheduled_at IS NOT NULL AND state IN ('scheduled', 'late') GROUP BY draft_id"
    )
    return {draft_id: (at, zone or "") for draft_id, at, zone in rows}


def computer_waits(db: sqlite3.Connection) -> bool:
    """Whether a `publish --due` run has a copy to send from this computer, now or later: a
    scheduled job with a copy this computer holds, or one started whose computer-held copy
    is still to send (a run that crashed). A `late` job is not counted: `--due` never sends
    it (the person does), so the OS task is not needed for it."""
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM jobs JOIN job_destinations AS d ON d.job_id = jobs.id"
        " WHERE jobs.scheduled_at IS NOT NULL AND d.held_by = 'computer' AND ("
        "(jobs.state = 'scheduled' AND d.state = 'scheduled') OR (jobs.state = 'open'"
        " AND (d.state IN ('pending', 'sending') OR (d.state = 'failed' AND d.retryable)))))"
    ).fetchone()
    return bool(row[0])


def renew_copy(db: sqlite3.Connection, job_id: int, account_id: str, when: str) -> bool:
    """A copy withdrawn from its server, to be handed over again, in one step (a crash
    leaves it withdrawn and renewed, or neither): `scheduled` with no remote copy, a new
    idempotency key (a server keeps the old one for a while and answers it by the withdrawn
    post), and no recorded step and no attempt (nothing of the withdrawn post may be read
    back as this one: a first attempt sends without looking)."""
    row = db.execute(
        "SELECT kind FROM job_destinations WHERE job_id = ? AND account_id = ?",
        (job_id, account_id),
    ).fetchone()
    if row is None:
        return False
    db.execute(
        "UPDATE job_destinations SET state = 'scheduled', remote_id = '', url = '',"
        " error_code = NULL, error_details = '{}', retryable = 0, idempotency_key = ?,"
        " parts = 0, attempts = 0, updated = ? WHERE job_id = ? AND account_id = ?",
        (new_idempotency_key(AccountKind(row[0])), when, job_id, account_id),
    )
    db.execute("DELETE FROM job_parts WHERE job_id = ? AND account_id = ?", (job_id, account_id))
    settle_job(db, job_id)
    return True


def claim(
    db: sqlite3.Connection, job_id: int, owner: str, now: str, until: str, *, gone: str = ""
) -> bool:
    """Whether `owner` got the job: it was unclaimed, its claim had expired, or it is held
    by `gone` (a run known to have ended without releasing it)."""
    return (
        db.execute(
            "UPDATE jobs SET claimed_by = ?, claimed_until = ?"
            " WHERE id = ? AND (claimed_until IS NULL OR claimed_until <= ?"
            " OR (? != '' AND claimed_by = ?))",
            (owner, until, job_id, now, gone, gone),
        ).rowcount
        > 0
    )


def holder(db: sqlite3.Connection, job_id: int) -> str | None:
    found = db.execute("SELECT claimed_by FROM jobs WHERE id = ?", (job_id,)).fetchone()
    return found[0] if found else None


def release(db: sqlite3.Connection, job_id: int, owner: str) -> None:
    db.execute(
        "UPDATE jobs SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
        (job_id, owner),
    )


def start(db: sqlite3.Connection, job_id: int, *, sent_late: bool) -> bool:
    """A scheduled (or late) job is sent now: the copies this computer holds become
    `pending`; those their servers hold stay `scheduled` until settled."""
    if not db.execute(
        "UPDATE jobs SET state = 'open', sent_late = ? WHERE id = ?"
        " AND state IN ('scheduled', 'late')",
        (int(sent_late), job_id),
    ).rowcount:
        return False
    db.execute(
        "UPDATE job_destinations SET state = 'pending'"
        " WHERE job_id = ? AND state = 'scheduled' AND held_by = 'computer'",
        (job_id,),
    )
    settle_job(db, job_id)
    return True


def set_job_state(db: sqlite3.Connection, job_id: int, state: str, *, was: tuple[str, ...]) -> bool:
    """Move the job to `state` if it is in one of `was`; False otherwise."""
    marks = ", ".join("?" * len(was))
    return (
        db.execute(
            f"UPDATE jobs SET state = ? WHERE id = ? AND state IN ({marks})",
            (state, job_id, *was),
        ).rowcount
        > 0
    )


def cancel_computer_copies(db: sqlite3.Connection, job_id: int, when: str) -> None:
    db.execute(
        "UPDATE job_destinations SET state = 'cancelled', updated = ?"
        " WHERE job_id = ? AND state = 'scheduled' AND held_by = 'computer'",
        (when, job_id),
    )


def reschedule(db: sqlite3.Connection, job_id: int, at: str, zone: str) -> bool:
    return (
        db.execute(
            "UPDATE jobs SET scheduled_at = ?, zone = ?, state = 'scheduled'"
            " WHERE id = ? AND state IN ('scheduled', 'late')",
            (at, zone, job_id),
        ).rowcount
        > 0
    )


def replace_draft(db: sqlite3.Connection, job_id: int, snapshot: str) -> bool:
    return (
        db.execute(
            "UPDATE jobs SET draft = ? WHERE id = ? AND state IN ('scheduled', 'late')",
            (snapshot, job_id),
        ).rowcount
        > 0
    )


def stop_retrying(db: sqlite3.Connection, job_id: int) -> None:
    """A scheduled copy that failed waits for the person: not sent again by itself (a post
    held for review stays open: resuming only reads it back)."""
    db.execute(
        "UPDATE job_destinations SET retryable = 0 WHERE job_id = ? AND state = 'failed'"
        " AND coalesce(error_code, '') != 'held_for_review'",
        (job_id,),
    )
    settle_job(db, job_id)
