"""A status's length, links, mentions and hashtags, as a Mastodon server (4.2–4.6) sees them.

Follows the server, not the web composer: StatusLengthValidator, Mastodon's Extractor
(app/lib/extractor.rb) over twitter-text 3.1.0 as config/initializers/twitter_regex.rb
changes it, Account::MENTION_RE and Tag::HASHTAG_RE. The links come from twitter_urls.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from composer.core.text.graphemes import grapheme_count_unicode15
from composer.core.text.twitter_chars import LATIN_ACCENTS, LONG_S, char_set
from composer.core.text.twitter_urls import find_urls

__all__ = ["Entity", "countable_text", "find_entities", "status_length"]


@dataclass(frozen=True, slots=True)
class Entity:
    kind: str  # "url" | "mention" | "hashtag"
    start: int  # Python str index, inclusive
    end: int  # exclusive
    value: str  # the URL; the mention as "user@domain" or "user"; the tag without "#"


_MAX_MENTION_DOMAIN_LENGTH = 253  # Mastodon Extractor::MAX_DOMAIN_LENGTH
_URL_PLACEHOLDER = "x"
_RUBY_STRIP = "\x00\t\n\x0b\x0c\r "  # what Ruby's String#strip takes off both ends

_Found = tuple[int, int, str, str]  # start, end, kind, value: an Entity before it is built

# end_mention_match embeds the latin_accents regex, which keeps its own flags: no folds.
_ENDS_MENTION = char_set(LATIN_ACCENTS)

_WORD = r"\p{Alphabetic}\p{M}\p{Nd}\p{Pc}"  # Onigmo's [[:word:]]; regex's \w adds ZWJ/ZWNJ
_USER_CHAR = f"[A-Za-z0-9_\u212a{LONG_S}]"
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


def _urls(text: str, *, extra_uris: bool = False) -> list[_Found]:
    spans = find_urls(text, extra_uris=extra_uris)
    return [(start, end, "url", text[start:end]) for start, end in spans]


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
    found = [*_hashtags(text), *_mentions(text), *_urls(text, extra_uris=True)]
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
    found = [*_mentions(text), *_urls(text)]
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
