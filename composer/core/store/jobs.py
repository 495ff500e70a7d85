"""Publish job rows: the draft as it was sent, and one row per destination with its state.

Each state change is its own transaction, so a crash leaves the last step taken on record.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from composer.core.accounts.account import AccountKind
from composer.core.drafts.draft import Draft, Image, Override
from composer.core.drafts.draft_file import draft_to_data
from composer.core.images.copies import StoredImage
from composer.core.store.errors import StoreError
from composer.core.store.rows import ImageRow, inserted_id, moment

# `scheduled`: waits for its time, held by its server or by this computer (`held_by`);
# `cancelled`: a scheduled copy the person cancelled (core/scheduling)
State = Literal["pending", "sending", "done", "failed", "unknown", "scheduled", "cancelled"]
STATES = ("pending", "sending", "done", "failed", "unknown", "scheduled", "cancelled")
# `scheduled`: waits for its time; `late`: found overdue beyond the grace period, waits for
# the person ("send now or cancel"); `cancelled`: the person cancelled it before it went
JobState = Literal["open", "finished", "scheduled", "late", "cancelled"]
HeldBy = Literal["server", "computer"]
_COLUMNS = (
    "account_id, kind, position, state, remote_id, url, error_code, error_details,"
    " retryable, attempts, idempotency_key, updated, deleted, parts, held_by"
)
_JOB_COLUMNS = "id, draft, created, canonical_url, state, scheduled_at, zone, sent_late"
_PART_COLUMNS = "number, state, idempotency_key, marker, remote_id, url, started"
PartState = Literal["sending", "done"]
# still to do: never sent, cut short, or failed in a way worth trying again
_OPEN = "state IN ('pending', 'sending') OR (state = 'failed' AND retryable)"
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class JobPart:
    """One status of a thread: `sending` from before it is sent until it is answered (an
    unclear outcome stays `sending`: read back before sending it again), then `done`."""

    number: int  # from 1
    state: PartState
    idempotency_key: str
    marker: str  # what the destination matches it by when reading back (a text hash)
    remote_id: str = ""
    url: str = ""
    started: datetime | None = None  # when it was (last) sent: the read-back's time window


@dataclass(frozen=True, slots=True)
class JobDestination:
    account_id: str
    kind: AccountKind
    position: int
    state: State
    remote_id: str
    url: str
    error_code: str | None
    error_details: dict[str, Any]
    retryable: bool
    attempts: int
    idempotency_key: str
    updated: datetime
    deleted: datetime | None = None  # removed by "delete everywhere"
    parts: tuple[JobPart, ...] = ()  # a thread's statuses on record, in order
    parts_total: int = 0  # how many the thread has, once known
    held_by: HeldBy | None = None  # who holds a scheduled copy until its time

    @property
    def parts_online(self) -> int:
        return sum(part.state == "done" for part in self.parts)

    @property
    def held_for_review(self) -> bool:
        """The own site took the post and holds it for review (errors.HELD_FOR_REVIEW): on
        the site, not published; the networks wait."""
        return self.state == "failed" and self.error_code == "held_for_review"

    @property
    def online(self) -> bool:
        """Something of this copy is published: all of it, or some parts of a thread."""
        return self.state == "done" or self.parts_online > 0


@dataclass(frozen=True, slots=True)
class Job:
    id: int
    draft: Draft
    created: datetime
    canonical_url: str | None
    state: JobState
    destinations: tuple[JobDestination, ...] = field(default=())
    scheduled_at: datetime | None = None  # UTC; None: sent when it was made
    zone: str = ""  # the person's IANA zone when it was scheduled ("" unknown)
    sent_late: bool = False  # sent after its time, within the grace period: tell the person

    def destination(self, account_id: str) -> JobDestination:
        for row in self.destinations:
            if row.account_id == account_id:
                return row
        raise KeyError(account_id)

    @property
    def networks_wait(self) -> bool:
        """The networks wait for the website: without its page they have no link back. Not
        when the draft links to a page that exists already."""
        return not self.draft.link and any(
            row.kind.is_own_site and row.state != "done" for row in self.destinations
        )

    def waiting_for_website(self) -> frozenset[str]:
        """The account ids of the copies that wait for the website now (see networks_wait)."""
        if not self.networks_wait:
            return frozenset()
        return frozenset(row.account_id for row in self.destinations if not row.kind.is_own_site)

    def copies_online(self) -> list[JobDestination]:
        """The copies published whole and not deleted since: the ones an edit changes
        (edits.insert_edit picks the same rows in SQL), whose reception is read, and that the
        window counts as published."""
        return [row for row in self.destinations if row.state == "done" and row.deleted is None]

    @property
    def deleted(self) -> bool:
        """Every copy that was published has been deleted since (and there was one)."""
        published = [row for row in self.destinations if row.online]
        return bool(published) and all(row.deleted for row in published)


def new_idempotency_key(kind: AccountKind) -> str:
    """Made once per destination, before the first attempt, and reused on every retry."""
    import uuid  # here, not at the top: it loads `platform` before the window's first paint

    if kind is AccountKind.BLUESKY:
        return _tid()  # the post's record key: the record can be read back by it
    if kind is AccountKind.WEBSITE:
        return f"msg_{uuid.uuid4().hex}"  # Standard Webhooks' webhook-id
    return str(uuid.uuid4())  # Mastodon's Idempotency-Key (Discord has none; harmless)


def _tid() -> str:
    # atproto TID: 53 bits of microseconds, 10 bits of clock id, base32-sortable, 13 chars
    import secrets

    value = ((time.time_ns() // 1000) << 10) | secrets.randbelow(1024)
    return "".join(_TID_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(13)))


def insert_job(
    db: sqlite3.Connection,
    draft: Draft,
    images: Sequence[ImageRow],
    account_ids: Sequence[str],
    created: str,
    *,
    draft_id: int | None = None,
) -> int:
    """Inside the caller's transaction; the images are already copies in the profile."""
    kinds = []
    for account_id in dict.fromkeys(account_ids):
        row = db.execute("SELECT kind FROM accounts WHERE id = ?", (account_id,)).fetchone()
        if row is None:
            raise StoreError("not_found", {"id": account_id})
        kinds.append((account_id, AccountKind(row[0])))
    keep_images(db, images)
    job_id = inserted_id(
        db.execute(
            "INSERT INTO jobs (draft, created, draft_id) VALUES (?, ?, ?)",
            (snapshot_text(draft, images), created, draft_id),
        )
    )
    db.executemany(
        "INSERT INTO job_destinations (job_id, account_id, kind, position, idempotency_key,"
        " updated) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (job_id, account_id, kind.value, position, new_idempotency_key(kind), created)
            for position, (account_id, kind) in enumerate(kinds, 1)
        ],
    )
    return job_id


def keep_images(db: sqlite3.Connection, images: Sequence[ImageRow]) -> None:
    """The rows of the photo copies a job's draft names (the copies are in the profile)."""
    for item in images:
        db.execute(
            "INSERT OR IGNORE INTO images (hash, extension, bytes) VALUES (?, ?, ?)",
            (item.image.hash, item.image.extension, item.image.bytes),
        )


def read_job(
    db: sqlite3.Connection, job_id: int, image_path: Callable[[StoredImage], Path]
) -> Job | None:
    found = read_jobs(db, image_path, "WHERE id = ?", (job_id,))
    return found[0] if found else None


def read_jobs(
    db: sqlite3.Connection,
    image_path: Callable[[StoredImage], Path],
    where: str = "",
    parameters: tuple[object, ...] = (),
) -> list[Job]:
    """Jobs newest first, each with its destinations: two queries, however many jobs."""
    jobs = db.execute(
        f"SELECT {_JOB_COLUMNS} FROM jobs {where} ORDER BY created DESC, id DESC",
        parameters,
    ).fetchall()
    if not jobs:
        return []
    parts: dict[tuple[int, str], list[JobPart]] = {}
    for job_id, account_id, *values in db.execute(
        f"SELECT job_id, account_id, {_PART_COLUMNS} FROM job_parts"
        f" WHERE job_id IN (SELECT id FROM jobs {where}) ORDER BY job_id, account_id, number",
        parameters,
    ):
        parts.setdefault((job_id, account_id), []).append(_part(values))
    rows: dict[int, list[JobDestination]] = {job[0]: [] for job in jobs}
    cursor = db.cursor()
    cursor.row_factory = sqlite3.Row  # columns by name: _destination reads them so
    for found in cursor.execute(
        f"SELECT job_id, {_COLUMNS} FROM job_destinations"
        f" WHERE job_id IN (SELECT id FROM jobs {where}) ORDER BY job_id, position",
        parameters,
    ):
        own = tuple(parts.get((found["job_id"], found["account_id"]), ()))
        rows[found["job_id"]].append(_destination(found, own))
    return [
        Job(
            job_id,
            from_snapshot(json.loads(draft), image_path),
            moment(created),
            canonical,
            state,
            tuple(rows[job_id]),
            moment(scheduled_at) if scheduled_at else None,
            zone,
            bool(sent_late),
        )
        for job_id, draft, created, canonical, state, scheduled_at, zone, sent_late in jobs
    ]


def _part(values: Sequence[Any]) -> JobPart:
    number, state, key, marker, remote_id, url, started = values
    return JobPart(number, state, key, marker, remote_id, url, moment(started))


def _destination(found: sqlite3.Row, parts: tuple[JobPart, ...]) -> JobDestination:
    return JobDestination(
        account_id=found["account_id"],
        kind=AccountKind(found["kind"]),
        position=found["position"],
        state=found["state"],
        remote_id=found["remote_id"],
        url=found["url"],
        error_code=found["error_code"],
        error_details=json.loads(found["error_details"]),
        retryable=bool(found["retryable"]),
        attempts=found["attempts"],
        idempotency_key=found["idempotency_key"],
        updated=moment(found["updated"]),
        deleted=moment(found["deleted"]) if found["deleted"] else None,
        parts=parts,
        parts_total=found["parts"],
        held_by=found["held_by"],
    )


def update_destination(
    db: sqlite3.Connection,
    job_id: int,
    account_id: str,
    values: dict[str, Any],
    *,
    count_attempt: bool,
    updated: str,
) -> bool:
    """Write one destination's state, then the job's; False when there is no such row."""
    where = {"job_id": job_id, "account_id": account_id}
    changed = update_counted(
        db, "job_destinations", where, values, count_attempt=count_attempt, updated=updated
    )
    settle_job(db, job_id)
    return changed


def update_counted(
    db: sqlite3.Connection,
    table: str,  # one of ours, never outside text
    where: dict[str, Any],
    values: dict[str, Any],
    *,
    count_attempt: bool,
    updated: str,
) -> bool:
    """A copy's row (a job's or an edit's) with `values`, one more attempt when counted, and
    when it changed; False when there is no such row."""
    assignments = "".join(f"{column} = ?, " for column in values)
    matching = " AND ".join(f"{column} = ?" for column in where)
    return (
        db.execute(
            f"UPDATE {table} SET {assignments}attempts = attempts + ?, updated = ?"
            f" WHERE {matching}",
            (*values.values(), int(count_attempt), updated, *where.values()),
        ).rowcount
        > 0
    )


def settle_job(db: sqlite3.Connection, job_id: int) -> None:
    """The job's state from its destinations': `open` while one is still to do (or held by
    its server until its time), else `finished`. A job waiting for its time, late or
    cancelled keeps that state: only core/scheduling moves it on."""
    db.execute(
        "UPDATE jobs SET state = CASE WHEN state IN ('scheduled', 'late', 'cancelled')"
        " THEN state WHEN EXISTS (SELECT 1 FROM job_destinations"
        f" WHERE job_id = ? AND ({_OPEN} OR state = 'scheduled')) THEN 'open'"
        " ELSE 'finished' END WHERE id = ?",
        (job_id, job_id),
    )


def set_canonical(db: sqlite3.Connection, job_id: int, url: str) -> bool:
    return db.execute("UPDATE jobs SET canonical_url = ? WHERE id = ?", (url, job_id)).rowcount > 0


def mark_deleted(db: sqlite3.Connection, job_id: int, account_id: str, when: str) -> bool:
    """Only a published copy (or a thread with parts online, or a post the own site holds
    for review) can be deleted; the first moment is kept. A deleted held post is no longer
    sent again (it is not retryable)."""
    return (
        db.execute(
            "UPDATE job_destinations SET deleted = coalesce(deleted, ?),"
            " retryable = CASE WHEN state = 'done' THEN retryable ELSE 0 END"
            " WHERE job_id = ? AND account_id = ? AND (state = 'done' OR EXISTS (SELECT 1"
            " FROM job_parts AS part WHERE part.job_id = job_destinations.job_id"
            " AND part.account_id = job_destinations.account_id AND part.state = 'done')"
            " OR (error_code = 'held_for_review' AND remote_id != ''))",
            (when, job_id, account_id),
        ).rowcount
        > 0
    )


def part_sending(
    db: sqlite3.Connection,
    job_id: int,
    account_id: str,
    part: tuple[int, int, str, str],
    started: str,
) -> bool:
    """Part `number` of `total` is about to be sent with `key`; `marker` finds it again."""
    number, total, key, marker = part
    if not db.execute(
        "UPDATE job_destinations SET parts = ? WHERE job_id = ? AND account_id = ?",
        (total, job_id, account_id),
    ).rowcount:
        return False
    db.execute(
        "INSERT INTO job_parts (job_id, account_id, number, state, idempotency_key, marker,"
        " started) VALUES (?, ?, ?, 'sending', ?, ?, ?)"
        " ON CONFLICT (job_id, account_id, number) DO UPDATE SET"
        " state = 'sending', idempotency_key = excluded.idempotency_key,"
        " marker = excluded.marker, started = excluded.started",
        (job_id, account_id, number, key, marker, started),
    )
    return True


def part_done(
    db: sqlite3.Connection, job_id: int, account_id: str, number: int, *, remote_id: str, url: str
) -> bool:
    return (
        db.execute(
            "UPDATE job_parts SET state = 'done', remote_id = ?, url = ?"
            " WHERE job_id = ? AND account_id = ? AND number = ?",
            (remote_id, url, job_id, account_id, number),
        ).rowcount
        > 0
    )


def part_not_sent(db: sqlite3.Connection, job_id: int, account_id: str, number: int) -> None:
    """The server clearly refused it: nothing of it is online, nothing to read back."""
    db.execute(
        "DELETE FROM job_parts WHERE job_id = ? AND account_id = ? AND number = ?"
        " AND state = 'sending'",
        (job_id, account_id, number),
    )


def unfinished(db: sqlite3.Connection) -> list[int]:
    return [row[0] for row in db.execute("SELECT id FROM jobs WHERE state = 'open' ORDER BY id")]


def snapshot_text(draft: Draft, images: Sequence[ImageRow]) -> str:
    """The draft as a job keeps it (a JSON text)."""
    return json.dumps(_snapshot(draft, images), ensure_ascii=False)


def _snapshot(draft: Draft, images: Sequence[ImageRow]) -> dict[str, Any]:
    """The draft-file format, with each image named by its copy's hash instead of a path."""
    copies = iter(images)

    def stored(_image: Image) -> dict[str, Any]:
        copy = next(copies).image
        return {"hash": copy.hash, "extension": copy.extension, "bytes": copy.bytes}

    return draft_to_data(draft, stored)


def from_snapshot(data: dict[str, Any], image_path: Callable[[StoredImage], Path]) -> Draft:
    images = tuple(
        Image(
            image_path(StoredImage(item["hash"], item["extension"], item["bytes"])),
            item["alt"],
            item["decorative"],
        )
        for item in data["images"]
    )
    overrides = {target: Override(**values) for target, values in data["overrides"].items()}
    fields = {key: data[key] for key in ("text", "title", "body", "link", "language")}
    return Draft(
        **fields,
        content_warning=data["content_warning"],
        images=images,
        targets=tuple(data["targets"]),
        overrides=overrides,
        thread=data["thread"],
    )
