"""Which software a Mastodon-compatible server runs, from its instance info and nodeinfo.

Recorded on the account (settings "software", "software_version") so it is counted as that
software counts (text.server_counts). Both answers are untrusted: only a short, plain name
and version are kept. Forks tell themselves apart in the version: glitch-soc's
"4.2.0+glitch", Hometown's "4.2.10+hometown-1.1.1"; Pleroma-likes and Pixelfed in
"2.7.2 (compatible; Akkoma 3.13.2)"; GoToSocial says "3.5.3+0.20.0" in its instance info
and its own name only in nodeinfo.
"""

from __future__ import annotations

from typing import Any

import regex

_NAME = regex.compile(r"[^a-z0-9._-]+")
_VERSION = regex.compile(r"[^\w.+~ -]+")
_COMPATIBLE = regex.compile(r"\(compatible;\s*([^\s;)]+)\s*([^;)]*)\)", regex.IGNORECASE)
_MASTODON_VERSION = regex.compile(r"\d+\.\d+\.\d+(?:-[\w.]+)?")
_MAX = 40
UNKNOWN = "unknown"  # recorded, so it counts strictly, unlike an account never asked

# Names other software goes by in nodeinfo, for the same counting.
_ALIASES = {"glitchsoc": "glitch-soc", "glitch": "glitch-soc"}


def _name(value: Any) -> str:
    name = _NAME.sub("", value.lower())[:_MAX] if isinstance(value, str) else ""
    return _ALIASES.get(name, name)


def _version(value: Any) -> str:
    return _VERSION.sub("", value).strip()[:_MAX] if isinstance(value, str) else ""


def _fork(name: str, version: str) -> str:
    """Mastodon's forks call themselves "mastodon" and say who they are in the version."""
    lowered = version.lower()
    if name == "mastodon" and "glitch" in lowered:
        return "glitch-soc"
    if name == "mastodon" and "hometown" in lowered:
        return "hometown"
    return name


def recognise(info: dict[str, Any], nodeinfo: dict[str, Any]) -> dict[str, str]:
    """{"software": …, "software_version": …}: "unknown" when neither answer names it."""
    software = nodeinfo.get("software") if isinstance(nodeinfo, dict) else None
    software = software if isinstance(software, dict) else {}
    name, version = _name(software.get("name")), _version(software.get("version"))
    said = info.get("version") if isinstance(info, dict) else None
    said = said if isinstance(said, str) else ""
    if not name and (compatible := _COMPATIBLE.search(said)):
        name, version = _name(compatible.group(1)), _version(compatible.group(2).strip())
    if not name:
        name, version = _from_version(said), _version(said)
    return {"software": _fork(name, version or said), "software_version": version or _version(said)}


# The software that holds a post until its `scheduled_at` (POST /api/v1/statuses), from which
# version: Mastodon 2.7 (and its forks, which share its code), GoToSocial 0.20. Anything else
# gets no `scheduled_at`: GoToSocial before 0.20 and Pixelfed ignore it and publish at once.
_HOLDS_FROM = {
    "mastodon": (2, 7),
    "glitch-soc": (2, 7),
    "hometown": (2, 7),
    "gotosocial": (0, 20),
}
_LEADING = regex.compile(r"(\d+)\.(\d+)")


def holds_posts(settings: dict[str, Any]) -> bool:
    """Whether the account's server (its recorded "software" and "software_version")
    holds a scheduled post until its time. Unknown software or version: no."""
    name, version = settings.get("software"), settings.get("software_version")
    since = _HOLDS_FROM.get(name) if isinstance(name, str) else None
    found = _LEADING.match(version) if isinstance(version, str) else None
    return since is not None and found is not None and tuple(map(int, found.groups())) >= since


def _from_version(said: str) -> str:
    """Without nodeinfo: GoToSocial's instance version is "3.5.3+<its own>"; a plain
    Mastodon version is Mastodon (or a fork the version names); anything else is unknown."""
    if _fork("mastodon", said) != "mastodon" or _MASTODON_VERSION.fullmatch(said):
        return "mastodon"
    if said.startswith("3.5.3+"):
        return "gotosocial"
    return UNKNOWN


# The software that edits a published status (PUT /api/v1/statuses/:id), from which version:
# Mastodon 3.5 (`language` from 4.0), GoToSocial 0.18; Pixelfed has the endpoint (its
# StatusEditController, without `language` or `media_attributes`) where its admin turned
# post editing on, else it answers 404. Anything else is not guessed at: no edit.
_EDITS_FROM = {
    "mastodon": (3, 5),
    "glitch-soc": (3, 5),
    "hometown": (3, 5),
    "gotosocial": (0, 18),
    "pixelfed": (0, 0),
}
_LANGUAGE_FROM = {
    "mastodon": (4, 0),
    "glitch-soc": (4, 0),
    "hometown": (4, 0),
    "gotosocial": (0, 18),
}


def _at_least(settings: dict[str, Any], since: dict[str, tuple[int, int]]) -> bool:
    name, version = settings.get("software"), settings.get("software_version")
    first = since.get(name) if isinstance(name, str) else None
    if first == (0, 0):
        return True
    found = _LEADING.match(version) if isinstance(version, str) else None
    return first is not None and found is not None and tuple(map(int, found.groups())) >= first


def edits_posts(settings: dict[str, Any]) -> bool:
    """Whether the account's server can edit a published status. Unknown: no."""
    return _at_least(settings, _EDITS_FROM)


def edits_language(settings: dict[str, Any]) -> bool:
    """Whether an edit may change the status's language (Mastodon 4.0+, GoToSocial)."""
    return _at_least(settings, _LANGUAGE_FROM)
