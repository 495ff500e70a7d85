"""Reading how a published message was received: each copy's replies, reposts and likes from
its network, where its destination can count them (Capabilities.can_count), each new reading
kept in the store so the history can show the last figures offline.

Blocking network calls: run it off the window's thread (the history does, when it opens and
on demand, never at start-up)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from composer.core.errors import CodedError
from composer.core.publishing.reception import Reception
from composer.core.store.jobs import Job, JobDestination
from composer.core.store.store import Store

if TYPE_CHECKING:
    from composer.core.accounts.accounts import Accounts

__all__ = ["countable", "read_receptions"]

Reader = Callable[[JobDestination], Reception]


def countable(job: Job) -> list[JobDestination]:
    """The copies that are online (published, not deleted) with an address to count."""
    return [row for row in job.destinations if row.state == "done" and row.deleted is None]


def read_receptions(
    store: Store, accounts: Accounts, job_id: int, *, read: Reader | None = None
) -> dict[str, Reception | CodedError]:
    """Per account id: the figures just read (and saved), or why they could not be read.
    A copy whose network cannot count is left out. Raises StoreError for an unknown job."""
    if read is None:
        from composer.core.destinations.registry import can_count, reception_of

        def read(row: JobDestination) -> Reception:
            return reception_of(accounts, row)

        def counts(row: JobDestination) -> bool:
            return can_count(row.kind, accounts)

    else:  # the caller's reader counts every copy it is given

        def counts(row: JobDestination) -> bool:
            return True

    found: dict[str, Reception | CodedError] = {}
    for row in countable(store.job(job_id)):
        if not counts(row):
            continue
        try:
            seen = read(row)
        except CodedError as failure:  # PublishError, and CredentialError, StoreError too
            found[row.account_id] = failure
            continue
        store.save_reception(job_id, row.account_id, seen)
        found[row.account_id] = seen
    return found
