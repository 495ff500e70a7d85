"""The publish job: the website first (its URL is the link back), then every network at once.

Each attempt is written down before it starts (`sending`) and after it ends, so a crash, a
quit or a lost connection resumes only what is unfinished, and nothing is posted twice.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from composer.core.accounts.account import Account, AccountKind
from composer.core.destinations.errors import HELD_FOR_REVIEW, NOT_REACHED, TRANSIENT, UNCLEAR
from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.outside_url import safe_link
from composer.core.publishing.destination import (
    Destination,
    Published,
    PublishRequest,
    Steps,
)
from composer.core.store.jobs import Job, JobDestination, JobPart, State
from composer.core.store.store import Store

if TYPE_CHECKING:
    from composer.core.accounts.accounts import Accounts

__all__ = ["Destination", "Job", "PublishRequest", "Published", "Publisher", "publisher_for"]

log = logging.getLogger(__name__)
BACKOFF_FIRST = 1.0  # seconds, doubled after each failure
BACKOFF_MOST = 300.0  # a longer wait is left to the next resume
OFFLINE_POLL = 30.0  # seconds between tries while the network is away


class AccountSource(Protocol):
    def get(self, account_id: str, /) -> Account | None: ...


class Publisher:
    def __init__(
        self,
        store: Store,
        destinations: Mapping[AccountKind, Destination] | Callable[[Account], Destination],
        accounts: AccountSource,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        max_attempts: int = 5,
        wait_offline: bool = False,
        on_offline: Callable[[bool], None] | None = None,
        on_written: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self._destinations = destinations
        self._accounts = accounts
        self._sleep = sleep
        self._clock = clock
        self.max_attempts = max_attempts
        # Offline (every server unreachable), keep trying instead of giving up: the job goes out
        # when the connection returns.
        self.wait_offline = wait_offline
        self._watch = _OfflineWatch(on_offline)
        # after each state the job's store records: the window follows these, it does not poll
        self._on_written = on_written or (lambda: None)

    @property
    def offline(self) -> bool:
        """True while every destination being sent found no server and waits to try again, and
        that is not one server down: the system said it has no network (`offline`), or
        several servers do not answer at once. One website down is not "offline"."""
        return self._watch.offline

    @property
    def unreachable(self) -> frozenset[str]:
        """The account ids whose server did not answer the last attempt (trying again)."""
        return self._watch.unreachable

    def publish(self, job_id: int, *, tell: bool = True) -> Job:
        """Send a new job. One already under way is resumed, never started over."""
        return self.resume(job_id, tell=tell)

    def retry(
        self, job_id: int, account_ids: Collection[str] | None = None, *, tell: bool = True
    ) -> Job:
        """Send again what failed, refusals too (the person fixed the cause), then resume.

        `account_ids` limits it to those, and may name copies whose outcome is `unknown`: only
        after the person has looked and found them missing (they would appear twice)."""
        for row in self.store.job(job_id).destinations:
            if _reopened(row, account_ids):
                self.store.set_destination_state(
                    job_id,
                    row.account_id,
                    "failed",
                    error_code=row.error_code,
                    error_details=row.error_details,
                    retryable=True,
                )
                self._on_written()
        return self.resume(job_id, tell=tell)

    def resume(self, job_id: int, *, tell: bool = True) -> Job:
        """Send what is unfinished: pending, failed retryably, or cut short while sending.

        Then the own site is told where the copies are (step 3). With `tell=False` the caller
        does that afterwards (`tell_the_site`): the window shows the result the moment every
        copy is out, and the site hears about them a round trip or two later."""
        self._watch.reset()
        job = self.store.job(job_id)
        if job.state in ("scheduled", "late", "cancelled"):
            return job  # it waits for its time or the person (core/scheduling moves it on)
        for row in job.destinations:
            if row.state == "sending":
                self._settle_interrupted(job, row)
        job = self.store.job(job_id)
        websites = [row for row in job.destinations if row.kind.is_own_site]
        networks = [row for row in job.destinations if not row.kind.is_own_site]
        # checked again: a job written by an older version may hold any address
        canonical = job.draft.link or safe_link(job.canonical_url)
        if job.draft.link:
            for row in websites:  # the page exists already: nothing to send to the site
                if row.state != "done":
                    self._write(job, row, "done", url=safe_link(job.draft.link))
        else:
            for row in websites:
                if _is_open(row):
                    self._deliver(job, row, None)
            job = self.store.job(job_id)
            if job.networks_wait:
                return job
            sites = [job.destination(row.account_id) for row in websites]
            if sites and not canonical:
                canonical = safe_link(sites[0].url)
                self.store.set_canonical_url(job_id, canonical)
        waiting = [row for row in networks if _is_open(row)]
        self._deliver_together(job, waiting, canonical)
        job = self.store.job(job_id)
        if tell and waiting and not job.draft.link:
            self._tell_the_site(job, websites)
        return job

    def tell_the_site(self, job_id: int) -> None:
        """Step 3 on its own, after `resume(tell=False)`; telling twice is harmless."""
        job = self.store.job(job_id)
        if not job.draft.link:
            self._tell_the_site(job, [row for row in job.destinations if row.kind.is_own_site])

    def _deliver_together(
        self, job: Job, rows: list[JobDestination], canonical: str | None
    ) -> None:
        """The networks in parallel: the whole takes as long as the slowest, not the sum."""
        if not rows:
            return
        with ThreadPoolExecutor(len(rows), thread_name_prefix="publish") as pool:
            for future in [pool.submit(self._deliver, job, row, canonical) for row in rows]:
                future.result()

    def _tell_the_site(self, job: Job, websites: list[JobDestination]) -> None:
        """Step 3: the site learns where the copies are ("also on Mastodon"): every copy online,
        at its address now, which the site takes as the whole list (a reposted copy's new
        address replaces its old one), so telling it again is harmless; failing to is not fatal."""
        copies = [
            (row.kind.value, row.url)
            for row in job.destinations
            if not row.kind.is_own_site and row.state == "done" and safe_link(row.url)
        ]
        for row in websites:
            found = self._resolve(row)
            if found is None:
                continue
            account, target = found
            page = job.destination(row.account_id)
            if not copies or not target.capabilities.is_own_site or not safe_link(page.url):
                continue
            try:
                target.tell(account, replace(page, url=safe_link(page.url)), copies)
            except CodedError as failure:
                log.warning("telling %s where the copies are failed: %s", row.account_id, failure)

    # -- inside ----------------------------------------------------------------------------

    def _settle_interrupted(self, job: Job, row: JobDestination) -> None:
        found = self._resolve(row)
        if found is not None and not found[1].capabilities.idempotent:
            # the post may be there already; only the person can look
            self._write(job, row, "unknown", error=CodedError("interrupted"))
        # otherwise it stays `sending` and goes out again with the same key

    def _deliver(self, job: Job, row: JobDestination, canonical: str | None) -> None:
        self._watch.begin(row.account_id)
        try:
            self._attempts(job, row, canonical)
        finally:
            self._watch.end(row.account_id)

    def _attempts(self, job: Job, row: JobDestination, canonical: str | None) -> None:
        found = self._resolve(row)
        if found is None:
            self._write(job, row, "failed", error=CodedError("account_missing"))
            return
        account, destination = found
        attempt, tries = row.attempts, 0
        while True:
            tries += 1
            attempt += 1
            self._write(job, row, "sending", count_attempt=True)
            draft = draft_for(job.draft, account)
            steps = _JobSteps(self.store, job.id, row.account_id, self._on_written)
            request = PublishRequest(draft, account, canonical, row.idempotency_key, attempt, steps)
            try:
                published = destination.publish(request)
            except CodedError as error:
                self._watch.outcome(row.account_id, error.code)
                if error.code in UNCLEAR and not destination.capabilities.idempotent:
                    self._write(job, row, "unknown", error=error)
                    return
                transient = error.code in TRANSIENT
                self._write(job, row, "failed", error=error, retryable=transient)
                log.info("%s attempt %d: %s", row.account_id, attempt, error)
                offline = self.wait_offline and error.code in NOT_REACHED
                if not transient or (tries >= self.max_attempts and not offline):
                    return
                delay = self._delay(error, tries)
                self._sleep(min(delay, OFFLINE_POLL) if offline else delay)
                continue
            except Exception as error:  # a bug: stop, and say whether the post may exist
                log.exception("publishing to %s failed", row.account_id)
                state: State = "failed" if destination.capabilities.idempotent else "unknown"
                self._write(job, row, state, error=CodedError("unexpected", _kind_of(error)))
                return
            self._watch.outcome(row.account_id, "")
            if published.held_for_review:
                # on the site, not published: kept with its id (delete trashes it); not done,
                # so the networks wait. Open: a resume reads the post back, published or not.
                held = CodedError(HELD_FOR_REVIEW)
                self._write(
                    job, row, "failed", error=held, retryable=True, remote_id=published.remote_id
                )
                return
            # Posted, whatever its address: kept with the remote id (delete needs it), and an
            # address that is not a safe link is stored as none, with a warning to show.
            url = safe_link(published.url)
            warning = CodedError("unsafe_url") if published.url and not url else None
            self._write(job, row, "done", remote_id=published.remote_id, url=url, error=warning)
            return

    def _resolve(self, row: JobDestination) -> tuple[Account, Destination] | None:
        return self.resolve(row.account_id)

    def steps(self, job_id: int, account_id: str) -> Steps:
        """Where a destination records what it sends for this copy: in the job's store."""
        return _JobSteps(self.store, job_id, account_id, self._on_written)

    def resolve(self, account_id: str) -> tuple[Account, Destination] | None:
        """The account and the destination that sends to it; None when the account is gone."""
        try:
            account = self._accounts.get(account_id)
        except CodedError as error:  # Accounts.get says not_found; a dict gives None
            if error.code != "not_found":
                raise
            account = None
        if account is None:
            return None
        if isinstance(self._destinations, Mapping):
            return account, self._destinations[account.kind]
        return account, self._destinations(account)

    def back_off(self, error: CodedError, tries: int) -> None:
        """Wait before trying again after `tries` failed attempts (the server's Retry-After
        or rate-limit reset counts): for other jobs that send, such as an edit."""
        self._sleep(self._delay(error, tries))

    def _delay(self, error: CodedError, tries: int) -> float:
        wanted: float = BACKOFF_FIRST * 2 ** (tries - 1)
        retry_after, reset = error.details.get("retry_after"), error.details.get("reset")
        if isinstance(retry_after, int | float):  # None when the server did not say
            wanted = max(wanted, float(retry_after))
        elif isinstance(reset, int | float):  # a Unix time, as X-RateLimit-Reset gives it
            wanted = max(wanted, float(reset) - self._clock())
        return min(wanted, BACKOFF_MOST)

    def _write(
        self,
        job: Job,
        row: JobDestination,
        state: State,
        *,
        error: CodedError | None = None,
        retryable: bool = False,
        count_attempt: bool = False,
        remote_id: str = "",
        url: str = "",
    ) -> None:
        self.store.set_destination_state(
            job.id,
            row.account_id,
            state,
            remote_id=remote_id,
            url=url,
            error_code=error.code if error else None,
            error_details=error.details if error else None,
            retryable=retryable,
            count_attempt=count_attempt,
        )
        self._on_written()


class _JobSteps:
    """A thread's parts as steps of the job (destination.Steps), in its store."""

    def __init__(
        self, store: Store, job_id: int, account_id: str, on_written: Callable[[], None]
    ) -> None:
        self._store, self._job_id, self._account_id = store, job_id, account_id
        self._on_written = on_written

    def recorded(self) -> Sequence[JobPart]:
        return self._store.job(self._job_id).destination(self._account_id).parts

    def sending(self, number: int, total: int, key: str, marker: str) -> None:
        self._store.part_sending(
            self._job_id, self._account_id, number, total=total, key=key, marker=marker
        )

    def sent(self, number: int, remote_id: str, url: str) -> None:
        self._store.part_done(
            self._job_id, self._account_id, number, remote_id=remote_id, url=safe_link(url)
        )
        self._on_written()  # "2 of 3 parts are online"

    def not_sent(self, number: int) -> None:
        self._store.part_not_sent(self._job_id, self._account_id, number)


class _OfflineWatch:
    """Which destinations are being sent and which of them found no server: from the
    publishing threads, read from any thread."""

    def __init__(self, on_change: Callable[[bool], None] | None) -> None:
        self._on_change = on_change
        self._lock = threading.Lock()
        self._active: set[str] = set()
        self._unreachable: set[str] = set()
        self._no_network: set[str] = set()  # their last attempt said: this computer is offline
        self.offline = False

    @property
    def unreachable(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self._unreachable)

    def reset(self) -> None:
        with self._lock:
            self._no_network.clear()

    def begin(self, account_id: str) -> None:
        with self._lock:
            self._active.add(account_id)
        self._update()

    def outcome(self, account_id: str, code: str) -> None:
        """After an attempt: its error code ("" when it worked). Did a server answer at all?"""
        with self._lock:
            self._unreachable.discard(account_id)
            self._no_network.discard(account_id)
            if code in NOT_REACHED:
                self._unreachable.add(account_id)
            if code == "offline":
                self._no_network.add(account_id)
        self._update()

    def end(self, account_id: str) -> None:
        with self._lock:
            self._active.discard(account_id)
            self._unreachable.discard(account_id)
            self._no_network.discard(account_id)
        self._update()

    def _update(self) -> None:
        with self._lock:
            waiting = self._active and self._active <= self._unreachable
            said = bool(self._no_network & self._active)
            offline = bool(waiting) and (said or len(self._unreachable) > 1)
            changed, self.offline = offline != self.offline, offline
        if changed and self._on_change is not None:
            self._on_change(offline)


def _is_open(row: JobDestination) -> bool:
    return row.state in ("pending", "sending") or (row.state == "failed" and row.retryable)


def _reopened(row: JobDestination, account_ids: Collection[str] | None) -> bool:
    """Whether `retry(job, account_ids)` sends this copy again (see Publisher.retry)."""
    named = account_ids is None or row.account_id in account_ids
    unknown = row.state == "unknown" and account_ids is not None
    return named and (row.state == "failed" or unknown)


def will_send(
    row: JobDestination, *, retry: bool, account_ids: Collection[str] | None = None
) -> bool:
    """Whether sending the job now (`retry` with `account_ids`, else `resume`) takes up this
    copy: for the window to say how many copies are on their way."""
    return _is_open(row) or (retry and _reopened(row, account_ids))


def publisher_for(store: Store, accounts: Accounts, **options: Any) -> Publisher:
    """A Publisher sending through each kind's own destination, made when first needed (see
    destinations.registry); `options` as Publisher takes them."""
    from composer.core.destinations.registry import destinations_for

    return Publisher(store, destinations_for(accounts), accounts, **options)


def _kind_of(error: Exception) -> dict[str, Any]:
    return {"type": type(error).__name__}


def draft_for(draft: Draft, account: Account) -> Draft:
    """The window keys "edit for this network only" by account (two Mastodon accounts may
    differ); a draft file keys it by network. Destinations read the network's key."""
    own = draft.overrides.get(account.id)
    if own is None:
        return draft
    return replace(draft, overrides={**draft.overrides, account.kind.value: own})
