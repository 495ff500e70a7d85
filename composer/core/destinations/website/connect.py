"""The organisation's own website: a webhook URL and a Standard Webhooks signing secret.

`connect` only checks what was typed; `connect_checked` (the window and the CLI) also sends a
signed `webhook.test` event (docs/webhook.md), so that connecting proves the site answers.
"""

from __future__ import annotations

import base64
import dataclasses
import re
import secrets
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from composer.core.accounts.account import Connected, Identity
from composer.core.destinations.errors import (
    ConnectCode,
    ConnectError,
    PublishCode,
    PublishError,
    connect_error,
    shared,
)
from composer.core.net import checked_url

if TYPE_CHECKING:
    import requests

# Standard Webhooks: "whsec_" + base64 of 24 to 64 random bytes.
_SECRET = re.compile(r"whsec_([A-Za-z0-9+/]{32,88}={0,2})")


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def secret_is_valid(secret: str) -> bool:
    match = _SECRET.fullmatch(secret.strip())
    if not match:
        return False
    try:
        return 24 <= len(base64.b64decode(match.group(1), validate=True)) <= 64
    except ValueError:
        return False


def connect(url: str, secret: str | None = None) -> Connected:
    """The website account; without `secret`, a new one is made (show it once, then forget)."""
    url = checked_url(url)
    secret = (secret or new_secret()).strip()
    if not secret_is_valid(secret):
        raise ConnectError("invalid_secret")
    host = urlsplit(url).hostname or url
    return Connected(
        identity=Identity(name=host, url=url),
        server=url,
        secret={"signing_secret": secret},
    )


def connect_checked(
    url: str, secret: str | None = None, session: requests.Session | None = None
) -> Connected:
    """`connect`, then the site is asked to answer a signed test event. With a key the
    developer installed, it must accept it. A new key it cannot know yet: it must refuse it
    (401), which shows a receiver checks signatures there. `settings["key_installed"]` says
    which. Raises ConnectError with the reason otherwise: then nothing is to be saved."""
    connected = connect(url, secret)
    new_key = not (secret or "").strip()
    installed = check(connected.server, connected.secret["signing_secret"], new_key, session)
    return dataclasses.replace(
        connected, settings={**connected.settings, "key_installed": installed}
    )


def check(
    url: str, secret: str, new_key: bool = False, session: requests.Session | None = None
) -> bool:
    """Send `webhook.test`: True when the site accepted the key, False when a `new_key` was
    refused as it should be. Raises ConnectError (details: address, status, kind)."""
    from composer.core.destinations.website import webhook

    event_id = webhook.new_event_id()
    details: dict[str, Any] = {"address": urlsplit(url).netloc, "kind": "website"}
    try:
        webhook.send(url, secret, webhook.build_test(event_id), event_id, session)
    except PublishError as failure:
        status = failure.details.get("status")
        if new_key and failure.code == "rejected" and status == 401:
            return False
        raise site_error(failure.code, {**failure.details, **details}) from None
    if new_key:  # it took a message signed with a key it cannot have: it checks nothing
        raise ConnectError("unsigned_accepted", details)
    return True


_SITE_REFUSALS: dict[int, ConnectCode] = {
    401: "wrong_credentials",
    403: "forbidden",
    404: "not_that_server",
}
_SITE_REFUSALS |= {405: "not_that_server", 413: "too_large"}


def site_error(code: PublishCode, details: dict[str, Any]) -> ConnectError:
    """A failed test event as connecting names it: what the site's answer means for the
    person (which key, which address, whom to ask), not what it would mean for a post."""
    status = details.get("status")
    if code == "rejected":
        refusal = _SITE_REFUSALS.get(status, "rejected") if isinstance(status, int) else "rejected"
        return ConnectError(refusal, details)
    if code == "bad_answer" and isinstance(status, int) and 300 <= status < 400:
        return ConnectError("redirected", details)
    return connect_error(shared(code), details)
