"""Links in a status, as Mastodon's Extractor finds them with twitter-text's valid_url.

A port of twitter-text 3.1.0's URL extraction as config/initializers/twitter_regex.rb
changes it (no URLs without a scheme, Mastodon's path rules and schemes), with t.co
handling, the IDNA check, and Extractor#extract_extra_uris_with_indices (xmpp:, magnet:).
"""

from __future__ import annotations

import stringprep
from collections.abc import Iterator
from encodings import idna
from functools import lru_cache

import regex

from composer.core.text.twitter_chars import (
    ALNUM_CI,
    LATIN_ACCENT_FOLDS,
    LATIN_ACCENTS,
    LONG_S,
    NOT_DOMAIN,
    NOT_DOMAIN_RANGES,
    class_body,
    folding,
)
from composer.core.text.twitter_domains import Chains, always

__all__ = ["find_urls"]

_MAX_URL_LENGTH = 4096  # twitter-text Extractor::MAX_URL_LENGTH
_MAX_TCO_SLUG_LENGTH = 40

_Span = tuple[int, int]  # start, end
_NOT_PRECEDING = ALNUM_CI | frozenset("@\uff20$#\uff03\ufffe\ufeff\uffff")  # before a URL

_DOMAIN_CHAR = f"[^{class_body(NOT_DOMAIN_RANGES)}]"
_NOT_PRECEDING_CLASS = class_body(tuple((ord(char), ord(char)) for char in sorted(_NOT_PRECEDING)))
_URL_START = regex.compile(f"(?<=[^{_NOT_PRECEDING_CLASS}]){_DOMAIN_CHAR}")
_WORD_BEFORE = regex.compile(r"[^\t-\r ]*", regex.REVERSE)

_SCHEMES = ("https", "http", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "gemini")
_SCHEME = regex.compile(f"(?:{'|'.join(map(folding, _SCHEMES))})://")
_TCO = regex.compile(f"{folding('https')}?://{folding('t')}\\.{folding('co')}/")

# Mastodon's path rules. The path may not end in the punctuation listed, unless in
# parentheses; those keep twitter-text's own rule for what goes inside, because
# twitter_regex.rb redefines valid_url_balanced_parens only after using it there.
_PATH_CHAR = r"[^\p{White_Space}<>()?]"
_PARENS = rf"\((?:{_PATH_CHAR}+|{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*)\)"
_OLD_PATH_CHAR = (
    r"[A-Za-z\u212a\p{sc=Cyrillic}0-9!*';:=+,.$/%#\[\]\p{Pd}_~&|@"
    + class_body(LATIN_ACCENTS)
    + LATIN_ACCENT_FOLDS
    + "]"
)
_OLD_PARENS = rf"\((?:{_OLD_PATH_CHAR}+|{_OLD_PATH_CHAR}*\({_OLD_PATH_CHAR}+\){_OLD_PATH_CHAR}*)\)"
_PATH_END = rf"""(?:[^\p{{White_Space}}()?!*"'「」<>;:=,.$%\[\]~&|@]|{_OLD_PARENS})"""
_PATH_PART = rf"(?:{_PATH_CHAR}*(?:{_PARENS}{_PATH_CHAR}*)*{_PATH_END}|{_PATH_CHAR}+/)"
_UCHARS = (
    "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\ue000-\uf8ff"
    "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd\U00040000-\U0004fffd"
    "\U00050000-\U0005fffd\U00060000-\U0006fffd\U00070000-\U0007fffd\U00080000-\U0008fffd"
    "\U00090000-\U0009fffd\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd"
    "\U000d0000-\U000dfffd\U000e1000-\U000efffd\U000f0000-\U000ffffd\U00100000-\U0010fffd"
)
_QUERY = rf"\?[A-Za-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@^{_UCHARS}]*[A-Za-z0-9_&=#/\-{_UCHARS}]"
_URL_TAIL = regex.compile(rf"(?::[0-9]+)?(?:/{_PATH_PART}*)?(?:{_QUERY})?")

# xmpp: and magnet: links (Extractor#extract_extra_uris_with_indices): linked, not shortened.
_UNRESERVED = rf"[A-Za-z\u212a{LONG_S}\p{{sc=Cyrillic}}0-9\p{{Pd}}._~]"
_NODE_ID = rf"(?:{_UNRESERVED}|%[0-9A-Fa-f]{{2}}|[!$()*+,;=])"
_RESOURCE_ID = rf"(?:{_UNRESERVED}|%[0-9A-Fa-f]{{2}}|[!$&'()*+,;=])"
_NODE_AT = regex.compile(rf"{_NODE_ID}+@")
_XMPP_TAIL = regex.compile(rf"(?:/{_RESOURCE_ID}+)?(?:{_QUERY})?")
_MAGNET_QUERY = regex.compile(_QUERY)
_EXTRA_SCHEME = regex.compile(f"(?:{folding('xmpp')}|{folding('magnet')}):")
_IDNA_DOTS = regex.compile("[.\u3002\uff0e\uff61]")


def _attempt_key(text: str, start: int, cursor: int) -> tuple[int, int] | None:
    """When String#scan tries valid_url with the URL itself at `start`, or None if never.

    The regex opens with one preceding character (not a letter, digit, @, $ or #) or "^", so
    scanning position p tries the URL at p + 1 before the URL at p. A newline is a valid
    preceding character, which leaves "^" only the start of the text.
    """
    if start >= 1 and start - 1 >= cursor and text[start - 1] not in _NOT_PRECEDING:
        return start - 1, 0
    if start == 0 and cursor == 0:
        return 0, 1
    return None


def _region_start(text: str, lo: int, hi: int, cursor: int) -> tuple[tuple[int, int], int] | None:
    options: list[tuple[tuple[int, int], int]] = []
    if lo == 0 and cursor == 0 and text[0] not in NOT_DOMAIN:
        options.append(((0, 1), 0))
    first = max(lo, cursor + 1, 1)
    if first < hi and (m := _URL_START.search(text, first, hi)):
        options.append(((m.start() - 1, 0), m.start()))
    return min(options) if options else None


class _UrlScan:
    """Replays `text.scan(valid_url)`, yielding (start, domain start, domain end, end) for
    each URL with a scheme.

    Matches without a scheme are found too, as they use up text, but are then dropped
    (extract_url_without_protocol: false); once no scheme is left, nothing else matters.
    """

    def __init__(self, text: str, chains: Chains) -> None:
        self._text, self._chains = text, chains
        self._schemes = [(m.start(), m.end()) for m in _SCHEME.finditer(text)]
        self._scheme = 0
        self._spans = iter(chains.spans.items())
        self._next_span = next(self._spans, None)
        self._regions: list[tuple[int, int, int]] = []
        self._region = 0
        self._cursor = 0

    def __iter__(self) -> Iterator[tuple[int, int, int, int]]:
        while (scheme := self._next_scheme()) is not None:
            key, start, host, domain_end = scheme
            # No match holds ASCII white space, so only a match in the same word can use up
            # the place this scheme needs: the chains before that word never matter.
            self._skip_before(always(_WORD_BEFORE.match(self._text, 0, start)).start())
            region = self._next_region(key[0])
            if region is not None and region[0] < key:
                _, start, domain_end = region
                host = start
            self._cursor = always(_URL_TAIL.match(self._text, domain_end)).end()
            if host != start:
                yield start, host, domain_end, self._cursor

    def _next_scheme(self) -> tuple[tuple[int, int], int, int, int] | None:
        while self._scheme < len(self._schemes):
            start, host = self._schemes[self._scheme]
            key = _attempt_key(self._text, start, self._cursor)
            if key is not None and (end := next(self._chains.domain_ends(host), -1)) >= 0:
                return key, start, host, end
            self._scheme += 1  # and never again: the cursor only moves on
        return None

    def _skip_before(self, word: int) -> None:
        while self._region < len(self._regions) and self._regions[self._region][1] <= word:
            self._region += 1
        while self._next_span is not None and self._next_span[1] <= word:
            self._next_span = next(self._spans, None)

    def _next_region(self, limit: int) -> tuple[tuple[int, int], int, int] | None:
        """The first place a match without a scheme starts, unless that is after `limit`."""
        while True:
            if self._region == len(self._regions):
                if self._next_span is None or self._next_span[0] - 1 > limit:
                    return None
                lo, hi = self._next_span
                self._next_span = next(self._spans, None)
                if self._cursor == 0 or hi > self._cursor + 1:
                    self._regions.extend(self._chains.at(lo).regions(self._text))
                continue
            lo, hi, domain_end = self._regions[self._region]
            if lo - 1 > limit:
                return None
            found = _region_start(self._text, lo, hi, self._cursor)
            if found is not None:
                return found[0], found[1], domain_end
            self._region += 1  # and never again: the cursor only moves on


def _tco_end(text: str, start: int, end: int) -> int | None:
    """twitter-text keeps only "http(s)://t.co/<slug>" of a t.co link; -1 drops the link."""
    prefix = _TCO.match(text, start, end)
    if prefix is None:
        return None
    slug = stop = prefix.end()
    while stop < end and text[stop] in ALNUM_CI:
        stop += 1
    if stop == slug:
        return None
    return stop if stop - slug <= _MAX_TCO_SLUG_LENGTH else -1


@lru_cache(maxsize=1024)
def _idna_to_ascii(domain: str) -> str | None:
    """libidn's idna_to_ascii_8z without flags, as idn-ruby calls it: IDNA 2003 with
    unassigned code points refused. None where that fails."""
    labels = _IDNA_DOTS.split(domain)
    root = len(labels) > 1 and labels[-1] == ""
    if root:
        labels.pop()
    out: list[str] = []
    for label in labels:
        if any(stringprep.in_table_a1(char) for char in label):
            return None
        try:
            out.append(idna.ToASCII(label).decode("ascii"))
        except UnicodeError:
            return None
    return ".".join(out) + ("." if root else "")


def _urls(text: str, chains: Chains) -> list[_Span]:
    urls: list[_Span] = []
    for start, host, domain_end, end in _UrlScan(text, chains):
        stop = _tco_end(text, start, end)
        if stop is None:
            stop = end
        elif stop < 0:
            continue
        # twitter-text's is_valid_domain: the domain must convert, and the URL with its
        # domain in punycode may not pass 4096 characters.
        domain = text[host:domain_end]
        ascii_domain = _idna_to_ascii(domain)
        if ascii_domain is None:
            continue
        if stop - start + max(0, len(ascii_domain) - len(domain)) <= _MAX_URL_LENGTH:
            urls.append((start, stop))
    return urls


def _xmpp_end(text: str, pos: int, chains: Chains) -> int:
    # (//node@domain/)? (node@)? domain (/resource)? (?query)?, in the order the regex tries.
    hosts: list[int] = []
    if text.startswith("//", pos) and (node := _NODE_AT.match(text, pos + 2)):
        hosts = [end + 1 for end in chains.domain_ends(node.end()) if text[end : end + 1] == "/"]
    for host in (*hosts, pos):
        node = _NODE_AT.match(text, host)
        for start in (node.end(), host) if node else (host,):
            domain_end = next(chains.domain_ends(start), -1)
            if domain_end >= 0:
                return always(_XMPP_TAIL.match(text, domain_end)).end()
    return -1


def _extra_uris(text: str, chains: Chains) -> list[_Span]:
    uris: list[_Span] = []
    cursor = 0
    for m in _EXTRA_SCHEME.finditer(text):
        if _attempt_key(text, m.start(), cursor) is None:
            continue
        if m.end() - m.start() == len("xmpp:"):
            end = _xmpp_end(text, m.end(), chains)
        else:
            query = _MAGNET_QUERY.match(text, m.end())
            end = query.end() if query else -1
        if end >= 0:
            uris.append((m.start(), end))
            cursor = end
    return uris


def find_urls(text: str, *, extra_uris: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each link with a scheme in `text`, as Extractor.extract_urls_with_indices
    finds it with extract_url_without_protocol: false; with `extra_uris`, the xmpp: and
    magnet: links after them too. Overlaps between the two are left to the caller.
    """
    if (":" if extra_uris else "://") not in text:
        return []  # nothing to find: spares building the chains
    chains = Chains(text)
    urls = _urls(text, chains)
    if extra_uris:
        urls += _extra_uris(text, chains)
    return urls
