"""A connected account: one destination. Only non-secret settings live here; the secret
(token, password, webhook URL, signing key) is in the operating system's keyring."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any

from composer.core.platforms import Limits, Platform, default_limits
from composer.core.text.server_counts import counted_as


class AccountKind(StrEnum):
    WEBSITE = "website"
    MASTODON = "mastodon"
    PIXELFED = "pixelfed"
    BLUESKY = "bluesky"
    DISCORD = "discord"
    # The own website on WordPress (REST API, application password).
    WORDPRESS = "wordpress"

    @property
    def is_own_site(self) -> bool:
        """The organisation's own website: its page is the link back every network carries."""
        return Platform(self.value).is_own_site


@dataclass(frozen=True, slots=True)
class Identity:
    """Who the account is, as the server says: shown when connecting and in the checklist."""

    name: str
    handle: str = ""
    avatar: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Connected:
    """What connecting to a server yields: who, where, the secret (for the keyring only),
    settings worth keeping (a Bluesky DID) and the limits the server reported."""

    identity: Identity
    server: str
    secret: dict[str, str] = field(repr=False)
    settings: dict[str, Any] = field(default_factory=dict)
    limits: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Account:
    id: str
    kind: AccountKind
    identity: Identity
    server: str = ""  # base URL; empty where the address itself is the secret (Discord)
    settings: dict[str, Any] = field(default_factory=dict)  # e.g. a Bluesky DID
    limits: dict[str, Any] = field(default_factory=dict)  # what the server reported
    limits_checked: datetime | None = None

    @property
    def name(self) -> str:
        return self.identity.handle or self.identity.name

    @property
    def software(self) -> str:
        """The server's software as connecting found it ("gotosocial", "glitch-soc"...);
        "" for accounts connected before Omroeper recorded it: they count as their kind."""
        software = self.settings.get("software")
        return software if isinstance(software, str) else ""

    def effective_limits(self) -> Limits:
        """The platform's defaults with whatever the server reported laid over them, counted
        as the server's software counts."""
        known = {f.name for f in fields(Limits)}
        reported = tuple(
            (key, frozenset(value) if key == "image_types" else value)
            for key, value in sorted(self.limits.items())
            if key in known and key not in ("platform", "unit")
        )
        return _laid_over(self.kind, reported, self.software)


# The previews ask on every keystroke for every destination: the answer never changes.
@lru_cache(maxsize=256)
def _laid_over(kind: AccountKind, reported: tuple[tuple[str, Any], ...], software: str) -> Limits:
    limits = replace(default_limits(Platform(kind.value)), **dict(reported))
    if software and kind in (AccountKind.MASTODON, AccountKind.PIXELFED):
        limits = counted_as(limits, software)
    return limits


def new_account_id(kind: AccountKind) -> str:
    """Short, stable and unguessable enough to name a keyring entry: `mastodon-3f9a2c1b`."""
    import secrets  # here: it loads hashlib and hmac, which the window's start can do without

    return f"{kind.value}-{secrets.token_hex(4)}"
