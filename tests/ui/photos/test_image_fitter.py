"""The window's fitter: cheap facts per keystroke, the slow fitting on one background thread."""

import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QObject, QTimer

from composer.core.drafts.draft import Image
from composer.core.images.cache import FitCache
from composer.core.images.probe import FittedImage, ImageInfo
from composer.core.platforms import default_limits
from composer.ui.photos import fitting
from composer.ui.photos.fitting import ImageFitter
from tests.support.images import encoded, photo

BLUESKY = default_limits("bluesky")
MASTODON = default_limits("mastodon")


def truncated_jpeg() -> bytes:
    data = encoded(photo(400, 300), "JPEG", quality=90)
    return data[: len(data) // 2]


@pytest.fixture
def fitter(qtbot, tmp_path):
    made = ImageFitter(FitCache(tmp_path / "cache"))
    yield made
    made.stop()
    qtbot.waitUntil(lambda: not made.busy, timeout=30_000)


@pytest.fixture
def fits_seen(monkeypatch):
    """Which thread fitted what, in order; the real fitting still happens."""
    seen: list[tuple[str, str, int]] = []
    real = fitting.fit_or_info

    def recording(path, limits, *, cache=None):
        seen.append((path.name, limits.platform.value, threading.get_ident()))
        return real(path, limits, cache=cache)

    monkeypatch.setattr(fitting, "fit_or_info", recording)
    return seen


def test_a_big_photo_is_fitted_off_the_gui_thread(qtbot, fitter, fits_seen, tmp_path):
    path = tmp_path / "camera.jpg"
    photo(4800, 3200).save(path, quality=95)  # about 3.5 MB: too large for Bluesky
    images = [Image(path, "Een zaal vol mensen")]
    before = fitter.facts(images, BLUESKY)
    assert isinstance(before[0], ImageInfo)
    assert before[0].bytes > 1_000_000
    ticks = []
    timer = QTimer(interval=10, timeout=lambda: ticks.append(1))
    timer.start()
    started = time.perf_counter()
    fitter.request(images, [BLUESKY])
    assert time.perf_counter() - started < 0.1  # request only queues the work
    qtbot.waitUntil(
        lambda: isinstance(fitter.facts(images, BLUESKY)[0], FittedImage), timeout=60_000
    )
    timer.stop()
    fitted = fitter.facts(images, BLUESKY)[0]
    assert isinstance(fitted, FittedImage)
    assert fitted.bytes <= 1_000_000
    assert fitted.path == path
    assert [(name, platform) for name, platform, _ in fits_seen] == [("camera.jpg", "bluesky")]
    assert fits_seen[0][2] != threading.get_ident()
    assert len(ticks) >= 3  # the GUI thread's event loop kept running while it fitted


def test_facts_are_cheap_for_four_images(qtbot, fitter, tmp_path):
    images = []
    for number in range(4):
        path = tmp_path / f"photo{number}.jpg"
        photo(1200, 800, seed=number).save(path, quality=90)
        images.append(Image(path, "foto"))
    with qtbot.waitSignal(fitter.updated, timeout=60_000):
        fitter.request(images, [BLUESKY])
    qtbot.waitUntil(lambda: not fitter.busy)
    started = time.perf_counter()
    for _ in range(100):
        facts = fitter.facts(images, BLUESKY)
    per_call = (time.perf_counter() - started) / 100
    assert all(isinstance(fact, FittedImage) for fact in facts)
    assert per_call < 0.005  # a keystroke's budget is far larger; this is a few stats


def test_requests_are_deduplicated(qtbot, fitter, fits_seen, tmp_path):
    path = tmp_path / "photo.jpg"
    photo(800, 600).save(path)
    images = [Image(path, "foto")]
    with qtbot.waitSignal(fitter.updated, timeout=30_000):
        for _ in range(5):
            fitter.request(images, [BLUESKY, MASTODON, BLUESKY])
    qtbot.waitUntil(lambda: not fitter.busy, timeout=30_000)
    fitter.request(images, [BLUESKY, MASTODON])  # all fitted: nothing to do
    assert not fitter.busy
    assert sorted(platform for _, platform, _ in fits_seen) == ["bluesky", "mastodon"]


def test_the_newest_request_goes_first(qtbot, fitter, monkeypatch, tmp_path):
    paths = {}
    for name in ("first", "second", "newest"):
        paths[name] = tmp_path / f"{name}.png"
        photo(100, 100).save(paths[name])
    order, entered, release = [], threading.Event(), threading.Event()
    real = fitting.fit_or_info

    def held(path, limits, *, cache=None):
        entered.set()
        release.wait(10)  # the first fit holds the worker until both requests are queued
        order.append(path.stem)
        return real(path, limits, cache=cache)

    monkeypatch.setattr(fitting, "fit_or_info", held)
    fitter.request([Image(paths["first"]), Image(paths["second"])], [BLUESKY])
    assert entered.wait(10)  # the headers are read first; then the first fit begins
    fitter.request([Image(paths["newest"])], [BLUESKY])
    release.set()
    qtbot.waitUntil(lambda: len(order) == 3 and not fitter.busy, timeout=30_000)
    assert order == ["first", "newest", "second"]


def test_a_damaged_file_is_reported_and_not_fitted_again(qtbot, fitter, fits_seen, tmp_path):
    path = tmp_path / "half.jpg"
    path.write_bytes(truncated_jpeg())  # the header is fine: only fitting finds the damage
    images = [Image(path, "foto")]
    assert fitter.facts(images, BLUESKY)[0].error == ""
    with qtbot.waitSignal(fitter.updated, timeout=30_000):
        fitter.request(images, [BLUESKY])
    qtbot.waitUntil(lambda: not fitter.busy)
    assert fitter.facts(images, BLUESKY)[0].error == "image_damaged"
    fitter.request(images, [BLUESKY])
    assert not fitter.busy
    assert len(fits_seen) == 1


def test_vanished_and_unreadable_files_say_why(qtbot, fitter, tmp_path):
    gone = tmp_path / "gone.jpg"
    photo(300, 200).save(gone)
    text = tmp_path / "notes.txt"
    text.write_text("geen foto")
    images = [Image(gone), Image(text), Image(tmp_path)]
    assert fitter.facts(images, MASTODON)[0].error == ""
    gone.unlink()
    fitter.request(images, [MASTODON])
    qtbot.waitUntil(lambda: not fitter.busy, timeout=30_000)
    assert [fact.error for fact in fitter.facts(images, MASTODON)] == [
        "image_unreadable",
        "image_not_recognised",
        "image_not_a_file",
    ]


def test_a_hostile_photo_never_holds_up_the_window(qtbot, fitter, tmp_path):
    path = tmp_path / "nullen.jpg"
    with path.open("wb") as file:
        file.write(b"\xff\xd8\xff")  # a JPEG marker, then zeros Pillow would read one by one
        file.truncate(24 << 20)
    images = [Image(path, "foto")]
    gaps, last = [], [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=10, timeout=tick)
    timer.start()
    first = fitter.facts(images, MASTODON)[0]
    fitter.request(images, [MASTODON])
    qtbot.waitUntil(lambda: fitter.facts(images, MASTODON)[0].error != "", timeout=60_000)
    timer.stop()
    gaps.append(time.perf_counter() - last[0])
    assert not first.examined  # the GUI thread never reads a header itself
    assert fitter.facts(images, MASTODON)[0].error == "image_not_recognised"
    assert max(gaps) < 2.0  # generous: the event loop kept running throughout


def test_a_file_vanishing_while_queued_is_survived(qtbot, fitter, monkeypatch, tmp_path):
    paths = [tmp_path / f"{name}.png" for name in ("kept", "vanishing")]
    for path in paths:
        photo(200, 200).save(path)
    real = fitting.fit_or_info

    def vanish_first(path, limits, *, cache=None):
        paths[1].unlink(missing_ok=True)  # deleted after it was queued, before its turn
        return real(path, limits, cache=cache)

    monkeypatch.setattr(fitting, "fit_or_info", vanish_first)
    images = [Image(path) for path in paths]
    fitter.request(images, [BLUESKY])
    qtbot.waitUntil(lambda: not fitter.busy, timeout=30_000)
    kept, vanished = fitter.facts(images, BLUESKY)
    assert isinstance(kept, FittedImage)
    assert vanished.error == "image_unreadable"


def test_a_window_closing_while_fitting_is_safe(qtbot, tmp_path):
    path = tmp_path / "photo.jpg"
    photo(1600, 1200).save(path, quality=95)
    window = QObject()
    closing = ImageFitter(FitCache(), window)
    closing.request([Image(path)], [BLUESKY, MASTODON])
    shiboken6.delete(window)  # the fitter goes with it while its worker still runs
    other = ImageFitter(FitCache())
    other.request([Image(path)], [BLUESKY])
    qtbot.waitUntil(
        lambda: isinstance(other.facts([Image(path)], BLUESKY)[0], FittedImage), timeout=30_000
    )
