"""Test pictures made on the spot: photo-like pixels, camera metadata, colour profiles."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

from PIL import Image as PILImage

SERIAL = "SN-4711-SECRET"
MAKE = "Omroeper Testcam"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
    b'xmp:CreatorTool="SecretTool"/></rdf:RDF></x:xmpmeta>'
)
# What must never reach a server, searched for in the raw bytes of every output.
LEAKS = (SERIAL.encode(), MAKE.encode(), b"SecretTool", b"Exif\x00\x00", b"ns.adobe.com/xap")


def photo(width: int, height: int, seed: int = 1, mode: str = "RGB") -> PILImage.Image:
    """Gradients, soft blotches and grain: compresses like a photograph, not a flat colour."""
    rng = random.Random(seed)

    def noise(w: int, h: int) -> PILImage.Image:
        return PILImage.frombytes("L", (w, h), rng.randbytes(w * h))

    ramp = PILImage.linear_gradient("L").resize((width, height))
    blotches = noise(width // 16 + 2, height // 16 + 2).resize((width, height), PILImage.BICUBIC)
    grain = noise(width, height)
    bands = (
        PILImage.blend(ramp, blotches, 0.5),
        PILImage.blend(blotches, grain, 0.25),
        PILImage.blend(ramp.transpose(PILImage.Transpose.FLIP_TOP_BOTTOM), grain, 0.15),
    )
    image = PILImage.merge("RGB", bands)
    return image if mode == "RGB" else image.convert(mode)


def camera_exif(orientation: int | None = None) -> PILImage.Exif:
    """What a phone writes: make, serial number, GPS position (and the orientation)."""
    exif = PILImage.Exif()
    exif[0x010F] = MAKE
    if orientation is not None:
        exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (52.0, 22.0, 13.0)  # Haarlem
    gps[3], gps[4] = "E", (4.0, 38.0, 9.0)
    return exif


def save(image: PILImage.Image, path: Path, kind: str | None = None, **options) -> Path:
    image.save(path, kind, **options)
    return path


def encoded(image: PILImage.Image, kind: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


def rgb_profile(description: str = "Adobe RGB-like test profile") -> bytes:
    """An ICC v2 matrix/TRC profile with Adobe RGB (1998) primaries and gamma 2.2.

    ImageCms.createProfile makes only sRGB, LAB and XYZ, so the bytes are written here.
    """

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \0\0\0\0" + b"".join(struct.pack(">i", round(v * 65536)) for v in (x, y, z))

    text = description.encode() + b"\0"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(text)) + text + bytes(8 + 3 + 67)
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(2.19921875 * 256))
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.6097, 0.3111, 0.0195)),
        (b"gXYZ", xyz(0.2053, 0.6257, 0.0609)),
        (b"bXYZ", xyz(0.1492, 0.0632, 0.7446)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0No copyright\0\0\0\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for signature, data in tags:
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += data + bytes(-len(data) % 4)
    size = offset + len(body)
    header = struct.pack(">I4sI4s4s4s", size, bytes(4), 0x02100000, b"mntr", b"RGB ", b"XYZ ")
    header += bytes(12) + b"acsp" + bytes(24) + struct.pack(">I", 0)
    header += struct.pack(">iii", 63190, 65536, 54061) + bytes(48)  # D50 illuminant
    return header + struct.pack(">I", len(tags)) + table + body


def png_chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_rgb16(width: int, height: int, pixel) -> bytes:
    """A 16-bit RGB PNG (Pillow cannot write one): pixel(x, y) -> (r, g, b) in 0..65535."""
    rows = b"".join(
        b"\0" + b"".join(struct.pack(">HHH", *pixel(x, y)) for x in range(width))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(rows))
        + png_chunk(b"IEND", b"")
    )


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a size far larger than its data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + png_chunk(b"IEND", b"")
    )


def huge_blank_png(side: int) -> bytes:
    """A real, valid side × side PNG (1 bit per pixel, all black): small on disk, huge open."""
    squeeze = zlib.compressobj(9)
    row = b"\0" * (1 + (side + 7) // 8)
    data = b"".join(squeeze.compress(row) for _ in range(side)) + squeeze.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def pixels_of(data: bytes) -> PILImage.Image:
    with PILImage.open(io.BytesIO(data)) as image:
        image.load()
        return image.copy()
