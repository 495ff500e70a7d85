"""The drafts database: one SQLite file in the profile, and the photo copies beside it.

Every change is one transaction; a failure (full disk, read-only folder) leaves the last saved
version as it was. Thread-safe: one connection, one lock.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.core.drafts.draft import Draft
from composer.core.images.copies import ImageFiles
from composer.core.logs import REDACTOR
from composer.core.private_files import FOLDER_MODE
from composer.core.store import images as store_images
from composer.core.store.errors import StoreError, from_os_error
from composer.core.store.opening import DATABASE, check_integrity, connect, is_writable, translated
from composer.core.store.rows import (
    DraftRows,
    DraftSummary,
    ImageRow,
    draft_fields,
    edited_job,
    fold,
    inserted_id,
    moment,
    now,
    override_rows,
    read_rows,
    stamp,
    to_draft,
    write_rows,
)
from composer.core.store.schema import LATEST, migrate, version

if TYPE_CHECKING:
    from composer.core.accounts.account import Account
    from composer.core.publishing.reception import Reception
    from composer.core.store.edits import Edit, EditState
    from composer.core.store.jobs import HeldBy, Job, State
    from composer.core.store.schedules import Schedule

# store_jobs and store_accounts are imported inside the methods that use them: they load with the
# first job or account, after the window's first paint (tests/ui/test_startup_imports.py)

__all__ = ["DraftSummary", "Store", "StoreError"]


def _outcome(
    state: str, url: str, error_code: str | None, details: dict[str, Any] | None, retryable: bool
) -> dict[str, Any]:
    """A copy's outcome as its row keeps it, a job's or an edit's. A server's message may
    echo a token: the details stored pass the log's redactor."""
    return {
        "state": state,
        "url": url,
        "error_code": error_code,
        "error_details": json.dumps(
            REDACTOR.scrub_value(details or {}), sort_keys=True, default=str
        ),
        "retryable": int(retryable),
    }


# when the draft was last published: a job from it that reached at least one destination
_PUBLISHED = (
    "SELECT max(jobs.created) FROM jobs WHERE jobs.draft_id = drafts.id AND EXISTS"
    " (SELECT 1 FROM job_destinations AS d WHERE d.job_id = jobs.id AND d.state = 'done')"
)


class Store:
    def __init__(self, profile: Path, connection: sqlite3.Connection, scratch: Path) -> None:
        self.profile = profile
        self.path = profile / DATABASE
        self.read_only = scratch != Path() or not is_writable(profile, self.path)
        self.images = ImageFiles(profile / "images")
        self._db = connection
        self._scratch = scratch
        self._lock = threading.RLock()
        self._closed = False
        connection.create_function("omroeper_fold", 1, fold, deterministic=True)

    @classmethod
    def open(cls, profile: Path, *, timeout: float = 5.0) -> Store:
        """Open (or create) profile/omroeper.db. A read-only profile opens for reading only."""
        profile = Path(profile).absolute()
        path = profile / DATABASE
        try:
            profile.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        except OSError as error:
            raise from_os_error(error, profile) from None
        writable = is_writable(profile, path)
        if not writable and not path.exists():
            raise StoreError("read_only", {"path": str(profile)})
        scratch = Path()
        connection = None
        try:
            connection, scratch = connect(path, timeout=timeout, writable=writable)
            found = version(connection)
            if found > LATEST:
                raise StoreError("newer_version", {"version": found, "supported": LATEST})
            check_integrity(connection, path)
            if found < LATEST:
                if not writable:
                    raise StoreError("read_only", {"path": str(profile)})
                migrate(connection)
            if writable:
                store_images.repair(ImageFiles(profile / "images"), connection)
        except BaseException as error:
            if connection is not None:
                connection.close()
            if scratch != Path():
                shutil.rmtree(scratch, ignore_errors=True)
            raise translated(error, profile) from None
        return cls(profile, connection, scratch)

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._db.close()
            if self._scratch != Path():
                shutil.rmtree(self._scratch, ignore_errors=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exception: object) -> None:
        self.close()

    # -- one draft -------------------------------------------------------------------------

    def create_draft(self, draft: Draft) -> int:
        with self._lock:
            images = self._copy_in(None, draft)
            with self._writing() as db:
                return self._insert_draft(db, draft, images)

    def save_draft(self, draft_id: int, draft: Draft) -> datetime:
        """Replace the draft's content in one transaction; returns when it was modified."""
        with self._lock:
            images = self._copy_in(draft_id, draft)
            modified = now()
            with self._writing() as db:
                row = db.execute("SELECT created FROM drafts WHERE id = ?", (draft_id,)).fetchone()
                if row is None:
                    raise StoreError("not_found", {"id": draft_id})
                self._write(draft_id, draft, images, row[0], stamp(modified))
            return modified

    def load_draft(self, draft_id: int) -> Draft:
        """The draft, its image paths pointing at the profile's copies."""
        with self._reading() as db:
            rows = read_rows(db, draft_id)
        if rows is None:
            raise StoreError("not_found", {"id": draft_id})
        return to_draft(rows, self.images.path)

    def summary(self, draft_id: int) -> DraftSummary:
        found = self._summaries("WHERE id = ?", (draft_id,))
        if not found:
            raise StoreError("not_found", {"id": draft_id})
        return found[0]

    def duplicate_draft(self, draft_id: int) -> int:
        with self._writing() as db:
            rows = read_rows(db, draft_id)
            if rows is None:
                raise StoreError("not_found", {"id": draft_id})
            moment_now = stamp(now())
            copy = inserted_id(
                db.execute(
                    "INSERT INTO drafts (created, modified) VALUES (?, ?)", (moment_now,) * 2
                )
            )
            write_rows(
                db, copy, DraftRows(rows.fields, rows.images, rows.overrides, *(moment_now,) * 2)
            )
        return copy

    def delete_draft(self, draft_id: int) -> None:
        """Into the bin: list_drafts no longer shows it, restore_draft brings it back."""
        self._update("UPDATE drafts SET deleted = ? WHERE id = ?", (stamp(now()), draft_id))

    def restore_draft(self, draft_id: int) -> None:
        self._update("UPDATE drafts SET deleted = NULL WHERE id = ?", (draft_id,))

    # -- all drafts ------------------------------------------------------------------------

    def list_drafts(self, search: str = "") -> list[DraftSummary]:
        """Drafts not deleted, newest change first; every word of `search` must occur."""
        words = fold(search).split()
        condition = "".join(
            " AND instr(omroeper_fold(title || ' ' || text || ' ' || body), ?) > 0" for _ in words
        )
        return self._summaries(f"WHERE deleted IS NULL{condition}", tuple(words))

    def last_draft_id(self) -> int | None:
        found = self._summaries("WHERE deleted IS NULL", (), limit=1)
        return found[0].id if found else None

    def purge_deleted(self) -> None:
        """Really remove the drafts in the bin, then the photo copies no draft uses."""
        with self._writing() as db:
            db.execute("DELETE FROM drafts WHERE deleted IS NOT NULL")
        self.collect_garbage()

    def collect_garbage(self) -> int:
        """Remove image copies no draft references; returns how many files went."""
        trashed: list[tuple[Path, Path]] = []
        try:
            with self._writing() as db:
                # renamed while the write lock is held, so no save can pick a file up meanwhile
                trashed = store_images.trash_unused(self.images, db)
        except BaseException:
            store_images.restore(trashed)
            raise
        for _path, trash in trashed:
            trash.unlink(missing_ok=True)
        return len(trashed)

    # -- accounts (their secrets are in the keyring, see credentials.py) ---------------------

    def save_account(self, account: Account) -> None:
        from composer.core.store import accounts

        with self._writing() as db:
            accounts.write_account(db, account, stamp(now()))

    def list_accounts(self) -> list[Account]:
        from composer.core.store import accounts

        with self._reading() as db:
            return accounts.read_accounts(db)

    def get_account(self, account_id: str) -> Account:
        from composer.core.store import accounts

        with self._reading() as db:
            found = accounts.read_accounts(db, account_id)
        if not found:
            raise StoreError("not_found", {"id": account_id})
        return found[0]

    def remove_account(self, account_id: str) -> None:
        self._update("DELETE FROM accounts WHERE id = ?", (account_id,))

    # -- publish jobs (the engine is publishing.py) ----------------------------------------

    def create_job(
        self,
        draft: Draft,
        account_ids: Sequence[str],
        draft_id: int | None = None,
        *,
        schedule: Schedule | None = None,
    ) -> int:
        """A job for these accounts, in this order; the draft and its photos are kept as sent.
        `draft_id`: the draft it was published from, if any; `schedule`: it waits for its
        time (core/scheduling)."""
        from composer.core.store import jobs, schedules

        with self._lock:
            images = self._copy_in(None, draft)
            with self._writing() as db:
                kept = store_images.ensure(self.images, images, self.profile)
                job_id = jobs.insert_job(
                    db, draft, kept, account_ids, stamp(now()), draft_id=draft_id
                )
                if schedule is not None:
                    schedules.mark_scheduled(db, job_id, schedule)
                return job_id

    def publications(self, draft_id: int) -> list[Job]:
        """The jobs this draft was published in, newest first."""
        from composer.core.store import jobs

        with self._reading() as db:
            return jobs.read_jobs(db, self.images.path, "WHERE draft_id = ?", (draft_id,))

    def job(self, job_id: int) -> Job:
        from composer.core.store import jobs

        with self._reading() as db:
            found = jobs.read_job(db, job_id, self.images.path)
        if found is None:
            raise StoreError("not_found", {"id": job_id})
        return found

    def set_destination_state(
        self,
        job_id: int,
        account_id: str,
        state: State,
        *,
        remote_id: str = "",
        url: str = "",
        error_code: str | None = None,
        error_details: dict[str, Any] | None = None,
        retryable: bool = False,
        count_attempt: bool = False,
    ) -> None:
        """Replace the destination's outcome; `count_attempt` when an attempt is starting."""
        from composer.core.store import jobs

        values = _outcome(state, url, error_code, error_details, retryable)
        values["remote_id"] = remote_id
        with self._writing() as db:
            changed = jobs.update_destination(
                db, job_id, account_id, values, count_attempt=count_attempt, updated=stamp(now())
            )
            if not changed:
                raise StoreError("not_found", {"id": f"{job_id}/{account_id}"})

    def set_canonical_url(self, job_id: int, url: str) -> None:
        from composer.core.store import jobs

        with self._writing() as db:
            if not jobs.set_canonical(db, job_id, url):
                raise StoreError("not_found", {"id": job_id})

    def list_jobs(self) -> list[Job]:
        """Every publish job, newest first, with each destination's outcome (the history)."""
        from composer.core.store import jobs

        with self._reading() as db:
            return jobs.read_jobs(db, self.images.path)

    def mark_deleted(self, job_id: int, account_id: str) -> None:
        """The published copy at this destination was removed ("delete everywhere")."""
        from composer.core.store import jobs

        with self._writing() as db:
            if not jobs.mark_deleted(db, job_id, account_id, stamp(now())):
                raise StoreError("not_found", {"id": f"{job_id}/{account_id}"})

    def save_reception(self, job_id: int, account_id: str, seen: Reception) -> None:
        """The figures just read for a published copy, replacing the last ones."""
        from composer.core.store import receptions

        with self._writing() as db:
            if not receptions.save(db, job_id, account_id, seen):
                raise StoreError("not_found", {"id": f"{job_id}/{account_id}"})

    def receptions(self, job_id: int) -> dict[str, Reception]:
        """The last figures read per copy of the job (by account id); none read: not there."""
        from composer.core.store import receptions

        with self._reading() as db:
            return receptions.read(db, job_id)

    def part_sending(
        self, job_id: int, account_id: str, number: int, *, total: int, key: str, marker: str
    ) -> None:
        """Part `number` of a `total`-part thread is about to be sent (see jobs.JobPart)."""
        from composer.core.store import jobs

        with self._writing() as db:
            part = (number, total, key, marker)
            if not jobs.part_sending(db, job_id, account_id, part, stamp(now())):
                raise StoreError("not_found", {"id": f"{job_id}/{account_id}"})

    def part_done(
        self, job_id: int, account_id: str, number: int, *, remote_id: str, url: str
    ) -> None:
        from composer.core.store import jobs

        with self._writing() as db:
            if not jobs.part_done(db, job_id, account_id, number, remote_id=remote_id, url=url):
                raise StoreError("not_found", {"id": f"{job_id}/{account_id}/{number}"})

    def part_not_sent(self, job_id: int, account_id: str, number: int) -> None:
        from composer.core.store import jobs

        with self._writing() as db:
            jobs.part_not_sent(db, job_id, account_id, number)

    def unfinished_jobs(self) -> list[int]:
        """Jobs with a destination pending, cut short while sending, or failed retryably."""
        from composer.core.store import jobs

        with self._reading() as db:
            return jobs.unfinished(db)

    # -- scheduled jobs (the rules are core/scheduling's) ---------------------------------------

    def due_jobs(self, moment_now: datetime) -> list[int]:
        """Scheduled jobs whose time has come (see schedules.due)."""
        from composer.core.store import schedules

        with self._reading() as db:
            return schedules.due(db, stamp(moment_now))

    def next_scheduled(self) -> datetime | None:
        """The earliest time a scheduled job waits for; None when nothing is scheduled (the
        OS task that runs `publish --due` is needed only while this is not None)."""
        from composer.core.store import schedules

        with self._reading() as db:
            found = schedules.next_time(db)
        return moment(found) if found else None

    def scheduled_drafts(self) -> dict[int, tuple[datetime, str]]:
        """The drafts with a message waiting for its time: the soonest (UTC) and its zone."""
        from composer.core.store import schedules

        with self._reading() as db:
            found = schedules.waiting_drafts(db)
        return {draft_id: (moment(at), zone) for draft_id, (at, zone) in found.items()}

    def computer_waits(self) -> bool:
        """Whether a scheduled copy waits to be sent by this computer (see
        schedules.computer_waits): the OS task is needed exactly while this is True."""
        from composer.core.store import schedules

        with self._reading() as db:
            return schedules.computer_waits(db)

    def renew_copy(self, job_id: int, account_id: str) -> None:
        """A copy withdrawn from its server, to be handed over again: `scheduled` anew, with
        a new idempotency key and no recorded steps (see schedules.renew_copy)."""
        from composer.core.store import schedules

        with self._writing() as db:
            if not schedules.renew_copy(db, job_id, account_id, stamp(now())):
                raise StoreError("not_found", {"id": f"{job_id}/{account_id}"})

    def hold(self, job_id: int, account_id: str, holder: HeldBy) -> None:
        """Who holds this scheduled copy until its time."""
        from composer.core.store import schedules

        with self._writing() as db:
            if not schedules.hold(db, job_id, account_id, holder):
                raise StoreError("not_found", {"id": f"{job_id}/{account_id}"})

    def claim_job(
        self, job_id: int, owner: str, moment_now: datetime, until: datetime, *, gone: str = ""
    ) -> bool:
        """The job's database lock (core/publishing/claim.py: `publish --due`, changes,
        edits): True when `owner` holds the job until `until` (it was free, its last claim
        expired, or `gone` held it: a run that ended without releasing it)."""
        from composer.core.store import schedules

        with self._writing() as db:
            return schedules.claim(db, job_id, owner, stamp(moment_now), stamp(until), gone=gone)

    def claim_holder(self, job_id: int) -> str | None:
        """Who holds the job's claim now (it may have expired), if anyone."""
        from composer.core.store import schedules

        with self._reading() as db:
            return schedules.holder(db, job_id)

    def release_job(self, job_id: int, owner: str) -> None:
        from composer.core.store import schedules

        with self._writing() as db:
            schedules.release(db, job_id, owner)

    def start_scheduled(self, job_id: int, *, sent_late: bool = False) -> bool:
        """The scheduled or late job goes now; False when it was neither."""
        from composer.core.store import schedules

        with self._writing() as db:
            return schedules.start(db, job_id, sent_late=sent_late)

    def set_job_state(self, job_id: int, state: str, *, was: tuple[str, ...]) -> bool:
        from composer.core.store import schedules

        with self._writing() as db:
            return schedules.set_job_state(db, job_id, state, was=was)

    def cancel_computer_copies(self, job_id: int) -> None:
        from composer.core.store import schedules

        with self._writing() as db:
            schedules.cancel_computer_copies(db, job_id, stamp(now()))

    def reschedule_job(self, job_id: int, at: datetime, zone: str) -> bool:
        from composer.core.store import schedules

        with self._writing() as db:
            return schedules.reschedule(db, job_id, stamp(at), zone)

    def replace_job_draft(self, job_id: int, draft: Draft) -> bool:
        """A scheduled job's new text (and photos), before it goes."""
        from composer.core.store import jobs, schedules

        with self._lock:
            images = self._copy_in(None, draft)
            with self._writing() as db:
                kept = store_images.ensure(self.images, images, self.profile)
                jobs.keep_images(db, kept)
                return schedules.replace_draft(db, job_id, jobs.snapshot_text(draft, kept))

    # -- edits of a published job (the engine is publishing/editing.py) ---------------------

    def create_edit(self, job_id: int, draft: Draft, *, same_as_last: bool = False) -> int:
        """A new edit of the job's online copies (each with its key, made now), its number.
        `same_as_last`: when the job's latest edit has this very draft, that edit's number
        instead (asked again after an unclear failure, it finishes under the same keys)."""
        from composer.core.store import edits, jobs

        with self._lock:
            images = self._copy_in(None, draft)
            with self._writing() as db:
                kept = store_images.ensure(self.images, images, self.profile)
                jobs.keep_images(db, kept)
                snapshot = jobs.snapshot_text(draft, kept)
                found = edits.latest_with(db, job_id, snapshot) if same_as_last else None
                if found is None:
                    found = edits.insert_edit(db, job_id, snapshot, stamp(now()))
                if found is None:
                    raise StoreError("not_found", {"id": job_id})
                return found

    def edit_draft(self, job_id: int) -> int:
        """The draft a person changes this published job in: the one open for it already, or
        a new one holding the message as it is online now, its destinations the copies still
        online. Sent from the window, it becomes an edit of the job (publishing/editing.py)."""
        from composer.core.store import edits

        found = self.editing_draft(job_id)
        if found is not None:
            return found
        job = self.job(job_id)
        online = tuple(row.account_id for row in job.copies_online())
        draft = replace(job.draft, targets=online)
        with self._lock:
            images = self._copy_in(None, draft)
            with self._writing() as db:
                found = edits.draft_editing(db, job_id)  # made meanwhile by another process
                if found is None:
                    found = self._insert_draft(db, draft, images)
                    edits.mark_editing(db, found, job_id)
                return found

    def editing_draft(self, job_id: int) -> int | None:
        """The draft open for a change to this job, if there is one (nothing is made)."""
        from composer.core.store import edits

        with self._reading() as db:
            return edits.draft_editing(db, job_id)

    def edited_job(self, draft_id: int) -> int | None:
        """The published job this draft changes, if it is such a draft."""
        with self._reading() as db:
            return edited_job(db, draft_id)

    def editing_drafts(self) -> dict[int, int]:
        """Per draft that changes a published job, that job."""
        from composer.core.store import edits

        with self._reading() as db:
            return edits.editing_drafts(db)

    def unfinished_edits(self) -> list[tuple[int, int]]:
        """(job, edit number) of edits cut short (see edits.unfinished), oldest first."""
        from composer.core.store import edits

        with self._reading() as db:
            return edits.unfinished(db)

    def latest_edit(self, job_id: int) -> Edit | None:
        """The job's latest edit, if it was ever changed."""
        from composer.core.store import edits

        with self._reading() as db:
            number = edits.latest(db, job_id)
            return None if number is None else edits.read_edit(db, job_id, number, self.images.path)

    def edit(self, job_id: int, number: int) -> Edit:
        from composer.core.store import edits

        with self._reading() as db:
            found = edits.read_edit(db, job_id, number, self.images.path)
        if found is None:
            raise StoreError("not_found", {"id": f"{job_id}/edit {number}"})
        return found

    def set_edit_state(
        self,
        job_id: int,
        number: int,
        account_id: str,
        state: EditState,
        *,
        url: str = "",
        error_code: str | None = None,
        error_details: dict[str, Any] | None = None,
        retryable: bool = False,
        count_attempt: bool = False,
        remote_id: str | None = None,
    ) -> None:
        """One copy's outcome in this edit; `count_attempt` when an attempt is starting.
        `remote_id`: the copy was posted anew (a repost), its id and `url` replace the old
        ones in the same transaction, so a crash never leaves one without the other."""
        from composer.core.store import edits

        values = _outcome(state, url, error_code, error_details, retryable)
        with self._writing() as db:
            if not edits.update_copy(
                db,
                job_id,
                number,
                account_id,
                values,
                count_attempt=count_attempt,
                updated=stamp(now()),
            ):
                raise StoreError("not_found", {"id": f"{job_id}/{number}/{account_id}"})
            if remote_id is not None:
                edits.replace_address(db, job_id, account_id, remote_id, url)

    def stop_retrying(self, job_id: int) -> None:
        from composer.core.store import schedules

        with self._writing() as db:
            schedules.stop_retrying(db, job_id)

    # -- inside ----------------------------------------------------------------------------

    def _copy_in(self, draft_id: int | None, draft: Draft) -> list[ImageRow]:
        with self._reading() as db:
            return store_images.copy_in(self.images, db, draft_id, draft, self.profile)

    def _insert_draft(self, db: sqlite3.Connection, draft: Draft, images: list[ImageRow]) -> int:
        moment_now = stamp(now())
        draft_id = inserted_id(
            db.execute("INSERT INTO drafts (created, modified) VALUES (?, ?)", (moment_now,) * 2)
        )
        self._write(draft_id, draft, images, moment_now, moment_now)
        return draft_id

    def _write(
        self, draft_id: int, draft: Draft, images: list[ImageRow], created: str, changed: str
    ) -> None:
        kept = store_images.ensure(self.images, images, self.profile)
        rows = DraftRows(draft_fields(draft), kept, override_rows(draft), created, changed)
        write_rows(self._db, draft_id, rows)

    def _summaries(
        self, where: str, parameters: tuple[object, ...], limit: int = -1
    ) -> list[DraftSummary]:
        with self._reading() as db:
            rows = db.execute(
                f"SELECT id, title, text, modified, created, ({_PUBLISHED}) FROM drafts {where}"
                " ORDER BY modified DESC, id DESC LIMIT ?",
                (*parameters, limit),
            ).fetchall()
        return [
            DraftSummary(
                draft_id,
                title,
                text,
                moment(modified),
                moment(created),
                published and moment(published),
            )
            for draft_id, title, text, modified, created, published in rows
        ]

    def _update(self, statement: str, parameters: tuple[object, ...]) -> None:
        with self._writing() as db:
            if db.execute(statement, parameters).rowcount == 0:
                raise StoreError("not_found", {"id": parameters[-1]})

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except (sqlite3.Error, OSError) as error:
                raise translated(error, self.profile) from None

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StoreError("read_only", {"path": str(self.profile)})
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as error:
                if self._db.in_transaction:
                    with suppress(sqlite3.Error):  # the first error is the one to report
                        self._db.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error | OSError):
                    raise translated(error, self.profile) from None
                raise
