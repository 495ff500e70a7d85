"""A URL that came from outside (a server's answer, a web page) as a value to check, not a
string to trust: the one rule for every post URL, page URL, link-card and avatar address.

A safe link is `https://host…`, or `http://` to this machine only (the tests' servers, see
net.is_loopback), on one line: no whitespace, control or invisible formatting characters, no
characters a URL never holds unescaped (`<>"\\^`{|}`, a `%` without two hex digits), no
`user@` in front of the host, at most 2,048 characters. It is kept exactly as it came
(nothing is trimmed or repaired), so what is checked is what is stored, shown and opened.
Anything else is "no address".
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from composer.core.net import is_loopback

__all__ = ["MAX_URL_CHARS", "safe_link"]

MAX_URL_CHARS = 2_048
# Cc control, Cf format (bidi overrides, zero-width), Cs/Co surrogates and private use,
# Cn unassigned, Z* separators (spaces, U+2028 line separator).
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
_REFUSED_CHARACTERS = frozenset('<>"\\^`{|}')
_BROKEN_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")  # a % not followed by two hex digits
# A name: labels of letters, digits and inner hyphens, between dots; or an IPv6 address
# (urlsplit drops its [ ]).
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.?|[0-9a-f.]*:[0-9a-f:.]*")


def safe_link(value: object) -> str:
    """`value` when it is a safe link (see the module), else "" ("no address")."""
    if not isinstance(value, str) or not value or len(value) > MAX_URL_CHARS:
        return ""
    if any(_refused(char) for char in value) or _BROKEN_ESCAPE.search(value):
        return ""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError:
        return ""
    host = parts.hostname or ""
    allowed = parts.scheme == "https" or (parts.scheme == "http" and is_loopback(host))
    whole = (
        # "https:/x" and "https:x" are no links; "user@" in front of a host disguises it
        value[: len(parts.scheme) + 3].lower() == f"{parts.scheme}://"
        and "@" not in parts.netloc
        and (bool(_HOST.fullmatch(host)) or _international(host))
    )
    return value if allowed and whole else ""


def _refused(char: str) -> bool:
    return (
        char in _REFUSED_CHARACTERS
        or char.isspace()
        or unicodedata.category(char) in _REFUSED_CATEGORIES
    )


def _international(host: str) -> bool:
    """A name in another script (bücher.example): letters and digits, and an ASCII form."""
    labels = host.rstrip(".").split(".")
    if any(not label or label[0] == "-" or label[-1] == "-" for label in labels):
        return False
    if not all(char.isalnum() or char in "-." for char in host):
        return False
    try:
        ascii_form = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return bool(_HOST.fullmatch(ascii_form))
