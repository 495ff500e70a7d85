"""twitter-text's character classes, as Ruby's regexes (Onigmo) match them.

Shared by the TLD matching, the URL extraction and Mastodon's mentions. The classes are
spelled out as code point ranges and sets, because Python's `regex` folds case differently.
"""

from __future__ import annotations

Ranges = tuple[tuple[int, int], ...]


def class_body(ranges: Ranges) -> str:
    """`ranges` as the inside of a regex character class."""
    return "".join(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)


def char_set(ranges: Ranges) -> frozenset[str]:
    return frozenset(chr(code) for lo, hi in ranges for code in range(lo, hi + 1))


# twitter-text's DOMAIN_VALID_CHARS is "anything but" these. Its PUNCTUATION_CHARS is a
# single-quoted Ruby string, so there "\[" escapes the bracket and the backslash never
# reaches the class: "\" is a domain character.
NOT_DOMAIN_RANGES: Ranges = (
    (0x00, 0x2F), (0x3A, 0x40), (0x5B, 0x5B), (0x5D, 0x60), (0x7B, 0x7F), (0x85, 0x85),
    (0xA0, 0xA0), (0x61C, 0x61C), (0x1680, 0x1680), (0x180E, 0x180E), (0x2000, 0x200A),
    (0x200E, 0x200F), (0x2028, 0x202F), (0x205F, 0x205F), (0x2066, 0x2069), (0x3000, 0x3000),
    (0xFEFF, 0xFEFF), (0xFFFE, 0xFFFF),
)  # fmt: skip
# A "chain": domain characters, "-", "_" and ".", the stuff labels and dots are made of.
NOT_CHAIN_RANGES: Ranges = (
    (0x00, 0x2C), (0x2F, 0x2F), (0x3A, 0x40), (0x5B, 0x5B), (0x5D, 0x5E), (0x60, 0x60),
    (0x7B, 0x7F), *NOT_DOMAIN_RANGES[5:],
)  # fmt: skip
NOT_DOMAIN = char_set(NOT_DOMAIN_RANGES)

# Ruby's /i lets [a-z] match the Kelvin sign and the long s too (they fold to "k" and "s");
# these sets spell out what Onigmo matches, checked code point by code point against Ruby.
LONG_S = "\u017f"
ALNUM_CI = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\u212a" + LONG_S
)

LATIN_ACCENTS: Ranges = (
    (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0xFF), (0x100, 0x24F), (0x253, 0x254), (0x256, 0x257),
    (0x259, 0x259), (0x25B, 0x25B), (0x263, 0x263), (0x268, 0x268), (0x26F, 0x26F),
    (0x272, 0x272), (0x289, 0x289), (0x28B, 0x28B), (0x2BB, 0x2BB), (0x300, 0x36F),
    (0x1E00, 0x1EFF),
)  # fmt: skip
# What /i adds to LATIN_ACCENTS in Onigmo (the long s in it brings "s", U+0345 iota...),
# where twitter-text puts them in a case-insensitive class.
LATIN_ACCENT_FOLDS = (
    "Ss\u0260\u0269\u0275\u0280\u0283\u0288\u028a\u028c\u0292"
    "\u0399\u03b9\u1fbe\u212b\u2c65\u2c66\u2c7e\u2c7f"
)


def folding(word: str) -> str:
    """`word` as Ruby's /i matches it: "s" also takes the long s, "ss" also "ß".

    No other character folds into the letters of the words used here, so this is exact.
    """
    letters = "".join(f"[{char}{char.upper()}{LONG_S if char == 's' else ''}]" for char in word)
    double_s = f"[sS{LONG_S}]" * 2
    return letters.replace(double_s, f"(?:{double_s}|[\u00df\u1e9e])")
