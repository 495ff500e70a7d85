import re

from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.text.graphemes import grapheme_boundaries, grapheme_count, graphemes, utf8_length
from composer.core.text.teaser import make_teaser

LINK = "https://bieb.example.nl/nieuws/verbouwing"
FAMILY = "👩\u200d👩\u200d👧\u200d👦"


def graphemes_at_most(limit):
    return lambda text: grapheme_count(text) <= limit


def mastodon_like(limit):
    # Mastodon counts every link as 23 characters, whatever its length.
    return lambda text: len(re.sub(r"https?://\S+", "x" * 23, text)) <= limit


def first_paragraph(text):
    for paragraph in re.split(r"\n[^\S\n]*\n", text):
        if paragraph.split():
            return " ".join(paragraph.split())
    return ""


tricky = st.sampled_from(
    [" ", "\n", "\n\n", "\r\n\r\n", "\t", ". ", "! ", "… ", ", ", " — ", "。", "e\u0301", FAMILY,
     "🇳🇱", "\u0600", "日本語", "bibliotheek", "Supercalifragilistisch"]
)  # fmt: skip
chunks = st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=20), tricky)
texts = st.lists(chunks, min_size=5, max_size=60).map("".join)
links = st.sampled_from([LINK, "https://example.org/" + "a" * 200, "https://e.nl/x", ""])
fits_makers = st.sampled_from([graphemes_at_most, mastodon_like])


@settings(max_examples=400, deadline=None)
@given(
    st.tuples(texts, texts),
    links,
    st.builds(
        lambda make, limit: make(limit),
        fits_makers,
        st.one_of(st.integers(20, 90), st.integers(10, 300)),
    ),
    st.sampled_from(["…", "...", ""]),
)
def test_teaser_properties(body_and_title, link, fits, ellipsis):
    body, title = body_and_title
    teaser = make_teaser(body, link, fits, ellipsis=ellipsis, title=title)
    assert fits(teaser) or teaser == link
    assert teaser.endswith(link)
    source = first_paragraph(body) or first_paragraph(title)
    if teaser == link:
        return
    excerpt = teaser.removesuffix(link).removesuffix("\n\n") if link else teaser
    assert excerpt and excerpt == excerpt.strip()
    if not source.startswith(excerpt):
        assert ellipsis and excerpt.endswith(ellipsis)
        excerpt = excerpt.removesuffix(ellipsis)
    # A prefix of the paragraph (whitespace collapsed), ending between clusters or before a space.
    assert source.startswith(excerpt)
    cut = len(excerpt)
    assert cut in grapheme_boundaries(source) or source[cut] == " "
    words, expected = excerpt.split(), source.split()
    assert words[:-1] == expected[: len(words) - 1]
    assert expected[len(words) - 1].startswith(words[-1])


def test_a_short_body_is_used_whole():
    assert make_teaser("  Kom naar de  opening!\n", LINK, graphemes_at_most(300)) == (
        f"Kom naar de opening!\n\n{LINK}"
    )


def test_only_the_first_paragraph():
    body = "Kom naar de opening!\n\nDe burgemeester knipt het lint door om drie uur."
    assert make_teaser(body, LINK, graphemes_at_most(300)) == f"Kom naar de opening!\n\n{LINK}"


BODY = (
    "De bibliotheek is zaterdag gesloten vanwege een verbouwing. We zijn maandag weer open, "
    "met een nieuwe leeszaal en langere openingstijden.\n\nMeer informatie volgt."
)


def test_whole_sentences_when_they_fill_half_the_room():
    teaser = make_teaser(BODY, LINK, graphemes_at_most(140))
    assert teaser == f"De bibliotheek is zaterdag gesloten vanwege een verbouwing.\n\n{LINK}"


def test_word_cut_with_ellipsis_when_the_first_sentence_is_too_long():
    teaser = make_teaser(BODY, LINK, graphemes_at_most(100))
    assert teaser == f"De bibliotheek is zaterdag gesloten vanwege een…\n\n{LINK}"
    assert grapheme_count(teaser) <= 100


def test_no_comma_before_the_ellipsis():
    body = "Welkom, lieve lezers, bij de bibliotheek van de toekomst vol boeken"
    teaser = make_teaser(body, "", graphemes_at_most(24), ellipsis="...")
    assert teaser == "Welkom, lieve lezers..."


def test_title_when_the_body_is_empty():
    teaser = make_teaser(" \n ", LINK, graphemes_at_most(300), title="Verbouwing  bieb")
    assert teaser == f"Verbouwing bieb\n\n{LINK}"


def test_link_alone_when_nothing_else_fits():
    assert make_teaser(BODY, LINK, graphemes_at_most(len(LINK) + 2)) == LINK
    assert make_teaser(BODY, LINK, graphemes_at_most(10)) == LINK  # caller reports it
    assert make_teaser("", LINK, graphemes_at_most(300)) == LINK


def test_a_long_word_is_cut_between_clusters():
    teaser = make_teaser(FAMILY * 40 + " feest", LINK, graphemes_at_most(len(LINK) + 8))
    excerpt = teaser.removesuffix(f"\n\n{LINK}")
    assert excerpt == FAMILY * 5 + "…"
    assert set(graphemes(excerpt[:-1])) == {FAMILY}


def test_cjk_ends_after_a_sentence():
    body = "今天图书馆关门。明天上午九点重新开放，欢迎大家来参观新的阅览室。"
    teaser = make_teaser(body, LINK, graphemes_at_most(len(LINK) + 2 + 20))
    assert teaser == f"今天图书馆关门。\n\n{LINK}"


def test_fits_with_weighted_links_and_bytes():
    long_link = "https://example.org/" + "a" * 400
    teaser = make_teaser(BODY * 10, long_link, mastodon_like(80))
    assert teaser.endswith(long_link)
    assert mastodon_like(80)(teaser)

    def bluesky(text):
        return grapheme_count(text) <= 300 and utf8_length(text) <= 3000

    assert bluesky(make_teaser("é" * 5000, LINK, bluesky))
