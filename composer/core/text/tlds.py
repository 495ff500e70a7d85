"""Top-level domains as the official Bluesky client knows them (the npm package `tlds`)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def tlds() -> frozenset[str]:
    """Every TLD in tlds.txt, lowercase; IDN TLDs in their Unicode form."""
    text = resources.files(__package__).joinpath("tlds.txt").read_text(encoding="utf-8")
    return frozenset(
        line for line in (raw.strip() for raw in text.splitlines()) if line and line[0] != "#"
    )


def is_valid_domain(domain: str) -> bool:
    """True when `domain` ends in "." plus a known TLD.

    The same test as `isValidDomain` in bluesky-social/atproto
    `packages/api/src/rich-text/detection.ts`: case-sensitive (so "example.COM" fails),
    nothing checked before the last dot (so ".com" passes). No TLD contains a dot,
    so "ends with '.' + some TLD" is the same as "the part after the last dot is a TLD".
    """
    dot = domain.rfind(".")
    return dot != -1 and domain[dot + 1 :] in tlds()
