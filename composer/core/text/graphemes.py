"""Units of length: extended grapheme clusters (UAX #29), code points, UTF-16 and UTF-8."""

from __future__ import annotations

from collections.abc import Iterator

import regex

_CLUSTER = regex.compile(r"\X")


def graphemes(text: str) -> list[str]:
    """The extended grapheme clusters of `text`, in order."""
    return _CLUSTER.findall(text)


def grapheme_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) string indices of each grapheme cluster."""
    for match in _CLUSTER.finditer(text):
        yield match.span()


def grapheme_count(text: str) -> int:
    return len(_CLUSTER.findall(text))


def grapheme_boundaries(text: str) -> list[int]:
    """Every string index where a cluster starts, plus len(text)."""
    return [*(start for start, _ in grapheme_spans(text)), len(text)]


def utf8_length(text: str) -> int:
    # surrogatepass: lone surrogates are counted as a server would see them, not rejected
    return len(text.encode("utf-8", "surrogatepass"))


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def utf8_offsets(text: str) -> list[int]:
    """offsets[i] is the UTF-8 byte offset of string index i (len(text)+1 entries)."""
    offsets = [0] * (len(text) + 1)
    total = 0
    for index, char in enumerate(text):
        offsets[index] = total
        code = ord(char)
        total += 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    offsets[len(text)] = total
    return offsets


# Where Unicode 15.1's rule GB9c joins an Indic conjunct (क्ष) that older rules split in two.
_CONJUNCT_JOIN = regex.compile(
    r"(?<=\p{InCB=Consonant}[\p{InCB=Extend}\p{InCB=Linker}]*"
    r"\p{InCB=Linker}[\p{InCB=Extend}\p{InCB=Linker}]*)\p{InCB=Consonant}"
)


def grapheme_count_unicode15(text: str) -> int:
    """Clusters as Unicode 15.0 segments them, without rule GB9c: Ruby ≤ 3.4 counts so."""
    return grapheme_count(text) + len(_CONJUNCT_JOIN.findall(text))
