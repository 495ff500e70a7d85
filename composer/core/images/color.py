"""Pixels every destination shows the same way: sRGB, 8 bits, alpha only where it is used."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image as PILImage

_SIXTEEN_BIT = frozenset({"I;16", "I;16L", "I;16B", "I;16N"})
_OUTPUT_MODES = frozenset({"RGB", "RGBA", "L", "LA"})


def normalise(image: PILImage.Image) -> PILImage.Image:
    """RGB, RGBA, L or LA in sRGB, with every piece of metadata dropped."""
    icc = image.info.get("icc_profile")
    alpha = image.has_transparency_data
    mode = image.mode
    if mode in _SIXTEEN_BIT or mode in ("I", "F"):
        image = _eight_bit(image)
    elif mode == "CMYK":
        image = _to_srgb(image, icc) if icc else image.convert("RGB")
        icc = None
    elif mode in ("1", "L") and alpha:
        image = image.convert("LA")
    elif mode == "1":
        image = image.convert("L")
    elif mode == "LAB":
        image = _lab(image)
    elif mode not in _OUTPUT_MODES or (mode == "RGB" and alpha):
        image = image.convert("RGBA" if alpha else "RGB")
    if icc and image.mode in ("RGB", "RGBA"):
        image = _to_srgb(image, icc)
    image = _drop_opaque_alpha(image)
    image.info = {}  # EXIF, GPS, XMP, comments, profiles: none of it travels further
    return image


def is_srgb(icc: bytes) -> bool:
    """True for no profile or an sRGB one: pixels that need no conversion."""
    if not icc:
        return True
    from PIL import ImageCms  # loaded only when there is a profile to read

    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return "srgb" in ImageCms.getProfileDescription(profile).lower()
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return False


def has_alpha(image: PILImage.Image) -> bool:
    return image.mode in ("RGBA", "LA")


def flatten(image: PILImage.Image) -> PILImage.Image:
    """Transparent pixels on white, for formats without transparency (JPEG)."""
    if not has_alpha(image):
        return image
    from PIL import Image as PILImage

    white = PILImage.new("RGBA", image.size, (255, 255, 255, 255))
    flat = PILImage.alpha_composite(white, image.convert("RGBA"))
    return flat.convert("L" if image.mode == "LA" else "RGB")


def _eight_bit(image: PILImage.Image) -> PILImage.Image:
    """Scale, not clip: a plain convert("L") turns a 16-bit photo white."""
    if image.mode == "F":
        high = _highest(image)
        return image.point(lambda value: value * (255 if high <= 1 else 1)).convert("L")
    sixteen = image.mode in _SIXTEEN_BIT
    image = image.convert("I")
    high = _highest(image)
    if sixteen or 255 < high <= 65_535:
        image = image.point(lambda value: value * (1 / 257))
    elif high > 65_535:
        image = image.point(lambda value: value * (255 / high))
    return image.convert("L")


def _highest(image: PILImage.Image) -> float:
    """The largest value in a one-band image (getextrema gives (low, high) for one band)."""
    high = image.getextrema()[1]
    return high if isinstance(high, int | float) else max(high)


def _converted(image: PILImage.Image, source: Any, target: Any) -> PILImage.Image:
    from PIL import ImageCms

    converted = ImageCms.profileToProfile(image, source, target, outputMode="RGB")
    if converted is None:  # only converting in place gives None, and this never asks that
        raise ValueError("no image")
    return converted


def _to_srgb(image: PILImage.Image, icc: bytes) -> PILImage.Image:
    if image.mode != "CMYK" and is_srgb(icc):
        return image
    from PIL import ImageCms

    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
        if image.mode == "RGBA":
            rgb = _converted(image.convert("RGB"), source, srgb)
            rgb.putalpha(image.getchannel("A"))
            return rgb
        return _converted(image, source, srgb)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # A broken or mismatched profile: the pixels as they are beat no picture at all.
        return image.convert("RGB") if image.mode == "CMYK" else image


def _lab(image: PILImage.Image) -> PILImage.Image:
    from PIL import ImageCms

    lab = ImageCms.createProfile("LAB")
    srgb = ImageCms.createProfile("sRGB")
    return _converted(image, lab, srgb)


def _drop_opaque_alpha(image: PILImage.Image) -> PILImage.Image:
    if has_alpha(image) and image.getchannel("A").getextrema() == (255, 255):
        return image.convert(image.mode[:-1])
    return image
