"""Split a message into a thread whose parts each fit one network, whatever its way of counting."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import NamedTuple

from composer.core.text.graphemes import grapheme_boundaries, grapheme_count, graphemes

Fits = Callable[[str], bool]

_SPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_CLOSERS = "\"')]}»”’」』）"
_CJK_SENTENCE = re.compile(f"[。！？][{re.escape(_CLOSERS)}]*")
_SENTENCE_ENDS = ".!?…。！？"
_WORD, _SENTENCE, _LINE, _PARAGRAPH, _END = range(5)


class UnsplittableError(ValueError):
    """text[start:end] may not be cut (protected span or one grapheme cluster) and fits no part."""

    def __init__(self, start: int, end: int, length: int) -> None:
        super().__init__(f"text[{start}:{end}] ({length} graphemes) cannot fit in one part")
        self.start = start
        self.end = end
        self.length = length  # in grapheme clusters


class _Cut(NamedTuple):
    end: int  # the part before the cut ends here
    next: int  # the next part starts here; text[end:next] is whitespace, dropped
    rank: int


def split_thread(
    text: str,
    fits: Fits,
    protected: Sequence[tuple[int, int]] = (),
    numbered: bool = False,
) -> list[str]:
    """Parts that each satisfy `fits`, cutting at the best boundary, never inside `protected`.

    Rule: a part ends at the strongest boundary (paragraph > line break > sentence > word) that
    keeps it at least half as long, in characters, as the longest part that fits; ties go to the
    furthest. A word is cut at grapheme boundaries only when it alone cannot fit. A text that fits
    whole is returned as one part, unnumbered.
    """
    whole = text.strip()
    if not whole:
        return []
    if fits(whole):
        return [whole]
    splitter = _Splitter(text, fits, protected)
    if not numbered:
        return splitter.split(lambda part, _k: part)
    # The suffix takes room, so its width must be known before splitting: grow until stable.
    digits = 1
    while True:
        wide = "9" * digits

        def numbered_part(part: str, k: int, wide: str = wide) -> str:
            return f"{part} {k}/{wide}"

        parts = splitter.split(numbered_part)
        if len(str(len(parts))) <= digits:
            break
        digits = len(str(len(parts)))
    return [f"{part} {k}/{len(parts)}" for k, part in enumerate(parts, 1)]


class _Splitter:
    def __init__(self, text: str, fits: Fits, protected: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.fits = fits
        self.lo = len(text) - len(text.lstrip())
        self.hi = len(text.rstrip())
        self.spans = _merge(protected, self.lo, self.hi)
        self.span_starts = [start for start, _ in self.spans]
        self.runs = [m.span() for m in _SPACE.finditer(text, self.lo, self.hi)]
        self.run_starts = [start for start, _ in self.runs]
        self.cuts = self._word_cuts()
        self.cut_ends = [cut.end for cut in self.cuts]
        self._bounds: list[int] | None = None
        self.reach = 0  # how far from its start the last part could have reached

    def split(self, decorate: Callable[[str, int], str]) -> list[str]:
        parts: list[str] = []
        start, self.reach = self.lo, 0
        while True:
            k = len(parts) + 1

            def fits(end: int, start: int = start, k: int = k) -> bool:
                return self.fits(decorate(self.text[start:end], k))

            # Parts tend to be alike, so each search starts where the previous one reached.
            near = start + self.reach
            end, nxt = self._word_cut(start, near, fits) or self._grapheme_cut(start, near, fits)
            parts.append(self.text[start:end])
            if end >= self.hi:
                return parts
            start = nxt

    def _word_cuts(self) -> list[_Cut]:
        text = self.text
        cuts = [
            _Cut(a, b, self._rank(a, b))
            for a, b in self.runs
            if _is_boundary(text, a) and _is_boundary(text, b) and not self._blocking(a, b)
        ]
        # CJK sentences end without a following space.
        for match in _CJK_SENTENCE.finditer(text, self.lo, self.hi):
            p = match.end()
            clear = p < self.hi and not text[p].isspace() and not self._blocking(p, p)
            if clear and _is_boundary(text, p):
                cuts.append(_Cut(p, p, _SENTENCE))
        cuts.sort()
        cuts.append(_Cut(self.hi, self.hi, _END))
        return cuts

    def _rank(self, a: int, b: int) -> int:
        breaks = len(_LINE_BREAK.findall(self.text, a, b))
        if breaks >= 2 or "\u2029" in self.text[a:b]:
            return _PARAGRAPH
        if breaks:
            return _LINE
        i = a
        while i > self.lo and self.text[i - 1] in _CLOSERS:
            i -= 1
        ends = i > self.lo and self.text[i - 1] in _SENTENCE_ENDS
        return _SENTENCE if ends and not self._blocking(i - 1, i) else _WORD

    def _blocking(self, end: int, nxt: int) -> tuple[int, int] | None:
        """The protected span that a cut dropping text[end:nxt] would damage, if any."""
        i = bisect_left(self.span_starts, nxt) - 1
        if i >= 0 and self.spans[i][1] > end:
            return self.spans[i]
        return None

    def _word_cut(
        self, start: int, near: int, fits: Callable[[int], bool]
    ) -> tuple[int, int] | None:
        cuts, ends = self.cuts, self.cut_ends
        first = bisect_right(ends, start)
        best = _furthest(fits, ends, first, bisect_right(ends, near) - 1)
        if best < first:
            return None
        self.reach = ends[best] - start
        floor = (ends[best] - start + 1) // 2
        pick = best
        for i in range(best - 1, first - 1, -1):
            if ends[i] - start < floor:
                break
            if cuts[i].rank > cuts[pick].rank:
                pick = i
        if pick != best and not fits(ends[pick]):
            pick = best
        return cuts[pick].end, cuts[pick].next

    def _grapheme_cut(self, start: int, near: int, fits: Callable[[int], bool]) -> tuple[int, int]:
        bounds = self.bounds
        first = bisect_right(bounds, start)
        i = _furthest(fits, bounds, first, bisect_right(bounds, near) - 1)
        self.reach = bounds[i] - start
        while i >= first:
            end, nxt = self._clean(bounds[i])
            span = self._blocking(end, nxt)
            if span:
                i = min(i - 1, bisect_right(bounds, span[0]) - 1)
            elif fits(end):
                return end, nxt
            else:  # fits() is not monotone here; step back one cluster
                i -= 1
        raise self._unsplittable(start)

    @property
    def bounds(self) -> list[int]:
        """Grapheme boundaries inside the stripped text, and its end; only long words need them."""
        if self._bounds is None:
            inner = (b for b in grapheme_boundaries(self.text) if self.lo < b < self.hi)
            self._bounds = [*inner, self.hi]
        return self._bounds

    def _clean(self, p: int) -> tuple[int, int]:
        """The cut at boundary p, widened over adjacent whitespace so both parts come out stripped.

        Whitespace glued into a cluster (a space carrying a combining mark) is dropped with it.
        """
        i = bisect_right(self.run_starts, p) - 1
        if i >= 0 and p <= self.runs[i][1]:
            return self.runs[i]
        return p, p

    def _unsplittable(self, start: int) -> UnsplittableError:
        bounds = self.bounds
        i = bisect_right(bounds, start)
        while True:
            end, nxt = self._clean(bounds[i])
            span = self._blocking(end, nxt)
            if not span or end >= self.hi:
                break
            i = max(i + 1, bisect_left(bounds, span[1]))
        return UnsplittableError(start, end, grapheme_count(self.text[start:end]))


def _is_boundary(text: str, p: int) -> bool:
    """Whether a cluster boundary falls at p, when text[p-1] or text[p] is whitespace or CJK
    punctuation: then only the pair rules of UAX #29 apply, so the pair alone decides."""
    pair = text[p - 1 : p + 1]
    if pair.isascii():
        return pair != "\r\n"
    return len(graphemes(pair)) == 2


def _furthest(fits: Callable[[int], bool], ends: Sequence[int], first: int, guess: int) -> int:
    """The last i >= first with fits(ends[i]), or first - 1: gallop from guess, then bisect.

    Assumes fits is monotone over prefixes, so it is called O(log n) times, not on every end.
    """
    good, bad, step = first - 1, len(ends), 1
    guess = min(max(guess, first), bad - 1)
    if fits(ends[guess]):
        good = guess
        while good + step < bad:
            if not fits(ends[good + step]):
                bad = good + step
                break
            good += step
            step *= 2
    else:
        bad = guess
        while bad - step > good:
            if fits(ends[bad - step]):
                good = bad - step
                break
            bad -= step
            step *= 2
    while bad - good > 1:
        mid = (good + bad) // 2
        if fits(ends[mid]):
            good = mid
        else:
            bad = mid
    return good


def _merge(spans: Sequence[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """Non-empty spans clipped to the stripped text, overlapping ones merged, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((max(s, lo), min(e, hi)) for s, e in spans):
        if start >= end:
            continue
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
