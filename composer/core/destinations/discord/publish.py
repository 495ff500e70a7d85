"""Publishing through a Discord channel webhook: `?wait=true`, images as attachments.

Discord has no idempotency key. Whenever the message may have been taken (the connection
dropped after sending, a timeout waiting for the answer, a 5xx), the failure is reported with
an unclear code and the publish job marks it `unknown`: the person checks the channel, nothing
is resent blindly. Only a failure before anything was sent (`unreachable`) is safe to retry.

An edit (`update`) is different: PATCH of the message replaces its text and its list of
attachments, so the same edit twice leaves the same message. Each attempt first reads the
message as it is, keeps every attachment that already is the photo it should be (same file
name, size and description: also one an unclear earlier attempt uploaded) and uploads only
the others: a retry after a lost answer applies nothing a second time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import requests

from composer.core import net
from composer.core.accounts.account import Account
from composer.core.analysis.analysis import network_text
from composer.core.destinations.discord.connect import checked_webhook
from composer.core.destinations.errors import ConnectError, PublishError, publish_error, shared
from composer.core.destinations.http.requests_failures import transport_code
from composer.core.destinations.http.safe_http import SafeSession, limit_details
from composer.core.destinations.website.webhook import retry_after
from composer.core.images.fit import fit_image
from composer.core.images.probe import ImageError
from composer.core.publishing.destination import (
    Capabilities,
    Copies,
    HeldLocally,
    NotEdited,
    Published,
    PublishRequest,
    Unsupported,
)
from composer.core.publishing.reception import Reception
from composer.core.store.jobs import JobDestination

SecretLookup = Callable[[str], Mapping[str, str]]
MAX_CONTENT = 2_000  # UTF-16 code units
MAX_DESCRIPTION = 1_024  # UTF-16 code units
_MESSAGE_CHARS = 200


class DiscordDestination(HeldLocally, NotEdited):
    # no idempotency key, and a message whose answer was lost cannot be found: the webhook
    # reads a message only by the id that answer held. An edit is safe to retry (see above).
    capabilities = Capabilities(idempotent=False, can_read_back=False, can_edit=True)

    def __init__(self, secret_lookup: SecretLookup, session: requests.Session | None = None):
        self._secret_lookup = secret_lookup
        self._session = session

    def publish(self, request: PublishRequest) -> Published:
        account = request.account
        url = self._webhook(account)
        content, photos = _message(request)
        files = [photo.file(number) for number, photo in enumerate(photos)]
        attachments = [photo.attachment(number) for number, photo in enumerate(photos)]
        answer = self._call(
            "post", url, params={"wait": "true"}, **_body(content, files, attachments)
        )
        try:
            message = answer.json()
            message_id = str(message["id"])
        except (ValueError, KeyError, TypeError):
            raise PublishError("bad_answer", {"status": answer.status_code}) from None
        channel = str(message.get("channel_id") or account.settings.get("channel_id") or "")
        guild = str(account.settings.get("guild_id") or message.get("guild_id") or "")
        link = f"https://discord.com/channels/{guild}/{channel}/{message_id}" if guild else ""
        return Published(remote_id=message_id, url=link)

    def update(self, request: PublishRequest, copy: JobDestination) -> Published:
        """PATCH the message: its text, the attachments that stay (by their ids), new files
        for the photos that changed. The link stays the same."""
        url = f"{self._webhook(request.account)}/messages/{copy.remote_id}"
        content, photos = _message(request)
        said, found = self._found(url)
        free = list(found)
        files, attachments = [], []
        for number, photo in enumerate(photos):
            same = next((old for old in free if photo.is_(old)), None)
            if same is not None:
                free.remove(same)
                attachments.append({"id": same["id"]})
            else:
                files.append(photo.file(number))
                attachments.append(photo.attachment(number))
        if said == content and not files and not free:
            # already so: an earlier attempt of this edit got through (its answer was lost,
            # or the process stopped before writing it down); a second PATCH is a second edit
            return Published(remote_id=copy.remote_id, url=copy.url)
        payload = _body(content, files, attachments, always=True)
        self._call("patch", url, **payload)
        return Published(remote_id=copy.remote_id, url=copy.url)

    def read_back(self, request: PublishRequest) -> Published | None:
        raise Unsupported("read_back")

    def tell(self, account: Account, page: JobDestination, copies: Copies) -> None:
        raise Unsupported("tell")

    def reception(self, account: Account, copy: JobDestination) -> Reception:
        raise Unsupported("reception")

    def delete(self, account: Account, copy: JobDestination) -> None:
        """Remove the copy's message; a message already gone counts as deleted."""
        url = f"{self._webhook(account)}/messages/{copy.remote_id}"
        try:
            self._call("delete", url)
        except PublishError as failure:
            if failure.code != "rejected" or failure.details.get("status") != 404:
                raise

    # -- inside ----------------------------------------------------------------------------

    def _found(self, url: str) -> tuple[str, list[dict[str, Any]]]:
        """The message's text and attachments as they are now; `cannot_edit` (gone) when it
        is not."""
        try:
            answer = self._call("get", url)
        except PublishError as failure:
            if failure.code == "rejected" and failure.details.get("status") == 404:
                raise PublishError("cannot_edit", {"reason": "gone"}) from None
            raise
        try:
            message = answer.json()
            attachments = message["attachments"]
            said = message.get("content")
            kept = [dict(a) for a in attachments if isinstance(a, dict) and "id" in a][:20]
            return (said if isinstance(said, str) else "", kept)
        except (ValueError, KeyError, TypeError):
            raise PublishError("bad_answer", {"status": answer.status_code}) from None

    def _webhook(self, account: Account) -> str:
        url = self._secret_lookup(account.id).get("webhook_url", "")
        if not url:
            raise PublishError("no_secret", {"account": account.id})
        try:
            return checked_webhook(url)
        except ConnectError as refused:
            raise PublishError(shared(refused.code), refused.details) from None

    def _call(self, method: str, url: str, **options: Any) -> requests.Response:
        http = self._session or SafeSession()
        host = {"address": _host(url)}
        try:
            answer = http.request(method, url, timeout=net.TIMEOUT, **options)
        except requests.RequestException as failure:
            # unreachable: nothing was sent; timeout, connection_lost: it may be in the channel
            raise publish_error(transport_code(failure), host | limit_details(failure)) from None
        status = answer.status_code
        if status == 429:
            raise PublishError("rate_limited", {"retry_after": _retry_after(answer)})
        if status >= 500:
            raise PublishError("server_error", {"status": status})
        if status >= 300:  # a 3xx without a Location (safe_http refuses the others)
            raise PublishError("rejected", {"status": status, **_reason(answer)})
        return answer


@dataclass(frozen=True, slots=True)
class _Photo:
    name: str
    data: bytes
    mime: str
    description: str | None

    def file(self, number: int) -> tuple[str, tuple[str, bytes, str]]:
        return (f"files[{number}]", (self.name, self.data, self.mime))

    def attachment(self, number: int) -> dict[str, Any]:
        attachment: dict[str, Any] = {"id": number, "filename": self.name}
        if self.description:
            attachment["description"] = self.description
        return attachment

    def is_(self, found: dict[str, Any]) -> bool:
        """Whether an attachment on the message already is this photo."""
        return (
            found.get("filename") == self.name
            and found.get("size") == len(self.data)
            and (found.get("description") or None) == self.description
        )


def _message(request: PublishRequest) -> tuple[str, list[_Photo]]:
    """The text (within Discord's limit) and the photos fitted, as the message carries them."""
    account = request.account
    limits = account.effective_limits()
    draft = request.draft
    if request.canonical_url and not draft.link:
        draft = replace(draft, link=request.canonical_url)
    content = network_text(draft, account.kind.value, limits)
    if _utf16(content) > MAX_CONTENT:
        raise PublishError("too_long", {"length": _utf16(content), "limit": MAX_CONTENT})
    photos = []
    for number, image in enumerate(draft.images):
        try:
            fitted = fit_image(image.path, limits)
        except ImageError as failure:
            raise PublishError("image_failed", {"index": number, "reason": failure.code}) from None
        described = image.alt and not image.decorative
        description = _cut_utf16(image.alt, MAX_DESCRIPTION) if described else None
        name = f"image-{number + 1}.{fitted.ext}"
        photos.append(_Photo(name, fitted.data, fitted.mime, description))
    return content, photos


def _body(
    content: str, files: list[Any], attachments: list[dict[str, Any]], *, always: bool = False
) -> dict[str, Any]:
    """The request's options: JSON, or multipart when files go along. `always`: an edit
    names the attachments to keep even when it has none (an empty list removes them all)."""
    # No @everyone or role pings from a draft's text: the message informs, it does not ping.
    payload: dict[str, Any] = {"content": content, "allowed_mentions": {"parse": []}}
    if attachments or always:
        payload["attachments"] = attachments
    if files:
        return {"data": {"payload_json": json.dumps(payload)}, "files": files}
    return {"json": payload}


def _retry_after(answer: requests.Response) -> float | None:
    try:
        found = answer.json().get("retry_after")
    except (ValueError, AttributeError):
        found = None
    if isinstance(found, int | float) and not isinstance(found, bool):
        return max(0.0, float(found))
    return retry_after(answer)


def _reason(answer: requests.Response) -> dict[str, Any]:
    try:
        found = answer.json()
    except ValueError:
        return {"message": ""}
    if not isinstance(found, dict):
        return {"message": ""}
    reason: dict[str, Any] = {"message": str(found.get("message") or "")[:_MESSAGE_CHARS]}
    if isinstance(found.get("code"), int):
        reason["discord_code"] = found["code"]
    return reason


def _host(url: str) -> str:
    # The webhook URL holds the token: only the host may appear in a code's details.
    return urlsplit(url).netloc


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut_utf16(text: str, limit: int) -> str:
    if _utf16(text) <= limit:
        return text
    cut = text.encode("utf-16-le")[: 2 * (limit - 1)].decode("utf-16-le", "ignore")
    return cut.rstrip() + "…"
