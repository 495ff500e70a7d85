"""The benchmarks stay runnable (their figures go in the README; no timing is asserted here)."""

from benchmarks import image_fitting, text_analysis, worst_cases


def test_text_analysis_benchmark_runs():
    figures = text_analysis.run(keystrokes=20)
    assert set(figures) == {"keystroke", "pause", "thread", "thread_front", "baseline"}
    assert all(value > 0 for value in figures.values())


def test_worst_cases_benchmark_runs():
    assert worst_cases.report().count("ms") == len(worst_cases.CASES)


def test_image_fitting_benchmark_runs():
    figures = image_fitting.run(width=1200, height=800, limit=60_000, repeats=1)
    plain, ours = figures["plain"], figures["omroeper"]
    for route in (plain, ours):
        assert route["seconds"] > 0
        assert route["peak_mb"] >= 0
        assert 0 < route["bytes"] <= 60_000
        assert 20 < route["psnr"] < 60
    assert 20 < figures["same_size"]["psnr"] < 60


def test_publishing_benchmark_runs():
    from benchmarks import publishing

    figures = publishing.run()
    assert figures["all"] > 0 and figures["slowest"] >= publishing.LATENCY


def test_publishing_to_wordpress_benchmark_runs(wordpress):
    from benchmarks import publishing

    figures = publishing.run_wordpress(wordpress)
    assert figures["site"] >= publishing.LATENCY and figures["slowest"] >= publishing.LATENCY
    assert figures["all"] >= figures["site"]


def test_window_keystroke_benchmark_runs(qapp):
    from benchmarks import window_keystroke

    figures = window_keystroke.run(keystrokes=3)
    assert figures["window"] > figures["baseline"] > 0
