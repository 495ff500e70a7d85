"""Per keystroke: the full analysis of a 5,000-character draft for every platform."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import regex

from benchmarks.sample_text import long_text
from composer.core.analysis.analysis import analyze
from composer.core.drafts.draft import Draft
from composer.core.platforms import Platform, default_limits

FRAME_MS = 1000 / 60


def _median_ms(work: Callable[[str], object], texts: list[str]) -> float:
    timings = []
    for text in texts:
        start = time.perf_counter()
        work(text)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def _analyse_all(text: str, estimate_thread: bool = False, thread: bool | str = False) -> None:
    draft = Draft(text=text, targets=tuple(Platform), thread=thread)
    for platform in Platform:
        analyze(draft, platform, default_limits(platform), (), estimate_thread=estimate_thread)


def _grapheme_split(text: str) -> None:
    regex.findall(r"\X", text)


def run(keystrokes: int = 200) -> dict[str, float]:
    base = long_text(5_000)
    # Each keystroke types one more character at the end of the 5,000-character draft.
    texts = [base[: len(base) - keystrokes + i] for i in range(keystrokes)]
    # The worst case for the caches: each keystroke types at the very start, shifting every part.
    fronts = [base[i : i + keystrokes] + base[keystrokes:] for i in range(0, keystrokes, 10)]
    _analyse_all(base)  # warm caches, as an open window would be
    return {
        "keystroke": _median_ms(_analyse_all, texts),
        "pause": _median_ms(lambda text: _analyse_all(text, estimate_thread=True), texts[::10]),
        "thread": _median_ms(lambda text: _analyse_all(text, thread="numbered"), texts[::10]),
        "thread_front": _median_ms(lambda text: _analyse_all(text, thread="numbered"), fronts),
        "baseline": _median_ms(_grapheme_split, texts),
    }


def report() -> str:
    figures = run()
    base = figures["baseline"]

    def line(label: str, key: str) -> str:
        ms = figures[key]
        return f"  {label:<48} {ms:6.2f} ms  {ms / base:5.1f}x  {ms / FRAME_MS:5.0%} of a frame"

    return "\n".join(
        [
            "Analysis of a 5,000-character draft for all 5 platforms (median; ratio to a plain",
            f"grapheme split of the same text, {base:.2f} ms in this run; a frame is 16.7 ms):",
            line("per keystroke (counters, facets, checks)", "keystroke"),
            line("after a pause (+ how many posts a thread takes)", "pause"),
            line("per keystroke in numbered thread mode", "thread"),
            line("the same, typing at the start (no cache hits)", "thread_front"),
        ]
    )
