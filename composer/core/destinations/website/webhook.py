"""Publishing on the organisation's own website: Standard Webhooks events, see docs/webhook.md.

The caller makes one event id per event, stores it before the first attempt and sends the
same id on every retry: the site keeps it and answers the same URL instead of posting twice.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from standardwebhooks import Webhook

import composer
from composer.core import net
from composer.core.destinations.errors import ConnectError, PublishError, publish_error, shared
from composer.core.destinations.http.requests_failures import transport_code
from composer.core.destinations.http.safe_http import SafeSession, json_object, limit_details
from composer.core.drafts.draft import Draft
from composer.core.images.probe import FittedImage
from composer.core.outside_url import safe_link

PUBLISHED, SYNDICATED, DELETED = "post.published", "post.syndicated", "post.deleted"
UPDATED = "post.updated"
TEST = "webhook.test"  # connecting checks the site: it answers 2xx and makes no page
LENGTH_SIGNATURE = "omroeper-length-signature"
_MESSAGE_CHARS = 200  # the site's own reason, shown to the person: keep it short


@dataclass(frozen=True, slots=True)
class WebhookAnswer:
    status: int
    url: str  # the canonical post URL; "" when an event other than post.published had none


def new_event_id() -> str:
    return "msg_" + secrets.token_urlsafe(18)


def edit_event_id(edit_key: str) -> str:
    """The `webhook-id` of an edit: derived from the edit's key, so every retry of that edit
    carries the same id (the site applies it once), and never equal to another event's id
    (not even the post.published id, should the edit's key be that one)."""
    digest = hashlib.sha256(f"{UPDATED}:{edit_key}".encode()).hexdigest()
    return "msg_" + digest[:32]


def _event(kind: str, event_id: str, data: dict[str, Any]) -> dict[str, Any]:
    stamp = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return {"type": kind, "id": event_id, "timestamp": stamp, "data": data}


def build_published(draft: Draft, images: Sequence[FittedImage], event_id: str) -> dict[str, Any]:
    """`images` are the draft's images fitted for the website, in the draft's order."""
    return _event(PUBLISHED, event_id, _post(draft, images))


def build_updated(
    draft: Draft, images: Sequence[FittedImage], url: str, event_id: str
) -> dict[str, Any]:
    """The page at `url` now says this: post.published's data plus the page's `url`."""
    return _event(UPDATED, event_id, _post(draft, images) | {"url": url})


def _post(draft: Draft, images: Sequence[FittedImage]) -> dict[str, Any]:
    return {
        "title": draft.title,
        "body": draft.website_body,
        "text": draft.text,
        "language": draft.language,
        "content_warning": draft.content_warning,
        "images": [
            {
                "data": base64.b64encode(fitted.data).decode("ascii"),
                "alt": "" if source.decorative else source.alt,
                "type": fitted.mime,
                "width": fitted.width,
                "height": fitted.height,
                "bytes": fitted.bytes,
                "decorative": source.decorative,
            }
            for source, fitted in zip(draft.images, images, strict=True)
        ],
    }


def build_syndicated(url: str, copies: Iterable[tuple[str, str]], event_id: str) -> dict[str, Any]:
    """`copies`: (network, url) pairs, e.g. ("mastodon", "https://mastodon.social/@a/1")."""
    data = {"url": url, "copies": [{"network": n, "url": u} for n, u in copies]}
    return _event(SYNDICATED, event_id, data)


def build_deleted(url: str, event_id: str) -> dict[str, Any]:
    return _event(DELETED, event_id, {"url": url})


def build_test(event_id: str) -> dict[str, Any]:
    return _event(TEST, event_id, {})


def signed_headers(
    secret: str, event_id: str, body: str, sent_at: datetime | None = None
) -> dict[str, str]:
    # Whole seconds: the header carries Unix seconds, and the signature must match it.
    stamp = datetime.fromtimestamp(int((sent_at or datetime.now(UTC)).timestamp()), UTC)
    seconds = str(int(stamp.timestamp()))
    return {
        "webhook-id": event_id,
        "webhook-timestamp": seconds,
        "webhook-signature": Webhook(secret).sign(event_id, stamp, body),
        LENGTH_SIGNATURE: length_signature(secret, event_id, seconds, len(body.encode())),
        "Content-Type": "application/json",
        "User-Agent": f"Omroeper/{composer.__version__}",
    }


def length_signature(secret: str, event_id: str, timestamp: str, length: int) -> str:
    """`v1,` + HMAC-SHA256 of `{id}.{timestamp}.{length}`: lets a site check the sender has the
    key before it reads a body of that many bytes (docs/webhook.md, "Large bodies")."""
    key = base64.b64decode(secret.strip().removeprefix("whsec_"))
    signed = f"{event_id}.{timestamp}.{length}".encode()
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def send(
    url: str,
    secret: str,
    payload: dict[str, Any],
    event_id: str,
    session: requests.Session | None = None,
    *,
    sent_at: datetime | None = None,
) -> WebhookAnswer:
    """POST one signed event; raises PublishError. A retry calls this again with the same id."""
    try:
        url = net.checked_url(url)
    except ConnectError as refused:
        raise PublishError(shared(refused.code), refused.details) from None
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    host = {"address": urlsplit(url).netloc}
    http = session or SafeSession()
    try:
        # No redirects (safe_http): requests would turn the POST into a GET and lose the body.
        answer = http.post(
            url,
            data=body.encode("utf-8"),
            headers=signed_headers(secret, event_id, body, sent_at),
            timeout=net.TIMEOUT,
        )
    except requests.RequestException as failure:
        raise publish_error(transport_code(failure), host | limit_details(failure)) from None
    return _answer(url, answer, needs_url=payload.get("type") == PUBLISHED)


def _answer(url: str, answer: requests.Response, *, needs_url: bool) -> WebhookAnswer:
    status = answer.status_code
    if status == 429:
        raise PublishError("rate_limited", {"retry_after": retry_after(answer)})
    if status >= 500:
        raise PublishError("server_error", {"status": status, "retry_after": retry_after(answer)})
    if status >= 400:
        raise PublishError("rejected", {"status": status, "message": _message(answer)})
    if status >= 300:
        raise PublishError("bad_answer", {"status": status})  # e.g. a moved webhook URL
    found = _post_url(url, answer)
    post_url = safe_link(found)
    if needs_url and not found:
        raise PublishError("bad_answer", {"status": status})
    if needs_url and not post_url:
        # The page is there, but its address cannot be the networks' link back (a newline
        # and a second text after it, javascript:…): the networks wait, nothing links to it.
        raise PublishError("unsafe_url", {"status": status})
    return WebhookAnswer(status=status, url=post_url)


def _post_url(url: str, answer: requests.Response) -> str:
    """The page's address as the site gave it (a Location may be relative): checked after."""
    found = json_object(answer).get("url") or answer.headers.get("Location") or ""
    if not isinstance(found, str) or not found:
        return ""
    try:
        return urljoin(url, found)
    except ValueError:  # e.g. a broken [IPv6] host
        return found


def _message(answer: requests.Response) -> str:
    found = json_object(answer)
    for key in ("error", "message", "detail"):
        if isinstance(message := found.get(key), str):
            return message[:_MESSAGE_CHARS]
    return ""


def retry_after(answer: requests.Response) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), else None."""
    value = answer.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
