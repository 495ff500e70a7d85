"""What each destination accepts: the defaults from docs/platform-facts.md.

Limits are data. A connected server's own figures replace these (see `Limits.replace`);
these are the fallback for drafting offline and for `omroeper check`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any


class Platform(StrEnum):
    WEBSITE = "website"
    MASTODON = "mastodon"
    BLUESKY = "bluesky"
    PIXELFED = "pixelfed"
    DISCORD = "discord"
    WORDPRESS = "wordpress"

    @property
    def is_own_site(self) -> bool:
        """The organisation's own site: the post in full (title and body), no length limit,
        the page the networks link back to."""
        return self in (Platform.WEBSITE, Platform.WORDPRESS)


class Unit(StrEnum):
    """How a network counts the length of a text."""

    GRAPHEMES = "graphemes"
    CODE_POINTS = "code_points"
    UTF16 = "utf16_units"


_COMMON_IMAGES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


@dataclass(frozen=True, slots=True)
class Limits:
    platform: Platform
    unit: Unit
    max_characters: int | None
    max_bytes: int | None = None
    characters_reserved_per_url: int | None = None
    max_images: int | None = 4
    image_bytes: int | None = None
    image_pixels: int | None = None
    image_long_side: int | None = None
    alt_text_limit: int | None = None
    # Servers validate alt text with their language's string length, not the post counter.
    alt_text_unit: Unit = Unit.CODE_POINTS
    image_types: frozenset[str] = _COMMON_IMAGES
    image_required: bool = False
    content_warning: bool = False
    content_warning_limit: int | None = None
    content_warning_counts: bool = False
    threads: bool = False
    # How the server counts (text.server_counts.Counting); "" counts `unit` over the text.
    counting: str = ""

    def replace(self, **changes: Any) -> Limits:
        return replace(self, **changes)


DEFAULTS: dict[Platform, Limits] = {
    Platform.WEBSITE: Limits(
        platform=Platform.WEBSITE,
        unit=Unit.GRAPHEMES,
        max_characters=None,
        max_images=None,
    ),
    Platform.MASTODON: Limits(
        platform=Platform.MASTODON,
        unit=Unit.GRAPHEMES,
        max_characters=500,
        characters_reserved_per_url=23,
        max_images=4,
        image_bytes=16_777_216,
        image_pixels=33_177_600,
        alt_text_limit=1_500,
        image_types=_COMMON_IMAGES | {"image/heic", "image/heif", "image/avif"},
        content_warning=True,
        content_warning_counts=True,
        threads=True,
        counting="mastodon",
    ),
    Platform.BLUESKY: Limits(
        platform=Platform.BLUESKY,
        unit=Unit.GRAPHEMES,
        max_characters=300,
        max_bytes=3_000,
        max_images=4,
        # The lexicon allows 2,000,000 since April 2026; older servers refuse more than 1,000,000.
        image_bytes=1_000_000,
        image_long_side=4_000,
        alt_text_limit=2_000,
        alt_text_unit=Unit.GRAPHEMES,
        threads=True,
    ),
    Platform.PIXELFED: Limits(
        platform=Platform.PIXELFED,
        unit=Unit.CODE_POINTS,
        max_characters=500,
        max_images=4,
        image_bytes=15_000 * 1024,
        alt_text_limit=1_000,
        image_types=frozenset({"image/jpeg", "image/png", "image/gif"}),
        image_required=True,
        content_warning=True,
        content_warning_limit=140,
        counting="pixelfed",
    ),
    Platform.DISCORD: Limits(
        platform=Platform.DISCORD,
        unit=Unit.UTF16,
        max_characters=2_000,
        max_images=10,
        image_bytes=10 * 1024 * 1024,
        alt_text_limit=1_024,
        alt_text_unit=Unit.UTF16,
    ),
    # A post on the own site: no length limit, photos uploaded one by one to the media library
    # (docs/platform-facts.md, "WordPress"); the site's upload limit is learned when publishing.
    Platform.WORDPRESS: Limits(
        platform=Platform.WORDPRESS,
        unit=Unit.GRAPHEMES,
        max_characters=None,
        max_images=None,
    ),
}


# The networks' own names: brands, never translated (the website's name is, in the window).
NETWORK_NAMES = {
    Platform.MASTODON: "Mastodon",
    Platform.BLUESKY: "Bluesky",
    Platform.PIXELFED: "Pixelfed",
    Platform.DISCORD: "Discord",
    Platform.WORDPRESS: "WordPress",
}


def default_limits(platform: Platform | str) -> Limits:
    return DEFAULTS[Platform(platform)]
