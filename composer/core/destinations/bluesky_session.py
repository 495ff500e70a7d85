"""Bluesky sessions: the SDK client, resuming from stored tokens, and what its errors mean.

Tokens live in the keyring with the app password. A resumed client refreshes its access
token when needed; `on_change` hears every new pair so the caller can store it.
"""

from __future__ import annotations

import base64
import json
import ssl
from collections.abc import Callable
from typing import Any

from composer.core import net
from composer.core.destinations.errors import ConnectError

TokenCallback = Callable[[dict[str, str]], None]

# XRPC errors that mean "this password or token is not (or no longer) accepted".
_REFUSED = frozenset(
    {"AuthenticationRequired", "InvalidToken", "AccountTakedown", "AuthFactorTokenRequired"}
)


def client_for(server: str) -> tuple[Any, list[Any]]:
    """A client for `server` and the list every new SDK session is appended to."""
    from atproto import Client
    from atproto_client.request import Request

    net.use_system_trust()
    client = Client(base_url=server, request=Request(timeout=net.TIMEOUT))
    sessions: list[Any] = []
    client.on_session_change(lambda _event, session: sessions.append(session))
    return client, sessions


def tokens_of(session: Any) -> dict[str, str]:
    return {"access_jwt": session.access_jwt, "refresh_jwt": session.refresh_jwt}


def _jwt_subject(token: str) -> str:
    """The DID a token belongs to (unverified: only to rebuild the SDK's session)."""
    try:
        payload = token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["sub"]
    except (IndexError, ValueError, KeyError, TypeError):
        raise ConnectError("expired", {}) from None


def resume(
    server: str, secret: dict[str, str], on_change: TokenCallback | None = None
) -> tuple[Any, dict[str, str] | None]:
    """A logged-in client from stored tokens, and the new secret if the tokens changed.
    The caller closes the client (`client.request.close()`) when done with it.

    An expired access token is refreshed; a refused refresh token leads to a fresh login
    with the app password; a refused app password is `wrong_credentials`.
    """
    from atproto import Session, models  # `models` completes the models' forward references

    ProfileViewDetailed = models.AppBskyActorDefs.ProfileViewDetailed

    server = net.checked_server(server)
    current = dict(secret)
    client, _ = client_for(server)

    def changed(_event: Any, session: Any) -> None:
        current.update(tokens_of(session))
        if on_change is not None:
            on_change(dict(current))

    identifier = secret.get("identifier", "")
    try:
        did = _jwt_subject(secret.get("access_jwt", ""))
        tokens = secret["access_jwt"], secret.get("refresh_jwt", "")
        stored = Session(identifier, did, *tokens, server)
        client.login(session_string=stored.encode(), fetch_bsky_profile=False)
        client.on_session_change(changed)  # after the import: that is no change
        who = _checked(client, server)
    except ConnectError as error:
        client.request.close()
        if error.code not in ("expired", "wrong_credentials") or not secret.get("app_password"):
            raise
        client, who = _fresh_login(server, identifier, secret["app_password"], changed)
    client.me = ProfileViewDetailed(did=who.did, handle=who.handle)  # send_post's author
    return client, (current if current != secret else None)


def _fresh_login(server: str, identifier: str, password: str, changed: Any) -> tuple[Any, Any]:
    client, _ = client_for(server)
    client.on_session_change(changed)
    try:
        try:
            client.login(identifier, password, fetch_bsky_profile=False)
        except sdk_errors() as error:
            raise mapped(error, server, login=True) from None
        return client, _checked(client, server)
    except ConnectError:
        client.request.close()
        raise


def _checked(client: Any, server: str) -> Any:
    """Ask the PDS who we are: refreshes an expired token first, and proves the token works."""
    try:
        return client.com.atproto.server.get_session()
    except sdk_errors() as error:
        raise mapped(error, server) from None


def sdk_errors() -> tuple[type[BaseException], ...]:
    """What talking to a server can raise: the SDK's errors and httpx's that it lets through."""
    import httpx
    from atproto_core.exceptions import AtProtocolError

    return (AtProtocolError, httpx.HTTPError)


def mapped(error: BaseException, server: str, *, login: bool = False) -> ConnectError:
    """The SDK's (or httpx's) exception as a code. Never its text: that may quote the request."""
    if isinstance(error, ConnectError):
        return error
    response = getattr(error, "response", None)
    code = _transport_code(error) if response is None else _answer_code(error, response, login)
    if code == "rate_limited":
        return ConnectError(code, {"retry_after": getattr(error, "retry_after", None)})
    if code == "server_error":
        return ConnectError(code, {"status": response.status_code})
    return ConnectError(code, {"address": server})


def _transport_code(error: BaseException) -> str:
    import httpx
    from atproto_client import exceptions as sdk

    kinds = (
        ((sdk.InvokeTimeoutError, httpx.TimeoutException), "timeout"),
        ((httpx.RemoteProtocolError, httpx.TooManyRedirects), "not_that_server"),
        ((sdk.LoginRequiredError,), "expired"),
        ((sdk.RequestErrorBase, httpx.HTTPError), "unreachable"),
    )
    for types, code in kinds:
        if isinstance(error, types):
            return "tls_failed" if code == "unreachable" and _tls(error) else code
    return "not_that_server"  # it answered 2xx, but not what a PDS answers (ModelError)


def _answer_code(error: BaseException, response: Any, login: bool) -> str:
    from atproto_client import exceptions as sdk
    from atproto_client.models.common import XrpcError

    status, content = response.status_code, response.content
    if isinstance(error, sdk.RateLimitExceededError) or status == 429:
        return "rate_limited"
    if status >= 500:
        return "server_error"
    if not isinstance(content, XrpcError):  # every XRPC error is JSON naming the error
        return "not_that_server"
    refused = status == 401 or content.error in _REFUSED or (login and status == 400)
    if content.error == "ExpiredToken" or (refused and not login):
        return "expired"
    if refused:
        return "wrong_credentials"
    return "not_that_server" if status in (404, 405, 501) else "server_error"


def _tls(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
