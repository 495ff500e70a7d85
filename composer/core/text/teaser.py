"""A short message made from the website text that fits a network and ends with the link back."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from composer.core.text.graphemes import grapheme_boundaries, graphemes

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_CLOSERS = re.escape("\"')]}»”’」』）")
# A sentence ends at . ! ? … before a space or the end; CJK ones need no space after them.
_SENTENCE_END = re.compile(f"[.!?…。！？][{_CLOSERS}]*(?= |$)|[。！？][{_CLOSERS}]*")
_DANGLING = ",;:-–—"  # punctuation that looks odd right before the ellipsis


def make_teaser(
    body: str,
    link: str,
    fits: Callable[[str], bool],
    ellipsis: str = "…",
    title: str = "",
) -> str:
    """The body's opening (else the title), then a blank line and `link`, within `fits`.

    The excerpt is the first paragraph with whitespace collapsed; when it is too long, it ends
    after whole sentences if they fill at least half of what a word cut would give, else at a word
    (or, for one long word, a grapheme cluster) followed by `ellipsis`. When not even the link
    with a one-cluster excerpt fits, the link alone is returned and the caller reports it.
    """
    tail = f"\n\n{link}" if link else ""
    excerpt = _first_paragraph(body) or _first_paragraph(title)
    if not excerpt:
        return link

    def fits_with(candidate: str) -> bool:
        return fits(candidate + tail)

    if fits_with(excerpt):
        return excerpt + tail
    sentence = _longest(fits_with, excerpt, _sentence_ends(excerpt))
    spaces = [i for i, char in enumerate(excerpt) if char == " "]
    cut = _longest(lambda s: fits_with(_ellipsize(s, ellipsis)), excerpt, spaces)
    if sentence and (not cut or 2 * len(sentence) >= len(cut)):
        return sentence + tail
    if cut:
        return _ellipsize(cut, ellipsis) + tail
    # One word too long for any cut between words: end inside it, between clusters.
    first_word = excerpt.split(" ", 1)[0]
    cut = _longest(
        lambda s: fits_with(s + ellipsis), first_word, grapheme_boundaries(first_word)[1:]
    )
    return cut + ellipsis + tail if cut else link


def _first_paragraph(text: str) -> str:
    for paragraph in _PARAGRAPH_BREAK.split(text):
        collapsed = " ".join(paragraph.split())
        if collapsed:
            return collapsed
    return ""


def _ellipsize(text: str, ellipsis: str) -> str:
    kept = text.rstrip(_DANGLING).rstrip()
    # Keep the punctuation when it belongs to the cluster before it.
    if not kept or len(graphemes(text[len(kept) - 1 : len(kept) + 1])) < 2:
        kept = text
    return kept + ellipsis


def _sentence_ends(text: str) -> list[int]:
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    # A mark right after CJK punctuation belongs to its cluster: no end there.
    return [e for e in ends if e == len(text) or len(graphemes(text[e - 1 : e + 1])) == 2]


def _longest(ok: Callable[[str], bool], text: str, ends: Sequence[int]) -> str:
    """The longest text[:end] for `ends` (ascending) that is ok, by bisection; or ""."""
    good, bad = -1, len(ends)
    while bad - good > 1:
        mid = (good + bad) // 2
        if ok(text[: ends[mid]]):
            good = mid
        else:
            bad = mid
    return text[: ends[good]] if good >= 0 else ""
