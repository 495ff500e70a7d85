"""Editing a published message everywhere: an edit is a step of the job (core/store/edits.py),
sent as the publish job sends, the own site first (its page keeps its address), then every
network at once.

Exactly once: each copy's edit carries the key made when the edit was created, on every
attempt and across crashes. A copy already edited is never sent again; one left `sending`
(the process died, or the answer went missing) is sent again with the same key, which every
destination's `update` deduplicates and Bluesky's `repost` reads back by keys derived from it.
Bluesky cannot edit: its copy is left `unchanged` (code `edit_needs_repost`) unless the
person chose to repost it, which deletes the old post and posts the edit anew; its new
address replaces the old one and the own site is told (`post.syndicated`).

One run at a time: `apply` holds the job's claim (claim.py, the lock `publish --due` takes)
while it sends, so two runs on one profile (the window and the command line, two commands)
never send an edit side by side; the one that finds it held sends nothing (`edit_busy`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from composer.core.destinations.errors import TRANSIENT, UNCLEAR
from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.outside_url import safe_link
from composer.core.publishing.claim import held
from composer.core.publishing.destination import Destination, Published, PublishRequest
from composer.core.publishing.publisher import Publisher, draft_for
from composer.core.store.edits import Edit, EditCopy, EditState
from composer.core.store.jobs import Job, JobDestination

__all__ = ["BUSY", "NEEDS_REPOST", "PAGE_NOT_OURS", "Editor", "start_edit"]

log = logging.getLogger(__name__)
NEEDS_REPOST = "edit_needs_repost"  # left unchanged: only a repost would change it (Bluesky)
PAGE_NOT_OURS = "page_not_ours"  # left unchanged: the own site's page was not made by Omroeper
BUSY = "edit_busy"  # {job}: another run holds the job (an edit, `publish --due`): nothing sent
# an edit is the same on every attempt (the key): an unclear outcome is simply tried again
_AGAIN = TRANSIENT | UNCLEAR


def start_edit(publisher: Publisher, job_id: int, draft: Draft) -> int:
    """The edit of this job to `draft`, its number: a new one, or the job's latest when it
    has this very draft (asked again after an unclear failure: finished under its keys).
    CodedError `not_published` when nothing of the job is online (scheduled, cancelled,
    deleted, or never sent); StoreError `not_found` for an unknown job. Nothing is sent."""
    job = publisher.store.job(job_id)
    if not editable(job):
        raise CodedError("not_published", {"job": job_id, "state": job.state})
    return publisher.store.create_edit(job_id, draft, same_as_last=True)


def editable(job: Job) -> bool:
    """A published job with a copy online (and not deleted) can be edited."""
    if job.state in ("scheduled", "late", "cancelled"):
        return False
    return bool(job.copies_online())


class Editor:
    """Sends an edit through the publisher's destinations, store and backoff."""

    def __init__(
        self, publisher: Publisher, *, on_written: Callable[[], None] | None = None
    ) -> None:
        self.publisher = publisher
        self.store = publisher.store
        self._on_written = on_written or (lambda: None)
        self.number: int | None = None  # the edit being sent, once known

    def edit(self, job_id: int, draft: Draft, *, repost_bluesky: bool = False) -> Edit:
        """Change the job to `draft` everywhere: the edit made (or the same one found again,
        see start_edit) and sent under the job's claim, so a run refused as busy leaves no
        edit behind for a later start to send."""
        with held(self.store, job_id, BUSY):
            self.number = start_edit(self.publisher, job_id, draft)
            return self._apply(job_id, self.number, repost_bluesky)

    def apply(self, job_id: int, number: int, *, repost_bluesky: bool = False) -> Edit:
        """Send what is unfinished of the edit; `repost_bluesky` also takes up the copies
        left unchanged because only a repost changes them. CodedError `edit_busy` when
        another run holds the job: nothing is sent or written."""
        with held(self.store, job_id, BUSY):
            self.number = number
            return self._apply(job_id, number, repost_bluesky)

    # -- inside ----------------------------------------------------------------------------

    def _apply(self, job_id: int, number: int, repost_bluesky: bool) -> Edit:
        edit = self.store.edit(job_id, number)
        if repost_bluesky:
            for copy in edit.copies:
                if copy.state == "unchanged" and copy.error_code == NEEDS_REPOST:
                    self._write(edit, copy, "pending")
            edit = self.store.edit(job_id, number)
        job = self.store.job(job_id)
        canonical = safe_link(edit.draft.link) or safe_link(job.canonical_url)
        open_copies = [copy for copy in edit.copies if copy.open]
        sites = [copy for copy in open_copies if copy.kind.is_own_site]
        networks = [copy for copy in open_copies if not copy.kind.is_own_site]
        for copy in sites:
            self._edit_copy(job, edit, copy, None, repost_bluesky)
        reposted = False
        if networks:
            with ThreadPoolExecutor(len(networks), thread_name_prefix="edit") as pool:
                futures = [
                    pool.submit(self._edit_copy, job, edit, copy, canonical, repost_bluesky)
                    for copy in networks
                ]
                results = [future.result() for future in futures]  # each, to its end
                reposted = any(results)
        if reposted:  # the site links to the copy's new address
            self.publisher.tell_the_site(job_id)
        return self.store.edit(job_id, number)

    def _edit_copy(
        self, job: Job, edit: Edit, copy: EditCopy, canonical: str | None, repost: bool
    ) -> bool:
        """Edit one copy; True when it was posted anew (its address changed)."""
        found = self.publisher.resolve(copy.account_id)
        if found is None:
            self._write(edit, copy, "failed", error=CodedError("account_missing"))
            return False
        account, destination = found
        row = job.destination(copy.account_id)
        how = self._how(edit, copy, row, destination, repost)
        if how is None:
            return False
        send, reposting = how
        attempt, tries = copy.attempts, 0
        while True:
            tries += 1
            attempt += 1
            self._write(edit, copy, "sending", count_attempt=True)
            draft = draft_for(edit.draft, account)
            request = PublishRequest(draft, account, canonical, copy.idempotency_key, attempt)
            try:
                published = send(request, row)
            except CodedError as error:
                again = error.code in _AGAIN
                self._write(edit, copy, "failed", error=error, retryable=again)
                log.info("edit of %s, attempt %d: %s", copy.account_id, attempt, error)
                if not again or tries >= self.publisher.max_attempts:
                    return False
                self.publisher.back_off(error, tries)
                continue
            except Exception as error:  # a bug: stop; the edit may be tried again later
                log.exception("editing %s failed", copy.account_id)
                unexpected = CodedError("unexpected", {"type": type(error).__name__})
                self._write(edit, copy, "failed", error=unexpected, retryable=True)
                return False
            url = safe_link(published.url)
            new_id = published.remote_id if reposting else None
            self._write(edit, copy, "done", url=url, remote_id=new_id)
            return reposting

    def _how(
        self,
        edit: Edit,
        copy: EditCopy,
        row: JobDestination,
        destination: Destination,
        repost: bool,
    ) -> tuple[Callable[[PublishRequest, JobDestination], Published], bool] | None:
        """How this copy is edited (and whether that posts it anew); None, written down,
        when it is not: left unchanged, or failed because it cannot be."""
        capabilities = destination.capabilities
        if capabilities.is_own_site and not row.remote_id:
            # the message linked to a page that existed already: not Omroeper's to change
            self._write(edit, copy, "unchanged", error=CodedError(PAGE_NOT_OURS))
            return None
        if capabilities.can_edit:
            return destination.update, False
        # a repost once begun (an attempt counted) is finished, chosen again or not: else the
        # new post could stay online beside the old one
        if capabilities.replaces_instead and (repost or copy.attempts):
            return destination.repost, True
        if capabilities.replaces_instead:
            self._write(edit, copy, "unchanged", error=CodedError(NEEDS_REPOST))
        else:
            self._write(edit, copy, "failed", error=CodedError("cannot_edit"))
        return None

    def _write(
        self,
        edit: Edit,
        copy: EditCopy,
        state: EditState,
        *,
        error: CodedError | None = None,
        retryable: bool = False,
        count_attempt: bool = False,
        url: str = "",
        remote_id: str | None = None,
    ) -> None:
        self.store.set_edit_state(
            edit.job_id,
            edit.number,
            copy.account_id,
            state,
            url=url,
            error_code=error.code if error else None,
            error_details=error.details if error else None,
            retryable=retryable,
            count_attempt=count_attempt,
            remote_id=remote_id,
        )
        self._on_written()
