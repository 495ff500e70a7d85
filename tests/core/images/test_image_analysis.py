"""The analysis takes fitted images as they are: it reports them, it never fits them itself."""

from pathlib import Path

from composer.core.analysis.analysis import analyze
from composer.core.analysis.rules import Code, Severity
from composer.core.drafts.draft import Draft, Image
from composer.core.images import fit
from composer.core.images.cache import FitCache
from composer.core.images.fit import ANIMATION_DROPPED, fit_or_info, prepared
from composer.core.images.probe import FittedImage, ImageInfo, probe
from composer.core.platforms import default_limits
from tests.support.images import photo


def draft_with(path: Path) -> Draft:
    return Draft(text="Open dag", images=(Image(path, alt="De leeszaal"),))


def test_fitted_images_are_reported_as_uploaded(tmp_path):
    path = tmp_path / "camera.jpg"
    photo(3000, 2000).save(path, quality=95)
    limits = default_limits("bluesky").replace(image_bytes=300_000)
    fitted = fit_or_info(path, limits)
    result = analyze(draft_with(path), "bluesky", limits, [fitted])
    assert result.fits
    assert result.images == ((fitted, True),)
    assert isinstance(fitted, FittedImage)
    assert fitted.bytes <= 300_000


def test_warnings_of_a_fit_become_warning_problems(tmp_path):
    path = tmp_path / "dance.gif"
    stilled = FittedImage(path, b"x", "image/png", 10, 10, (ANIMATION_DROPPED,))
    result = analyze(draft_with(path), "mastodon", default_limits("mastodon"), [stilled])
    assert [(p.code, p.severity, p.numbers) for p in result.problems] == [
        (Code.IMAGE_ANIMATION_DROPPED, Severity.WARNING, {"image": 1})
    ]
    assert result.fits


def test_a_fit_that_could_not_get_small_enough_is_an_error(tmp_path):
    path = tmp_path / "x.jpg"
    over = FittedImage(path, bytes(2_000_000), "image/jpeg", 64, 43)
    result = analyze(draft_with(path), "bluesky", default_limits("bluesky"), [over])
    assert [p.code for p in result.problems] == [Code.IMAGE_TOO_LARGE]
    assert result.images == ((over, False),)


def test_damaged_and_foreign_files_are_errors(tmp_path):
    damaged = ImageInfo(tmp_path / "a.jpg", 10, error="image_damaged")
    foreign = ImageInfo(tmp_path / "b.psd", 10, error="image_format_unsupported", kind="PSD")
    draft = Draft(text="x", images=(Image(damaged.path, alt="a"), Image(foreign.path, alt="b")))
    result = analyze(draft, "website", default_limits("website"), [damaged, foreign])
    assert [(p.code, p.numbers) for p in result.problems] == [
        (Code.IMAGE_DAMAGED, {"image": 1}),
        (Code.IMAGE_FORMAT_UNSUPPORTED, {"image": 2, "type": "PSD"}),
    ]


def test_per_keystroke_analysis_never_fits(tmp_path, monkeypatch):
    path = tmp_path / "camera.jpg"
    photo(2000, 1500).save(path, quality=95)
    cache = FitCache()
    infos = [probe(path)]
    limits = default_limits("bluesky")
    fitted = fit.fit_image(path, limits, cache=cache)  # the worker's job

    def no_fitting(*_args):
        raise AssertionError("fitted on a keystroke")

    monkeypatch.setattr(fit, "fit_data", no_fitting)
    for text in ("O", "Op", "Ope", "Open"):
        draft = Draft(text=text, images=(Image(path, alt="x"),))
        result = analyze(draft, "bluesky", limits, prepared(infos, limits, cache))
        assert result.images == ((fitted, True),)
