"""Publishing through a Discord channel webhook: `?wait=true`, images as attachments.

Discord has no idempotency key. Whenever the message may have been taken (the connection
dropped after sending, a timeout waiting for the answer, a 5xx), the failure is reported with
an unclear code and the publish job marks it `unknown`: the person checks the channel, nothing
is resent blindly. Only a failure before anything was sent (`unreachable`) is safe to retry.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import replace
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
    # reads a message only by the id that answer held
    capabilities = Capabilities(idempotent=False, can_read_back=False)

    def __init__(self, secret_lookup: SecretLookup, session: requests.Session | None = None):
        self._secret_lookup = secret_lookup
        self._session = session

    def publish(self, request: PublishRequest) -> Published:
        account = request.account
        url = self._webhook(account)
        limits = account.effective_limits()
        draft = request.draft
        if request.canonical_url and not draft.link:
            draft = replace(draft, link=request.canonical_url)
        content = network_text(draft, account.kind.value, limits)
        if _utf16(content) > MAX_CONTENT:
            raise PublishError("too_long", {"length": _utf16(content), "limit": MAX_CONTENT})
        files, attachments = [], []
        for number, image in enumerate(draft.images):
            try:
                fitted = fit_image(image.path, limits)
            except ImageError as failure:
                raise PublishError(
                    "image_failed", {"index": number, "reason": failure.code}
                ) from None
            name = f"image-{number + 1}.{fitted.ext}"
            files.append((f"files[{number}]", (name, fitted.data, fitted.mime)))
            attachment: dict[str, Any] = {"id": number, "filename": name}
            if image.alt and not image.decorative:
                attachment["description"] = _cut_utf16(image.alt, MAX_DESCRIPTION)
            attachments.append(attachment)
        # No @everyone or role pings from a draft's text: the message informs, it does not ping.
        payload: dict[str, Any] = {"content": content, "allowed_mentions": {"parse": []}}
        options: dict[str, Any]
        if files:
            payload["attachments"] = attachments
            options = {"data": {"payload_json": json.dumps(payload)}, "files": files}
        else:
            options = {"json": payload}
        answer = self._call("post", url, params={"wait": "true"}, **options)
        try:
            message = answer.json()
            message_id = str(message["id"])
        except (ValueError, KeyError, TypeError):
            raise PublishError("bad_answer", {"status": answer.status_code}) from None
        channel = str(message.get("channel_id") or account.settings.get("channel_id") or "")
        guild = str(account.settings.get("guild_id") or message.get("guild_id") or "")
        link = f"https://discord.com/channels/{guild}/{channel}/{message_id}" if guild else ""
        return Published(remote_id=message_id, url=link)

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
