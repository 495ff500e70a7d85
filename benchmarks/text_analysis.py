"""Per keystroke: the full analysis of a 5,000-character draft for every platform."""

from __future__ import annotations

import statistics
import time

import regex

from benchmarks.sample_text import long_text
from composer.core.analysis import analyze
from composer.core.draft import Draft
from composer.core.platforms import Platform, default_limits

FRAME_MS = 1000 / 60


def _median_ms(work, texts: list[str]) -> float:
    timings = []
    for text in texts:
        start = time.perf_counter()
        work(text)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def _analyse_all(text: str) -> None:
    draft = Draft(text=text, targets=tuple(Platform))
    for platform in Platform:
        analyze(draft, platform, default_limits(platform), ())


def _grapheme_split(text: str) -> None:
    regex.findall(r"\X", text)


def run(keystrokes: int = 200) -> dict[str, float]:
    base = long_text(5_000)
    # Each keystroke types one more character at the end of the 5,000-character draft.
    texts = [base[: len(base) - keystrokes + i] for i in range(keystrokes)]
    _analyse_all(base)  # warm caches, as an open window would be
    analysis = _median_ms(_analyse_all, texts)
    baseline = _median_ms(_grapheme_split, texts)
    return {"analysis_ms": analysis, "baseline_ms": baseline, "ratio": analysis / baseline}


def report() -> str:
    figures = run()
    return (
        "Full analysis of a 5,000-character draft for all 5 platforms, per keystroke:\n"
        f"  median {figures['analysis_ms']:.2f} ms "
        f"({figures['analysis_ms'] / FRAME_MS:.0%} of one 60 Hz frame)\n"
        f"  plain grapheme split of the same text: {figures['baseline_ms']:.3f} ms\n"
        f"  ratio analysis / grapheme split: {figures['ratio']:.1f}x"
    )
