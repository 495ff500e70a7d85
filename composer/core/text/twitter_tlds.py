"""Where twitter-text's TLD alternation matches, with the TLDs of twitter_tlds.txt."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

from composer.core.text.twitter_chars import ALNUM_CI, folding

__all__ = ["TLD_INITIALS", "tld_ends"]

_NOT_AFTER_TLD = ALNUM_CI | frozenset("@+-")  # the (?=[^0-9a-z@+-]|$) after a TLD
_PUNYCODE = regex.compile(f"{folding('xn')}--")


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
TLD_INITIALS = frozenset(name[0] for name in _TLD_ORDER) | {"x"}  # "x" for punycode


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


def tld_ends(text: str, pos: int) -> tuple[int, ...]:
    """Where twitter-text's TLD alternation can end when it starts at `pos`, in the order its
    regex tries them: known TLDs, then punycode (greedy, so longest first)."""
    window = text[pos : pos + _TLD_WINDOW]
    ends = tuple(pos + size for size in _tld_lengths(window))
    if window[:1] in ("x", "X") and (prefix := _PUNYCODE.match(text, pos)):
        stop = first = prefix.end()
        while stop < len(text) and text[stop] in ALNUM_CI:
            stop += 1
        ends += tuple(range(stop, first, -1))
    return ends
