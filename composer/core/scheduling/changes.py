"""What a person does with a scheduled job before it goes: cancel it, move it, change its
text, or send a late one now. Each claims the job first (as `publish --due` does), so a run
of `--due` at that moment cannot send it halfway through the change; copies their servers
hold are cancelled there (and scheduled again after a change)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.publishing.claim import claimed, run_owner
from composer.core.publishing.publisher import Publisher
from composer.core.scheduling.clock import Clock
from composer.core.scheduling.due import settle_server_copies
from composer.core.scheduling.plan import hand_to_servers
from composer.core.scheduling.server import held_at
from composer.core.scheduling.times import ScheduledTime, checked
from composer.core.store.jobs import Job, State

WAITING = ("scheduled", "late")


def cancel(publisher: Publisher, job_id: int, clock: Clock) -> Job:
    """Cancel every copy; a server's copy it could not cancel stays `scheduled` with the
    error, and the job stays scheduled (cancelling again tries it again)."""
    store = publisher.store
    with _claimed(publisher, job_id, clock) as job:
        _withdraw_from_servers(publisher, job, then="cancelled")
        store.cancel_computer_copies(job_id)
        if not any(row.state == "scheduled" for row in store.job(job_id).destinations):
            store.set_job_state(job_id, "cancelled", was=WAITING)
    return store.job(job_id)


def reschedule(publisher: Publisher, job_id: int, when: ScheduledTime, clock: Clock) -> Job:
    """Another time (checked as a new one is); the servers' copies are scheduled anew."""
    store = publisher.store
    checked(when, clock.now())
    with _claimed(publisher, job_id, clock) as job:
        try:
            _withdraw_from_servers(publisher, job, then="scheduled")
            store.reschedule_job(job_id, when.at, when.zone)
        finally:  # a server that could not cancel: the ones withdrawn go back, unchanged
            hand_to_servers(publisher, job_id)
    return store.job(job_id)


def change_text(publisher: Publisher, job_id: int, draft: Draft, clock: Clock) -> Job:
    """Another text (and photos); the servers' copies are scheduled anew with it."""
    store = publisher.store
    with _claimed(publisher, job_id, clock) as job:
        try:
            _withdraw_from_servers(publisher, job, then="scheduled")
            store.replace_job_draft(job_id, draft)
        finally:
            hand_to_servers(publisher, job_id)
    return store.job(job_id)


def send_now(publisher: Publisher, job_id: int, clock: Clock) -> Job:
    """A late job (or one whose time has not come, held by this computer only) goes now."""
    store = publisher.store
    with _claimed(publisher, job_id, clock) as job:
        held = [row for row in job.destinations if row.state == "scheduled"]
        if job.state == "scheduled" and any(row.held_by == "server" for row in held):
            raise CodedError("held_by_server", {"job": job_id})
        settle_server_copies(publisher, job_id)
        store.start_scheduled(job_id)
        publisher.resume(job_id)
        store.stop_retrying(job_id)
    return store.job(job_id)


@contextmanager
def _claimed(publisher: Publisher, job_id: int, clock: Clock) -> Iterator[Job]:
    store = publisher.store
    with claimed(store, job_id, clock.now(), run_owner()) as got:
        if not got:
            raise CodedError("job_busy", {"job": job_id})
        job = store.job(job_id)
        if job.state not in WAITING:
            raise CodedError("not_scheduled", {"job": job_id, "state": job.state})
        yield job


def _withdraw_from_servers(publisher: Publisher, job: Job, *, then: State) -> None:
    """Cancel each copy a server holds; `then` "cancelled" (it stays so) or "scheduled"
    (it is handed over again, with no remote copy). CodedError of the first that fails."""
    store = publisher.store
    for row in job.destinations:
        if row.state != "scheduled" or row.held_by != "server" or not row.remote_id:
            continue
        found = held_at(publisher, row.account_id)
        if found is None:
            raise CodedError("account_missing", {"id": row.account_id})
        found[1].unschedule(found[0], row)
        if then == "cancelled":  # it keeps its id (for support)
            store.set_destination_state(job.id, row.account_id, then, remote_id=row.remote_id)
        else:
            # to hand over again it starts anew: Mastodon keeps an Idempotency-Key an hour
            # and answers its repeat with 404 "Record not found", and the recorded step is
            # the withdrawn post's
            store.renew_copy(job.id, row.account_id)
