"""A post the server holds until its time (POST /api/v1/statuses with `scheduled_at`): how
its answer and its refusals read, for publish.MastodonDestination.schedule.

Mastodon 2.7+ and GoToSocial 0.20+ answer a ScheduledStatus {id, scheduled_at, params,
media_attachments}; `params.text` is the text as sent (its key is not kept: Mastodon sets
`params.idempotency` to null, so a held post is found again by its text). A server that
ignores `scheduled_at` (GoToSocial before 0.20, Pixelfed) or whose clock is already past
the time (Mastodon publishes a time in the past at once) answers a Status instead: that
one is online now. Both servers refuse a time less than 5 minutes ahead and hold at most
25 posts a day and 300 in all per account (422).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import regex

from composer.core.destinations.errors import PublishError

MINIMUM_AHEAD = timedelta(minutes=5)  # the servers' own minimum
# what this computer asks more, for its clock against the server's and the time on the way
CLOCK_SLACK = timedelta(minutes=1)
ASK_AHEAD = MINIMUM_AHEAD + CLOCK_SLACK  # what schedule() asks: too_soon says it in minutes
ASK_MINUTES = int(ASK_AHEAD.total_seconds()) // 60
LIST_LIMIT = 40  # GET /api/v1/scheduled_statuses: at most 40 a page (Mastodon)
DAILY_LIMIT, TOTAL_LIMIT = 25, 300
_ID = regex.compile(r"[A-Za-z0-9]{1,64}")
# Mastodon: "You have exceeded the limit of 25 scheduled posts for today"; GoToSocial says
# only "Unprocessable Entity" for its limits.
_LIMIT = regex.compile(r"\blimit\b", regex.IGNORECASE)
# Mastodon: "Scheduled at The scheduled date must be in the future"; GoToSocial:
# "scheduled_at must be at least 5 minutes in the future".
_TOO_SOON = regex.compile(r"scheduled.{0,40}future", regex.IGNORECASE | regex.DOTALL)


def is_held(answer: Any) -> bool:
    """Whether the answer is a ScheduledStatus (held), not a Status (published now)."""
    return (
        isinstance(answer, dict)
        and answer.get("scheduled_at") is not None
        and isinstance(answer.get("params"), dict)
        and not answer.get("uri")
        and not answer.get("content")
    )


def held_id(answer: dict[str, Any]) -> str:
    """The held post's id, checked: it goes into a URL path later."""
    said = str(answer.get("id") or "")
    if not _ID.fullmatch(said):
        raise PublishError("bad_answer", {"status": 200})
    return said


def checked_id(remote_id: str) -> str:
    """A held post's id from the job's row, checked before it goes into a URL path."""
    if not _ID.fullmatch(remote_id):
        raise PublishError("bad_answer", {"status": 0})
    return remote_id


def held_text(held: Any) -> str:
    params = held.get("params") if isinstance(held, dict) else None
    text = params.get("text") if isinstance(params, dict) else None
    return text if isinstance(text, str) else ""


def pictures_of(held: Any) -> int:
    media = held.get("media_attachments") if isinstance(held, dict) else None
    return len(media) if isinstance(media, list) else 0


def refusal(error: PublishError) -> PublishError:
    """A 422 to a post with `scheduled_at` as scheduling names it: the time too near (the
    server's clock is ahead of this one), or the server's limit reached."""
    message = str(error.details.get("message") or "")
    if error.code != "rejected" or error.details.get("status") != 422:
        return error
    address = {"address": error.details["address"]} if "address" in error.details else {}
    if _LIMIT.search(message):
        return PublishError("schedule_limit", address | {"limit": DAILY_LIMIT})
    if _TOO_SOON.search(message):
        return PublishError("too_soon", address | {"minutes": ASK_MINUTES})
    return error
