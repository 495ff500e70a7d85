"""`publish --due`: send every scheduled job whose time has come, exactly once.

Each job is claimed in the database first (core/publishing/claim.py, a lock that expires):
of two runs at the same moment one sends it, the other passes it by; a run that crashed
leaves a claim that expires after CLAIM_FOR, and the next run resumes the job as the
Publisher resumes any (nothing that was sent is sent again).

Found after its time: within the grace period (Settings.schedule_grace_minutes) it is sent
and marked `sent_late` when more than ON_TIME late, so the person is told; later than that
it is not sent but `late`, and waits for the person ("send now or cancel"). A copy its
server holds was published by the server at its time: it is only read back (settled). A
copy that fails is not tried again by a later run: it waits for the person.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from composer.core.errors import CodedError
from composer.core.outside_url import safe_link
from composer.core.publishing.claim import claimed, run_owner
from composer.core.publishing.publisher import Publisher
from composer.core.scheduling.clock import Clock
from composer.core.scheduling.server import held_at
from composer.core.store.jobs import Job

GRACE = timedelta(hours=2)  # the default of Settings.schedule_grace_minutes
ON_TIME = timedelta(minutes=10)  # later than this is "sent late": the person is told


def send_due(
    publisher: Publisher,
    clock: Clock,
    *,
    grace: timedelta = GRACE,
    owner: str | None = None,
) -> list[Job]:
    """The jobs this run handled (sent, settled, or found late), each as it is now."""
    store = publisher.store
    owner = owner or run_owner()
    handled = []
    for job_id in store.due_jobs(clock.now()):
        now = clock.now()
        with claimed(store, job_id, now, owner) as got:
            if not got:
                continue  # another run has it
            job = _send(publisher, store.job(job_id), now, grace)
        if job is not None:
            handled.append(job)
    return handled


def _send(publisher: Publisher, job: Job, now: datetime, grace: timedelta) -> Job | None:
    store = publisher.store
    assert job.scheduled_at is not None
    overdue = now - job.scheduled_at
    if job.state == "scheduled":
        if overdue > grace:
            store.set_job_state(job.id, "late", was=("scheduled",))
            settle_server_copies(publisher, job.id)
            return store.job(job.id)
        store.start_scheduled(job.id, sent_late=overdue > ON_TIME)
    elif job.state != "open" or not _work_left(job):
        return None  # another run finished it since this one looked, or it waits for the person
    settle_server_copies(publisher, job.id)
    publisher.resume(job.id)
    store.stop_retrying(job.id)
    return store.job(job.id)


def _work_left(job: Job) -> bool:
    """Something of a started job a run can move on: a copy its server holds (to read back),
    one cut short while sending, one open and not waiting for a site that failed."""
    waiting = job.waiting_for_website()
    return any(
        row.state in ("scheduled", "sending")
        or (row.state == "pending" and row.account_id not in waiting)
        or (row.state == "failed" and row.retryable)
        for row in job.destinations
    )


def settle_server_copies(publisher: Publisher, job_id: int) -> None:
    """Read back each copy its server holds: `done` once published, still `scheduled`
    while held; a failure is kept (not retried) for the person."""
    store = publisher.store
    for row in store.job(job_id).destinations:
        if row.state != "scheduled" or row.held_by != "server":
            continue
        if not row.remote_id:
            # never handed over, or cut short while it was: the server may hold it or not;
            # sending it from here could make it twice, so the person looks
            store.set_destination_state(job_id, row.account_id, "failed", error_code="interrupted")
            continue
        found = held_at(publisher, row.account_id)
        if found is None:
            missing = "account_missing"
            store.set_destination_state(job_id, row.account_id, "failed", error_code=missing)
            continue
        try:
            published = found[1].settle_scheduled(found[0], row)
        except CodedError as error:
            # not_held: the server will not publish it (cancelled there, or refused at its
            # time): the person decides; anything else (offline…) is read again next run
            store.set_destination_state(
                job_id,
                row.account_id,
                "failed" if error.code == "not_held" else "scheduled",
                remote_id=row.remote_id,
                url=row.url,
                error_code=error.code,
                error_details=error.details,
            )
            continue
        if published is not None:
            store.set_destination_state(
                job_id,
                row.account_id,
                "done",
                remote_id=published.remote_id or row.remote_id,
                url=safe_link(published.url),
            )
