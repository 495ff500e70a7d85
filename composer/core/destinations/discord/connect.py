"""A Discord channel webhook. Its URL is the secret: whoever has it can post."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import requests

from composer.core import net
from composer.core.accounts.account import Connected, Identity
from composer.core.destinations.errors import ConnectError, connect_error
from composer.core.destinations.http.requests_failures import transport_code
from composer.core.destinations.http.safe_http import SafeSession, limit_details

_PATH = re.compile(r"/api(?:/v\d+)?/webhooks/(\d+)/([\w-]+)/?")
_HOSTS = {"discord.com", "discordapp.com", "canary.discord.com", "ptb.discord.com"}


def checked_webhook(url: str) -> str:
    url = net.checked_url(url)
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not _PATH.fullmatch(parts.path) or not (host in _HOSTS or net.is_loopback(host)):
        raise ConnectError("not_that_server", {"address": f"{parts.scheme}://{host}"})
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def connect(url: str, session: requests.Session | None = None) -> Connected:
    """Check the webhook exists (GET answers its name and channel) before keeping it."""
    url = checked_webhook(url)
    host = urlsplit(url).netloc
    http = session or SafeSession()
    try:
        answer = http.get(url, timeout=net.TIMEOUT)
    except requests.RequestException as error:
        details = {"address": host} | limit_details(error)
        raise connect_error(transport_code(error), details) from None
    if answer.status_code in (401, 404):
        raise ConnectError("wrong_credentials", {"address": host})  # deleted or mistyped
    if answer.status_code == 429:
        raise ConnectError("rate_limited", {"retry_after": answer.headers.get("Retry-After", "")})
    if answer.status_code >= 400:
        raise ConnectError("server_error", {"status": answer.status_code})
    try:
        info = answer.json()
        name, channel = info["name"], info["channel_id"]
    except (ValueError, KeyError, TypeError):
        raise ConnectError("not_that_server", {"address": host}) from None
    return Connected(
        identity=Identity(name=name),
        server="",
        secret={"webhook_url": url},
        settings={"channel_id": channel, "guild_id": info.get("guild_id") or ""},
    )
