"""Hostile 5,000-character inputs: facet detection and Mastodon counting stay linear."""

from __future__ import annotations

import time

import regex

from composer.core.text.facets import detect_facets
from composer.core.text.mastodon_count import find_entities, status_length

CASES = {
    "digits after #": "#" + "1" * 4999,
    "one long handle": "@" + "a" * 4999,
    "dotted run": "a." * 2500,
    "open brackets": "(" * 5000,
    "long URL": "http://" + "x" * 4993,
    "many #": " #" * 2500,
    "dotted URL": "https://example.com/" + "a." * 2490,
}


def _best_ms(work, text: str, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _bluesky_and_mastodon(text: str) -> None:
    detect_facets(text)
    status_length(text)
    find_entities(text)


def report() -> str:
    lines = ["Hostile 5,000-character inputs, Bluesky facets + Mastodon count (best of 5):"]
    for name, text in CASES.items():
        ms = _best_ms(_bluesky_and_mastodon, text)
        base = _best_ms(lambda t: regex.findall(r"\X", t), text)
        lines.append(f"  {name:<16} {ms:6.2f} ms  {ms / base:5.1f}x a grapheme split")
    return "\n".join(lines)
