"""A URL from outside becomes a safe link or none: https (or http to this machine), one line,
nothing hidden in it, at most 2,048 characters, kept exactly as it came."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.core.net import is_loopback
from composer.core.outside_url import MAX_URL_CHARS, safe_link
from tests.support.strategies import characters

SAFE = [
    "https://social.example/@omroep/112634509876543210",
    "https://example.org/nieuws/open-dag/?utm=1#boven",
    "HTTPS://Example.org/Nieuws",
    "https://bücher.example/café",
    "https://[2001:db8::1]:8443/x",
    "http://127.0.0.1:8080/@omroep/1",
    "http://localhost:3000/nieuws",
    "http://[::1]:9/",
    "https://discord.com/channels/556677/998877/1300000000000000001",
    "https://x.example/" + "a" * (MAX_URL_CHARS - len("https://x.example/")),
]

HOSTILE = [
    "javascript:alert(document.cookie)",
    "JavaScript://example.org/%0Aalert(1)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "https://example.org/x\n\n@everyone Klik hier: https://phish.example/login",
    "https://example.org/x\r\nSet-Cookie: a=b",
    " https://example.org/x",
    "https://example.org/x ",
    "https://example.org/a b",
    "https://example.org/\u2028x",
    "https://example.org/\u202eexe.pdf",  # a right-to-left override turns the shown text
    "https://example.org/\u200bx",
    "https://example.org/\x00",
    "https://example.org/<img src=x>",
    'https://example.org/"onmouseover="x',
    "https://example.org\\@phish.example/",
    "https://bank.example@phish.example/login",
    "https://:pw@phish.example/",
    "http://example.org/x",  # plain http to another machine
    "http://127.1/",
    "http://2130706433/",
    "http://localhost.phish.example:80@127.0.0.1/",
    "https:/example.org/x",
    "https:example.org",
    "https://",
    "https://exa_mple.org/",
    "https://-x-.example/",
    "https://a..b.example/",
    "https://example.org/100%",
    "https://example.org/%zz",
    "https://example.org:99999999/",
    "https://example.org:port/",
    "https://[::1/",
    "//example.org/x",
    "/nieuws/x",
    "ftp://example.org/x",
    "https://x.example/" + "a" * (MAX_URL_CHARS - len("https://x.example/") + 1),
    "",
    None,
    42,
    ["https://example.org/"],
    {"url": "https://example.org/"},
]


@pytest.mark.parametrize("url", SAFE)
def test_a_safe_link_is_kept_exactly(url):
    assert safe_link(url) == url


@pytest.mark.parametrize("value", HOSTILE)
def test_anything_else_is_no_address(value):
    assert safe_link(value) == ""


def _obeys_the_rules(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return (
        len(url) <= MAX_URL_CHARS
        and url.isprintable()
        and not any(char.isspace() for char in url)
        and bool(host)
        and (parts.scheme == "https" or (parts.scheme == "http" and is_loopback(host)))
    )


def _holds(value: str) -> None:
    link = safe_link(value)
    assert link in ("", value)  # a safe link or none; never a repaired version
    assert safe_link(link) == link  # and it stays what it is when read back
    if link:
        assert _obeys_the_rules(link)


@given(st.text(characters(exclude_categories=())))
def test_any_string_becomes_a_safe_link_or_none(value):
    _holds(value)


SCHEMES = st.sampled_from(["https", "http", "HTTPS", "javascript", "file", "data", "ftp", ""])
HOSTS = st.sampled_from(
    ["example.org", "127.0.0.1", "localhost", "[::1]", "127.1", "evil.example", "", "a@b"]
)
SEPARATORS = st.sampled_from(["://", ":", ":/", ":///", "//", ":\\\\"])


@given(SCHEMES, SEPARATORS, HOSTS, st.text(st.characters(codec="utf-8"), max_size=60))
def test_any_url_shaped_string_becomes_a_safe_link_or_none(scheme, separator, host, rest):
    value = f"{scheme}{separator}{host}{rest}"
    _holds(value)
    if scheme.lower() not in ("https", "http") or separator != "://":
        assert safe_link(value) == ""
    if any(char.isspace() or not char.isprintable() for char in value):
        assert safe_link(value) == ""
