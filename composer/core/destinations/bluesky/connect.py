"""Bluesky (AT Protocol): connect with a handle (or e-mail) and an app password on any PDS.

The `atproto` SDK takes over a second to import, so it is imported inside the functions.
"""

from __future__ import annotations

import re
from typing import Any

from composer.core import net
from composer.core.accounts.account import Connected, Identity
from composer.core.destinations.bluesky.failures import sdk_errors
from composer.core.destinations.bluesky.session import client_for, mapped, resume, tokens_of
from composer.core.destinations.errors import ConnectError
from composer.core.outside_url import safe_link

__all__ = ["DEFAULT_SERVER", "connect", "looks_like_app_password", "resume"]

DEFAULT_SERVER = "https://bsky.social"

# What Bluesky generates: 16 lowercase base32 characters in four groups (`abcd-ef23-4567-wxyz`).
_APP_PASSWORD = re.compile(r"[a-z2-7]{4}(?:-[a-z2-7]{4}){3}")


def looks_like_app_password(password: str) -> bool:
    return _APP_PASSWORD.fullmatch(password.strip()) is not None


def _identifier(handle_or_email: str) -> str:
    return handle_or_email.strip().removeprefix("@")  # people copy handles with the @


def connect(handle_or_email: str, password: str, server: str = DEFAULT_SERVER) -> Connected:
    """Log in once, to check the password and learn who the account is.

    A main password works too where the server allows it; the caller warns beforehand
    (`looks_like_app_password`), since a main password gives full control of the account.
    """
    server = net.checked_server(server)
    identifier = _identifier(handle_or_email)
    if not identifier or not password:
        raise ConnectError("wrong_credentials", {"address": server})
    client, sessions = client_for(server)
    try:
        try:
            client.login(identifier, password, fetch_bsky_profile=False)
        except sdk_errors() as error:
            raise mapped(error, server, login=True) from None
        session = sessions[-1]
        identity = _identity(client, session.did, session.handle, server)
    finally:
        client.request.close()  # its connections; resume() makes the clients that stay
    return Connected(
        identity=identity,
        server=server,
        secret={"identifier": identifier, "app_password": password, **tokens_of(session)},
        settings={"did": session.did},
        limits={},
    )


def _identity(client: Any, did: str, handle: str, server: str) -> Identity:
    """Name and avatar from the AppView (through the PDS); the handle alone if it has none."""
    from atproto import models
    from atproto_client.client.base import is_method_not_served

    try:
        profile = client.app.bsky.actor.get_profile(models.AppBskyActorGetProfile.Params(actor=did))
    except sdk_errors() as error:
        if is_method_not_served(error):
            return Identity(name=handle, handle=f"@{handle}")
        raise mapped(error, server) from None
    return Identity(
        name=(profile.display_name or "").strip() or profile.handle,
        handle=f"@{profile.handle}",
        avatar=safe_link(profile.avatar),
    )
