"""Reading how a published message was received: each copy's replies, reposts and likes from
its network, where its destination can count them (Capabilities.can_count), each new reading
kept in the store so the history can show the last figures offline.

Blocking network calls: run it off the window's thread (the history does, when it opens and
on demand, never at start-up)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from composer.core.accounts.account import Account, AccountKind
from composer.core.errors import CodedError
from composer.core.publishing.destination import Destination
from composer.core.publishing.reception import Reception
from composer.core.store.jobs import Job, JobDestination
from composer.core.store.store import Store

if TYPE_CHECKING:
    from composer.core.accounts.accounts import Accounts

__all__ = ["countable", "read_receptions"]

Destinations = Mapping[AccountKind, Destination] | Callable[[Account], Destination]


def countable(job: Job) -> list[JobDestination]:
    """The copies that are online (published, not deleted) with an address to count."""
    return job.copies_online()


def read_receptions(
    store: Store, accounts: Accounts, job_id: int, destinations: Destinations | None = None
) -> dict[str, Reception | CodedError]:
    """Per account id: the figures just read (and saved), or why they could not be read.
    A copy whose destination cannot count is left out. `destinations` as the Publisher
    takes them (default: the registry's). Raises StoreError for an unknown job."""
    if destinations is None:
        from composer.core.destinations.registry import destinations_for

        destinations = destinations_for(accounts)
    found: dict[str, Reception | CodedError] = {}
    for row in countable(store.job(job_id)):
        try:
            account = accounts.get(row.account_id)
            if isinstance(destinations, Mapping):
                destination = destinations[account.kind]
            else:
                destination = destinations(account)
            if not destination.capabilities.can_count:
                continue
            seen = destination.reception(account, row)
        except CodedError as failure:  # PublishError, and CredentialError, StoreError too
            found[row.account_id] = failure
            continue
        store.save_reception(job_id, row.account_id, seen)
        found[row.account_id] = seen
    return found
