"""How each Mastodon-compatible server software counts a status against its limit: as data.

Sources in docs/platform-facts.md ("Counting per server software"). A rule says which unit
the server counts in, whether links and mentions are shortened first (Mastodon only), whether
the content warning is part of the count and whether white space at the ends is trimmed.
Software Omroeper does not know is counted by the strictest rule: every known rule, and
the whole text in UTF-16 units, the largest wins, so nothing it lets through is refused for
its length by any of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from composer.core.platforms import Limits, Unit
from composer.core.text import mastodon_count
from composer.core.text.graphemes import grapheme_count, utf16_length


class Counting(StrEnum):
    MASTODON = "mastodon"
    GOTOSOCIAL = "gotosocial"
    AKKOMA = "akkoma"
    PIXELFED = "pixelfed"
    STRICTEST = "strictest"


@dataclass(frozen=True, slots=True)
class CountRule:
    unit: Unit
    short_links: bool  # links count `characters_reserved_per_url`, "@user@domain" as "@user"
    with_spoiler: bool  # the content warning counts toward the same limit
    trims: bool  # white space at both ends does not count


RULES: dict[Counting, CountRule] = {
    # StatusLengthValidator (Mastodon 4.2–4.6, also glitch-soc and Hometown).
    Counting.MASTODON: CountRule(Unit.GRAPHEMES, short_links=True, with_spoiler=True, trims=True),
    # validateStatusContent: len([]rune(status)) + len([]rune(spoiler)), untrimmed.
    Counting.GOTOSOCIAL: CountRule(
        Unit.CODE_POINTS, short_links=False, with_spoiler=True, trims=False
    ),
    # ActivityDraft.full_payload: String.length(String.trim(String.trim(status) <> summary)).
    Counting.AKKOMA: CountRule(Unit.GRAPHEMES, short_links=False, with_spoiler=True, trims=True),
    # Laravel `max:` on the caption (mb_strlen); the content warning has its own limit.
    Counting.PIXELFED: CountRule(
        Unit.CODE_POINTS, short_links=False, with_spoiler=False, trims=False
    ),
    # The whole text with its warning, in the largest unit; see strictest_length.
    Counting.STRICTEST: CountRule(Unit.UTF16, short_links=False, with_spoiler=True, trims=False),
}

# Software as connect records it (software.recognise) → its rule. Missing: the strictest.
BY_SOFTWARE: dict[str, Counting] = {
    "mastodon": Counting.MASTODON,
    "glitch-soc": Counting.MASTODON,
    "hometown": Counting.MASTODON,
    "gotosocial": Counting.GOTOSOCIAL,
    "akkoma": Counting.AKKOMA,
    "pleroma": Counting.AKKOMA,
    "pixelfed": Counting.PIXELFED,
}


def counting_for(software: str) -> Counting:
    return BY_SOFTWARE.get(software, Counting.STRICTEST)


def length_in(text: str, unit: Unit) -> int:
    if unit is Unit.GRAPHEMES:
        return grapheme_count(text)
    if unit is Unit.UTF16:
        return utf16_length(text)
    return len(text)


def rule_length(rule: CountRule, text: str, spoiler: str = "", url_length: int = 23) -> int:
    """The length one rule holds against the server's `max_characters`."""
    spoiler = spoiler if rule.with_spoiler else ""
    if rule.short_links:
        return mastodon_count.status_length(text, spoiler, url_length)
    if rule.trims:
        return length_in((text.strip() + spoiler).strip(), rule.unit)
    return length_in(text + spoiler, rule.unit)


def status_length(counting: Counting, text: str, spoiler: str = "", url_length: int = 23) -> int:
    if counting is Counting.STRICTEST:
        return strictest_length(text, spoiler, url_length)
    return rule_length(RULES[counting], text, spoiler, url_length)


def strictest_length(text: str, spoiler: str = "", url_length: int = 23) -> int:
    """At least what any known rule counts: a short link counts `url_length` as on Mastodon,
    a long one in full, and every character in UTF-16 units (≥ code points ≥ graphemes)."""
    return max(rule_length(rule, text, spoiler, url_length) for rule in RULES.values())


def counted_as(limits: Limits, software: str) -> Limits:
    """`limits` counting as `software` counts."""
    counting = counting_for(software)
    rule = RULES[counting]
    return limits.replace(
        counting=counting.value, unit=rule.unit, content_warning_counts=rule.with_spoiler
    )
