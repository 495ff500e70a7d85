"""Scheduled statuses in the fake, as the servers hold them.

Mastodon (2.7+; app/services/post_status_service.rb, app/models/scheduled_status.rb,
Api::V1::ScheduledStatusesController, PublishScheduledStatusWorker): POST /api/v1/statuses
with `scheduled_at` validates the status, then holds it and answers a ScheduledStatus {id,
scheduled_at, params, media_attachments}; `params` keeps the fields with `idempotency` and
`scheduled_at` set to null (the key is not there to find it by). A time in the past
(`scheduled_in_the_past?`) is dropped: the status is published at once. A time no more than
5 minutes ahead (MINIMUM_OFFSET) is refused, 422 with the validation's text; so is a 26th
for one day (DAILY_LIMIT 25, the day of scheduled_at in UTC) or a 301st (TOTAL_LIMIT 300).
The Idempotency-Key is remembered for the held post's id, but a repeat within the hour is
looked up among the statuses (PostStatusService reads `scheduled_at` after the check):
404 "Record not found", whether the held post is still there or was withdrawn.
GET/DELETE /api/v1/scheduled_statuses/:id, 404 "Record not found" once it is gone; GET
/api/v1/scheduled_statuses lists the newest first (20 by default, 40 at most). When its time
comes the scheduled status is removed and a new status is made (a new id, created now).

GoToSocial 0.20+ (internal/processing/status/create.go, scheduledstatus.go): 5 minutes or
more ahead is held (limits 25 a day, 300 in all, answered 422 "Unprocessable Entity"); less
is 422 "Unprocessable Entity: scheduled_at must be at least 5 minutes in the future"; a past
time backdates the status (published at once with that created_at). Before 0.20 GoToSocial,
and Pixelfed, ignore `scheduled_at`: the status is published at once.

The fake's clock (FakeMastodon.clock, moved with `advance`) decides when a held status is
published: at the next request after its time, or when the clock is moved past it. It also
removes media left unattached for a day (MediaCleanupScheduler); a held status's media stay.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tests.support.fake_mastodon_oauth import answer

if TYPE_CHECKING:
    from tests.support.fake_mastodon import Answer, FakeMastodon, Recorded

MINIMUM_OFFSET = 300  # seconds
DAILY_LIMIT = 25
TOTAL_LIMIT = 300
_LISTED = (20, 40)
_GOTOSOCIAL_VERSION = re.compile(r"\+(\d+)\.(\d+)")


def honours(fake: FakeMastodon) -> bool:
    """Whether the fake's server holds a status with `scheduled_at` (else it ignores it)."""
    if fake.flavour == "mastodon":
        major, minor = (int(n) for n in fake.version.split(".")[:2])
        return (major, minor) >= (2, 7)
    if fake.flavour == "gotosocial":
        found = _GOTOSOCIAL_VERSION.search(fake.version)
        return found is not None and (int(found[1]), int(found[2])) >= (0, 20)
    return False


def _parsed(value: str) -> float | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def hold(fake: FakeMastodon, form: dict[str, list[str]], now: float) -> Answer | None:
    """The answer to a status with `scheduled_at`, when the server holds it or refuses the
    time; None when it is to be published now (no time, ignored, or in the past)."""
    said = (form.get("scheduled_at") or [""])[0]
    if not said or not honours(fake):
        return None
    when = _parsed(said)
    if when is None:
        return answer(422, {"error": "Validation failed: Scheduled at is invalid"})
    gotosocial = fake.flavour == "gotosocial"
    if when <= now:
        if gotosocial:  # backdated: published now, dated then
            from tests.support.fake_mastodon_api import make_status

            status = make_status(fake, form, now, created=when)
            return answer(200, _without_text(fake, status))
        return None  # Mastodon: scheduled_in_the_past? drops the time
    refused = _too_soon(gotosocial, when - now) or _over_limit(fake, gotosocial, when)
    if refused is not None:
        return refused
    media_ids = [m for m in form.get("media_ids", []) if m]
    held = {
        "id": str(len(fake.scheduled_ids) + 3221),
        "scheduled_at": fake.timestamp(when),
        "params": {
            "text": (form.get("status") or [""])[0],
            "poll": None,
            "media_ids": media_ids or None,
            "sensitive": (form.get("sensitive") or [None])[0],
            "visibility": (form.get("visibility") or [None])[0],
            "idempotency": None,
            "scheduled_at": None,
            "spoiler_text": (form.get("spoiler_text") or [None])[0],
            "application_id": 596551,
            "in_reply_to_id": (form.get("in_reply_to_id") or [None])[0],
            "language": (form.get("language") or [None])[0],
            "with_rate_limit": False,
        },
        "media_attachments": [
            {k: v for k, v in fake.media[m].items() if k not in ("mime", "bytes", "uploaded")}
            for m in media_ids
        ],
        "form": form,  # not in the answer: what it is published with
        "at": when,
    }
    fake.scheduled_ids.append(held["id"])
    fake.scheduled.append(held)
    return answer(200, shown_held(held))


def _too_soon(gotosocial: bool, ahead: float) -> Answer | None:
    """Mastodon refuses up to 5 minutes ahead (<=), GoToSocial less than 5 minutes (<)."""
    if ahead > MINIMUM_OFFSET or (gotosocial and ahead == MINIMUM_OFFSET):
        return None
    if gotosocial:
        said = "Unprocessable Entity: scheduled_at must be at least 5 minutes in the future"
        return answer(422, {"error": said})
    said = "Validation failed: Scheduled at The scheduled date must be in the future"
    return answer(422, {"error": said})


def _over_limit(fake: FakeMastodon, gotosocial: bool, when: float) -> Answer | None:
    """25 for the day of `when` (UTC), 300 in all."""
    day = datetime.fromtimestamp(when, UTC).date()
    same_day = [s for s in fake.scheduled if _day(s) == day]
    if len(same_day) < DAILY_LIMIT and len(fake.scheduled) < TOTAL_LIMIT:
        return None
    if gotosocial:
        return answer(422, {"error": "Unprocessable Entity"})
    if len(fake.scheduled) >= TOTAL_LIMIT:
        said = f"You have exceeded the limit of {TOTAL_LIMIT} scheduled posts"
    else:
        said = f"You have exceeded the limit of {DAILY_LIMIT} scheduled posts for today"
    return answer(422, {"error": f"Validation failed: {said}"})


def _day(held: dict[str, Any]) -> Any:
    return datetime.fromtimestamp(held["at"], UTC).date()


def _without_text(fake: FakeMastodon, status: dict[str, Any]) -> dict[str, Any]:
    from tests.support.fake_mastodon_api import shown

    return shown(fake, status)


def held(fake: FakeMastodon, held_id: str) -> dict[str, Any] | None:
    return next((s for s in fake.scheduled if s["id"] == held_id), None)


def shown_held(held: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in held.items() if k not in ("form", "at")}


MEDIA_KEPT = 24 * 3600  # MediaCleanupScheduler: unattached media older than a day go


def publish_due(fake: FakeMastodon) -> None:
    """Publish every held status whose time has come, and remove the media that a day
    after their upload belong to no status and no held one (call with the fake's lock)."""
    from tests.support.fake_mastodon_api import make_status

    now = fake.clock()
    used = {m["id"] for s in fake.statuses for m in s["media_attachments"]}
    used |= {m["id"] for s in fake.scheduled for m in s["media_attachments"]}
    for media_id, media in list(fake.media.items()):
        if media_id not in used and media["uploaded"] + MEDIA_KEPT <= now:
            del fake.media[media_id]
    for due in [s for s in fake.scheduled if s["at"] <= now]:
        fake.scheduled.remove(due)
        if due["id"] in fake.refuse_when_due:  # PublishScheduledStatusWorker's rescue
            continue
        make_status(fake, due["form"], now)


def scheduled_list(fake: FakeMastodon, req: Recorded, _m: Any) -> Answer:
    from tests.support.fake_mastodon_api import authorized

    _info, refusal = authorized(fake, req, "read:statuses")
    if refusal:
        return refusal
    default, most = _LISTED
    limit = min(int(req.query.get("limit") or default), most)
    newest = sorted(fake.scheduled, key=lambda s: int(s["id"]), reverse=True)
    return answer(200, [shown_held(s) for s in newest[:limit]])


def scheduled_one(fake: FakeMastodon, req: Recorded, match: Any) -> Answer:
    from tests.support.fake_mastodon_api import authorized

    _info, refusal = authorized(fake, req, "read:statuses")
    if refusal:
        return refusal
    found = held(fake, match.group(1))
    return answer(200, shown_held(found)) if found else answer(404, {"error": "Record not found"})


def scheduled_delete(fake: FakeMastodon, req: Recorded, match: Any) -> Answer:
    from tests.support.fake_mastodon_api import authorized

    _info, refusal = authorized(fake, req, "write:statuses")
    if refusal:
        return refusal
    found = held(fake, match.group(1))
    if found is None:
        return answer(404, {"error": "Record not found"})
    fake.scheduled.remove(found)
    return answer(200, {})


ROUTES = [
    ("GET", r"/api/v1/scheduled_statuses", scheduled_list),
    ("GET", r"/api/v1/scheduled_statuses/([^/]+)", scheduled_one),
    ("DELETE", r"/api/v1/scheduled_statuses/([^/]+)", scheduled_delete),
]
