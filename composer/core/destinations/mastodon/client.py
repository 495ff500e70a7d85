"""The Mastodon.py client as Omroeper uses it for Mastodon and Pixelfed: a timeout, 429
thrown rather than slept through, and a session that notes what Mastodon.py's errors hide.
Shared by connecting (mastodon.py) and publishing (mastodon_publish.py); what the library's
exceptions mean is read in mastodon_failures.py.

Everything here blocks: call it from a worker thread, never from the UI thread.
"""

from __future__ import annotations

import math
import warnings
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

import requests
from mastodon import Mastodon
from mastodon.errors import (
    MastodonAPIError,
    MastodonDeprecationWarning,
    MastodonIllegalArgumentError,
    MastodonNotFoundError,
    MastodonServerError,
    MastodonUnauthorizedError,
)

from composer import __version__
from composer.core import net
from composer.core.accounts.account import AccountKind
from composer.core.destinations.errors import ConnectError, connect_error
from composer.core.destinations.http.safe_http import SafeSession
from composer.core.destinations.mastodon.failures import failing_as

APP_NAME = "Omroeper"
USER_AGENT = f"Omroeper/{__version__}"


class Session(SafeSession):
    """safe_http's rules for everything Mastodon.py sends. Notes each answer's status and
    rate-limit reset, and an error answer's message (never anything else of a body), because
    Mastodon.py's create_app and errors hide them. Mastodon says what went wrong in `error`,
    Pixelfed (Laravel) in `message`."""

    def __init__(self) -> None:
        super().__init__()
        self.last_status = 0
        self.last_message = ""
        self.reset_at: datetime | None = None
        self.hooks["response"].append(self._note)

    def _note(self, answer: requests.Response, *_args: object, **_kwargs: object) -> None:
        self.last_status = answer.status_code
        reset = answer.headers.get("X-RateLimit-Reset", "")
        try:
            self.reset_at = datetime.fromisoformat(reset.replace("Z", "+00:00"))
        except ValueError:
            self.reset_at = None
        self.last_message = "" if answer.ok else _message(answer)

    def retry_after(self) -> int | None:
        if self.reset_at is None or self.reset_at.tzinfo is None:
            return None
        return max(0, math.ceil((self.reset_at - datetime.now(UTC)).total_seconds()))


def _message(answer: requests.Response) -> str:
    try:
        body = answer.json()
    except ValueError:
        return ""
    said = (body.get("error") or body.get("message") or "") if isinstance(body, dict) else ""
    return said if isinstance(said, str) else ""


def client(
    server: str, token: str | None = None, session: requests.Session | None = None
) -> Mastodon:
    """A Mastodon.py client that throws on 429 instead of sleeping in the calling thread."""
    net.use_system_trust()
    api = Mastodon(
        api_base_url=server,
        request_timeout=net.TIMEOUT,
        ratelimit_method="throw",
        session=session or Session(),
        user_agent=USER_AGENT,
        version_check_mode="none",
    )
    api.access_token = token  # not via the constructor: it reads a file a token happens to name
    return api


def talking_to(server: str, session: Session) -> AbstractContextManager[None]:
    """Mastodon.py's failures inside the block as ConnectError codes."""
    return failing_as(connect_error, server, session)


def instance(api: Mastodon) -> dict[str, Any]:
    """The server's own description: v2 (Mastodon 4.0+, Pixelfed), else v1."""
    try:
        info = api.instance_v2()
    except MastodonNotFoundError:
        with warnings.catch_warnings():  # the fallback is deliberate
            warnings.simplefilter("ignore", MastodonDeprecationWarning)
            info = api.instance_v1()
    if not isinstance(info, dict) or not isinstance(info.get("version"), str):
        raise ValueError("no instance")
    return info


def detect(api: Mastodon, server: str, kind: AccountKind) -> dict[str, Any]:
    """The instance, if the server is the kind asked for (Mastodon-compatible servers such
    as GoToSocial pass as Mastodon; a Pixelfed's version says "compatible; Pixelfed")."""
    try:
        info = instance(api)
        version = info["version"]
    except MastodonServerError:
        raise
    except (MastodonNotFoundError, MastodonUnauthorizedError, MastodonAPIError, ValueError):
        # A locked-down server may hide its instance; nodeinfo still names the software.
        try:
            version = str(api.instance_nodeinfo()["software"]["name"])
        except (MastodonAPIError, MastodonIllegalArgumentError, KeyError, TypeError):
            raise ConnectError("not_that_server", {"address": server}) from None
        info = {}
    found = AccountKind.PIXELFED if "pixelfed" in version.lower() else AccountKind.MASTODON
    if found != kind:
        raise ConnectError("not_that_server", {"address": server, "found": found.value})
    return info
