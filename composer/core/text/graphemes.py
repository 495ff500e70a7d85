"""Units of length: extended grapheme clusters (UAX #29), code points, UTF-16 and UTF-8."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

import regex

_CLUSTER = regex.compile(r"\X")
# Code points that can join the one before or after them into one cluster (UAX #29 rules
# GB6-GB9b, GB11-GB13). A text without any is one cluster per code point, but for CR LF.
_JOINER = regex.compile(
    r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Prepend}"
    r"\p{GCB=Regional_Indicator}\p{GCB=L}\p{GCB=V}\p{GCB=T}]"
)


# A consonant after a virama-like linker. Rule GB9c joins it only when a consonant starts the
# chain (क्ष); the regex module joins it after any linker (a्क), so such joins are undone.
_LINKED = regex.compile(r"(?<=\p{InCB=Linker}[\p{InCB=Extend}\p{InCB=Linker}]*)\p{InCB=Consonant}")
# Where Unicode 15.1's rule GB9c rightly joins an Indic conjunct that older rules split in two.
_CONJUNCT_JOIN = regex.compile(
    r"(?<=\p{InCB=Consonant}[\p{InCB=Extend}\p{InCB=Linker}]*"
    r"\p{InCB=Linker}[\p{InCB=Extend}\p{InCB=Linker}]*)\p{InCB=Consonant}"
)


def graphemes(text: str) -> list[str]:
    """The extended grapheme clusters of `text`, in order."""
    return _clusters(text, 0, len(text))


def grapheme_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) string indices of each grapheme cluster."""
    start = 0
    for cluster in graphemes(text):
        yield start, start + len(cluster)
        start += len(cluster)


def _clusters(text: str, start: int, end: int) -> list[str]:
    clusters = _CLUSTER.findall(text, start, end)
    if _LINKED.search(text, start, end) is None:
        return clusters
    return [piece for cluster in clusters for piece in _undo_false_conjuncts(cluster)]


def _undo_false_conjuncts(cluster: str) -> list[str]:
    cuts = [
        match.start()
        for match in _LINKED.finditer(cluster, 1)
        if not _CONJUNCT_JOIN.match(cluster, match.start())
    ]
    bounds = [0, *cuts, len(cluster)]
    return [cluster[a:b] for a, b in itertools.pairwise(bounds)]


def grapheme_count(text: str) -> int:
    # Segment only around joiners: elsewhere each code point is a cluster, and a regex scan
    # for joiners is many times faster than segmenting the whole text.
    count = last = 0
    for start, end in _joined_windows(text):
        count += _plain_count(text, last, start) + len(_clusters(text, start, end))
        last = end
    return count + _plain_count(text, last, len(text))


def _plain_count(text: str, start: int, end: int) -> int:
    return end - start - text.count("\r\n", start, end)


def _joined_windows(text: str) -> Iterator[tuple[int, int]]:
    """Spans holding every joiner with one code point either side, merged where they touch.

    Both ends of a window lie between two non-joiners, where UAX #29 always breaks, except
    inside CR LF, which the window is widened to include.
    """
    window: list[int] | None = None
    for match in _JOINER.finditer(text):
        start, end = max(match.start() - 1, 0), min(match.end() + 1, len(text))
        if window and start <= window[1]:
            window[1] = end
            continue
        if window:
            yield _widened(text, *window)
        window = [start, end]
    if window:
        yield _widened(text, *window)


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    if text.startswith("\r\n", start - 1):
        start -= 1
    if text.startswith("\r\n", end - 1):
        end += 1
    return start, end


def grapheme_boundaries(text: str) -> list[int]:
    """Every string index where a cluster starts, plus len(text)."""
    return [*(start for start, _ in grapheme_spans(text)), len(text)]


def utf8_length(text: str) -> int:
    # surrogatepass: lone surrogates are counted as a server would see them, not rejected
    return len(text.encode("utf-8", "surrogatepass"))


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def utf8_offsets(text: str, positions: Iterable[int]) -> dict[int, int]:
    """The UTF-8 byte offset of each str index in `positions`: one pass, at C speed."""
    if text.isascii():
        return {position: position for position in positions}
    offsets = {}
    last = total = 0
    for position in sorted(set(positions)):
        total += utf8_length(text[last:position])
        offsets[position] = total
        last = position
    return offsets


def grapheme_count_unicode15(text: str) -> int:
    """Clusters as Unicode 15.0 segments them, without rule GB9c: Ruby ≤ 3.4 counts so."""
    return grapheme_count(text) + len(_CONJUNCT_JOIN.findall(text))
