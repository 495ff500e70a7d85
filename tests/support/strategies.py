"""Hypothesis strategies for text as people type it."""

import unicodedata

import regex
from hypothesis import strategies as st

_UNASSIGNED = regex.compile(r"\p{Cn}")


def _settled(char: str) -> bool:
    # The reference segmenters lag the regex module's Unicode version: compare only characters
    # that Python's own tables (14.0) know, or that nobody has assigned yet.
    return unicodedata.category(char) != "Cn" or _UNASSIGNED.match(char) is not None


def characters(**options) -> st.SearchStrategy[str]:
    """Any character but lone surrogates, which no keyboard or clipboard gives."""
    excluded = tuple({*options.pop("exclude_categories", ()), "Cs"})
    return st.characters(exclude_categories=excluded, **options).filter(_settled)


def text(**options) -> st.SearchStrategy[str]:
    return st.text(characters(), **options)
