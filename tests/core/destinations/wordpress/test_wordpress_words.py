"""The words Omroeper writes into the post itself follow the post's language (the draft's),
recorded on the post, so that telling it where the copies are later, from the post alone,
uses the same language; an unknown or missing language gets Dutch."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from composer.core.destinations.wordpress.blocks import Picture, post_content, with_syndication
from composer.core.destinations.wordpress.words import ALSO_ON, also_on, language_of, primary

COPIES = [("mastodon", "https://social.example/@bieb/1"), ("bluesky", "https://bsky.app/x")]
LANGUAGES = st.one_of(
    st.sampled_from(["nl", "nl-BE", "en", "en-GB", "de", "de-AT", "fr", "fr-BE", "fy", ""]),
    st.sampled_from(["EN", "nl_NL", " de ", "xx", "x", "nl-", "-en", "en\n", 'en" onload="x']),
    st.text(max_size=20),
)
BODIES = st.text(min_size=1, max_size=60).filter(lambda text: text.strip())


def _words(content: str) -> str:
    found = re.search(r'<p class="omroeper-syndication">(.*?) <a ', content)
    assert found, content
    return found.group(1)


def test_each_known_language_has_its_words_and_others_get_dutch():
    cases = {
        "nl": "Ook op:",
        "nl-BE": "Ook op:",
        "en": "Also on:",
        "en-GB": "Also on:",
        "de": "Auch auf:",
        "fr": "Également sur\u00a0:",
        "": "Ook op:",
        "fy": "Ook op:",
        "zz-Latn": "Ook op:",
    }
    for language, words in cases.items():
        content = post_content("Open dag", [], "omroeper-0123456789", language)
        assert _words(with_syndication(content, COPIES)) == words, language


@given(BODIES, LANGUAGES)
def test_the_post_records_its_language_and_telling_uses_it(body, language):
    content = post_content(
        body, [Picture(3, "https://bieb.example/a.jpg", "")], "omroeper-a", language
    )
    assert language_of(content) == primary(language)
    told = with_syndication(content, COPIES)
    assert _words(told) == also_on(language) and also_on(language) in ALSO_ON.values()
    assert with_syndication(told, COPIES[:1]).count("omroeper-syndication") == 2  # one block
    # whatever was given as a language, only a plain language subtag reaches the markup
    found = set(re.findall(r"omroeper-lang-[^\s\"]*", told))
    assert found == ({f"omroeper-lang-{primary(language)}"} if primary(language) else set())
