"""What the atproto SDK's exceptions (and the httpx ones it lets through) mean, for connecting
(connect.py, session.py) and publishing (publish.py) alike.

The SDK takes over a second to import, so it is imported inside the functions.
"""

from __future__ import annotations

import ssl
from datetime import UTC, datetime
from typing import Any

from composer.core.destinations.errors import Failure, first_kind, plain_http_port
from composer.core.destinations.http import reachability
from composer.core.destinations.http.safe_http import (
    PastDeadline,
    RedirectRefused,
    TooLarge,
    limit_details,
)

# XRPC errors that mean "this password or token is not (or no longer) accepted".
_REFUSED = frozenset(
    {"AuthenticationRequired", "InvalidToken", "AccountTakedown", "AuthFactorTokenRequired"}
)


def sdk_errors() -> tuple[type[BaseException], ...]:
    """What talking to a server can raise: the SDK's errors and httpx's that it lets through."""
    import httpx
    from atproto_core.exceptions import AtProtocolError

    return (AtProtocolError, httpx.HTTPError)


def classify(error: BaseException, *, login: bool = False) -> tuple[Failure, dict[str, Any]]:
    """(code, details) in the shared vocabulary of errors.py; `login`: the failed call was
    createSession, where a refusal means a wrong password rather than an expired session.
    Never the exception's text: that may quote the request."""
    response = getattr(error, "response", None)
    if response is None:
        return _transport_code(error), limit_details(error)
    return _answer(error, response, login)


def _answer(error: BaseException, response: Any, login: bool) -> tuple[Failure, dict[str, Any]]:
    from atproto_client import exceptions as sdk
    from atproto_client.models.common import XrpcError

    status, content = response.status_code, response.content
    # every XRPC error is JSON naming the error; anything else is not the PDS speaking
    name = content.error if isinstance(content, XrpcError) else None
    details: dict[str, Any] = {"status": status}
    if isinstance(error, sdk.RateLimitExceededError) or status == 429:
        return "rate_limited", details | {"retry_after": _retry_after(response)}
    if status >= 500:
        return "server_error", details
    if name is None:
        return "not_that_server", details
    refused = status == 401 or name in _REFUSED or (login and status == 400)
    if name == "ExpiredToken" or (refused and not login):
        return "expired", details
    return ("wrong_credentials", details) if refused else ("rejected", details | {"error": name})


def _transport_code(error: BaseException) -> Failure:
    """No answer: before the request left (unreachable) or after (it may have arrived)."""
    import httpx
    from atproto_client import exceptions as sdk

    if isinstance(error, sdk.LoginRequiredError):
        return "expired"
    # the SDK raises its own errors from httpx's: first_kind reads the chain
    kinds: tuple[tuple[tuple[type, ...], Failure], ...] = (
        ((PastDeadline,), "timeout"),
        ((TooLarge,), "answer_too_large"),
        ((RedirectRefused,), "redirected"),
        ((ssl.SSLError,), "tls_failed"),
        ((httpx.ConnectError, httpx.ConnectTimeout), "unreachable"),
        ((sdk.InvokeTimeoutError, httpx.TimeoutException), "timeout"),
        ((httpx.TooManyRedirects, httpx.DecodingError), "bad_answer"),
        # RemoteProtocolError too: httpx's word for a server that hung up without answering
        ((sdk.NetworkError, httpx.HTTPError), "connection_lost"),
    )
    # otherwise it answered 2xx, but not what a PDS answers (ModelError)
    code = first_kind(error, kinds, "bad_answer")
    if code == "tls_failed" and plain_http_port(error):
        return "not_tls"
    return reachability.refine(code, error)


def _retry_after(response: Any) -> float | None:
    """Seconds to wait: Retry-After, or until RateLimit-Reset (a Unix time)."""
    headers = {str(k).lower(): v for k, v in (getattr(response, "headers", None) or {}).items()}
    try:
        if "retry-after" in headers:
            return float(headers["retry-after"])
        if "ratelimit-reset" in headers:
            return max(0.0, float(headers["ratelimit-reset"]) - datetime.now(UTC).timestamp())
    except ValueError:
        return None
    return None
