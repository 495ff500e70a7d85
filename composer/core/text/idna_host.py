"""Hosts in URLs: UTS #46 ToASCII as the WHATWG URL standard runs it.

Approximated with `unicodedata` (NFKC, case folding, the exceptions UTS #46 makes), as the
standard library has no IDNA 2008 table; the bidi rule follows RFC 5893.
"""

from __future__ import annotations

import unicodedata

import regex

# UTS #46 leaves these out of a host altogether.
_IGNORED = frozenset(
    "\u00ad\u034f\u180b\u180c\u180d\u180f\u200b\u2060\u2064\ufeff"
    + "".join(chr(code) for code in range(0xFE00, 0xFE10))
    + "".join(chr(code) for code in range(0x1BCA0, 0x1BCA4))
    + "".join(chr(code) for code in range(0xE0100, 0xE01F0))
)
# Kept as they are under non-transitional processing, which the URL standard asks for.
_DEVIATIONS = frozenset("\u00df\u03c2\u200c\u200d")
_FULL_STOPS = frozenset(".\u3002\uff0e\uff61")
_DISALLOWED_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp", "Zs"})
# Disallowed by UTS #46 although their category would pass: Georgian capitals, fillers,
# ideographic description characters, a few letters, symbols and CJK compatibility forms.
_DISALLOWED = frozenset(
    "\u04c0\u115f\u1160\u17b4\u17b5\u1806\u2132\u2183\u3164\uffa0\ufffc\ufffd"
    "\U0002f868\U0002f874\U0002f91f\U0002f95f\U0002f9bf"
    + "".join(chr(code) for code in range(0x10A0, 0x10C6))
    + "".join(chr(code) for code in range(0x2FF0, 0x3000))
)
_JOINING_TYPE = {
    name: regex.compile(rf"\p{{Joining_Type={name}}}")
    for name in ("Left_Joining", "Dual_Joining", "Right_Joining", "Transparent")
}
_VIRAMA = 9


def _map_code_point(char: str) -> str | None:
    """UTS #46 mapping of one code point, approximated; None when it is disallowed."""
    if char in _IGNORED:
        return ""
    if char in _DEVIATIONS or char.isascii():
        return char.lower()
    if char in _FULL_STOPS:
        return "."
    if char in _DISALLOWED or unicodedata.category(char) in _DISALLOWED_CATEGORIES:
        return None
    mapped = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", char).casefold())
    # A mapping that brings in a full stop (⒈, ․, ﹒, 🄀) is disallowed rather than mapped.
    if "." in mapped or "\u3002" in mapped:
        return None
    return mapped


def _label_is_valid(label: str) -> bool:
    if not label:
        return True
    if "." in label or unicodedata.normalize("NFC", label) != label:
        return False
    if unicodedata.category(label[0]).startswith("M"):
        return False
    return all(_map_code_point(char) == char for char in label) and _joiners_are_valid(label)


def _joining_type(char: str) -> str:
    for name, pattern in _JOINING_TYPE.items():
        if pattern.match(char):
            return name
    return ""


def _joiners_are_valid(label: str) -> bool:
    """RFC 5892 appendix A.1 and A.2 (CONTEXTJ), as UTS #46 CheckJoiners asks."""
    for index, char in enumerate(label):
        if char not in "\u200c\u200d":
            continue
        if index > 0 and unicodedata.combining(label[index - 1]) == _VIRAMA:
            continue
        if char == "\u200d":
            return False
        before = index - 1
        while before >= 0 and _joining_type(label[before]) == "Transparent":
            before -= 1
        after = index + 1
        while after < len(label) and _joining_type(label[after]) == "Transparent":
            after += 1
        if before < 0 or _joining_type(label[before]) not in ("Left_Joining", "Dual_Joining"):
            return False
        if after >= len(label) or _joining_type(label[after]) not in (
            "Right_Joining",
            "Dual_Joining",
        ):
            return False
    return True


_RTL = frozenset({"R", "AL", "AN"})
_RTL_ALLOWED = frozenset({"R", "AL", "AN", "EN", "ES", "CS", "ET", "ON", "BN", "NSM"})
_LTR_ALLOWED = frozenset({"L", "EN", "ES", "CS", "ET", "ON", "BN", "NSM"})


def _bidi_label_is_valid(label: str) -> bool:
    """The six rules of RFC 5893 section 2."""
    classes = [unicodedata.bidirectional(char) for char in label]
    if not classes:
        return True
    last = len(classes) - 1
    while last > 0 and classes[last] == "NSM":
        last -= 1
    if classes[0] in ("R", "AL"):
        return (
            all(kind in _RTL_ALLOWED for kind in classes)
            and classes[last] in ("R", "AL", "EN", "AN")
            and not ("EN" in classes and "AN" in classes)
        )
    if classes[0] == "L":
        return all(kind in _LTR_ALLOWED for kind in classes) and classes[last] in ("L", "EN")
    return False


def _label_to_ascii(label: str) -> tuple[str, str] | None:
    """(ASCII form, Unicode form) of one mapped label, or None when it is invalid."""
    if label.startswith("xn--"):
        try:
            decoded = label[4:].encode("ascii").decode("punycode")
        except UnicodeError:
            return None
        if not decoded or not _label_is_valid(decoded):
            return None
        return label, decoded
    if label.isascii():
        return label, label
    if not _label_is_valid(label):
        return None
    return "xn--" + label.encode("punycode").decode("ascii"), label


def domain_to_ascii(domain: str) -> str | None:
    """UTS #46 ToASCII as the URL standard runs it (non-transitional, no STD3 rules)."""
    if domain.isascii() and "xn--" not in domain.lower():
        return domain.lower()
    pieces = [_map_code_point(char) for char in domain]
    if None in pieces:
        return None
    mapped = unicodedata.normalize("NFC", "".join(piece for piece in pieces if piece))
    labels = [_label_to_ascii(label) for label in mapped.split(".")]
    if None in labels:
        return None
    unicode_labels = [label[1] for label in labels if label]
    is_bidi_domain = any(
        unicodedata.bidirectional(char) in _RTL for label in unicode_labels for char in label
    )
    if is_bidi_domain and not all(_bidi_label_is_valid(label) for label in unicode_labels):
        return None
    return ".".join(label[0] for label in labels if label) or None
