"""The benchmarks stay runnable (their figures go in the README; no timing is asserted here)."""

from benchmarks import text_analysis, worst_cases


def test_text_analysis_benchmark_runs():
    figures = text_analysis.run(keystrokes=20)
    assert set(figures) == {"keystroke", "pause", "thread", "thread_front", "baseline"}
    assert all(value > 0 for value in figures.values())


def test_worst_cases_benchmark_runs():
    assert worst_cases.report().count("ms") == len(worst_cases.CASES)
