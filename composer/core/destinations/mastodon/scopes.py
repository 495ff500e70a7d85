"""Which OAuth scopes Omroeper asks a Mastodon-compatible server for, and whether an account's
recorded scopes let it do what publishing needs: post with photos, read back its own latest
statuses (exactly once), read a thread's replies and delete it (`/context` needs a read scope
on GoToSocial).

Per software, as data (docs/platform-facts.md, "Scopes"): where the server knows the
fine-grained scopes, only those; elsewhere the coarse `read write`, which every
Mastodon-compatible server accepts. The granted scopes are recorded on the account
(settings "scopes", space-separated as OAuth writes them); an account without that record
was connected before Omroeper kept it: unknown, never treated as lacking.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# What Omroeper's calls need, by the finest scope: verify_credentials (read:accounts),
# the account's statuses and a status's context (read:statuses), posting, editing and
# deleting (write:statuses), photos (write:media).
NEEDED = ("read:accounts", "read:statuses", "write:statuses", "write:media")
COARSE = ("read", "write")
# Software whose OAuth knows the fine-grained scopes (Mastodon 2.4+ and its forks,
# GoToSocial internal/api/util/scopes.go, Pleroma/Akkoma OAuthScopesPlug).
FINE_GRAINED = frozenset({"mastodon", "glitch-soc", "hometown", "gotosocial", "akkoma", "pleroma"})
SETTING = "scopes"
_TOP_LEVEL = frozenset({"read", "write", "follow", "push", "profile", "admin"})
_MAX = 400  # a server's answer is untrusted: a scope list longer than this is not kept


def asked_for(kind: str, software: str) -> tuple[str, ...]:
    """The scopes to register Omroeper with and to ask for at sign-in. Pixelfed (Laravel
    Passport) knows only read, write, follow, push; unknown software gets the coarse pair."""
    return NEEDED if kind == "mastodon" and software in FINE_GRAINED else COARSE


def granted(answer: Any, asked: Iterable[str]) -> str:
    """The scopes a token answer grants, as recorded. RFC 6749 §5.1: without `scope` the
    server granted what was asked (Laravel Passport never says)."""
    said = answer.get("scope") if isinstance(answer, dict) else None
    if isinstance(said, list):  # Doorkeeper's /oauth/token/info writes a list
        said = " ".join(s for s in said if isinstance(s, str))
    if not isinstance(said, str) or not said.strip():
        return " ".join(asked)
    return _clean(said)


def from_app(answer: Any) -> str:
    """The scopes of the app behind a token, from /api/v1/apps/verify_credentials (Mastodon
    4.3+ lists them); "" when the server does not say: unknown."""
    said = answer.get("scopes") if isinstance(answer, dict) else None
    if not isinstance(said, list):
        return ""
    return _clean(" ".join(s for s in said if isinstance(s, str)))


def _clean(said: str) -> str:
    words = [
        w for w in said.split() if w.isascii() and w.replace(":", "").replace("_", "").isalnum()
    ]
    kept = " ".join(dict.fromkeys(words))
    return kept if len(kept) <= _MAX else ""


def missing(recorded: Any) -> tuple[str, ...]:
    """Which of NEEDED the recorded scopes do not cover; () when they do or nobody recorded
    them (unknown). `read` covers every `read:…`, as on every server that knows both."""
    if not isinstance(recorded, str) or not recorded.strip():
        return ()
    have = set(recorded.split())
    return tuple(
        need
        for need in NEEDED
        if need not in have
        and not (need.split(":")[0] in have and need.split(":")[0] in _TOP_LEVEL)
    )


def needs_reconnect(kind: str, settings: dict[str, Any]) -> bool:
    """Whether a Mastodon or Pixelfed account was connected with too few scopes for deleting
    threads and reading back its own statuses: it should be connected again."""
    return kind in ("mastodon", "pixelfed") and bool(missing(settings.get(SETTING)))
