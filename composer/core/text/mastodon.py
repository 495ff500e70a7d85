"""A status's length, links, mentions and hashtags, as a Mastodon server (4.2–4.6) sees them.

Follows the server, not the web composer: StatusLengthValidator, Mastodon's Extractor
(app/lib/extractor.rb) over twitter-text 3.1.0 as config/initializers/twitter_regex.rb
changes it, Account::MENTION_RE and Tag::HASHTAG_RE.
"""

from __future__ import annotations

import stringprep
from collections.abc import Iterator
from dataclasses import dataclass
from encodings import idna
from functools import lru_cache
from importlib import resources

import regex

from composer.core.text.graphemes import grapheme_count_unicode15

__all__ = ["Entity", "countable_text", "find_entities", "status_length"]


@dataclass(frozen=True, slots=True)
class Entity:
    kind: str  # "url" | "mention" | "hashtag"
    start: int  # Python str index, inclusive
    end: int  # exclusive
    value: str  # the URL; the mention as "user@domain" or "user"; the tag without "#"


_MAX_URL_LENGTH = 4096  # twitter-text Extractor::MAX_URL_LENGTH
_MAX_TCO_SLUG_LENGTH = 40
_MAX_MENTION_DOMAIN_LENGTH = 253  # Mastodon Extractor::MAX_DOMAIN_LENGTH
_URL_PLACEHOLDER = "x"
_RUBY_STRIP = "\x00\t\n\x0b\x0c\r "  # what Ruby's String#strip takes off both ends

_Found = tuple[int, int, str, str]  # start, end, kind, value: an Entity before it is built
_Ranges = tuple[tuple[int, int], ...]


def _class_body(ranges: _Ranges) -> str:
    return "".join(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)


def _char_set(ranges: _Ranges) -> frozenset[str]:
    return frozenset(chr(code) for lo, hi in ranges for code in range(lo, hi + 1))


# twitter-text's DOMAIN_VALID_CHARS is "anything but" these. Its PUNCTUATION_CHARS is a
# single-quoted Ruby string, so there "\[" escapes the bracket and the backslash never
# reaches the class: "\" is a domain character.
_NOT_DOMAIN_RANGES: _Ranges = (
    (0x00, 0x2F), (0x3A, 0x40), (0x5B, 0x5B), (0x5D, 0x60), (0x7B, 0x7F), (0x85, 0x85),
    (0xA0, 0xA0), (0x61C, 0x61C), (0x1680, 0x1680), (0x180E, 0x180E), (0x2000, 0x200A),
    (0x200E, 0x200F), (0x2028, 0x202F), (0x205F, 0x205F), (0x2066, 0x2069), (0x3000, 0x3000),
    (0xFEFF, 0xFEFF), (0xFFFE, 0xFFFF),
)  # fmt: skip
# A "chain": domain characters, "-", "_" and ".", the stuff labels and dots are made of.
_NOT_CHAIN_RANGES: _Ranges = (
    (0x00, 0x2C), (0x2F, 0x2F), (0x3A, 0x40), (0x5B, 0x5B), (0x5D, 0x5E), (0x60, 0x60),
    (0x7B, 0x7F), *_NOT_DOMAIN_RANGES[5:],
)  # fmt: skip
_NOT_DOMAIN = _char_set(_NOT_DOMAIN_RANGES)

# Ruby's /i lets [a-z] match the Kelvin sign and the long s too (they fold to "k" and "s");
# these sets spell out what Onigmo matches, checked code point by code point against Ruby.
_LONG_S = "\u017f"
_ALNUM_CI = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\u212a" + _LONG_S
)
_NOT_PRECEDING = _ALNUM_CI | frozenset("@\uff20$#\uff03\ufffe\ufeff\uffff")  # before a URL
_NOT_AFTER_TLD = _ALNUM_CI | frozenset("@+-")  # the (?=[^0-9a-z@+-]|$) after a TLD

_LATIN_ACCENTS: _Ranges = (
    (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0xFF), (0x100, 0x24F), (0x253, 0x254), (0x256, 0x257),
    (0x259, 0x259), (0x25B, 0x25B), (0x263, 0x263), (0x268, 0x268), (0x26F, 0x26F),
    (0x272, 0x272), (0x289, 0x289), (0x28B, 0x28B), (0x2BB, 0x2BB), (0x300, 0x36F),
    (0x1E00, 0x1EFF),
)  # fmt: skip
# What /i adds to LATIN_ACCENTS in Onigmo (the long s in it brings "s", U+0345 iota...),
# where twitter-text puts them in a case-insensitive class.
_LATIN_ACCENT_FOLDS = (
    "Ss\u0260\u0269\u0275\u0280\u0283\u0288\u028a\u028c\u0292"
    "\u0399\u03b9\u1fbe\u212b\u2c65\u2c66\u2c7e\u2c7f"
)
# end_mention_match embeds the latin_accents regex, which keeps its own flags: no folds.
_ENDS_MENTION = _char_set(_LATIN_ACCENTS)

_DOMAIN_CHAR = f"[^{_class_body(_NOT_DOMAIN_RANGES)}]"
_CHAIN_CHAR = f"[^{_class_body(_NOT_CHAIN_RANGES)}]"
_CHAIN_AFTER = regex.compile(f"{_CHAIN_CHAR}*")
_CHAIN_BEFORE = regex.compile(f"{_CHAIN_CHAR}*", regex.REVERSE)
_NOT_PRECEDING_CLASS = _class_body(tuple((ord(char), ord(char)) for char in sorted(_NOT_PRECEDING)))
_URL_START = regex.compile(f"(?<=[^{_NOT_PRECEDING_CLASS}]){_DOMAIN_CHAR}")
_WORD_BEFORE = regex.compile(r"[^\t-\r ]*", regex.REVERSE)


def _folding(word: str) -> str:
    """`word` as Ruby's /i matches it: "s" also takes the long s, "ss" also "ß".

    No other character folds into the letters of the words used here, so this is exact.
    """
    letters = "".join(f"[{char}{char.upper()}{_LONG_S if char == 's' else ''}]" for char in word)
    double_s = f"[sS{_LONG_S}]" * 2
    return letters.replace(double_s, f"(?:{double_s}|[\u00df\u1e9e])")


_SCHEMES = ("https", "http", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "gemini")
_SCHEME = regex.compile(f"(?:{'|'.join(map(_folding, _SCHEMES))})://")
_TCO = regex.compile(f"{_folding('https')}?://{_folding('t')}\\.{_folding('co')}/")
_PUNYCODE = regex.compile(f"{_folding('xn')}--")

# Mastodon's path rules. The path may not end in the punctuation listed, unless in
# parentheses; those keep twitter-text's own rule for what goes inside, because
# twitter_regex.rb redefines valid_url_balanced_parens only after using it there.
_PATH_CHAR = r"[^\p{White_Space}<>()?]"
_PARENS = rf"\((?:{_PATH_CHAR}+|{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*)\)"
_OLD_PATH_CHAR = (
    r"[A-Za-z\u212a\p{sc=Cyrillic}0-9!*';:=+,.$/%#\[\]\p{Pd}_~&|@"
    + _class_body(_LATIN_ACCENTS)
    + _LATIN_ACCENT_FOLDS
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
_UNRESERVED = rf"[A-Za-z\u212a{_LONG_S}\p{{sc=Cyrillic}}0-9\p{{Pd}}._~]"
_NODE_ID = rf"(?:{_UNRESERVED}|%[0-9A-Fa-f]{{2}}|[!$()*+,;=])"
_RESOURCE_ID = rf"(?:{_UNRESERVED}|%[0-9A-Fa-f]{{2}}|[!$&'()*+,;=])"
_NODE_AT = regex.compile(rf"{_NODE_ID}+@")
_XMPP_TAIL = regex.compile(rf"(?:/{_RESOURCE_ID}+)?(?:{_QUERY})?")
_MAGNET_QUERY = regex.compile(_QUERY)
_EXTRA_SCHEME = regex.compile(f"(?:{_folding('xmpp')}|{_folding('magnet')}):")

_WORD = r"\p{Alphabetic}\p{M}\p{Nd}\p{Pc}"  # Onigmo's [[:word:]]; regex's \w adds ZWJ/ZWNJ
_USER_CHAR = f"[A-Za-z0-9_\u212a{_LONG_S}]"
# Account::MENTION_RE of 4.4+ (4.2 and 4.3 also let the domain start with "." or "-").
_MENTION = regex.compile(
    rf"(?<![=/{_WORD}])@({_USER_CHAR}+(?:[.\-]+{_USER_CHAR}+)*"
    rf"(?:@[{_WORD}]+(?:[.\-]+[{_WORD}]+)*)?)"
)
_SEPARATORS = "_\u00b7\u30fb\u200c"
# Tag::HASHTAG_RE of 4.6: after white space or at the start; "＃" since 4.5.
_HASHTAG = regex.compile(
    rf"(?<![^\p{{White_Space}}])[#\uff03]("
    rf"[{_WORD}_][{_WORD}{_SEPARATORS}]*[\p{{Alphabetic}}{_SEPARATORS}][{_WORD}{_SEPARATORS}]*[{_WORD}_]"
    rf"|[{_WORD}_]*\p{{Alphabetic}}[{_WORD}_]*)"
)
_SCHEME_SUFFIX = regex.compile(r"(.+)(https?)")
_AT = regex.compile("@")
_HASH = regex.compile("[#\uff03]")
_BLANK = regex.compile(r"\p{White_Space}*+")
_IDNA_DOTS = regex.compile("[.\u3002\uff0e\uff61]")


def _load_tlds() -> tuple[dict[str, int], frozenset[str]]:
    # The position in twitter-text's list decides between TLDs matching at the same place.
    text = resources.files(__package__).joinpath("twitter_tlds.txt").read_text(encoding="utf-8")
    order: dict[str, int] = {}
    for line in text.splitlines():
        name = line.strip()
        if name and name[0] not in "#[":
            order.setdefault(name.casefold(), len(order))
    prefixes = frozenset(name[:size] for name in order for size in range(1, len(name) + 1))
    return order, prefixes


_TLD_ORDER, _TLD_PREFIXES = _load_tlds()
_TLD_WINDOW = max(map(len, _TLD_ORDER)) + 1  # every character folds to at least one
_TLD_INITIALS = frozenset(name[0] for name in _TLD_ORDER) | {"x"}  # "x" for punycode


@lru_cache(maxsize=4096)
def _tld_lengths(window: str) -> tuple[int, ...]:
    """Lengths of the known TLDs that start `window`, in twitter-text's order.

    Compares full case folds a character at a time, as Onigmo's /i does for a literal:
    "ß" matches "ss" and the long s "s", but "İ" does not match "i".
    """
    found: list[tuple[int, int]] = []
    folded = ""
    for size, char in enumerate(window, 1):
        folded += char.casefold()
        if folded not in _TLD_PREFIXES:
            break
        order = _TLD_ORDER.get(folded)
        if order is not None and (size == len(window) or window[size] not in _NOT_AFTER_TLD):
            found.append((order, size))
    return tuple(size for _, size in sorted(found))


def _tld_ends(text: str, pos: int) -> tuple[int, ...]:
    """Where twitter-text's TLD alternation can end when it starts at `pos`, in the order its
    regex tries them: known TLDs, then punycode (greedy, so longest first)."""
    window = text[pos : pos + _TLD_WINDOW]
    ends = tuple(pos + size for size in _tld_lengths(window))
    if window[:1] in ("x", "X") and (prefix := _PUNYCODE.match(text, pos)):
        stop = first = prefix.end()
        while stop < len(text) and text[stop] in _ALNUM_CI:
            stop += 1
        ends += tuple(range(stop, first, -1))
    return ends


class _Chain:
    """The labels of one chain, to match twitter-text's valid_domain in it.

    valid_domain is `subdomain* domain_name TLD`. Each label runs to the next dot, so the
    regex's backtracking comes down to how many labels the subdomains take, most first;
    working that out once per chain keeps trying every start position linear.
    """

    __slots__ = ("_last_ok", "_run", "_tlds", "ends", "starts")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        labels = text[lo:hi].split(".")
        count = len(labels)
        starts: list[int] = []
        ends: list[int] = []
        pos = lo
        for label in labels:
            starts.append(pos)
            pos += len(label)
            ends.append(pos)
            pos += 1
        tlds: list[tuple[int, ...]] = [()] * (count + 1)  # TLD ends at the start of each label
        subdomain = [False] * count  # a whole label, with a dot after it
        last_ok = [-1] * count  # the last label up to k that can be the domain name
        latest = -1
        for k in range(count - 1):
            label = labels[k]
            if label and label[-1] not in _NOT_DOMAIN:
                if labels[k + 1][:1].casefold()[:1] in _TLD_INITIALS:
                    tlds[k + 1] = _tld_ends(text, starts[k + 1])
                if label[0] not in _NOT_DOMAIN:
                    subdomain[k] = True
                    if tlds[k + 1] and "_" not in label:
                        latest = k
            last_ok[k] = latest
        last_ok[-1] = latest
        run = [0] * (count + 1)  # subdomain labels in a row from k
        for k in range(count - 2, -1, -1):
            if subdomain[k]:
                run[k] = run[k + 1] + 1
        self.starts, self.ends = starts, ends
        self._tlds, self._run, self._last_ok = tlds, run, last_ok

    def _names_after(self, label: int) -> Iterator[int]:
        # Labels after `label` that can be the domain name, the last (most subdomains) first.
        first, last = label + 1, label + self._run[label + 1]
        k = self._last_ok[last] if last >= first else -1
        while k >= first:
            yield k
            k = self._last_ok[k - 1]

    def domain_ends(self, text: str, label: int, start: int) -> Iterator[int]:
        """Where valid_domain can end when it starts at `start`, inside label `label`, in the
        order the regex tries them."""
        end = self.ends[label]
        if (
            label + 1 >= len(self.starts)
            or start >= end
            or text[start] in _NOT_DOMAIN
            or text[end - 1] in _NOT_DOMAIN
        ):
            return
        for name in self._names_after(label):
            yield from self._tlds[name + 1]
        if text.find("_", start, end) < 0:
            yield from self._tlds[label + 1]

    def regions(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(lo, hi, domain end): valid_domain matches from any domain character in [lo, hi),
        always up to the same end."""
        for label in range(len(self.starts) - 1):
            start, end = self.starts[label], self.ends[label]
            if start >= end or text[end - 1] in _NOT_DOMAIN:
                continue
            name = next(self._names_after(label), -1)
            if name >= 0:
                yield start, end, self._tlds[name + 1][0]
            elif self._tlds[label + 1]:
                # Alone, the label is the domain name, which may not hold a "_".
                under = text.rfind("_", start, end)
                yield (under + 1 if under >= 0 else start), end, self._tlds[label + 1][0]


class _Chains:
    """The chains of a text that can hold a domain (those with a dot and then a domain
    character), each analysed only once something needs it."""

    __slots__ = ("_built", "_text", "spans")

    def __init__(self, text: str) -> None:
        self._text = text
        self._built: dict[int, _Chain] = {}
        self.spans: dict[int, int] = {}  # start: end, in text order
        dot = text.find(".")
        while dot >= 0:
            if dot + 1 < len(text) and text[dot + 1] not in _NOT_DOMAIN:
                lo = _CHAIN_BEFORE.match(text, 0, dot).start()
                hi = _CHAIN_AFTER.match(text, dot).end()
                self.spans[lo] = hi
                dot = text.find(".", hi)
            else:
                dot = text.find(".", dot + 1)

    def at(self, lo: int) -> _Chain:
        """The chain of the span starting at `lo`."""
        chain = self._built.get(lo)
        if chain is None:
            chain = self._built[lo] = _Chain(self._text, lo, self.spans[lo])
        return chain

    def domain_ends(self, start: int) -> Iterator[int]:
        """valid_domain's possible ends from `start`, which follows a non-chain character."""
        if start not in self.spans:
            return iter(())
        return self.at(start).domain_ends(self._text, 0, start)


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
    if lo == 0 and cursor == 0 and text[0] not in _NOT_DOMAIN:
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

    def __init__(self, text: str, chains: _Chains) -> None:
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
            self._skip_before(_WORD_BEFORE.match(self._text, 0, start).start())
            region = self._next_region(key[0])
            if region is not None and region[0] < key:
                _, start, domain_end = region
                host = start
            self._cursor = _URL_TAIL.match(self._text, domain_end).end()
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
    while stop < end and text[stop] in _ALNUM_CI:
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


def _urls(text: str, chains: _Chains) -> list[_Found]:
    urls: list[_Found] = []
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
            urls.append((start, stop, "url", text[start:stop]))
    return urls


def _xmpp_end(text: str, pos: int, chains: _Chains) -> int:
    # (//node@domain/)? (node@)? domain (/resource)? (?query)?, in the order the regex tries.
    hosts: list[int] = []
    if text.startswith("//", pos) and (node := _NODE_AT.match(text, pos + 2)):
        hosts = [end + 1 for end in chains.domain_ends(node.end()) if text[end : end + 1] == "/"]
    for host in (*hosts, pos):
        node = _NODE_AT.match(text, host)
        for start in (node.end(), host) if node else (host,):
            domain_end = next(chains.domain_ends(start), -1)
            if domain_end >= 0:
                return _XMPP_TAIL.match(text, domain_end).end()
    return -1


def _extra_uris(text: str, chains: _Chains) -> list[_Found]:
    uris: list[_Found] = []
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
            uris.append((m.start(), end, "url", text[m.start() : end]))
            cursor = end
    return uris


def _scan(
    pattern: regex.Pattern[str], marks: regex.Pattern[str], text: str
) -> Iterator[regex.Match[str]]:
    """pattern.finditer(text), for a pattern whose matches all start with one of `marks`."""
    cursor = 0
    for mark in marks.finditer(text):
        if mark.start() >= cursor and (m := pattern.match(text, mark.start())):
            cursor = m.end()
            yield m


def _mentions(text: str) -> list[_Found]:
    mentions: list[_Found] = []
    for m in _scan(_MENTION, _AT, text):
        end = m.end()
        # twitter-text's end_mention_match: not the start of a longer name or of a URL.
        if text.startswith(("@", "\uff20", "://"), end) or (
            end < len(text) and text[end] in _ENDS_MENTION
        ):
            continue
        name = m.group(1)
        if len(name.partition("@")[2]) <= _MAX_MENTION_DOMAIN_LENGTH:
            mentions.append((m.start(), end, "mention", name))
    return mentions


def _hashtags(text: str) -> list[_Found]:
    tags: list[_Found] = []
    for m in _scan(_HASHTAG, _HASH, text):
        name, end = m.group(1), m.end()
        if text.startswith("://", end) and (scheme := _SCHEME_SUFFIX.fullmatch(name)):
            # "#tagshttps://…": the scheme belongs to the link, not the tag.
            name = scheme.group(1)
            end -= len(scheme.group(2))
        tags.append((m.start(), end, "hashtag", name))
    return tags


def _remove_overlapping(found: list[_Found]) -> list[_Found]:
    # Extractor.remove_overlapping_entities: by start, dropping any that begins inside the
    # last one kept. No two kinds can start at the same place, so ties never arise.
    kept: list[_Found] = []
    for item in sorted(found):
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def find_entities(text: str) -> list[Entity]:
    """The links, mentions and hashtags Mastodon's formatter finds: sorted, no overlaps.

    As Extractor.extract_entities_with_indices(text, extract_url_without_protocol: false).
    A link needs a scheme (http, https, dat, dweb, ipfs, ipns, ssb, gopher or gemini), so
    "example.nl/agenda" is plain text. xmpp: and magnet: links are "url" entities as well,
    though the server counts those in full. Hashtags follow 4.6 (only after white space or
    at the start; up to 4.5 also after most punctuation), mentions 4.4 and later.
    """
    chains = _Chains(text) if ":" in text else None
    found = [*_hashtags(text), *_mentions(text)]
    if chains is not None:
        found += [*_urls(text, chains), *_extra_uris(text, chains)]
    return [
        Entity(kind, start, end, value) for start, end, kind, value in _remove_overlapping(found)
    ]


def countable_text(text: str, url_length: int = 23) -> str:
    """`text` as StatusLengthValidator counts it: each URL with a scheme becomes `url_length`
    placeholder characters, and "@user@domain" becomes "@user".

    Only what the validator extracts is rewritten (such URLs and mentions, overlaps
    removed), so xmpp: and magnet: links count in full. A blank text (Unicode white space
    only) counts as "".
    """
    if _BLANK.fullmatch(text):
        return ""
    found = _mentions(text)
    if "://" in text:
        found += _urls(text, _Chains(text))
    pieces: list[str] = []
    last = 0
    for start, end, kind, value in _remove_overlapping(found):
        pieces.append(text[last:start])
        username = value.partition("@")[0]
        pieces.append(_URL_PLACEHOLDER * url_length if kind == "url" else f"@{username}")
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def status_length(text: str, spoiler_text: str = "", url_length: int = 23) -> int:
    """The length a Mastodon server holds against `max_characters`.

    Grapheme clusters of the content warning followed by `countable_text(text)`. As on the
    server, and unlike the web composer, both are first stripped of ASCII white space and
    NUL at either end, and a blank text with a content warning is posted with the warning as
    its text (PostStatusService), so the warning's own URLs then count as `url_length`.
    Clusters as Ruby ≤ 3.4 (Unicode 15.0) segments them: an Indic conjunct counts two.
    """
    if _BLANK.fullmatch(text) and not _BLANK.fullmatch(spoiler_text):
        text, spoiler_text = spoiler_text, ""
    return grapheme_count_unicode15(
        spoiler_text.strip(_RUBY_STRIP) + countable_text(text.strip(_RUBY_STRIP), url_length)
    )
