"""The SQL of an edit of a published job (tables `edits`, `edit_copies`, schema step 10).

An edit is a step of the job: the new draft kept as jobs keep theirs, and one row per copy
that was online when it was made, each with its own idempotency key, made here once and
reused on every attempt (core/publishing/editing.py sends them). Once the first copy is
edited, the job's `draft` becomes the edit's and the old one is kept in the edit's
`previous`: the history, delete and reception read the message as it is online now.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from composer.core.accounts.account import AccountKind
from composer.core.drafts.draft import Draft
from composer.core.images.copies import StoredImage
from composer.core.store.jobs import from_snapshot, new_idempotency_key, update_counted
from composer.core.store.rows import moment

EditState = Literal["pending", "sending", "done", "failed", "unknown", "unchanged"]
# still to do: never sent, cut short, or failed in a way worth trying again; `unchanged`
# (Bluesky without the person's choice to repost) may still be taken up by that choice
_OPEN = ("pending", "sending")


@dataclass(frozen=True, slots=True)
class EditCopy:
    account_id: str
    kind: AccountKind
    state: EditState
    idempotency_key: str
    attempts: int
    retryable: bool
    error_code: str | None
    error_details: dict[str, Any]
    url: str

    @property
    def open(self) -> bool:
        return self.state in _OPEN or (self.state == "failed" and self.retryable)


@dataclass(frozen=True, slots=True)
class Edit:
    job_id: int
    number: int
    draft: Draft
    created: datetime
    copies: tuple[EditCopy, ...]

    def copy(self, account_id: str) -> EditCopy:
        for row in self.copies:
            if row.account_id == account_id:
                return row
        raise KeyError(account_id)

    @property
    def finished(self) -> bool:
        return not any(row.open for row in self.copies)


def insert_edit(db: sqlite3.Connection, job_id: int, snapshot: str, created: str) -> int | None:
    """A new edit of every copy online now, each with its key; None when there is no job."""
    if db.execute("SELECT 1 FROM jobs WHERE id = ?", (job_id,)).fetchone() is None:
        return None
    (number,) = db.execute(
        "SELECT coalesce(max(number), 0) + 1 FROM edits WHERE job_id = ?", (job_id,)
    ).fetchone()
    db.execute(
        "INSERT INTO edits (job_id, number, draft, created) VALUES (?, ?, ?, ?)",
        (job_id, number, snapshot, created),
    )
    online = db.execute(
        "SELECT account_id, kind FROM job_destinations WHERE job_id = ? AND state = 'done'"
        " AND deleted IS NULL ORDER BY position",
        (job_id,),
    ).fetchall()
    db.executemany(
        "INSERT INTO edit_copies (job_id, number, account_id, idempotency_key, updated)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (job_id, number, account_id, new_idempotency_key(AccountKind(kind)), created)
            for account_id, kind in online
        ],
    )
    return int(number)


def latest(db: sqlite3.Connection, job_id: int) -> int | None:
    """The number of the job's latest edit, if it has one."""
    (number,) = db.execute("SELECT max(number) FROM edits WHERE job_id = ?", (job_id,)).fetchone()
    return int(number) if number is not None else None


def latest_with(db: sqlite3.Connection, job_id: int, snapshot: str) -> int | None:
    """The job's latest edit when its draft is this snapshot (the same edit, asked again)."""
    found = db.execute(
        "SELECT number, draft FROM edits WHERE job_id = ? ORDER BY number DESC LIMIT 1",
        (job_id,),
    ).fetchone()
    return int(found[0]) if found and found[1] == snapshot else None


def read_edit(
    db: sqlite3.Connection, job_id: int, number: int, image_path: Callable[[StoredImage], Path]
) -> Edit | None:
    found = db.execute(
        "SELECT draft, created FROM edits WHERE job_id = ? AND number = ?", (job_id, number)
    ).fetchone()
    if found is None:
        return None
    copies = tuple(
        EditCopy(
            account_id,
            AccountKind(kind),
            state,
            key,
            attempts,
            bool(retryable),
            code,
            json.loads(details),
            url,
        )
        for account_id, kind, state, key, attempts, retryable, code, details, url in db.execute(
            "SELECT c.account_id, d.kind, c.state, c.idempotency_key, c.attempts, c.retryable,"
            " c.error_code, c.error_details, c.url FROM edit_copies AS c JOIN job_destinations"
            " AS d ON d.job_id = c.job_id AND d.account_id = c.account_id"
            " WHERE c.job_id = ? AND c.number = ? ORDER BY d.position",
            (job_id, number),
        )
    )
    draft = from_snapshot(json.loads(found[0]), image_path)
    return Edit(job_id, number, draft, moment(found[1]), copies)


def update_copy(
    db: sqlite3.Connection,
    job_id: int,
    number: int,
    account_id: str,
    values: dict[str, Any],
    *,
    count_attempt: bool,
    updated: str,
) -> bool:
    """One copy's state in this edit. Its first `done` makes the edit's draft the job's."""
    where = {"job_id": job_id, "number": number, "account_id": account_id}
    changed = update_counted(
        db, "edit_copies", where, values, count_attempt=count_attempt, updated=updated
    )
    if changed and values.get("state") == "done":
        db.execute(
            "UPDATE edits SET previous = (SELECT draft FROM jobs WHERE id = ?)"
            " WHERE job_id = ? AND number = ? AND previous IS NULL",
            (job_id, job_id, number),
        )
        db.execute(
            "UPDATE jobs SET draft = (SELECT draft FROM edits WHERE job_id = ? AND number = ?)"
            " WHERE id = ?",
            (job_id, number, job_id),
        )
    return changed


def replace_address(
    db: sqlite3.Connection, job_id: int, account_id: str, remote_id: str, url: str
) -> bool:
    """A copy posted anew (a repost): its new id and address; the old thread's parts go."""
    db.execute("DELETE FROM job_parts WHERE job_id = ? AND account_id = ?", (job_id, account_id))
    return (
        db.execute(
            "UPDATE job_destinations SET remote_id = ?, url = ?, parts = 0"
            " WHERE job_id = ? AND account_id = ?",
            (remote_id, url, job_id, account_id),
        ).rowcount
        > 0
    )


# -- the draft a person changes a published job in (drafts.edits_job, schema step 11) ----------


def draft_editing(db: sqlite3.Connection, job_id: int) -> int | None:
    """The draft (not in the bin) that changes this job, if one is open."""
    found = db.execute(
        "SELECT id FROM drafts WHERE edits_job = ? AND deleted IS NULL ORDER BY id DESC LIMIT 1",
        (job_id,),
    ).fetchone()
    return int(found[0]) if found else None


def mark_editing(db: sqlite3.Connection, draft_id: int, job_id: int) -> None:
    db.execute("UPDATE drafts SET edits_job = ? WHERE id = ?", (job_id, draft_id))


def editing_drafts(db: sqlite3.Connection) -> dict[int, int]:
    """Per draft that changes a published job (not in the bin), that job."""
    return dict(
        db.execute(
            "SELECT id, edits_job FROM drafts WHERE edits_job IS NOT NULL AND deleted IS NULL"
        ).fetchall()
    )


def unfinished(db: sqlite3.Connection) -> list[tuple[int, int]]:
    """(job, edit) of each job's latest edit with a copy never sent or cut short while sending
    (the app closed or crashed): oldest first. An older edit is never taken up again: the
    newer one carries the person's latest text to every copy."""
    return [
        (int(job_id), int(number))
        for job_id, number in db.execute(
            "SELECT e.job_id, e.number FROM edits AS e"
            " WHERE e.number = (SELECT max(number) FROM edits WHERE job_id = e.job_id)"
            " AND EXISTS (SELECT 1 FROM edit_copies AS c WHERE c.job_id = e.job_id"
            " AND c.number = e.number AND c.state IN ('pending', 'sending'))"
            " ORDER BY e.created, e.job_id"
        )
    ]
