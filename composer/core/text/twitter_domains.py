"""Where twitter-text's valid_domain matches, worked out once per run of domain characters.

valid_domain is `subdomain* domain_name TLD`; a "chain" is the run of domain characters,
"-", "_" and "." it is matched in.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from composer.core.text.twitter_chars import NOT_CHAIN_RANGES, NOT_DOMAIN, class_body
from composer.core.text.twitter_tlds import TLD_INITIALS, tld_ends

__all__ = ["Chains"]

_CHAIN_CHAR = f"[^{class_body(NOT_CHAIN_RANGES)}]"
_CHAIN_AFTER = regex.compile(f"{_CHAIN_CHAR}*")
_CHAIN_BEFORE = regex.compile(f"{_CHAIN_CHAR}*", regex.REVERSE)


def always(found: regex.Match[str] | None) -> regex.Match[str]:
    """The match of a pattern that also matches nothing (`x*`), so never None."""
    if found is None:
        raise AssertionError("a pattern that matches the empty text did not match")
    return found


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
            if label and label[-1] not in NOT_DOMAIN:
                if labels[k + 1][:1].casefold()[:1] in TLD_INITIALS:
                    tlds[k + 1] = tld_ends(text, starts[k + 1])
                if label[0] not in NOT_DOMAIN:
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
            or text[start] in NOT_DOMAIN
            or text[end - 1] in NOT_DOMAIN
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
            if start >= end or text[end - 1] in NOT_DOMAIN:
                continue
            name = next(self._names_after(label), -1)
            if name >= 0:
                yield start, end, self._tlds[name + 1][0]
            elif self._tlds[label + 1]:
                # Alone, the label is the domain name, which may not hold a "_".
                under = text.rfind("_", start, end)
                yield (under + 1 if under >= 0 else start), end, self._tlds[label + 1][0]


class Chains:
    """The chains of a text that can hold a domain (those with a dot and then a domain
    character), each analysed only once something needs it."""

    __slots__ = ("_built", "_text", "spans")

    def __init__(self, text: str) -> None:
        self._text = text
        self._built: dict[int, _Chain] = {}
        self.spans: dict[int, int] = {}  # start: end, in text order
        dot = text.find(".")
        while dot >= 0:
            if dot + 1 < len(text) and text[dot + 1] not in NOT_DOMAIN:
                lo = always(_CHAIN_BEFORE.match(text, 0, dot)).start()
                hi = always(_CHAIN_AFTER.match(text, dot)).end()
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
