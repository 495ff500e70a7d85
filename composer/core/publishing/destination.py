"""What the publish job asks of every destination (`Destination`), and what each declares it
can do (`Capabilities`): callers ask the capability, never the account's kind.

A method behind a capability a destination lacks is not called; should it be, the destination
raises `Unsupported` (a bug in the caller, which should have asked the capability).

Editing a published copy (`can_edit`): `update` changes the copy in place. The request's
`idempotency_key` is the edit's own key, made before its first attempt and the same on every
retry of that edit, so an attempt after an unclear one never applies the edit twice. A network
that cannot edit (Bluesky) may instead `repost` (`replaces_instead`): delete and post anew,
only on the person's explicit choice. Destinations that edit neither way inherit `NotEdited`.

Scheduling on the server (`schedules_on_server`: Mastodon, WordPress): `schedule` hands the
post to the server for its time, `unschedule` cancels it there, `settle_scheduled` tells,
after the time, whether the server has published it. Whether the server can hold *this* post
also depends on the account (a Mastodon-API server's software, a WordPress user's rights) and
the post (a thread): ask `server_holds(destination, request)`; what it says no to is held by
this computer. Destinations that never schedule inherit `HeldLocally`.

How a copy was received (`reception`) is read behind `can_count`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol

from composer.core.accounts.account import Account
from composer.core.drafts.draft import Draft
from composer.core.publishing.reception import Reception
from composer.core.store.jobs import JobDestination, JobPart

__all__ = [
    "Capabilities",
    "Copies",
    "Destination",
    "HeldLocally",
    "NotEdited",
    "PublishRequest",
    "Published",
    "Steps",
    "StepsInMemory",
    "Unsupported",
    "server_holds",
]

Copies = Sequence[tuple[str, str]]  # (network, url) of each copy, for the site to show


class Steps(Protocol):
    """Where a destination that posts a thread (several statuses) records each one, so that
    a crash or an unclear failure halfway leaves every part on record: the publish job
    writes them to its store before a part is sent and once it is answered."""

    def recorded(self) -> Sequence[JobPart]:
        """The parts on record, in order: `done` ones are online; a `sending` one may be."""
        ...

    def sending(self, number: int, total: int, key: str, marker: str) -> None: ...

    def sent(self, number: int, remote_id: str, url: str) -> None: ...

    def not_sent(self, number: int) -> None:
        """The server clearly refused the part: nothing of it is online."""
        ...


class StepsInMemory:
    """Steps kept in this object only: for a request outside a publish job."""

    def __init__(self) -> None:
        self.parts: dict[int, JobPart] = {}

    def recorded(self) -> Sequence[JobPart]:
        return [self.parts[number] for number in sorted(self.parts)]

    def sending(self, number: int, total: int, key: str, marker: str) -> None:
        self.parts[number] = JobPart(number, "sending", key, marker, started=datetime.now(UTC))

    def sent(self, number: int, remote_id: str, url: str) -> None:
        self.parts[number] = replace(self.parts[number], state="done", remote_id=remote_id, url=url)

    def not_sent(self, number: int) -> None:
        self.parts.pop(number, None)


@dataclass(frozen=True, slots=True)
class PublishRequest:
    draft: Draft
    account: Account
    canonical_url: str | None  # the website's page; None when sending to the website itself
    idempotency_key: str  # the same on every attempt, across crashes
    attempt: int  # from 1, counted over all runs: above 1, check what the last one left
    # each status of a thread, recorded as the job's step (see Steps)
    steps: Steps = field(default_factory=StepsInMemory, compare=False)


@dataclass(frozen=True, slots=True)
class Published:
    remote_id: str
    url: str
    # The own site took the post but holds it for review (a WordPress contributor's
    # `pending` post): it is not published, and nothing may link to it yet.
    held_for_review: bool = False
    # Asked to hold the post (schedule()), the server published it at once instead (its
    # clock was already past the time): the copy is online now, not held.
    published_now: bool = False


@dataclass(frozen=True, slots=True)
class Capabilities:
    # an attempt cut short may simply be made again (the server deduplicates by the key, or the
    # destination reads back first, and sends only what it does not find); False (Discord):
    # an unclear outcome is `unknown`
    idempotent: bool
    can_read_back: bool  # read_back() finds a copy an earlier attempt may have left
    needs_image: bool = False  # a message without a photo is refused (Pixelfed)
    # the organisation's own site: its page is the link back the networks wait for, and it is
    # told where the copies are (tell())
    is_own_site: bool = False
    can_edit: bool = False  # update() changes a published copy in place
    # the network cannot edit: repost() deletes the copy and posts the edit anew (losing its
    # likes and replies), only on the person's explicit choice (Bluesky)
    replaces_instead: bool = False
    # the server can hold a post until its time (schedule, unschedule, settle_scheduled):
    # Mastodon-API servers whose software does (see can_schedule), WordPress
    schedules_on_server: bool = False
    can_count: bool = False  # reception() reads a copy's replies, reposts and likes


class Destination(Protocol):
    @property
    def capabilities(self) -> Capabilities: ...

    def publish(self, request: PublishRequest) -> Published:
        """Raises CodedError: TRANSIENT codes are retried, any other is a rejection."""
        ...

    def read_back(self, request: PublishRequest) -> Published | None:
        """The copy an earlier attempt with this request's key left, or None when there is
        none. Only with `can_read_back`."""
        ...

    def delete(self, account: Account, copy: JobDestination) -> None:
        """Remove a published copy (its job row, with every part of a thread on record,
        also of one that failed partway); one already gone counts as deleted."""
        ...

    def tell(self, account: Account, page: JobDestination, copies: Copies) -> None:
        """Tell the site which copies link to its `page` (the job's row of the site's copy:
        its url and remote id). Only with `is_own_site`; telling it twice is harmless."""
        ...

    def can_schedule(self, request: PublishRequest) -> bool:
        """Whether this account's server can hold this post until its time: its software
        and the account's rights, and the post (a thread is held by this computer). Asks
        no server. False for a destination without `schedules_on_server`."""
        ...

    def schedule(self, request: PublishRequest, at: datetime) -> Published:
        """Hand the post (with its photos, uploaded now) to the server for `at` (an aware
        UTC datetime): remote_id is the server's id of the held post, url the link it will
        have where the server says so (WordPress), else "". Exactly once, as publish(): an
        attempt whose outcome was unclear is read back first (request.steps, attempt).
        PublishError `too_soon` (details: minutes) when `at` is nearer than the server
        allows (nothing is sent), `schedule_limit` when the server holds no more,
        `cannot_schedule` (reason) when this account or post cannot be held there. Only
        with `schedules_on_server`."""
        ...

    def unschedule(self, account: Account, copy: JobDestination) -> None:
        """Cancel the server's held post (the row schedule() was written to); one already
        gone counts as cancelled. A post the server has already published is left alone:
        settle_scheduled finds it. Only with `schedules_on_server`."""
        ...

    def settle_scheduled(self, account: Account, copy: JobDestination) -> Published | None:
        """After its time: the published copy (its remote id and url) once the server has
        published the held post, None while the server still holds it. PublishError
        `not_held` when the server holds it no more and did not publish it (cancelled on
        the server, or refused when its time came). Only with `schedules_on_server`."""
        ...

    def reception(self, account: Account, copy: JobDestination) -> Reception:
        """How the published copy (its job row) was received, read now. Only with
        `can_count`. Raises CodedError (publish codes) when it cannot be read."""
        ...

    def update(self, request: PublishRequest, copy: JobDestination) -> Published:
        """Change the published copy (its job row: remote id, url, parts) to request.draft,
        in place: the same address. Exactly once: request.idempotency_key is the edit's key
        and request.attempt counts its attempts. PublishError `cannot_edit` (reason) when this
        copy cannot be edited there (nothing is changed), `edit_refused` when the server
        refused the new content. Only with `can_edit`."""
        ...

    def repost(self, request: PublishRequest, copy: JobDestination) -> Published:
        """Delete the copy (every part) and post request.draft anew, exactly once under the
        edit's key: the new copy's id and url. Only with `replaces_instead`."""
        ...


class Unsupported(NotImplementedError):
    """Asked of a destination whose capabilities say it cannot: `Unsupported("tell")`."""


class HeldLocally:
    """The scheduling part of the protocol for a destination whose server cannot hold a
    post: this computer holds it (the OS task), and publishes it when its time comes."""

    def can_schedule(self, request: PublishRequest) -> bool:
        return False

    def schedule(self, request: PublishRequest, at: datetime) -> Published:
        raise Unsupported("schedule")

    def unschedule(self, account: Account, copy: JobDestination) -> None:
        raise Unsupported("unschedule")

    def settle_scheduled(self, account: Account, copy: JobDestination) -> Published | None:
        raise Unsupported("settle_scheduled")


class NotEdited:
    """The editing part of the protocol for a destination that cannot change a copy."""

    def update(self, request: PublishRequest, copy: JobDestination) -> Published:
        raise Unsupported("update")

    def repost(self, request: PublishRequest, copy: JobDestination) -> Published:
        raise Unsupported("repost")


def server_holds(destination: Destination, request: PublishRequest) -> bool:
    """Whether the destination's server will hold this post until its time (else this
    computer holds it): the capability, and what the account and the post allow."""
    return destination.capabilities.schedules_on_server and destination.can_schedule(request)
