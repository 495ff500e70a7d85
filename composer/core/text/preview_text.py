"""A post's text as each network displays it: plain runs, links, mentions and hashtags.

The previews colour these spans as the networks do. Each network shows a link its own way:
Bluesky as its app shortened it (the facet keeps the full URL), Mastodon without scheme and
"www." and cut to 30 characters with "…" (TextFormatter#link_to_url), Pixelfed and Discord as
written. Hrefs of mentions and hashtags are where the network would link them, or "" when
that depends on a server not known here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from composer.core.platforms import Platform
from composer.core.text.mastodon_count import find_entities
from composer.core.text.measure import Measured

# Mastodon's TextFormatter::URL_PREFIX_REGEX and the visible length after it.
_MASTODON_PREFIX = re.compile(r"\A(https?://(www\.)?|xmpp:)")
_MASTODON_VISIBLE = 30
# Discord's autolink (simple-markdown's `url` rule): trailing punctuation is left out.
_DISCORD_URL = re.compile(r"https?://[^\s<]+[^<.,:;\"')\]\s]")


@dataclass(frozen=True, slots=True)
class Span:
    kind: str  # "text" | "link" | "mention" | "tag"
    text: str  # what the network shows
    href: str = ""  # link: the full URL; mention or tag: its page, when known


def displayed(spans: tuple[Span, ...]) -> str:
    return "".join(span.text for span in spans)


# The same part is shown again on every keystroke that changes another part or tab.
@lru_cache(maxsize=512)
def display_spans(part: Measured, platform: Platform, server: str = "") -> tuple[Span, ...]:
    """`part` (a text as it will be sent) as `platform` shows it; `server` is the account's
    base URL, for the pages of mentions and hashtags."""
    if not part.text:
        return ()
    server = server.rstrip("/")
    if platform is Platform.BLUESKY:
        return _bluesky(part)
    if platform is Platform.MASTODON:
        return _mastodon(part.text, server)
    if platform is Platform.PIXELFED:
        return _pixelfed(part.text, server)
    if platform is Platform.DISCORD:
        return _discord(part.text)
    return (Span("text", part.text),)


def mastodon_link_text(url: str) -> str:
    """ "https://www.example.org/agenda/…" as Mastodon shows it: "example.org/agenda/…"."""
    prefix = _MASTODON_PREFIX.match(url)
    rest = url[prefix.end() :] if prefix else url
    if len(rest) > _MASTODON_VISIBLE:
        return rest[:_MASTODON_VISIBLE] + "…"
    return rest


def _join(text: str, found: Iterable[tuple[int, int, Span]]) -> tuple[Span, ...]:
    """Spans for (start, end, span) in order, with the text between them; overlaps skipped."""
    spans: list[Span] = []
    cursor = 0
    for start, end, span in found:
        if start < cursor or start >= end:
            continue  # a later facet inside an earlier one: the networks show the first
        if start > cursor:
            spans.append(Span("text", text[cursor:start]))
        spans.append(span)
        cursor = end
    if cursor < len(text):
        spans.append(Span("text", text[cursor:]))
    return tuple(spans)


def _bluesky(part: Measured) -> tuple[Span, ...]:
    # As RichText.segments() of @atproto/api: facets by start, a facet that starts inside
    # the previous one is skipped, a blank facet shows as plain text.
    text = part.text

    def found() -> Iterator[tuple[int, int, Span]]:
        for facet in sorted(part.facets, key=lambda facet: facet.start):
            shown = text[facet.start : facet.end]
            if not shown.strip():
                yield facet.start, facet.end, Span("text", shown)
            elif facet.kind == "link":
                yield facet.start, facet.end, Span("link", shown, facet.value)
            elif facet.kind == "mention":
                href = f"https://bsky.app/profile/{facet.value}"
                yield facet.start, facet.end, Span("mention", shown, href)
            else:
                href = f"https://bsky.app/hashtag/{quote(facet.value, safe='')}"
                yield facet.start, facet.end, Span("tag", shown, href)

    return _merge_text(_join(text, found()))


def _mastodon(text: str, server: str) -> tuple[Span, ...]:
    def found() -> Iterator[tuple[int, int, Span]]:
        for entity in find_entities(text):
            value = entity.value
            if entity.kind == "url":
                span = Span("link", mastodon_link_text(value), value)
            elif entity.kind == "mention":
                # A known account shows as "@user"; its page is on its own server.
                user, _, domain = value.partition("@")
                home = f"https://{domain}" if domain else server
                span = Span("mention", f"@{user}", f"{home}/@{user}" if home else "")
            else:
                href = f"{server}/tags/{quote(value, safe='')}" if server else ""
                span = Span("tag", f"#{value}", href)
            yield entity.start, entity.end, span

    return _join(text, found())


def _pixelfed(text: str, server: str) -> tuple[Span, ...]:
    # Pixelfed's Autolink shows links, mentions and hashtags exactly as written.
    def found() -> Iterator[tuple[int, int, Span]]:
        for entity in find_entities(text):
            shown, value = text[entity.start : entity.end], entity.value
            if entity.kind == "url":
                span = Span("link", shown, value)
            elif entity.kind == "mention":
                span = Span("mention", shown, f"{server}/{value}" if server else "")
            else:
                tag = quote(value, safe="")
                span = Span("tag", shown, f"{server}/discover/tags/{tag}" if server else "")
            yield entity.start, entity.end, span

    return _join(text, found())


def _discord(text: str) -> tuple[Span, ...]:
    # Discord renders Markdown too (**bold**, `code`); only its links are shown here.
    found = _DISCORD_URL.finditer(text)
    return _join(text, ((m.start(), m.end(), Span("link", m[0], m[0])) for m in found))


def _merge_text(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """One text span where a blank facet left two side by side."""
    merged: list[Span] = []
    for span in spans:
        if merged and span.kind == "text" and merged[-1].kind == "text":
            merged[-1] = Span("text", merged[-1].text + span.text)
        else:
            merged.append(span)
    return tuple(merged)
