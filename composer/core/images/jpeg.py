"""A JPEG without its metadata, its pixels untouched: the sharpest upload when it already fits.

Only the segments a decoder needs are copied; EXIF (GPS, camera serial), XMP, ICC, comments,
embedded thumbnails and whatever trails the image (a phone's second picture or motion video)
are left behind.
"""

from __future__ import annotations

SOI, EOI, SOS = 0xD8, 0xD9, 0xDA
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # TEM and RSTn carry no length
_ENTROPY = frozenset({0x00, 0xFF, *_STANDALONE})  # stuffed byte, fill, restart: no segment
_APP0, _APP14, _COM = 0xE0, 0xEE, 0xFE
# JFIF 1.01, no units, 1:1 pixels, no thumbnail: the colour-space hint without the payload.
_JFIF = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"


def strip_metadata(data: bytes) -> bytes | None:
    """The same JPEG without metadata, or None when its structure is not what it should be."""
    if data[:2] != b"\xff\xd8":
        return None
    kept = [data[:2]]
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte before a marker
            position += 1
            continue
        if marker in _STANDALONE:
            position += 2
            continue
        end = position + 2 + int.from_bytes(data[position + 2 : position + 4], "big")
        if end > len(data):
            return None
        if marker == SOS:
            image_end = _end_of_image(data, end)
            return None if image_end is None else b"".join([*kept, data[position:image_end]])
        kept.extend(_kept(marker, data[position:end]))
        position = end
    return None


def _kept(marker: int, segment: bytes) -> list[bytes]:
    if marker == _APP0:
        return [_JFIF] if segment[4:9] == b"JFIF\x00" else []
    if marker == _APP14:
        return [segment]  # Adobe: says how the colour channels are stored
    if 0xE1 <= marker <= 0xEF or marker == _COM:
        return []
    return [segment]  # tables, frame and scan headers


def _end_of_image(data: bytes, position: int) -> int | None:
    """Just past the EOI marker, skipping entropy-coded data and the tables between scans."""
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            return None
        following = data[position + 1]
        if following == EOI:
            return position + 2
        if following in _ENTROPY:
            position += 1 if following == 0xFF else 2
            continue
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        position += 2 + length
