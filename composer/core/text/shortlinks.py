"""The official Bluesky app's display shortening of links (social-app `shortenLinks`).

Follows `toShortUrl` (social-app `src/lib/strings/url-helpers.ts`) and `shortenLinks`
(`src/lib/strings/rich-text-manip.ts`) with `RichText.insert`/`delete` of @atproto/api 0.19.19.
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from composer.core.text.facets import Facet
from composer.core.text.graphemes import utf8_offsets
from composer.core.text.whatwg_url import split_url

_MAX_TAIL = 15
_KEPT_TAIL = 13


def to_short_url(url: str) -> str:
    """The official app's short form of a link: host plus at most 13 characters of the rest.

    "https://www.example.org/agenda/2025?x=1" gives "www.example.org/agenda/2025?..."; text
    that is no http(s) URL (such as a bare "example.nl/agenda") comes back unchanged.

    Upstream leans on the WHATWG URL parser (`new URL`); `whatwg_url.split_url` rebuilds
    the parts of it that can change the result. Hosts with rare code points may shorten
    differently from a browser.
    """
    parts = split_url(url)
    if parts is None:
        return url
    host, pathname, search, fragment = parts
    tail = ("" if pathname == "/" else pathname) + search + fragment
    if len(tail) > _MAX_TAIL:
        return f"{host}{tail[:_KEPT_TAIL]}..."
    return host + tail


def shorten_links(text: str, facets: list[Facet]) -> tuple[str, list[Facet]]:
    """`text` with each link facet's visible text replaced by its short form.

    Link facets keep their full URL as value. Other facets move as upstream's
    `RichText.insert`/`delete` move them: one inside a shortened link is dropped, one holding
    a link shrinks with it. Facets come back ordered by start, without negative ranges.

    Deliberately unlike upstream, which counts facets in UTF-8 bytes: its `insert` moves the
    facets after a link by the UTF-16 length of the new text, which misplaces them when a
    link stays unchanged and holds non-ASCII text ("example.nl/straße"), and its
    `TextDecoder` drops a U+FEFF that starts a slice. Here lengths are real and text is kept.
    """
    ordered = sorted(
        (facet for facet in facets if facet.start <= facet.end), key=attrgetter("start")
    )
    if not ordered:
        return text, []
    sweep = _Sweep(ordered)
    for index, facet in enumerate(ordered):
        if facet.kind == "link" and sweep.reach_link(index):
            start, end = sweep.spans[index]
            short = to_short_url(text[start:end])
            text = text[:start] + short + text[end:]
            sweep.replace(index, len(short))
    sweep.reach(len(ordered))
    return text, _reindex(text, ordered, sweep.spans, sweep.alive)


class _Sweep:
    """Facet ranges moved link by link as upstream's `RichText.insert`/`delete` move them.

    Facets are visited in order. Those that may touch the link at hand are active and moved
    one by one; those wholly past it all move by the same amount, kept in `pending` until
    the sweep reaches them, so shortening stays linear in practice.
    """

    def __init__(self, facets: list[Facet]) -> None:
        self.spans = [[facet.start, facet.end] for facet in facets]
        has_link = any(facet.kind == "link" for facet in facets)
        # Upstream drops every empty facet at each link's deletion, so at the first one.
        self.alive = [facet.start < facet.end or not has_link for facet in facets]
        self.active: list[int] = []
        self.reached = 0
        self.pending = 0

    def reach(self, stop: int) -> None:
        for index in range(self.reached, stop):
            self.spans[index][0] += self.pending
            self.spans[index][1] += self.pending
            if self.alive[index]:
                self.active.append(index)
        self.reached = max(self.reached, stop)

    def reach_link(self, link: int) -> bool:
        """Bring the link and every facet starting up to its end in reach; False if gone."""
        self.reach(link + 1)
        if not self.alive[link]:
            return False
        start, end = self.spans[link]
        stop = self.reached
        while stop < len(self.spans) and self.spans[stop][0] + self.pending <= end:
            stop += 1
        self.reach(stop)
        # A facet ending before this link is out of reach of this and every later link.
        self.active = [
            index for index in self.active if self.alive[index] and self.spans[index][1] >= start
        ]
        return True

    def replace(self, link: int, added: int) -> None:
        """Move the active facets as upstream's insert(short) and delete(old text) do."""
        start, end = self.spans[link]
        cut_start, cut_end = start + added, end + added
        removed = end - start
        for index in self.active:
            span = self.spans[index]
            # insert: a facet from `start` on moves; one holding `start` grows.
            if index == link:
                span[0], span[1] = start, cut_start
            elif start <= span[0]:
                span[0] += added
                span[1] += added
            elif start < span[1]:
                span[1] += added
            # delete [cut_start, cut_end): the six cases of upstream's RichText.delete.
            span_start, span_end = span
            if cut_start <= span_start and cut_end >= span_end:
                self.alive[index] = False
            elif cut_start > span_end:
                pass
            elif span_start < cut_start <= span_end < cut_end:
                span[1] = cut_start
            elif cut_start >= span_start and cut_end <= span_end:
                span[1] -= removed
            elif cut_start < span_start <= cut_end <= span_end:
                span[0] = cut_start
                span[1] -= removed
            elif cut_end < span_start:
                span[0] -= removed
                span[1] -= removed
            if span[0] >= span[1]:
                self.alive[index] = False
        self.pending += added - removed


def _reindex(
    text: str, facets: list[Facet], spans: list[list[int]], alive: list[bool]
) -> list[Facet]:
    kept = [(facet, span) for facet, span, keep in zip(facets, spans, alive, strict=True) if keep]
    offsets = utf8_offsets(text, [index for _, span in kept for index in span])
    return [
        replace(facet, start=start, end=end, byte_start=offsets[start], byte_end=offsets[end])
        for facet, (start, end) in kept
    ]
