"""What Mastodon.py's exceptions mean, for connecting (client.talking_to) and publishing
(publish) alike: one reading, named by each with its own words.

Mastodon.py keeps little of an error answer (its status and an `error` field), so the
Session (client.py) notes the last status, rate-limit reset and error message: `Noted` is what
this module reads of it (a Protocol, so the client imports this module and not the reverse).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

import regex
from mastodon.errors import (
    MastodonAPIError,
    MastodonIllegalArgumentError,
    MastodonNetworkError,
    MastodonRatelimitError,
    MastodonUnauthorizedError,
    MastodonVersionError,
)

from composer.core.destinations.errors import Failure
from composer.core.destinations.http.requests_failures import transport_code
from composer.core.destinations.http.safe_http import limit_details
from composer.core.errors import CodedError


class Noted(Protocol):
    """What the client's Session notes of the last answer."""

    last_status: int
    last_message: str

    def retry_after(self) -> int | None: ...


# What talking to a server through Mastodon.py raises; KeyError, TypeError and ValueError
# come from reading an answer that is not what a Mastodon (or Pixelfed) server answers.
FAILURES = (
    MastodonRatelimitError,
    MastodonNetworkError,
    MastodonAPIError,
    MastodonIllegalArgumentError,
    MastodonVersionError,
    KeyError,
    TypeError,
    ValueError,
)


def classify(error: BaseException, session: Noted) -> tuple[Failure, dict[str, Any]]:
    """(code, details) in the shared vocabulary of errors.py. Never the exception's text:
    that may quote the request."""
    if isinstance(error, MastodonRatelimitError):
        return "rate_limited", {"retry_after": session.retry_after()}
    if isinstance(error, MastodonNetworkError):
        cause = error.__context__ or error
        return transport_code(cause), limit_details(cause)
    status = status_of(error)
    if status is None:
        return _unreadable(session)
    if status >= 500:
        return "server_error", {"status": status}
    message = session.last_message or _said(error)
    if isinstance(error, MastodonUnauthorizedError):
        # Doorkeeper: "The access token expired" / "was revoked" / "is invalid"
        said = message.lower()
        return ("expired" if "expired" in said or "revoked" in said else "wrong_credentials"), {}
    scope = status == 403 and bool(_SCOPE_REFUSALS.search(message))
    return ("scope_missing" if scope else "rejected"), {"status": status, "message": message}


# How a 403 for a token without the scope reads: Mastodon (Doorkeeper's forbidden render in
# Api::BaseController), GoToSocial (apiutil.TokenAuth), Pleroma/Akkoma (OAuthScopesPlug).
_SCOPE_REFUSALS = regex.compile(
    r"outside the authorized scopes|insufficient scope|Insufficient permissions", regex.IGNORECASE
)


def _unreadable(session: Noted) -> tuple[Failure, dict[str, Any]]:
    """An answer that could not be read (not JSON, or not what the server should answer):
    the last status tells a rate limit or a server in trouble from another kind of server."""
    if session.last_status == 429:
        return "rate_limited", {"retry_after": session.retry_after()}
    if session.last_status >= 500:
        return "server_error", {"status": session.last_status}
    return "bad_answer", {"status": session.last_status}


def status_of(error: BaseException) -> int | None:
    """The status of the answer a MastodonAPIError comes from; None when it has none (an
    answer that was not JSON)."""
    if not isinstance(error, MastodonAPIError) or len(error.args) < 2:
        return None
    return error.args[1] if isinstance(error.args[1], int) else None


def _said(error: BaseException) -> str:
    said = error.args[3] if len(error.args) > 3 else None
    return said if isinstance(said, str) else ""


@contextmanager
def failing_as(
    name: Callable[[Failure, dict[str, Any]], CodedError], server: str, session: Noted
) -> Iterator[None]:
    """Mastodon.py's failures inside the block as `name(code, details)`: errors.connect_error
    or errors.publish_error. `from None`, so no library message with a URL or a request body
    rides along in a traceback."""
    try:
        yield
    except FAILURES as error:
        cause: BaseException = error
        if isinstance(error, MastodonVersionError) and error.__cause__ is not None:
            cause = error.__cause__  # the instance could not be read: say why
        code, details = classify(cause, session)
        raise name(code, {"address": server} | details) from None
