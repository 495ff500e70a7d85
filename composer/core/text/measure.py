"""The length of a text as one network's server counts it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from composer.core.platforms import Limits, Platform
from composer.core.text import mastodon_count, server_counts
from composer.core.text.facets import Facet, detect_facets
from composer.core.text.graphemes import utf8_length
from composer.core.text.server_counts import Counting, length_in
from composer.core.text.shortlinks import shorten_links

__all__ = ["Measured", "length_in", "measure", "protected_spans"]


@dataclass(frozen=True, slots=True)
class Measured:
    """A text as it would be sent, with its length in the network's own unit."""

    text: str
    length: int
    bytes: int
    facets: tuple[Facet, ...] = ()

    def fits(self, limits: Limits) -> bool:
        return (limits.max_characters is None or self.length <= limits.max_characters) and (
            limits.max_bytes is None or self.bytes <= limits.max_bytes
        )


# Typing changes one part of a thread at a time: the other parts are measured again unchanged,
# by the previews and by every search for where to split, so remember them.
@lru_cache(maxsize=4096)
def measure(text: str, limits: Limits, content_warning: str = "") -> Measured:
    """Prepare `text` as the network would receive it and count it as its server does."""
    facets: tuple[Facet, ...] = ()
    if limits.platform is Platform.BLUESKY:
        # The official app sends links shortened for display; the facet keeps the full URL.
        text, found = shorten_links(text, detect_facets(text))
        facets = tuple(found)
    if limits.counting:
        length = server_counts.status_length(
            Counting(limits.counting),
            text,
            content_warning if limits.content_warning_counts else "",
            limits.characters_reserved_per_url or 23,
        )
    else:
        length = length_in(text, limits.unit)
    return Measured(text=text, length=length, bytes=utf8_length(text), facets=facets)


def protected_spans(text: str, limits: Limits) -> list[tuple[int, int]]:
    """Spans a thread must never cut: links, mentions and hashtags as this network finds them."""
    if limits.platform is Platform.BLUESKY:
        return [(facet.start, facet.end) for facet in detect_facets(text)]
    return [(entity.start, entity.end) for entity in mastodon_count.find_entities(text)]
