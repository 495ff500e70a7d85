"""The draft as WordPress blocks: whatever the text, it comes back as the same words, only
safe links become links, and the syndication paragraph is there once however often it is told."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from composer.core.destinations.wordpress.blocks import (
    Picture,
    image_ids,
    mark_for,
    mark_of,
    paragraphs,
    post_content,
    slug_for,
    syndication_of,
    with_syndication,
)
from composer.core.outside_url import safe_link

PIECES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "https://example.org/a?b=1&c=2",
            "http://example.org/plain",
            "javascript:alert(1)",
            "<script>x</script>",
            "#opendag",
            "@bieb@social.example",
            "\n",
            "\n\n",
            "\r\n",
            '"quoted" & <b>',
            "https://exa mple.org",
            "(https://example.org/x).",
        ]
    ),
)
TEXTS = st.lists(PIECES, max_size=12).map("".join)
_TAG = re.compile(r"<[^>]*>")


def _visible(blocks: str) -> list[list[str]]:
    """The paragraphs' lines as a reader sees them."""
    found = re.findall(r"<p[^>]*>(.*?)</p>", blocks, re.DOTALL)
    return [[html.unescape(_TAG.sub("", line)) for line in p.split("<br>")] for p in found]


def _expected(text: str) -> list[list[str]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    parts = re.split(r"\n[ \t]*\n\s*", text)
    return [part.strip().split("\n") for part in parts if part.strip()]


@given(TEXTS)
def test_the_words_come_back_unchanged_and_only_safe_links_are_links(text):
    blocks = paragraphs(text)
    assert _visible(blocks) == _expected(text)
    for href in re.findall(r'href="([^"]*)"', blocks):
        assert safe_link(html.unescape(href))
    # nothing the person typed becomes markup: every tag is one the blocks make
    assert set(re.findall(r"</?([a-z]+)", blocks)) <= {"p", "br", "a"}
    assert all(
        re.match(r"https?://", href, re.IGNORECASE)
        for href in re.findall(r'href="([^"]*)"', blocks)
    )


@given(TEXTS, st.lists(st.sampled_from(["mastodon", "bluesky", "discord"]), max_size=3))
def test_telling_again_leaves_one_syndication_paragraph(text, networks):
    copies = [(network, f"https://{network}.example/1") for network in networks]
    content = post_content(text, [Picture(7, "https://bieb.example/a.jpg", 'a "zaal"')])
    once = with_syndication(content, copies)
    assert with_syndication(once, copies) == once
    assert once.count('<p class="omroeper-syndication">') == (1 if copies else 0)
    later = with_syndication(once, [*copies, ("pixelfed", "https://pixelfed.example/9")])
    assert later.count('<p class="omroeper-syndication">') == 1 and "Pixelfed" in later
    assert 'alt="a &quot;zaal&quot;"' in later


@given(st.text(max_size=200), st.text(min_size=1, max_size=40))
def test_the_slug_is_an_address_name_and_differs_per_key(title, key):
    slug = slug_for(title, key)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 61
    assert slug_for(title, key) == slug != slug_for(title, key + "x")


@given(
    st.text(max_size=300).filter(str.strip),  # a post without words carries no mark
    st.lists(st.integers(1, 10**12), max_size=5),
    st.text(max_size=20),
    st.lists(st.sampled_from(["mastodon", "bluesky", "pixelfed"]), max_size=3),
)
def test_an_edit_reads_back_the_posts_mark_photos_and_links_whatever_its_text(
    text, ids, key, networks
):
    """What an edit reads from a post's raw content is what was written, never something
    the text itself says (a body saying `<!-- wp:image {"id": 5} -->` or `omroeper-…`)."""
    pictures = [Picture(i, f"https://example.org/{i}.jpg", "alt") for i in ids]
    written = post_content(text, pictures, mark_for(key), "nl")
    copies = [(n, f"https://{n}.example/@bieb/{i}") for i, n in enumerate(networks)]
    told = with_syndication(written, copies)
    assert mark_of(told) == mark_for(key)
    assert image_ids(told) == ids
    block = syndication_of(told)
    assert (block != "") == bool(copies)
    assert all(url in block for _n, url in copies)
    assert with_syndication(written + ("\n\n" + block if block else ""), copies) == told
