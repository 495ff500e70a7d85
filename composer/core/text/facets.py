"""Bluesky rich-text facets (links, mentions, hashtags) found as the official client finds them.

Follows `detectFacets` in bluesky-social/atproto `packages/api/src/rich-text/` (detection.ts,
util.ts) as published in @atproto/api 0.19.19, which social-app 1.116 pulls in ("^0.18.20").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from composer.core.text.graphemes import utf8_offsets
from composer.core.text.tlds import is_valid_domain

# Upstream runs JavaScript regexes over UTF-16; these are the same patterns for Python str.
# JavaScript's \s: WhiteSpace (TAB, VT, FF, SP, NBSP, ZWNBSP, Zs) plus LineTerminator; unlike
# Python's it has U+FEFF but not U+001C-U+001F or U+0085. Its \b and its /i flag (without
# /u) are ASCII-only, so they are spelt out in ASCII: Python's re.I would let the Kelvin
# sign and "ſ" match [a-z].
_WS = r"\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# Zero-width characters the upstream tag pattern refuses inside a tag.
_ZW = r"\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
_WORD = r"A-Za-z0-9_"

_MENTION = regex.compile(
    rf"(?:^|(?<=[{_WS}(]))@(?P<handle>[a-zA-Z0-9.-]+)"
    rf"(?:(?<=[{_WORD}])(?![{_WORD}])|(?<![{_WORD}])(?=[{_WORD}]))"
)
# The upstream pattern has the m flag, so its ^ also matches after a line terminator; every
# line terminator is in _WS, so "not preceded by anything but _WS or (" covers both. The
# stdlib engine runs this lookbehind-first pattern about twice as fast as `regex`.
_URL = re.compile(
    rf"(?<![^{_WS}(])"
    rf"(?P<uri>[hH][tT][tT][pP][sS]?://[^{_WS}]+"
    rf"|(?P<domain>[a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+)[^{_WS}]*)"
)
# Upstream makes the tag body optional and skips matches without one; requiring it finds the
# same tags without a Python round trip for every lone "#".
_TAG = regex.compile(
    rf"(?:^|(?<=[{_WS}]))[#＃]"
    rf"(?P<tag>(?!\ufe0f)[^{_WS}{_ZW}]*[^0-9{_WS}\p{{P}}{_ZW}]+[^{_WS}{_ZW}]*)"
)
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+\Z")
_CASHTAG = regex.compile(
    rf"(?:^|(?<=[{_WS}(]))\$(?P<ticker>[A-Za-z][A-Za-z0-9]{{0,4}})"
    rf"(?=[{_WS}]|\Z|[.,;:!?)\"'\u2019])"
)
_MAX_TAG_UTF16 = 64


@dataclass(frozen=True, slots=True)
class Facet:
    kind: str  # "link" | "mention" | "tag"
    start: int  # str index, inclusive
    end: int  # str index, exclusive
    byte_start: int  # UTF-8 byte offset, inclusive
    byte_end: int  # UTF-8 byte offset, exclusive
    # link: the full URL; mention: the handle without "@"; tag: without "#"/"＃", and a
    # cashtag's is "$" and its ticker in capitals ("$AAPL")
    value: str


def _utf16_units(text: str) -> int:
    return len(text) + sum(1 for char in text if char > "\uffff")


def _mentions(text: str) -> Iterator[tuple[str, int, int, str]]:
    for match in _MENTION.finditer(text):
        handle = match["handle"]
        if is_valid_domain(handle) or handle.endswith(".test"):
            yield "mention", match.start(), match.end(), handle


def _links(text: str) -> Iterator[tuple[str, int, int, str]]:
    for match in _URL.finditer(text):
        uri = match["uri"]
        start, end = match.span("uri")
        if not uri.startswith("http"):
            domain = match["domain"]
            if domain is None or not is_valid_domain(domain):
                continue
            uri = f"https://{uri}"
        if uri[-1] in ".,;:!?":
            uri = uri[:-1]
            end -= 1
        if uri[-1] == ")" and "(" not in uri:
            uri = uri[:-1]
            end -= 1
        yield "link", start, end, uri


def _tags(text: str) -> Iterator[tuple[str, int, int, str]]:
    for match in _TAG.finditer(text):
        tag = _TRAILING_PUNCTUATION.sub("", match["tag"])
        if _utf16_units(tag) <= _MAX_TAG_UTF16:
            start = match.start()
            yield "tag", start, start + 1 + len(tag), tag


def _cashtags(text: str) -> Iterator[tuple[str, int, int, str]]:
    for match in _CASHTAG.finditer(text):
        yield "tag", match.start(), match.end(), "$" + match["ticker"].upper()


def _spans(text: str) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, value) in upstream order: mentions, links, tags, cashtags."""
    found: list[tuple[str, int, int, str]] = []
    # Each pattern needs its sigil; skipping a scan is much cheaper than running it.
    if "@" in text:
        found.extend(_mentions(text))
    if "." in text or "://" in text:
        found.extend(_links(text))
    if "#" in text or "＃" in text:
        found.extend(_tags(text))
    if "$" in text:
        found.extend(_cashtags(text))
    return found


def _with_offsets(text: str, spans: list[tuple[str, int, int, str]]) -> list[Facet]:
    """Facets for (kind, start, end, value) spans of `text`, with their UTF-8 offsets."""
    if not spans:
        return []
    offsets = utf8_offsets(text, [index for _, start, end, _ in spans for index in (start, end)])
    return [
        Facet(kind, start, end, offsets[start], offsets[end], value)
        for kind, start, end, value in spans
    ]


def detect_facets(text: str) -> list[Facet]:
    """Links, mentions and hashtags in `text` as the official Bluesky client detects them.

    Sorted by start. Mentions carry the handle; resolving it to a DID is the caller's job.
    What upstream does, kept on purpose so posts come out as the official app makes them:

    - a hashtag may be at most 64 UTF-16 code units long (`tag.length > 64` upstream), not
      64 graphemes: an astral emoji counts as 2;
    - cashtags (`$aapl`, upstream since 0.18.14) are tag facets valued "$AAPL";
    - a link keeps a trailing ")" whenever it contains any "(", so "(see
      https://example.org/a_(b))" links "https://example.org/a_(b))"; of ".,;:!?" only one
      trailing character goes;
    - a bare "word.tld" starting with "http" ("httpbin.org") is a link as it stands, without
      "https://" and without a TLD check; "HTTPS://…" is no link; TLDs are case-sensitive;
    - facets of different sorts may overlap (a mention or cashtag inside a link, a link or
      cashtag inside a hashtag, a hashtag and a link may even cross), since the official
      client posts them all; two links, mentions, hashtags or cashtags never overlap.
    """
    spans = _spans(text)
    spans.sort(key=lambda span: span[1])
    return _with_offsets(text, spans)
