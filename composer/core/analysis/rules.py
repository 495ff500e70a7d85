"""Checks of one target's prepared message: problems as codes and numbers, never prose.

The words for each code live in the UI layer (composer/i18n/problems.py), translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from composer.core.drafts.draft import Image
from composer.core.images.header import MAX_FILE_BYTES, MAX_FRAMES
from composer.core.images.probe import FittedImage, ImageInfo
from composer.core.platforms import Limits
from composer.core.text.measure import length_in


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    EMPTY_MESSAGE = "empty_message"
    TEXT_TOO_LONG = "text_too_long"
    TEXT_TOO_MANY_BYTES = "text_too_many_bytes"
    THREAD_PART_TOO_LONG = "thread_part_too_long"
    CONTENT_WARNING_TOO_LONG = "content_warning_too_long"
    CONTENT_WARNING_UNSUPPORTED = "content_warning_unsupported"
    # The server's software is unknown: its text is counted by the strictest known rule.
    COUNTED_STRICTLY = "counted_strictly"
    TOO_MANY_IMAGES = "too_many_images"
    IMAGE_REQUIRED = "image_required"
    ALT_TEXT_MISSING = "alt_text_missing"
    ALT_TEXT_TOO_LONG = "alt_text_too_long"
    IMAGE_TYPE_UNSUPPORTED = "image_type_unsupported"
    IMAGE_TOO_LARGE = "image_too_large"
    # Files that cannot be used as images at all (codes from images/probe.py and images/fit.py)
    IMAGE_EMPTY = "image_empty"
    IMAGE_UNREADABLE = "image_unreadable"
    IMAGE_NOT_RECOGNISED = "image_not_recognised"
    IMAGE_TOO_MANY_PIXELS = "image_too_many_pixels"
    IMAGE_DAMAGED = "image_damaged"
    IMAGE_FORMAT_UNSUPPORTED = "image_format_unsupported"
    # Refused before any decoding, whatever the file holds (images/header.py)
    IMAGE_NOT_A_FILE = "image_not_a_file"
    IMAGE_FILE_TOO_LARGE = "image_file_too_large"
    IMAGE_TOO_MANY_FRAMES = "image_too_many_frames"
    # A fitted image that lost something on the way (images/fit.py warnings)
    IMAGE_ANIMATION_DROPPED = "image_animation_dropped"


@dataclass(frozen=True, slots=True)
class Problem:
    code: Code
    severity: Severity
    numbers: dict[str, int | str] = field(default_factory=dict)


def error(code: Code, **numbers: int | str) -> Problem:
    return Problem(code, Severity.ERROR, numbers)


def warning(code: Code, **numbers: int | str) -> Problem:
    return Problem(code, Severity.WARNING, numbers)


def check_content_warning(content_warning: str, limits: Limits) -> list[Problem]:
    if not content_warning:
        return []
    if not limits.content_warning:
        return [warning(Code.CONTENT_WARNING_UNSUPPORTED)]
    limit = limits.content_warning_limit
    length = len(content_warning)
    if limit is not None and length > limit:
        return [
            error(Code.CONTENT_WARNING_TOO_LONG, length=length, limit=limit, over=length - limit)
        ]
    return []


# A probed file is checked as it stands; a fitted one as it would be uploaded.
ImageFacts = ImageInfo | FittedImage


def check_images(
    images: Sequence[Image], infos: Sequence[ImageFacts], limits: Limits
) -> list[Problem]:
    problems: list[Problem] = []
    if limits.image_required and not images:
        problems.append(error(Code.IMAGE_REQUIRED))
    if limits.max_images is not None and len(images) > limits.max_images:
        problems.append(
            error(
                Code.TOO_MANY_IMAGES,
                count=len(images),
                limit=limits.max_images,
                over=len(images) - limits.max_images,
            )
        )
    for position, (image, info) in enumerate(zip(images, infos, strict=True), 1):
        problems.extend(_check_alt(image, position, limits))
        problems.extend(_check_file(info, position, limits))
        if isinstance(info, FittedImage):
            problems.extend(warning(Code(code), image=position) for code in info.warnings)
    return problems


def image_fits(info: ImageFacts, limits: Limits) -> bool:
    return not _check_file(info, 0, limits)


def _check_alt(image: Image, position: int, limits: Limits) -> list[Problem]:
    alt = image.alt.strip()
    if not alt:
        return [] if image.decorative else [error(Code.ALT_TEXT_MISSING, image=position)]
    limit = limits.alt_text_limit
    length = length_in(image.alt, limits.alt_text_unit)
    if limit is not None and length > limit:
        return [
            error(
                Code.ALT_TEXT_TOO_LONG,
                image=position,
                length=length,
                limit=limit,
                over=length - limit,
            )
        ]
    return []


def _check_file(info: ImageFacts, position: int, limits: Limits) -> list[Problem]:
    if isinstance(info, ImageInfo) and (info.error or not info.examined):
        return _unusable(info, position)
    if info.mime not in limits.image_types:
        return [error(Code.IMAGE_TYPE_UNSUPPORTED, image=position, type=info.mime)]
    too_large = (
        (limits.image_bytes is not None and info.bytes > limits.image_bytes)
        or (limits.image_pixels is not None and info.pixels > limits.image_pixels)
        or (
            limits.image_long_side is not None
            and max(info.width, info.height) > limits.image_long_side
        )
    )
    if too_large:
        return [
            error(
                Code.IMAGE_TOO_LARGE,
                image=position,
                bytes=info.bytes,
                width=info.width,
                height=info.height,
            )
        ]
    return []


def _unusable(info: ImageInfo, position: int) -> list[Problem]:
    """Why a file cannot be used at all; nothing yet for one whose header is still unread."""
    if not info.error:
        return []
    code = Code(info.error)
    known: dict[Code, dict[str, int | str]] = {
        Code.IMAGE_FORMAT_UNSUPPORTED: {"type": info.kind},
        Code.IMAGE_FILE_TOO_LARGE: {"bytes": info.bytes, "limit": MAX_FILE_BYTES >> 20},
        Code.IMAGE_TOO_MANY_FRAMES: {"limit": MAX_FRAMES},
    }
    return [error(code, image=position, **known.get(code, {}))]
