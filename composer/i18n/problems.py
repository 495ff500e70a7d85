"""A problem's words: what is wrong and how to fix it, in the person's language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from composer.core.analysis.rules import Code, Problem
from composer.i18n.translation import number

translate = QCoreApplication.translate


def describe(problem: Problem) -> str:
    numbers = dict(problem.numbers)
    words = _WORDS[problem.code](numbers)
    fields = {
        key: number(value) if isinstance(value, int) else value for key, value in numbers.items()
    }
    return words.format(**fields)


class Problems(QObject):
    """The sentences with a count. lupdate (PySide6 6.11) reads a plural only from self.tr()
    inside a class, and takes the class's name as the context: hence this class."""

    def too_long(self, n: dict) -> str:
        if n.get("thread_parts", 0) > 1:
            return self.tr(
                "%Ln characters too long: shorten the text, or split it into a thread "
                "of {thread_parts} posts.",
                "",
                n["over"],
            )
        return self.tr("%Ln characters too long: shorten the text.", "", n["over"])

    def too_many_bytes(self, n: dict) -> str:
        return self.tr(
            "%Ln bytes too long: emoji and accented letters take several bytes each. "
            "Shorten the text.",
            "",
            n["over"],
        )

    def warning_too_long(self, n: dict) -> str:
        return self.tr(
            "The content warning is %Ln characters too long (at most {limit}).", "", n["over"]
        )

    def too_many_images(self, n: dict) -> str:
        return self.tr(
            "Too many images: this network takes at most {limit}. Remove %Ln.", "", n["over"]
        )

    def alt_too_long(self, n: dict) -> str:
        return self.tr(
            "The description of image {image} is %Ln characters too long (at most {limit}).",
            "",
            n["over"],
        )


_PLURALS = Problems()


def _image_type(numbers: dict) -> str:
    numbers["type"] = numbers["type"].removeprefix("image/").upper()
    return translate(
        "Problems", "Photo {image} is a {type} file, which this network does not accept."
    )


_WORDS: dict[Code, Callable[[dict], str]] = {
    Code.EMPTY_MESSAGE: lambda n: translate(
        "Problems", "The message is empty: write a text or add an image."
    ),
    Code.TEXT_TOO_LONG: _PLURALS.too_long,
    Code.TEXT_TOO_MANY_BYTES: _PLURALS.too_many_bytes,
    Code.THREAD_PART_TOO_LONG: lambda n: translate(
        "Problems",
        "A link, mention or hashtag is longer than a whole post ({length} of {limit} "
        "characters): shorten it.",
    ),
    Code.CONTENT_WARNING_TOO_LONG: _PLURALS.warning_too_long,
    Code.CONTENT_WARNING_UNSUPPORTED: lambda n: translate(
        "Problems", "This network has no content warnings: the warning will not be shown here."
    ),
    Code.COUNTED_STRICTLY: lambda n: translate(
        "Problems",
        "Omroeper does not know how this server counts characters, so it counts strictly: "
        "every link and name in full. The server may accept a little more.",
    ),
    Code.TOO_MANY_IMAGES: _PLURALS.too_many_images,
    Code.IMAGE_REQUIRED: lambda n: translate(
        "Problems", "This network only shows posts with a photo: add at least one image."
    ),
    Code.ALT_TEXT_MISSING: lambda n: translate(
        "Problems",
        "Photo {image} has no description (alt text): describe what it shows, "
        "or mark it as decorative.",
    ),
    Code.ALT_TEXT_TOO_LONG: _PLURALS.alt_too_long,
    Code.IMAGE_TYPE_UNSUPPORTED: _image_type,
    Code.IMAGE_TOO_LARGE: lambda n: translate(
        "Problems",
        "Photo {image} is larger than this network accepts ({width} × {height} pixels, "
        "{bytes} bytes).",
    ),
    Code.IMAGE_EMPTY: lambda n: translate(
        "Problems", "Photo {image} is an empty file: choose the photo again."
    ),
    Code.IMAGE_UNREADABLE: lambda n: translate(
        "Problems",
        "Photo {image} could not be read: check that the file still exists.",
    ),
    Code.IMAGE_NOT_RECOGNISED: lambda n: translate(
        "Problems",
        "Photo {image} is not a picture Omroeper can read, or the file is damaged.",
    ),
    Code.IMAGE_TOO_MANY_PIXELS: lambda n: translate(
        "Problems",
        "Photo {image} has too many pixels to open safely: export a smaller version.",
    ),
    Code.IMAGE_DAMAGED: lambda n: translate(
        "Problems",
        "Photo {image} is damaged or incomplete: save or export it again, then add it anew.",
    ),
    Code.IMAGE_FORMAT_UNSUPPORTED: lambda n: translate(
        "Problems",
        "Photo {image} is a {type} file, which Omroeper cannot convert: export it as JPEG or PNG.",
    ),
    Code.IMAGE_NOT_A_FILE: lambda n: translate(
        "Problems",
        "Photo {image} is a folder or a device, not a photo file: choose the photo itself.",
    ),
    Code.IMAGE_FILE_TOO_LARGE: lambda n: translate(
        "Problems",
        "Photo {image} is a file of more than {limit} MB, too large to open safely: "
        "export a smaller version.",
    ),
    Code.IMAGE_TOO_MANY_FRAMES: lambda n: translate(
        "Problems",
        "Photo {image} is an animation of more than {limit} frames, too many to send: "
        "make it shorter or choose a still picture.",
    ),
    Code.IMAGE_ANIMATION_DROPPED: lambda n: translate(
        "Problems",
        "Photo {image} is animated, but the animation does not fit here: this network gets "
        "its first frame as a still picture.",
    ),
}
