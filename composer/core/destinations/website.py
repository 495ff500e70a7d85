"""The organisation's own website: a webhook URL and a Standard Webhooks signing secret.

Connecting makes no request: the site's developer installs the receiver with the secret
first, and the first publish shows whether it answers.
"""

from __future__ import annotations

import base64
import re
import secrets
from urllib.parse import urlsplit

from composer.core.account import Connected, Identity
from composer.core.destinations.errors import ConnectError
from composer.core.net import checked_url

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
