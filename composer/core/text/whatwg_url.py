"""The parts of the WHATWG URL parser (`new URL`) that shape an http(s) link's display form.

Rebuilt for http(s) only and checked against Node 20's parser (Ada): scheme and slashes,
userinfo, host (percent-decoding, UTS #46, punycode, IPv4 and IPv6 forms, forbidden code
points), default ports, dot segments and the percent-encode sets (Ada's: "^" stays as it is
in a path). UTS #46 mapping is approximated with `unicodedata` (NFKC, case folding, the
exceptions UTS #46 makes), as the standard library has no IDNA 2008 table; the bidi rule
follows RFC 5893, which Ada applies more loosely. Hosts with such rare code points may parse
differently from a browser.
"""

from __future__ import annotations

import re

from composer.core.text.idna_host import domain_to_ascii

_DEFAULT_PORTS = {"http": 80, "https": 443}

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_C0_CONTROL_OR_SPACE = "".join(chr(code) for code in range(0x21))
_DROP_TAB_NEWLINE = str.maketrans("", "", "\t\n\r")
_FORBIDDEN_DOMAIN = frozenset("\x00\t\n\r #/:<>?@[\\]^|%\x7f") | frozenset(
    chr(code) for code in range(0x20)
)
_HEX = frozenset("0123456789abcdefABCDEF")
_PERCENT_ESCAPE = re.compile(rb"%([0-9A-Fa-f]{2})")
_AUTHORITY_END = re.compile(r"[/\\?#]")


def _encode_set(extra: str) -> tuple[str, ...]:
    """For every byte value, its text in a URL: itself, or %XX when in the set."""
    table = []
    for byte in range(256):
        encode = byte < 0x20 or byte > 0x7E or chr(byte) in extra
        table.append(f"%{byte:02X}" if encode else chr(byte))
    return tuple(table)


# The URL standard's percent-encode sets for http(s); the path set as Node's Ada has it,
# which leaves "^" alone.
_FRAGMENT_SET = _encode_set(' "<>`')
_SPECIAL_QUERY_SET = _encode_set(" \"#<>'")
_PATH_SET = _encode_set(' "#<>?`{}')


def _percent_encode(text: str, table: tuple[str, ...]) -> str:
    return "".join(table[byte] for byte in text.encode("utf-8"))


def _ipv4_number(text: str) -> int | None:
    if not text:
        return None
    radix = 10
    if text[:2] in ("0x", "0X"):
        text, radix = text[2:], 16
    elif len(text) > 1 and text[0] == "0":
        text, radix = text[1:], 8
    if not text:
        return 0
    digits = "0123456789abcdefABCDEF"[: 22 if radix == 16 else radix]
    if not all(char in digits for char in text):
        return None
    return int(text, radix)


def _ends_in_number(host: str) -> bool:
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    last = parts[-1]
    if last and last.isascii() and last.isdigit():
        return True
    # Apart from digits, only a hex form ("0x1f", even a bare "0x") parses as a number.
    return last[:2] in ("0x", "0X") and _ipv4_number(last) is not None


def _parse_ipv4(host: str) -> str | None:
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if len(parts) > 4:
        return None
    numbers = []
    for part in parts:
        number = _ipv4_number(part)
        if number is None:
            return None
        numbers.append(number)
    if any(number > 255 for number in numbers[:-1]):
        return None
    if numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    address = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        address += number * 256 ** (3 - index)
    return ".".join(str(address >> shift & 0xFF) for shift in (24, 16, 8, 0))


def _parse_ipv6(text: str) -> list[int] | None:
    """The URL standard's IPv6 parser: the eight 16-bit pieces, or None."""
    address = [0] * 8
    piece = 0
    compress = None
    pos = 0
    if text.startswith(":"):
        if not text.startswith("::"):
            return None
        pos = 2
        piece = compress = 1
    while pos < len(text):
        if piece == 8 or (text[pos] == ":" and compress is not None):
            return None
        if text[pos] == ":":
            pos += 1
            piece += 1
            compress = piece
            continue
        value = length = 0
        while length < 4 and pos < len(text) and text[pos] in _HEX:
            value = value * 16 + int(text[pos], 16)
            pos += 1
            length += 1
        if pos < len(text) and text[pos] == ".":
            if (
                length == 0
                or piece > 6
                or not _read_ipv4_tail(text[pos - length :], address, piece)
            ):
                return None
            piece += 2
            break
        if pos < len(text):
            if text[pos] != ":" or pos + 1 == len(text):
                return None
            pos += 1
        address[piece] = value
        piece += 1
    if compress is None:
        return address if piece == 8 else None
    moved = address[compress:piece]
    address[compress:piece] = [0] * len(moved)
    address[8 - len(moved) :] = moved
    return address


def _read_ipv4_tail(text: str, address: list[int], piece: int) -> bool:
    """Fill address[piece:piece + 2] from a dotted IPv4 tail such as "1.2.3.4"."""
    octets = text.split(".")
    if len(octets) != 4:
        return False
    for octet in octets:
        if not octet or not octet.isascii() or not octet.isdigit():
            return False
        if (len(octet) > 1 and octet[0] == "0") or int(octet) > 255:
            return False
    numbers = [int(octet) for octet in octets]
    address[piece] = numbers[0] << 8 | numbers[1]
    address[piece + 1] = numbers[2] << 8 | numbers[3]
    return True


def _serialize_ipv6(address: list[int]) -> str:
    best_start, best_length = -1, 1
    index = 0
    while index < 8:
        if address[index] != 0:
            index += 1
            continue
        run_end = index
        while run_end < 8 and address[run_end] == 0:
            run_end += 1
        if run_end - index > best_length:
            best_start, best_length = index, run_end - index
        index = run_end
    if best_start < 0:
        return ":".join(f"{piece:x}" for piece in address)
    head = ":".join(f"{piece:x}" for piece in address[:best_start])
    tail = ":".join(f"{piece:x}" for piece in address[best_start + best_length :])
    return f"{head}::{tail}"


def _parse_host(host: str) -> str | None:
    if host.startswith("["):
        if not host.endswith("]"):
            return None
        address = _parse_ipv6(host[1:-1])
        return None if address is None else f"[{_serialize_ipv6(address)}]"
    raw = _PERCENT_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), host.encode("utf-8"))
    ascii_domain = domain_to_ascii(raw.decode("utf-8", "replace"))
    if ascii_domain is None or any(char in _FORBIDDEN_DOMAIN for char in ascii_domain):
        return None
    if _ends_in_number(ascii_domain):
        return _parse_ipv4(ascii_domain)
    return ascii_domain


def _parse_authority(authority: str, scheme: str) -> str | None:
    """The serialized host (with a non-default port) of an http(s) authority."""
    host_port = authority.rpartition("@")[2]
    split = _port_colon(host_port)
    host_text, port_text = host_port[:split], host_port[split + 1 :]
    host = _parse_host(host_text) if host_text else None
    if host is None or not port_text:
        return host
    if not (port_text.isascii() and port_text.isdigit()) or int(port_text) > 65535:
        return None
    port = int(port_text)
    return host if port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"


def _port_colon(host_port: str) -> int:
    """Index of the ":" before the port (one outside [...]), or the length when none."""
    inside_brackets = False
    for index, char in enumerate(host_port):
        if char == "[":
            inside_brackets = True
        elif char == "]":
            inside_brackets = False
        elif char == ":" and not inside_brackets:
            return index
    return len(host_port)


def _serialize_path(path: str) -> str:
    """The pathname of an http(s) URL whose path part is `path` (it starts with / or \\)."""
    segments = re.split(r"[/\\]", path[1:]) if path else [""]
    kept: list[str] = []
    last = len(segments) - 1
    for index, raw in enumerate(segments):
        segment = _percent_encode(raw, _PATH_SET)
        lowered = segment.lower()
        if lowered in ("..", ".%2e", "%2e.", "%2e%2e"):
            if kept:
                kept.pop()
            if index == last:
                kept.append("")
        elif lowered in (".", "%2e"):
            if index == last:
                kept.append("")
        else:
            kept.append(segment)
    return "".join(f"/{segment}" for segment in kept)


def split_url(url: str) -> tuple[str, str, str, str] | None:
    """(host, pathname, search, hash) as `new URL(url)` gives them, for http(s) only.

    None when `url` is no http(s) URL or `new URL` would reject it.
    """
    if not url.isascii():
        # A JavaScript string pairs surrogates and turns lone ones into U+FFFD.
        url = url.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    url = url.strip(_C0_CONTROL_OR_SPACE).translate(_DROP_TAB_NEWLINE)
    scheme_match = _SCHEME.match(url)
    if scheme_match is None:
        return None
    scheme = scheme_match[0][:-1].lower()
    if scheme not in _DEFAULT_PORTS:
        return None
    rest = url[scheme_match.end() :].lstrip("/\\")
    found_end = _AUTHORITY_END.search(rest)
    authority_end = found_end.start() if found_end else len(rest)
    host = _parse_authority(rest[:authority_end], scheme)
    if host is None:
        return None
    rest = rest[authority_end:]
    rest, hash_mark, fragment = rest.partition("#")
    path, question_mark, query = rest.partition("?")
    search = _percent_encode(query, _SPECIAL_QUERY_SET) if question_mark else ""
    fragment = _percent_encode(fragment, _FRAGMENT_SET) if hash_mark else ""
    return (
        host,
        _serialize_path(path),
        f"?{search}" if search else "",
        f"#{fragment}" if fragment else "",
    )
