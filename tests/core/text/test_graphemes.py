import itertools

import pytest
import pyuegc
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.text.graphemes import (
    grapheme_boundaries,
    grapheme_count,
    grapheme_count_unicode15,
    graphemes,
    utf8_length,
    utf8_offsets,
    utf16_length,
)
from tests.support import strategies
from tests.support.unicode15 import count_unicode15

# Text a person could type: anything but lone surrogates, which no keyboard or clipboard gives.
typed_text = strategies.text(max_size=200)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("ĳs", 2),  # Dutch ĳ ligature is one code point
        ("ij", 2),
        ("e\u0301", 1),  # combining acute accent
        ("👨‍👩‍👧‍👦", 1),  # ZWJ family
        ("🇳🇱🇧🇪", 2),  # two flags
        ("👍🏽", 1),  # skin tone
        ("क्षि", 1),  # Devanagari conjunct (UAX #29 rule GB9c, Unicode 15.1)
        ("a्क", 2),  # no consonant starts the chain: GB9c does not join (the regex module does)
        ("日本語", 3),
        ("שלום", 4),
        ("مرحبا", 5),
        ("\r\n", 1),
        ("🏳️‍🌈", 1),
    ],
)
def test_hard_cases(text, count):
    assert grapheme_count(text) == count
    assert "".join(graphemes(text)) == text


@settings(max_examples=500, deadline=None)
@given(typed_text)
def test_count_equals_an_independent_segmentation(text):
    assert grapheme_count(text) == len(pyuegc.EGC(text))
    assert graphemes(text) == pyuegc.EGC(text)


@settings(max_examples=300, deadline=None)
@given(typed_text)
def test_boundaries_and_lengths(text):
    bounds = grapheme_boundaries(text)
    assert bounds[0] == 0 and bounds[-1] == len(text)
    assert [text[a:b] for a, b in itertools.pairwise(bounds)] == graphemes(text)
    assert utf8_length(text) == len(text.encode("utf-8"))
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2
    offsets = utf8_offsets(text, range(len(text), -1, -1))
    assert offsets == {i: len(text[:i].encode("utf-8")) for i in range(len(text) + 1)}


def test_empty_text_boundaries():
    assert grapheme_boundaries("") == [0]


@pytest.mark.parametrize(
    ("text", "ruby"),
    [
        ("क्षि", 2),  # measured with Ruby's String#grapheme_clusters (Unicode 13-15 rules)
        ("क्ष्मि", 3),
        ("हिन्दी", 3),
        ("ক্ষ", 2),  # Bengali
        ("क\u200d्ष", 2),  # ZWJ (InCB=Extend) inside the conjunct
        ("abc", 3),
        ("👨‍👩‍👧", 1),
    ],
)
def test_unicode15_count_splits_conjuncts_as_ruby_does(text, ruby):
    assert grapheme_count_unicode15(text) == ruby


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        st.one_of(
            st.sampled_from("कषमनदि्ािী্ক\u200d\u200c "),
            strategies.characters(),
        ),
        max_size=60,
    )
)
def test_unicode15_count_equals_an_independent_count(text):
    assert grapheme_count_unicode15(text) == count_unicode15(text)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("a é\r\n©®\u00ad\t🎉日ĳ"), max_size=40) | typed_text)
def test_fast_count_without_joiners_matches_full_segmentation(text):
    assert grapheme_count(text) == len(pyuegc.EGC(text))


joiner_heavy = st.lists(
    st.sampled_from(
        [
            "a",
            " ",
            "\r",
            "\n",
            "e\u0301",
            "\u0301",
            "\u200d",
            "👨",
            "🇳",
            "🇱",
            "\u1100",
            "\u1161",
            "\u11a8",
            "\uac00",
            "\u0600",
            "क",
            "्",
            "ष",
            "\ufe0f",
            "❤",
            "🏽",
            "©",
        ]
    ),
    max_size=50,
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(joiner_heavy | typed_text)
def test_windowed_count_matches_full_segmentation(text):
    assert grapheme_count(text) == len(pyuegc.EGC(text))
