"""An independent count of grapheme clusters under Unicode 15.0 rules (no GB9c).

Built on pyuegc's Unicode 16 segmentation: inside each of its clusters, a conjunct consonant
that 15.1's rule GB9c attached (consonant, linker, consonant) starts a new cluster again.
"""

import pyuegc
import regex

_CONSONANT = regex.compile(r"\p{InCB=Consonant}")
_LINKER = regex.compile(r"\p{InCB=Linker}")
_EXTEND = regex.compile(r"\p{InCB=Extend}")


def count_unicode15(text: str) -> int:
    total = 0
    for cluster in pyuegc.EGC(text):
        total += 1
        state = "none"  # none -> consonant -> linked (seen a linker after a consonant)
        for char in cluster:
            if _CONSONANT.fullmatch(char):
                if state == "linked":
                    total += 1
                state = "consonant"
            elif _LINKER.fullmatch(char) and state in ("consonant", "linked"):
                state = "linked"
            elif not (_EXTEND.fullmatch(char) and state != "none"):
                state = "none"
    return total
