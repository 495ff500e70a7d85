"""Bluesky sessions: the SDK client, resuming from stored tokens, and its errors as codes.

Tokens live in the keyring with the app password. A resumed client refreshes its access
token when needed; `on_change` hears every new pair so the caller can store it.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

from composer.core import net
from composer.core.destinations.bluesky.failures import classify, sdk_errors
from composer.core.destinations.errors import ConnectError, connect_error

TokenCallback = Callable[[dict[str, str]], None]


def client_for(server: str) -> tuple[Any, list[Any]]:
    """A client for `server` and the list every new SDK session is appended to."""
    from atproto import Client
    from atproto_client.request import Request

    net.use_system_trust()
    from composer.core.destinations.http.safe_httpx import SafeTransport

    request = Request(timeout=net.TIMEOUT, transport=SafeTransport())
    client = Client(base_url=server, request=request)
    sessions: list[Any] = []
    client.on_session_change(lambda _event, session: sessions.append(session))
    return client, sessions


def tokens_of(session: Any) -> dict[str, str]:
    return {"access_jwt": session.access_jwt, "refresh_jwt": session.refresh_jwt}


def _jwt_subject(token: str) -> str:
    """The DID a token belongs to (unverified: only to rebuild the SDK's session)."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return str(claims["sub"])
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


def mapped(error: BaseException, server: str, *, login: bool = False) -> ConnectError:
    """The SDK's (or httpx's) exception as connecting names it (failures.py)."""
    if isinstance(error, ConnectError):
        return error
    code, details = classify(error, login=login)
    return connect_error(code, {"address": server} | details)
