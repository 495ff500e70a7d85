"""Animated GIFs stay animated where they are taken and fit, else become their first frame."""

import io

from PIL import Image as PILImage
from PIL import ImageDraw

from composer.core.images.fit import ANIMATION_DROPPED, fit_image
from composer.core.platforms import default_limits
from tests.support.images import photo, pixels_of

DURATIONS = [120, 80, 200, 50]


def animation(path, size=(240, 160), noisy=False):
    frames = []
    for index in range(len(DURATIONS)):
        frame = photo(*size, seed=index) if noisy else PILImage.new("RGB", size, "white")
        ImageDraw.Draw(frame).rectangle((index * 40, 20, index * 40 + 30, 60), fill="red")
        frames.append(frame)
    frames[0].save(
        path, save_all=True, append_images=frames[1:], duration=DURATIONS, loop=0,
        comment=b"SecretTool",
    )  # fmt: skip
    return path


def frames_of(data: bytes):
    with PILImage.open(io.BytesIO(data)) as image:
        out = []
        for index in range(image.n_frames):
            image.seek(index)
            out.append((image.convert("RGB").copy(), image.info.get("duration")))
        return out, image.info


def test_the_animation_is_kept_where_it_is_taken(tmp_path):
    path = animation(tmp_path / "dance.gif")
    for platform in ("mastodon", "bluesky", "pixelfed", "discord", "website"):
        fitted = fit_image(path, default_limits(platform))
        assert (fitted.mime, fitted.width, fitted.height, fitted.warnings) == (
            "image/gif",
            240,
            160,
            (),
        )
        frames, info = frames_of(fitted.data)
        assert [duration for _, duration in frames] == DURATIONS
        assert info.get("loop") == 0
        assert b"SecretTool" not in fitted.data
        # The red marker moves from frame to frame, as in the original.
        for index, (frame, _) in enumerate(frames):
            assert frame.getpixel((index * 40 + 15, 40))[0] > 200
            assert frame.getpixel((index * 40 + 15, 100)) == (255, 255, 255)


def test_a_too_large_animation_is_made_smaller_as_a_whole(tmp_path):
    path = animation(tmp_path / "dance.gif")
    fitted = fit_image(path, default_limits("bluesky").replace(image_long_side=120))
    assert (fitted.mime, fitted.width, fitted.height) == ("image/gif", 120, 80)
    assert len(frames_of(fitted.data)[0]) == len(DURATIONS)
    noisy = animation(tmp_path / "noisy.gif", size=(320, 240), noisy=True)
    limit = noisy.stat().st_size // 2
    fitted = fit_image(noisy, default_limits("discord").replace(image_bytes=limit))
    assert fitted.mime == "image/gif"
    assert fitted.bytes <= limit
    assert 100 < fitted.width < 320


def test_first_frame_and_a_warning_where_the_animation_cannot_go(tmp_path):
    path = animation(tmp_path / "dance.gif", noisy=True)
    stills = frozenset({"image/jpeg", "image/png"})
    for limits in (
        default_limits("mastodon").replace(image_types=stills),
        default_limits("bluesky").replace(image_bytes=6_000),
    ):
        fitted = fit_image(path, limits)
        assert fitted.mime in {"image/jpeg", "image/png"}
        assert fitted.warnings == (ANIMATION_DROPPED,)
        assert fitted.bytes <= (limits.image_bytes or fitted.bytes)
        still = pixels_of(fitted.data).convert("RGB").resize((240, 160))
        assert still.getpixel((15, 40))[0] > 150  # the first frame's marker


def test_other_animations_give_their_first_frame(tmp_path):
    path = tmp_path / "moving.webp"
    frames = [photo(120, 80, seed) for seed in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100)
    fitted = fit_image(path, default_limits("bluesky"))
    assert fitted.warnings == (ANIMATION_DROPPED,)
    assert fitted.mime == "image/webp"
