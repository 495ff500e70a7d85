"""Each server software's own count, as its source code does it (docs/platform-facts.md)."""

from __future__ import annotations

import pyuegc
from hypothesis import given
from hypothesis import strategies as st

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.platforms import Unit
from composer.core.text import mastodon_count
from composer.core.text.measure import measure
from composer.core.text.server_counts import (
    Counting,
    counting_for,
    status_length,
    strictest_length,
)
from tests.support import strategies

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # 👨‍👩‍👧‍👦: 7 code points
LONG_LINK = "https://bibliotheek.example.nl/agenda/2026/open-dag-in-de-leeszaal"
HANDLE = "@redactie@nieuws.example.nl"

# Text with the things servers disagree about: links, handles, emoji, spaces at the ends.
_pieces = st.sampled_from([LONG_LINK, "https://a.nl", HANDLE, FAMILY, "👍🏽", " ", "\n", "é"])
texts = st.lists(st.one_of(strategies.text(max_size=8), _pieces), max_size=12).map("".join)


def _account(software: str | None, **limits: int) -> Account:
    settings = {} if software is None else {"software": software}
    return Account("m", AccountKind.MASTODON, Identity("x"), settings=settings, limits=limits)


@given(texts, texts)
def test_gotosocial_counts_code_points_of_text_and_warning(text: str, spoiler: str) -> None:
    assert status_length(Counting.GOTOSOCIAL, text, spoiler) == len(text) + len(spoiler)


@given(texts, texts)
def test_the_strictest_count_is_never_below_any_known_server(text: str, spoiler: str) -> None:
    strict = strictest_length(text, spoiler)
    assert strict >= mastodon_count.status_length(text, spoiler)
    for counting in (Counting.MASTODON, Counting.GOTOSOCIAL, Counting.AKKOMA, Counting.PIXELFED):
        assert strict >= status_length(counting, text, spoiler)
    assert strict >= len((text + spoiler).encode("utf-16-le")) // 2


@given(texts, texts)
def test_akkoma_counts_graphemes_of_the_trimmed_text_and_warning(text: str, spoiler: str) -> None:
    # Elixir's String.length is grapheme clusters; Akkoma trims twice (ActivityDraft).
    expected = len(list(pyuegc.EGC((text.strip() + spoiler).strip())))
    assert status_length(Counting.AKKOMA, text, spoiler) == expected


@given(texts, texts)
def test_pixelfed_counts_the_caption_alone_in_code_points(text: str, spoiler: str) -> None:
    assert status_length(Counting.PIXELFED, text, spoiler) == len(text)


def test_a_family_emoji_counts_as_each_server_counts_it() -> None:
    text = FAMILY * 1000
    assert status_length(Counting.MASTODON, text) == 1000
    assert status_length(Counting.AKKOMA, text) == 1000
    assert status_length(Counting.GOTOSOCIAL, text) == 7000
    assert status_length(Counting.PIXELFED, text) == 7000
    assert strictest_length(text) == 11000  # 4 astral (2 units each) + 3 joiners


def test_links_and_handles_count_in_full_except_on_mastodon() -> None:
    text = f"Zie {LONG_LINK} en {HANDLE}"
    assert status_length(Counting.MASTODON, text) == 4 + 23 + 4 + len("@redactie")
    assert status_length(Counting.GOTOSOCIAL, text) == len(text)
    assert status_length(Counting.AKKOMA, text) == len(text)
    # A link shorter than Mastodon's 23: the strict count takes Mastodon's larger figure.
    assert strictest_length("https://a.nl") == 23


def test_software_names_map_to_their_rule_and_the_rest_to_the_strictest() -> None:
    assert counting_for("glitch-soc") is Counting.MASTODON
    assert counting_for("hometown") is Counting.MASTODON
    assert counting_for("pleroma") is Counting.AKKOMA
    assert counting_for("sharkey") is Counting.STRICTEST
    assert counting_for("friendica") is Counting.STRICTEST
    assert counting_for("") is Counting.STRICTEST


def test_an_account_counts_as_its_recorded_software() -> None:
    text = "a" * 4970 + " " + LONG_LINK  # 4971 + 23 on Mastodon; 4971 + 66 in full
    gotosocial = _account("gotosocial", max_characters=5000).effective_limits()
    assert gotosocial.unit is Unit.CODE_POINTS
    assert gotosocial.counting == "gotosocial"
    assert measure(text, gotosocial).length == len(text) > 5000
    mastodon = _account("mastodon", max_characters=5000).effective_limits()
    assert measure(text, mastodon).length == 4971 + 23 <= 5000


def test_an_account_without_recorded_software_counts_as_mastodon_did() -> None:
    limits = _account(None).effective_limits()
    assert limits.counting == "mastodon"
    assert limits.unit is Unit.GRAPHEMES
    assert measure(FAMILY * 3 + " " + LONG_LINK, limits).length == 3 + 1 + 23
