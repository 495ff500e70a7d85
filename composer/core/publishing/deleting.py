"""Delete everywhere: remove a published message from every destination, the website last (so
the copies never point at a page that is already gone). Each removal is recorded at once, so a
second run only tries what is still online."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from composer.core.accounts.account import AccountKind
from composer.core.errors import CodedError
from composer.core.store.jobs import Job, JobDestination
from composer.core.store.store import Store

if TYPE_CHECKING:
    from composer.core.accounts.accounts import Accounts

__all__ = ["Deleted", "deletable", "delete_everywhere"]

Remover = Callable[[JobDestination], None]


@dataclass(frozen=True, slots=True)
class Deleted:
    """One destination's result: removed (also when it was gone already), or why not."""

    account_id: str
    kind: AccountKind
    error: CodedError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def deletable(job: Job) -> list[JobDestination]:
    """The copies Omroeper published, also a thread that failed partway (its parts online),
    the website last. A page that existed before (the draft's own link) is not Omroeper's
    to remove."""
    rows = [
        row
        for row in job.destinations
        # a post held for review is on the site too, though never published
        if (row.online or (row.held_for_review and row.remote_id))
        and not (row.kind.is_own_site and job.draft.link)
    ]
    return sorted(rows, key=lambda row: row.kind.is_own_site)


def delete_everywhere(
    store: Store, accounts: Accounts, job_id: int, *, remove: Remover | None = None
) -> dict[str, Deleted]:
    """Blocking network calls: run it off the window's thread. Raises StoreError (not_found)
    for an unknown job; a copy that cannot be removed is a result, not an exception."""
    if remove is None:
        from composer.core.destinations.registry import delete_published

        def remove(row: JobDestination) -> None:
            delete_published(accounts, row)

    results: dict[str, Deleted] = {}
    for row in deletable(store.job(job_id)):
        if row.deleted is None:
            try:
                remove(row)
            except CodedError as failure:  # StoreError, CredentialError and PublishError too
                results[row.account_id] = Deleted(row.account_id, row.kind, failure)
                continue
            store.mark_deleted(job_id, row.account_id)
        results[row.account_id] = Deleted(row.account_id, row.kind)
    return results
