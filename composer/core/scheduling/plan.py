"""Making a scheduled job: who holds each copy, then the server-held copies handed to their
servers, own site first (its address is the networks' link back), networks after."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from composer.core.destinations.errors import UNCLEAR
from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.outside_url import safe_link
from composer.core.publishing.destination import Capabilities, PublishRequest, server_holds
from composer.core.publishing.publisher import Publisher, draft_for
from composer.core.scheduling.holders import held_by
from composer.core.scheduling.server import held_at
from composer.core.scheduling.times import ScheduledTime
from composer.core.store.jobs import HeldBy, Job, JobDestination
from composer.core.store.rows import stamp
from composer.core.store.schedules import Schedule


def schedule_job(
    publisher: Publisher,
    draft: Draft,
    account_ids: Sequence[str],
    when: ScheduledTime,
    *,
    draft_id: int | None = None,
) -> Job:
    """A job that waits until `when`; the copies their servers hold are scheduled there now.
    A copy its server clearly refuses to hold (too soon for it, say) is held by this
    computer instead; one whose outcome is unclear (the server may hold it) is `failed`,
    not retried: it waits for the person, never sent twice."""
    store = publisher.store
    ids = list(dict.fromkeys(account_ids))
    schedule = Schedule(stamp(when.at), when.zone, who_holds(publisher, draft, ids))
    job_id = store.create_job(draft, ids, draft_id, schedule=schedule)
    hand_to_servers(publisher, job_id)
    return store.job(job_id)


def who_holds(publisher: Publisher, draft: Draft, account_ids: Sequence[str]) -> dict[str, HeldBy]:
    """Who would hold each copy of `draft` until its time (the confirmation says so): its
    server where the destination, the account (its server's software, its rights) and the
    post (a thread is not held there) allow it and the link back is known; else this computer."""
    capabilities: dict[str, Capabilities | None] = {}
    for account_id in dict.fromkeys(account_ids):
        found = publisher.resolve(account_id)
        if found is None:
            capabilities[account_id] = None
            continue
        account, destination = found
        request = PublishRequest(draft_for(draft, account), account, None, "", 1)
        holds = server_holds(destination, request)
        capabilities[account_id] = replace(destination.capabilities, schedules_on_server=holds)
    return held_by(capabilities, own_link=bool(draft.link))


def hand_to_servers(publisher: Publisher, job_id: int) -> None:
    """Schedule every server-held copy still to hand over: own sites first; a network only
    with its link back, else this computer holds it after all."""
    store = publisher.store
    job = store.job(job_id)
    assert job.scheduled_at is not None
    sites = [row for row in job.destinations if row.kind.is_own_site]
    for row in sites:
        if _to_hand_over(row):
            _hand_over(publisher, job, row, None)
    job = store.job(job_id)
    canonical = job.draft.link or _site_link(job)
    if canonical and not job.draft.link:
        store.set_canonical_url(job_id, canonical)
    for row in job.destinations:
        if row.kind.is_own_site or not _to_hand_over(row):
            continue
        if sites and not canonical:
            store.hold(job_id, row.account_id, "computer")  # no link back to give it
            continue
        _hand_over(publisher, job, row, canonical or None)


def _to_hand_over(row: JobDestination) -> bool:
    return row.state == "scheduled" and row.held_by == "server" and not row.remote_id


def _site_link(job: Job) -> str:
    """The own sites' scheduled address, when every one of them has one."""
    links = [safe_link(row.url) for row in job.destinations if row.kind.is_own_site]
    return links[0] if links and all(links) else ""


def _hand_over(publisher: Publisher, job: Job, row: JobDestination, canonical: str | None) -> None:
    store = publisher.store
    found = held_at(publisher, row.account_id)
    if found is None or job.scheduled_at is None:
        store.hold(job.id, row.account_id, "computer")
        return
    account, server = found
    request = PublishRequest(
        draft_for(job.draft, account),
        account,
        canonical,
        row.idempotency_key,
        row.attempts + 1,
        publisher.steps(job.id, row.account_id),  # Mastodon records the held post's marker
    )
    try:
        published = server.schedule(request, job.scheduled_at)
    except CodedError as error:
        unclear = error.code in UNCLEAR
        if not unclear:  # nothing is on the server: this computer sends it at its time
            store.hold(job.id, row.account_id, "computer")
        store.set_destination_state(
            job.id,
            row.account_id,
            "failed" if unclear else "scheduled",
            error_code=error.code,
            error_details=error.details,
            count_attempt=True,
        )
        return
    store.set_destination_state(
        job.id,
        row.account_id,
        # the server's clock was past the time already: it published the post at once
        "done" if published.published_now else "scheduled",
        remote_id=published.remote_id,
        url=safe_link(published.url),
        count_attempt=True,
    )
