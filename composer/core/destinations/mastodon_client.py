"""The Mastodon.py client as Omroeper uses it for Mastodon and Pixelfed: a timeout, 429
thrown rather than slept through, and the library's exceptions turned into ConnectError
codes. Shared by connecting (mastodon.py) and, later, publishing.

Everything here blocks: call it from a worker thread, never from the UI thread.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import requests
from mastodon import Mastodon
from mastodon.errors import (
    MastodonAPIError,
    MastodonDeprecationWarning,
    MastodonIllegalArgumentError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonRatelimitError,
    MastodonServerError,
    MastodonUnauthorizedError,
)

from composer import __version__
from composer.core import net
from composer.core.account import AccountKind
from composer.core.destinations.errors import ConnectError
from composer.core.destinations.mastodon_oauth import network_error

APP_NAME = "Omroeper"
USER_AGENT = f"Omroeper/{__version__}"


class Session(requests.Session):
    """Notes each answer's status and rate-limit reset (never its body), because
    Mastodon.py's create_app and errors hide them."""

    def __init__(self) -> None:
        super().__init__()
        self.last_status = 0
        self.reset_at: datetime | None = None
        self.hooks["response"].append(self._note)

    def _note(self, answer: requests.Response, *_args: object, **_kwargs: object) -> None:
        self.last_status = answer.status_code
        reset = answer.headers.get("X-RateLimit-Reset", "")
        try:
            self.reset_at = datetime.fromisoformat(reset.replace("Z", "+00:00"))
        except ValueError:
            self.reset_at = None

    def retry_after(self) -> int | None:
        if self.reset_at is None or self.reset_at.tzinfo is None:
            return None
        return max(0, math.ceil((self.reset_at - datetime.now(UTC)).total_seconds()))


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


@contextmanager
def talking_to(server: str, session: Session) -> Iterator[None]:
    """Mastodon.py's exceptions (and odd answers) as ConnectError codes; `from None`, so no
    library message with a URL or a request body rides along in a traceback."""
    where = {"address": server}
    try:
        yield
    except MastodonRatelimitError:
        raise ConnectError("rate_limited", where | {"retry_after": session.retry_after()}) from None
    except MastodonNetworkError as error:
        raise network_error(error.__context__ or error, server) from None
    except MastodonUnauthorizedError as error:
        said = str(error.args[3] if len(error.args) > 3 else "").lower()
        # Doorkeeper: "The access token expired" / "was revoked" / "is invalid"
        code = "expired" if "expired" in said or "revoked" in said else "wrong_credentials"
        raise ConnectError(code, where) from None
    except MastodonServerError as error:
        raise ConnectError("server_error", where | {"status": _status(error)}) from None
    except MastodonNotFoundError:
        raise ConnectError("not_that_server", where) from None
    except MastodonAPIError as error:
        status = _status(error)
        if status == 403:  # a suspended account, or a token without the scopes
            raise ConnectError("wrong_credentials", where | {"status": status}) from None
        if status in (None, 404):  # an answer that is not JSON: some other web server
            raise ConnectError("not_that_server", where) from None
        raise ConnectError("server_error", where | {"status": status}) from None
    except (MastodonIllegalArgumentError, KeyError, TypeError, ValueError):
        if session.last_status == 429:
            raise ConnectError(
                "rate_limited", where | {"retry_after": session.retry_after()}
            ) from None
        if session.last_status >= 500:
            raise ConnectError("server_error", where | {"status": session.last_status}) from None
        raise ConnectError("not_that_server", where) from None


def _status(error: MastodonAPIError) -> int | None:
    return error.args[1] if len(error.args) > 1 and isinstance(error.args[1], int) else None


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
