"""Each image is fitted once per (content, limits): preview and publish share the result."""

import os
import threading
from pathlib import Path

import pytest

from composer.core.images import fit
from composer.core.images.cache import FitCache, fit_key
from composer.core.images.fit import fit_image, prepared
from composer.core.images.probe import FittedImage, probe
from composer.core.platforms import default_limits
from tests.support.images import photo


@pytest.fixture
def counted(monkeypatch):
    """How often the real fitting ran."""
    calls = []
    real = fit.fit_data

    def fit_data(data, limits):
        calls.append(limits.platform)
        return real(data, limits)

    monkeypatch.setattr(fit, "fit_data", fit_data)
    return calls


def picture(folder: Path, name: str = "photo.jpg", seed: int = 1) -> Path:
    path = folder / name
    photo(600, 400, seed).save(path, quality=90)
    return path


def test_the_second_fit_comes_from_the_cache(tmp_path, counted):
    cache = FitCache()
    path = picture(tmp_path)
    first = fit_image(path, default_limits("bluesky"), cache=cache)
    again = fit_image(path, default_limits("bluesky"), cache=cache)
    assert again == first
    assert counted == ["bluesky"]
    # Same content under another name: still the one fit, reported under its own path.
    copy = tmp_path / "copy.jpg"
    copy.write_bytes(path.read_bytes())
    assert fit_image(copy, default_limits("bluesky"), cache=cache).path == copy
    assert counted == ["bluesky"]
    fit_image(path, default_limits("pixelfed"), cache=cache)
    assert counted == ["bluesky", "pixelfed"]


def test_destinations_with_the_same_image_limits_share_one_fit(counted, tmp_path):
    same = default_limits("mastodon").replace(max_characters=5000, alt_text_limit=10)
    assert fit_key(same) == fit_key(default_limits("mastodon"))
    assert fit_key(default_limits("bluesky")) != fit_key(default_limits("mastodon"))


def test_peek_is_a_stat_and_never_fits(tmp_path, counted):
    cache = FitCache()
    path = picture(tmp_path)
    infos = [probe(path)]
    limits = default_limits("bluesky")
    assert prepared(infos, limits, cache) == infos  # nothing fitted yet: the probe
    assert counted == []
    fitted = fit_image(path, limits, cache=cache)
    assert prepared(infos, limits, cache) == [fitted]
    assert prepared(infos, default_limits("pixelfed"), cache) == infos
    # The file changed: the old result no longer applies.
    photo(600, 400, seed=9).save(path, quality=90)
    os.utime(path, ns=(1, 1))
    assert prepared(infos, limits, cache) == infos
    assert counted == ["bluesky"]


def test_the_cache_folder_survives_a_restart(tmp_path, counted):
    folder = tmp_path / "cache"
    path = picture(tmp_path)
    first = fit_image(path, default_limits("bluesky"), cache=FitCache(folder))
    later = fit_image(path, default_limits("bluesky"), cache=FitCache(folder))
    assert later == first
    assert counted == ["bluesky"]
    for stale in folder.glob("*.bin"):
        stale.write_bytes(b"half")  # damaged on disk: fitted again, not trusted
    assert fit_image(path, default_limits("bluesky"), cache=FitCache(folder)) == first
    assert counted == ["bluesky", "bluesky"]


def test_the_memory_is_bounded(tmp_path):
    cache = FitCache(max_bytes=1000)
    for index in range(5):
        cache.put(f"d{index}", "k", FittedImage(Path(), bytes(400), "image/png", 1, 1))
    kept = [index for index in range(5) if cache.get(f"d{index}", "k") is not None]
    assert kept == [3, 4]


def test_workers_may_fit_at_the_same_time(tmp_path):
    cache = FitCache()
    paths = [picture(tmp_path, f"p{index}.jpg", index) for index in range(4)]
    results = {}

    def work(path):
        results[path] = fit_image(path, default_limits("bluesky"), cache=cache)

    threads = [threading.Thread(target=work, args=(path,)) for path in paths * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(cache.peek(path, default_limits("bluesky")) == results[path] for path in paths)
