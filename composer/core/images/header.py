"""Reading a photo within bounds, and the header checks that run before any decoder does.

A file from outside may be built to make a decoder crawl: a JPEG marker followed by zeros makes
Pillow step through it byte by byte, a GIF of 40,000 tiny frames costs seconds per target. So a
file is never read past MAX_FILE_BYTES, a header must stand within its first HEADER_BYTES, and
these few checks, which jump from segment to segment, come first.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from composer.core.images.errors import ImageError

MAX_FILE_BYTES = 200 << 20  # a photo of 200 MB is far past any camera's
HEADER_BYTES = 4 << 20  # a header (EXIF, colour profile, previews) fits well within this
MAX_FRAMES = 1000  # an animation longer than this is not a photo, and costs seconds to fit
_JPEG_STEPS = 4096  # segments before the scan: a camera writes a few dozen
_JPEG_JUNK = 64 << 10  # stray bytes between segments, which Pillow reads one at a time
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xDA)})  # markers without a length


def read_photo(path: Path) -> tuple[os.stat_result, bytes]:
    """The whole file, when it is a regular file of at most MAX_FILE_BYTES; raises ImageError."""
    with _opened(path) as file:
        status = os.fstat(file.fileno())
        data = file.read(MAX_FILE_BYTES + 1)  # a file may grow while it is read
    if len(data) > MAX_FILE_BYTES:
        raise ImageError("image_file_too_large")
    return status, data


def read_head(path: Path) -> tuple[int, bytes, bool]:
    """(size, the first HEADER_BYTES, whether that is the whole file); raises ImageError.

    Decoders that only take a whole file (WebP, HEIF, AVIF: C code that parses by lengths, not
    bytes) get all of it, still within MAX_FILE_BYTES.
    """
    with _opened(path) as file:
        size = os.fstat(file.fileno()).st_size
        head = file.read(HEADER_BYTES)
        if whole_file_format(head):
            head += file.read(MAX_FILE_BYTES + 1 - len(head))
            if len(head) > MAX_FILE_BYTES:
                raise ImageError("image_file_too_large")
        complete = not file.read(1)
    return size, head, complete


def _opened(path: Path) -> BinaryIO:
    try:
        file = open(path, "rb")  # noqa: SIM115 (closed by the caller's with)
    except IsADirectoryError:
        raise ImageError("image_not_a_file") from None
    except OSError as failure:
        raise ImageError("image_unreadable") from failure
    status = os.fstat(file.fileno())
    if not stat.S_ISREG(status.st_mode):  # a device, a pipe: no end, or no picture
        file.close()
        raise ImageError("image_not_a_file")
    if status.st_size > MAX_FILE_BYTES:
        file.close()
        raise ImageError("image_file_too_large")
    return file


def whole_file_format(head: bytes) -> bool:
    """WebP, HEIF and AVIF: their decoders read the whole file before anything else."""
    return (head[:4] == b"RIFF" and head[8:12] == b"WEBP") or head[4:8] == b"ftyp"


def check_header(head: bytes) -> None:
    """Refuse, in microseconds, what would make a decoder crawl; raises ImageError."""
    if head[:2] == b"\xff\xd8" and not jpeg_header_complete(head):
        raise ImageError("image_not_recognised")


def jpeg_header_complete(data: bytes) -> bool:
    """Whether the segments from SOI reach the start of the scan, jumping by their lengths.

    Mirrors how Pillow's JPEG reader walks them, but refuses long runs of stray bytes (which
    Pillow would read one by one) and endless chains of empty markers.
    """
    position, junk = 2, 0
    try:
        for _step in range(_JPEG_STEPS):
            if data[position] != 0xFF:
                found = data.find(b"\xff", position)
                junk += found - position
                if found < 0 or junk > _JPEG_JUNK:
                    return False
                position = found
                continue
            marker = data[position + 1]
            if marker == 0xDA:  # start of scan: every header segment was read
                return True
            if marker == 0xFF:  # a fill byte before a marker
                position += 1
            elif marker == 0x00 or marker in _JPEG_STANDALONE:
                position += 2
            else:
                position += 2 + (data[position + 2] << 8 | data[position + 3])
    except IndexError:  # the header runs past what was read
        pass
    return False


def gif_frames(data: bytes, most: int = MAX_FRAMES + 1) -> int:
    """How many frames a GIF holds, counting no further than `most` (or where `data` ends)."""
    if len(data) < 13:
        return 0
    position = 13 + _table(data[10])
    frames, end = 0, len(data)
    while position < end and frames < most:
        block = data[position]
        if block == 0x21:  # an extension: label, then sub-blocks
            position = _skip_blocks(data, position + 2)
        elif block == 0x2C:  # an image: descriptor, local colour table, LZW size, sub-blocks
            frames += 1
            if position + 10 > end:
                break
            position = _skip_blocks(data, position + 11 + _table(data[position + 9]))
        else:  # the trailer, or damage: what was counted stands
            break
    return frames


def _table(flags: int) -> int:
    return 3 << ((flags & 7) + 1) if flags & 0x80 else 0


def _skip_blocks(data: bytes, position: int) -> int:
    end = len(data)
    while position < end and (length := data[position]):
        position += length + 1
    return position + 1
