"""Mastodon's status length and entities, worked out from the server's rules."""

from __future__ import annotations

import pytest
import regex
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from composer.core.text.mastodon_count import Entity, countable_text, find_entities, status_length
from tests.support import strategies
from tests.support.unicode15 import count_unicode15 as graphemes

# --- the 500 limit -------------------------------------------------------------------------


def test_500_graphemes_fit_and_501_do_not() -> None:
    assert status_length("a" * 500) == 500
    assert status_length("a" * 501) == 501
    assert status_length("👍🏽" * 500) == 500  # one cluster each


def test_a_long_url_lets_the_text_around_it_fill_the_limit() -> None:
    link = "https://example.com/" + "a" * 300
    assert status_length("a" * 476 + " " + link) == 476 + 1 + 23 == 500
    assert status_length("a" * 477 + " " + link) == 501


# --- URLs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zie https://example.nl/agenda", 4 + 23),
        ("Zie http://example.nl/agenda", 4 + 23),
        # Without a scheme the validator does not extract the URL: every character counts.
        ("Zie example.nl/agenda", 21),
        ("www.example.nl", 14),
        ("ftp://example.com", 17),  # not one of Mastodon's schemes
        ("gemini://example.com", 23),
        ("HTTPS://EXAMPLE.COM", 23),
        ("https://example.com/" + "a" * 200, 23),
        ("http://x.nl", 23),  # shorter than 23, still 23
        ("https://grå.org/", 23),
        # libidn refuses code points unassigned in Unicode 3.2, so this is no URL: 14 clusters.
        ("https://🐪.com/", 14),
        # A letter before the scheme: twitter-text's preceding-character rule finds no URL.
        ("zienhttps://example.nl", 22),
        # "_" is allowed in a subdomain but not in the label just before the TLD.
        ("https://sub_domain.example.com", 23),
        ("https://a_b.com", 15),
        ("https://example.com.au/x", 23),
        # A t.co slug longer than 40 characters drops the whole link.
        ("https://t.co/" + "a" * 41, 54),
    ],
)
def test_urls(text: str, expected: int) -> None:
    assert status_length(text) == expected


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        # Balanced parentheses belong to the path; the closing one after it does not.
        (
            "(zie https://en.wikipedia.org/wiki/Foo_(bar))",
            "https://en.wikipedia.org/wiki/Foo_(bar)",
            1 + 4 + 23 + 1,
        ),
        ("Lees https://example.com/pad.", "https://example.com/pad", 5 + 23 + 1),
        ("https://example.com/x!", "https://example.com/x", 23 + 1),
        ("https://example.com/a?b=c.", "https://example.com/a?b=c", 23 + 1),
        ("Zie https://example.nl).", "https://example.nl", 4 + 23 + 2),
        # Parentheses ending a path must hold twitter-text's own path characters (Latin,
        # Cyrillic): "(é)" stays in, "(日本)" is left out and counts its 4 characters.
        ("https://example.com/a_(é)", "https://example.com/a_(é)", 23),
        ("https://example.com/a_(日本)", "https://example.com/a_", 23 + 4),
        # A t.co link is cut after its slug.
        ("Kijk: https://t.co/abc123/extra", "https://t.co/abc123", 6 + 23 + 6),
    ],
)
def test_url_ends(text: str, url: str, expected: int) -> None:
    [entity] = find_entities(text)
    assert entity.kind == "url"
    assert entity.value == text[entity.start : entity.end] == url
    assert status_length(text) == expected


def test_adjacent_urls() -> None:
    assert status_length("https://a.nl https://b.nl") == 23 + 1 + 23
    assert status_length("https://a.nl,https://b.nl") == 23 + 1 + 23
    # Glued together: "nl" is followed by a letter, so it is no TLD, and the second scheme
    # has a letter before it. No URL at all, 24 characters.
    assert status_length("https://a.nlhttps://b.nl") == 24
    assert [e.value for e in find_entities("https://a.nl,https://b.nl")] == [
        "https://a.nl",
        "https://b.nl",
    ]


def test_custom_url_length() -> None:
    assert countable_text("Zie https://example.nl", url_length=30) == "Zie " + "x" * 30
    assert status_length("Zie https://example.nl", url_length=30) == 34


def test_xmpp_links_are_entities_but_count_in_full() -> None:
    assert find_entities("xmpp:anna@example.nl") == [Entity("url", 0, 20, "xmpp:anna@example.nl")]
    assert status_length("xmpp:anna@example.nl") == 20


# --- mentions ------------------------------------------------------------------------------


def test_remote_mention_counts_as_local() -> None:
    assert countable_text("Hoi @anna@mastodon.social!") == "Hoi @anna!"
    assert status_length("Hoi @anna@mastodon.social!") == 10
    assert find_entities("Hoi @anna@mastodon.social!") == [
        Entity("mention", 4, 25, "anna@mastodon.social")
    ]


def test_local_mention() -> None:
    assert status_length("Hoi @anna!") == 10
    assert find_entities("Hoi @anna!") == [Entity("mention", 4, 9, "anna")]


def test_email_address_is_no_mention() -> None:
    # "@" right after a word character: not a mention, and without a scheme no URL.
    assert find_entities("mail anna@example.nl") == []
    assert status_length("mail anna@example.nl") == 20


def test_mention_followed_by_at_sign_is_dropped() -> None:
    assert find_entities("@anna@mastodon.social@") == []
    assert status_length("@anna@mastodon.social@") == 22


def test_mention_inside_a_url_is_the_url() -> None:
    text = "https://mastodon.social/@anna@mastodon.social"
    assert [e.kind for e in find_entities(text)] == ["url"]
    assert status_length(text) == 23


# --- content warning and stripping ---------------------------------------------------------


def test_content_warning_counts() -> None:
    assert status_length("abc", spoiler_text="Let op") == 6 + 3


def test_server_strips_ascii_white_space_at_both_ends() -> None:
    assert status_length("hoi\n\n") == 3
    assert status_length(" hoi ", spoiler_text=" cw ") == 2 + 3
    assert status_length("\u00a0hoi") == 4  # Ruby's strip leaves a no-break space


def test_blank_text_with_a_warning_posts_the_warning_as_text() -> None:
    # PostStatusService: the warning becomes the text, so its URL counts 23.
    assert status_length("", spoiler_text="https://example.com") == 23
    assert status_length("  ", spoiler_text="cw") == 2
    assert status_length("\u3000", spoiler_text="cw") == 2


def test_blank_text_counts_nothing() -> None:
    assert countable_text(" \u3000\n") == ""
    assert status_length("\u3000") == 0


# --- graphemes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("👨‍👩‍👧", 1),  # ZWJ sequence
        ("🇳🇱🇧🇪", 2),  # two flags
        ("👍🏽", 1),  # skin tone
        ("e\u0301", 1),  # combining acute accent
        ("\u0133sselmeer", 9),  # Dutch ĳ as one letter
        ("ijsselmeer", 10),
        ("日本語", 3),
        ("שלום", 4),
        ("مرحبا", 5),
        ("\u200fשלום\u200f", 6),  # right-to-left marks are clusters of their own
    ],
)
def test_grapheme_counting(text: str, expected: int) -> None:
    assert status_length(text) == expected


# --- hashtags ------------------------------------------------------------------------------


def test_hashtags_next_to_punctuation() -> None:
    text = "Zie #Utrecht, #Dag! (#tag) #123 #ĳsselmeer #tag."
    tags = [e for e in find_entities(text) if e.kind == "hashtag"]
    # "(#tag)" has no white space before "#" (Mastodon 4.6); "#123" has no letter.
    assert [(e.start, e.end, e.value) for e in tags] == [
        (4, 12, "Utrecht"),
        (14, 18, "Dag"),
        (32, 42, "ĳsselmeer"),
        (43, 47, "tag"),
    ]
    assert status_length(text) == len(text)  # hashtags count in full


def test_hashtag_before_a_link_gives_up_the_scheme() -> None:
    assert find_entities("#foohttps://example.com") == [Entity("hashtag", 0, 4, "foo")]


def test_fullwidth_hash() -> None:
    assert find_entities("hoi ＃ｆｏｏ") == [Entity("hashtag", 4, 8, "ｆｏｏ")]


# --- properties ----------------------------------------------------------------------------

PIECES = [
    "https://",
    "http://",
    "xmpp:",
    "example.nl",
    "grå.org",
    "a_b.com",
    "/pad",
    "(x)",
    "?q=1",
    "@anna",
    "@mastodon.social",
    "#tag",
    "＃",
    ".",
    ",",
    ")",
    " ",
    "\n",
    "\u3000",
    "é",
    "日本",
    "👍🏽",
    "\u200d",
    "🇳",
]
texts = st.one_of(
    strategies.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(PIECES), strategies.text(max_size=3)), max_size=30).map(
        "".join
    ),
)
BLANK = regex.compile(r"\p{White_Space}*")
RUBY_STRIP = "\x00\t\n\x0b\x0c\r "


def expected_length(text: str, spoiler: str) -> int:
    # The server's steps, with an independent grapheme segmenter.
    if BLANK.fullmatch(text) and not BLANK.fullmatch(spoiler):
        text, spoiler = spoiler, ""
    return graphemes(spoiler.strip(RUBY_STRIP) + countable_text(text.strip(RUBY_STRIP)))


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_length_is_graphemes_of_warning_and_countable_text(text: str, spoiler: str) -> None:
    assert status_length(text, spoiler) == expected_length(text, spoiler)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=strategies.characters(exclude_characters=":@"), max_size=200))
def test_without_urls_or_mentions_length_is_plain_graphemes(text: str) -> None:
    # No ":" means no URL, no "@" no mention; only the server's strip and blank rules apply.
    expected = 0 if BLANK.fullmatch(text) else graphemes(text.strip(RUBY_STRIP))
    assert status_length(text) == expected


@settings(max_examples=300, deadline=None)
@given(texts)
def test_entity_spans(text: str) -> None:
    entities = find_entities(text)
    previous_end = 0
    for entity in entities:
        assert previous_end <= entity.start < entity.end <= len(text)
        previous_end = entity.end
        span = text[entity.start : entity.end]
        if entity.kind == "url":
            assert span == entity.value
        elif entity.kind == "mention":
            assert span == "@" + entity.value
        else:
            assert entity.kind == "hashtag"
            assert span[0] in "#＃"
            assert span[1:] == entity.value


@settings(max_examples=300, deadline=None)
@given(texts)
def test_countable_text_rewrites_the_links_and_mentions_found(text: str) -> None:
    entities = find_entities(text)
    # The validator leaves hashtags and xmpp:/magnet: links out; where the formatter kept
    # none of those, the two find the same links and mentions.
    assume(
        all(
            e.kind == "mention"
            or (e.kind == "url" and not e.value.lower().startswith(("xmpp:", "magnet:")))
            for e in entities
        )
    )
    pieces = []
    last = 0
    for entity in [] if BLANK.fullmatch(text) else entities:
        pieces.append(text[last : entity.start])
        pieces.append("xxxxx" if entity.kind == "url" else "@" + entity.value.split("@")[0])
        last = entity.end
    pieces.append("" if BLANK.fullmatch(text) else text[last:])
    assert countable_text(text, url_length=5) == "".join(pieces)


# --- hostile input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [":" + "a." * 2500, "https://example.com/" + "a." * 2490],
    ids=["dots", "dotted-url"],
)
def test_long_dotted_runs_complete(text: str) -> None:
    # Runaway backtracking would hang here; benchmarks/worst_cases.py reports the times.
    # No URL: the dotted one is longer than twitter-text's 4,096-character limit for a URL.
    assert status_length(text) == len(text)
    assert find_entities(text) == []
